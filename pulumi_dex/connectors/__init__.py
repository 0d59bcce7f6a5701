"""Connector families: typed configs to and from the JSON documents Dex stores."""
