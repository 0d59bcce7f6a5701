"""A scripted browser login through Dex's authorization-code flow, on loopback only."""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import requests

MAX_HOPS = 20
TIMEOUT_SECONDS = 10.0
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")
_FORM_ACTION = re.compile(r'<form[^>]*method="post"[^>]*action="([^"]*)"', re.IGNORECASE)


class LoginError(AssertionError):
    """The login flow did not reach the client's redirect URI."""


@dataclass(frozen=True)
class LoginResult:
    """Where Dex finally sent the browser, with the code and state it carried."""

    redirect_url: str
    code: str
    state: str
    hops: tuple[str, ...]


def _loopback_only(url: str) -> str:
    # The harness must never follow a redirect off this machine.
    host = urlsplit(url).hostname or ""
    if host not in LOOPBACK_HOSTS:
        raise LoginError(f"login flow tried to leave loopback for {url!r}")
    return url


def _strip_query(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def password_login(
    issuer: str,
    client_id: str,
    redirect_uri: str,
    username: str,
    password: str,
    connector_id: str | None = None,
) -> LoginResult:
    """Log `username` in at `issuer`, following every hop (upstream IdPs included)."""
    state = secrets.token_urlsafe(8)
    query = {
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "response_type": "code",
        "scope": "openid email profile",
        "state": state,
    }
    if connector_id:
        query["connector_id"] = connector_id
    session = requests.Session()
    url = f"{issuer}/auth?{urlencode(query)}"
    hops: list[str] = []
    posted = False
    for _ in range(MAX_HOPS):
        if _strip_query(url) == _strip_query(redirect_uri):
            return _finish(url, state, hops)
        hops.append(_strip_query(url))
        reply = session.get(_loopback_only(url), allow_redirects=False, timeout=TIMEOUT_SECONDS)
        if reply.is_redirect:
            url = urljoin(url, reply.headers["Location"])
            continue
        form = _FORM_ACTION.search(reply.text)
        if reply.status_code != 200 or form is None or posted:
            raise LoginError(_describe(reply, hops))
        action = urljoin(url, html.unescape(form.group(1)) or url)
        credentials = {"login": username, "password": password}
        reply = session.post(
            _loopback_only(action), data=credentials, allow_redirects=False, timeout=TIMEOUT_SECONDS
        )
        posted = True
        if not reply.is_redirect:
            raise LoginError(_describe(reply, hops))
        url = urljoin(action, reply.headers["Location"])
    raise LoginError(f"login flow did not end after {MAX_HOPS} hops: {hops}")


def _finish(url: str, state: str, hops: list[str]) -> LoginResult:
    params = parse_qs(urlsplit(url).query)
    if "error" in params:
        raise LoginError(f"Dex redirected with an error: {params} after {hops}")
    if params.get("state") != [state]:
        raise LoginError(f"state came back as {params.get('state')}, expected {state!r}")
    return LoginResult(url, params["code"][0], state, tuple(hops))


def _describe(reply: requests.Response, hops: list[str]) -> str:
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", reply.text)).strip()
    return f"login stopped at {reply.url} with HTTP {reply.status_code}: {text[:400]} (hops {hops})"
