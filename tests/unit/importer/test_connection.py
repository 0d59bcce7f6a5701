"""Connection errors speak in dex-import's flags, not in the provider's setting names."""

from __future__ import annotations

import pytest

from importer.connection import in_flag_terms


@pytest.mark.parametrize(
    ("provider_words", "flag_words"),
    [
        (
            "provider setting timeoutSeconds must be a number",
            "--timeout must be a number",
        ),
        (
            "Dex host 'dex' is not of the form host:port; set the provider's `host`",
            "Dex host 'dex' is not of the form host:port; pass --host HOST:PORT",
        ),
        (
            "the TLS handshake failed; check `ca_cert`, `client_cert`, `client_key` and "
            "`server_name`",
            "the TLS handshake failed; check --ca-cert, --client-cert, --client-key and "
            "--server-name",
        ),
        (
            "Dex at h: listing exceeded its deadline; raise `timeout_seconds`",
            "Dex at h: listing exceeded its deadline; raise --timeout",
        ),
        (
            "set both clientCert and clientKey for mTLS, or neither",
            "set both --client-cert and --client-key for mTLS, or neither",
        ),
        (
            "provider setting insecure must be true or false, not 'maybe'",
            "DEX_INSECURE (or dex:insecure) must be true or false, not 'maybe'",
        ),
        (
            "the host name does not resolve; check `host`",
            "the host name does not resolve; check --host",
        ),
    ],
)
def test_provider_setting_names_become_flags(provider_words: str, flag_words: str) -> None:
    assert in_flag_terms(provider_words) == flag_words


def test_stack_config_keys_in_a_remedy_keep_their_names() -> None:
    message = "no host; use --stack with dex:host, or dex:clientCert and dex:clientKey"

    assert in_flag_terms(message) == message
