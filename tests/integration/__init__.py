"""The store, the CLI, builds, exports, feeds, crash safety and concurrency."""
