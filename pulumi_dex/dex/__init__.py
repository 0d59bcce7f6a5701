"""Talking to Dex's gRPC API: connection, typed errors, and one module per Dex object."""
