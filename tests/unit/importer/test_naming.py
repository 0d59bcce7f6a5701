"""Names derived from Dex IDs: valid, stable, unique."""

from __future__ import annotations

from importer.naming import assign


def test_plain_ids_keep_their_spelling_behind_the_kind() -> None:
    names = assign("connector", ["corp-sso"])["corp-sso"]

    assert (names.variable, names.resource) == ("connector_corp_sso", "connector_corp_sso")
    assert names.config_key("clientSecret") == "connector-corp-sso-clientSecret"


def test_ids_that_clean_up_alike_get_distinct_stable_suffixes() -> None:
    names = assign("client", ["a-b", "a.b", "c"])

    variables = {names[i].variable for i in ("a-b", "a.b")}
    assert len(variables) == 2
    assert all(v.startswith("client_a_b_") for v in variables)
    assert names["c"].variable == "client_c"
    assert assign("client", ["a.b", "a-b"])["a-b"] == names["a-b"]


def test_every_name_is_a_python_identifier() -> None:
    ids = ["9lives", "with space", "ünïcode", "class", "x:y/z"]

    for names in assign("client", ids).values():
        assert names.variable.isidentifier()
