"""Secrets and unknowns on the wire between the engine and the plugin."""

from google.protobuf import json_format

from pulumi_dex.provider import wire


def test_encode_wraps_nested_secret_paths_only():
    struct = wire.encode(
        {"name": "n", "oidcConfig": {"clientId": "c", "clientSecret": "s"}},
        ["oidcConfig.clientSecret"],
    )
    plain = json_format.MessageToDict(struct)
    assert plain["name"] == "n"
    assert plain["oidcConfig"]["clientId"] == "c"
    assert plain["oidcConfig"]["clientSecret"] == {wire.SIG_KEY: wire.SECRET_SIG, "value": "s"}


def test_decode_unwraps_secrets_and_restores_integers():
    struct = wire.encode({"secret": "s", "timeoutSeconds": 5}, ["secret"])
    assert wire.decode(struct) == {"secret": "s", "timeoutSeconds": 5}


def test_unknown_detection_looks_inside_containers():
    assert wire.is_unknown([wire.UNKNOWN])
    assert wire.is_unknown({"a": {"b": wire.UNKNOWN}})
    assert not wire.is_unknown({"a": "known"})
