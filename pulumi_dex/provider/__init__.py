"""The `pulumi-resource-dex` plugin: a Pulumi resource provider served over gRPC."""
