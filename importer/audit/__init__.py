"""dex-import audit: compare what Pulumi stacks hold with what Dex serves."""
