"""Test harness: real Dex processes, a throwaway PKI and the real Pulumi CLI."""
