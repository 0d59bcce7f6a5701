"""How Client changes are planned: in place where Dex can, replacement where it cannot."""

from pulumi_dex.provider.handlers.clients import ClientHandler
from pulumi_dex.provider.wire import UNKNOWN

BASE = {
    "clientId": "web",
    "name": "Web",
    "secret": "s" * 32,
    "redirectUris": ["https://a/cb"],
    "trustedPeers": ["cli"],
    "logoUrl": "https://a/logo.png",
}
handler = ClientHandler()


def _plan(**changes):
    return handler.diff(BASE, {**BASE, **changes})


def test_renaming_is_an_update_in_place():
    result = _plan(name="Web app")
    assert result.changed == ["name"] and result.replaces == []


def test_changing_secret_or_public_replaces():
    assert _plan(secret="t" * 32).replaces == ["secret"]
    assert _plan(public=True).replaces == ["public"]


def test_clearing_what_dex_cannot_clear_replaces():
    assert _plan(logoUrl="").replaces == ["logoUrl"]
    assert _plan(trustedPeers=[]).replaces == ["trustedPeers"]
    assert _plan(redirectUris=None).replaces == ["redirectUris"]


def test_replacing_a_redirect_uri_is_an_update():
    assert _plan(redirectUris=["https://b/cb"]).replaces == []


def test_unknown_value_counts_as_a_change():
    assert _plan(name=UNKNOWN).changed == ["name"]


def test_omitted_secret_is_generated_once_and_kept():
    news = {k: v for k, v in BASE.items() if k != "secret"}
    first, failures = handler.check({}, news, b"seed")
    assert failures == [] and len(first["secret"]) >= 40
    again, _ = handler.check(first, news, b"other seed")
    assert again["secret"] == first["secret"]


def test_missing_required_fields_fail_at_check():
    _, failures = handler.check({}, {"clientId": "web"}, b"")
    assert failures == [("name", "name is required")]
