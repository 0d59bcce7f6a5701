"""The resource model shared by the provider plugin and the SDK."""
