"""Local Dex servers on loopback for the demo, the tests and the benchmarks.

A development PKI (pki), Dex's config file from a few options (config), and the process
with its readiness checks (server). Runs in the project's virtualenv.
"""
