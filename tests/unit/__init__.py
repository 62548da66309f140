"""Pure functions and the layering rules: no store, no subprocess, no browser."""
