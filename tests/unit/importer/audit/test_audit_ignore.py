"""Ignore rules on kind/id."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer.audit.ignore import IgnoreFileError, IgnoreRules


def test_pattern_matches_kind_and_id_prefix() -> None:
    rules = IgnoreRules(["# legacy ones", "", "connector/legacy-*"])

    assert rules.ignores("connector/legacy-ldap")
    assert not rules.ignores("client/legacy-web")


def test_negation_keeps_one_back() -> None:
    rules = IgnoreRules(["client/*", "!client/web"])

    assert rules.ignores("client/cli") and not rules.ignores("client/web")


def test_missing_file_names_the_flag(tmp_path: Path) -> None:
    with pytest.raises(IgnoreFileError, match="^--ignore-file "):
        IgnoreRules.from_file(tmp_path / "none")


def test_fnmatch_stands_in_when_pathspec_is_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    from importer.audit import ignore

    monkeypatch.setattr(ignore, "pathspec", None)
    rules = IgnoreRules(["connector/legacy-*", "!connector/legacy-keep"])

    assert rules.ignores("connector/legacy-ldap")
    assert not rules.ignores("connector/legacy-keep")
    assert not rules.ignores("client/legacy-web")
