"""dex-import: read a running Dex and write the Pulumi program that manages what it holds."""
