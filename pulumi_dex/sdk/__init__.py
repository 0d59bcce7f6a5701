"""The typed Python SDK: resource classes users declare in their Pulumi programs."""
