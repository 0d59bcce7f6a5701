"""The package version, shared by the plugin (GetPluginInfo) and the schema."""

VERSION = "0.1.0"
