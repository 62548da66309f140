"""The kgraph test suite; see docs/architecture.md for its layout."""
