"""What the typed connectors stored as Dex oidc connectors (Azure, Cognito) share."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Inputs = dict[str, Any]


def typed_inputs(
    oidc: dict[str, Any],
    issuer: re.Pattern[str],
    from_issuer: Callable[[re.Match[str]], Inputs],
    with_defaults: Callable[[Inputs], Inputs],
    to_oidc: Callable[[Inputs], dict[str, Any]],
) -> Inputs | None:
    """The typed inputs of an oidc config, or None when they would not reproduce it exactly.

    Exactness is what makes import and refresh safe: a config with any setting the typed
    resource cannot express (a flag turned off by hand, an extra key) is not claimed, so
    nothing is silently rewritten on the next update.
    """
    match = issuer.match(str(oidc.get("issuer", "")))
    if match is None:
        return None
    common = {
        "clientId": oidc.get("clientId"),
        "clientSecret": oidc.get("clientSecret"),
        "redirectUri": oidc.get("redirectUri"),
        "scopes": oidc.get("scopes"),
        "userNameSource": oidc.get("userNameKey"),
    }
    known = {k: v for k, v in common.items() if v is not None}
    inputs = with_defaults({**from_issuer(match), **known})
    return inputs if to_oidc(inputs) == oidc else None
