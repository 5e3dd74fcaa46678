"""The outer edge of marketgraph: settings, the CLI, the ingest service and the HTTP API."""
