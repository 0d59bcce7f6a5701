"""Pulumi policies that keep a Dex deployment's clients, connectors and provider safe."""
