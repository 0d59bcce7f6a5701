"""dex:index:Connector, the typed connectors built on Dex's oidc connector, and those
stored as Dex's own connector types (github, ldap, saml, ...)."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

from pulumi_dex.connectors import azure, cognito, document, oidc, raw
from pulumi_dex.dex import errors
from pulumi_dex.dex.connectors import ConnectorRecord
from pulumi_dex.model.properties import ResourceSpec
from pulumi_dex.model.resources import AZURE, COGNITO, CONNECTOR
from pulumi_dex.provider import wire
from pulumi_dex.provider.handlers.base import (
    Context,
    DiffResult,
    Failure,
    Props,
    ReadResult,
    UserError,
    diff_inputs,
    input_failures,
)

# Dex API number from which the oidc connector knows pkceChallenge.
PKCE_API = 3


def _document(record: ConnectorRecord) -> dict[str, Any] | None:
    try:
        doc = json.loads(record.config)
    except ValueError:
        return None
    return doc if isinstance(doc, dict) else None


def _raise_for(err: errors.DexError, connector_id: str, token: str) -> None:
    if isinstance(err, errors.AlreadyExistsError):
        raise UserError(
            f"connector {connector_id!r} already exists in Dex; pulumi-dex never adopts it "
            f"silently. Import it with `pulumi import {token} <name> {connector_id}`, "
            "or choose another connector_id"
        ) from err
    if isinstance(err, errors.StaticObjectError):
        raise UserError(
            f"connector {connector_id!r} is defined in Dex's config file (connectors) and is "
            "read-only through the API; remove it there or leave it out of the program"
        ) from err
    raise err


class ConnectorHandler:
    """Shared CRUD; subclasses turn inputs into a Dex record and back."""

    spec: ResourceSpec = CONNECTOR

    def validate(self, inputs: Props) -> list[Failure]:
        return []

    def with_defaults(self, inputs: Props) -> Props:
        return inputs

    def record(self, inputs: Props) -> ConnectorRecord:
        raise NotImplementedError

    def props_from(self, record: ConnectorRecord, state: Props) -> Props | None:
        raise NotImplementedError

    def check(self, olds: Props, news: Props, seed: bytes) -> tuple[Props, list[Failure]]:
        inputs = self.with_defaults(news)
        failures = input_failures(self.spec, news)
        if not failures:
            failures = self.validate(inputs)
        return inputs, failures

    def diff(self, olds: Props, news: Props) -> DiffResult:
        return diff_inputs(self.spec, olds, news)

    def _outputs(self, inputs: Props) -> Props:
        return dict(inputs)

    def _guard(self, ctx: Context, inputs: Props) -> None:
        """Fail before writing when Dex is too old for what the inputs use."""

    def create(self, ctx: Context, inputs: Props, preview: bool) -> tuple[str, Props]:
        outputs = self._outputs(inputs)
        if preview:
            return inputs["connectorId"], outputs
        record = self.record(inputs)
        self._guard(ctx, inputs)
        try:
            ctx.dex().connectors.create(record)
        except (errors.AlreadyExistsError, errors.StaticObjectError) as err:
            _raise_for(err, record.id, self.spec.token)
        return record.id, outputs

    def read(self, ctx: Context, resource_id: str, state: Props) -> ReadResult:
        found = ctx.dex().connectors.find(resource_id)
        if found is None:
            return ReadResult(None, {}, {})
        props = self.props_from(found, state)
        if props is None:
            raise UserError(
                f"connector {resource_id!r} in Dex is of type {found.type!r} and does not fit "
                f"{self.spec.token}; import it as dex:index:Connector instead"
            )
        inputs = {k: v for k, v in props.items() if k in {p.name for p in self.spec.inputs}}
        return ReadResult(found.id, self._outputs(props), inputs)

    def update(self, ctx: Context, resource_id: str, news: Props, preview: bool) -> Props:
        outputs = self._outputs(news)
        if preview:
            return outputs
        self._guard(ctx, news)
        try:
            ctx.dex().connectors.update(self.record(news))
        except errors.StaticObjectError as err:
            _raise_for(err, resource_id, self.spec.token)
        except errors.NotFoundError as err:
            raise UserError(
                f"connector {resource_id!r} is gone from Dex; run `pulumi refresh`, then "
                "`pulumi up` to create it again"
            ) from err
        return outputs

    def delete(self, ctx: Context, resource_id: str, state: Props) -> None:
        try:
            existed = ctx.dex().connectors.delete(resource_id)
        except errors.StaticObjectError:
            # Nothing here can delete it; keeping it in state would block every destroy.
            ctx.log.warn(
                f"connector {resource_id!r} is defined in Dex's config file; it leaves the "
                "stack and stays in Dex",
                ctx.urn,
            )
            return
        if not existed:
            ctx.log.warn(f"connector {resource_id!r} was already gone from Dex", ctx.urn)


class GenericConnectorHandler(ConnectorHandler):
    """Any connector type, with typed `oidcConfig` or a JSON `rawConfig`."""

    spec = CONNECTOR

    def validate(self, inputs: Props) -> list[Failure]:
        has_oidc = inputs.get("oidcConfig") is not None
        has_raw = inputs.get("rawConfig") not in (None, "")
        if has_oidc == has_raw:
            return [("oidcConfig", "set exactly one of oidcConfig and rawConfig")]
        if has_oidc:
            kind = inputs.get("type")
            if kind != oidc.OIDC_TYPE and not wire.is_unknown(kind):
                return [
                    (
                        "oidcConfig",
                        f"oidcConfig needs type 'oidc', not {kind!r}; "
                        "use rawConfig for other connector types",
                    )
                ]
            config = inputs["oidcConfig"]
            return [] if wire.is_unknown(config) else oidc.check(config)
        text = inputs["rawConfig"]
        if wire.is_unknown(text):
            return []
        try:
            raw.parse(text)
        except raw.RawConfigError as err:
            return [("rawConfig", str(err))]
        return []

    def _guard(self, ctx: Context, inputs: Props) -> None:
        if (inputs.get("oidcConfig") or {}).get("pkceChallenge"):
            ctx.dex().connection.require_api(PKCE_API, "oidcConfig.pkceChallenge")

    def record(self, inputs: Props) -> ConnectorRecord:
        if inputs.get("oidcConfig") is not None:
            config = json.dumps(oidc.to_dex(inputs["oidcConfig"])).encode()
        else:
            config = json.dumps(raw.parse(inputs["rawConfig"])).encode()
        return ConnectorRecord(inputs["connectorId"], inputs["type"], inputs["name"], config)

    def props_from(self, record: ConnectorRecord, state: Props) -> Props | None:
        props: Props = {"connectorId": record.id, "type": record.type, "name": record.name}
        doc = _document(record)
        wants_raw = state.get("rawConfig") not in (None, "")
        if doc is not None and record.type == oidc.OIDC_TYPE and not wants_raw:
            props["oidcConfig"] = oidc.from_dex(doc)
            return props
        text = record.config.decode(errors="replace")
        # Keep the user's own formatting when the document is unchanged.
        previous = state.get("rawConfig")
        props["rawConfig"] = previous if previous and raw.same_document(previous, text) else text
        return props


class OidcFamilyHandler(ConnectorHandler):
    """Typed connectors stored as Dex oidc connectors (Azure, Cognito)."""

    family: ModuleType

    def validate(self, inputs: Props) -> list[Failure]:
        known = {k: v for k, v in inputs.items() if not wire.is_unknown(v)}
        return list(self.family.check(known))

    def with_defaults(self, inputs: Props) -> Props:
        return dict(self.family.with_defaults(inputs))

    def _outputs(self, inputs: Props) -> Props:
        outputs = dict(inputs)
        parts_known = not any(wire.is_unknown(v) for v in inputs.values())
        outputs["issuer"] = self.family.issuer(inputs) if parts_known else wire.UNKNOWN
        return outputs

    def record(self, inputs: Props) -> ConnectorRecord:
        config = json.dumps(oidc.to_dex(self.family.to_oidc(inputs))).encode()
        return ConnectorRecord(inputs["connectorId"], oidc.OIDC_TYPE, inputs["name"], config)

    def props_from(self, record: ConnectorRecord, state: Props) -> Props | None:
        doc = _document(record)
        if record.type != oidc.OIDC_TYPE or doc is None:
            return None
        typed = self.family.from_oidc(oidc.from_dex(doc))
        if typed is None:
            return None
        return {"connectorId": record.id, "name": record.name, **typed}


class AzureHandler(OidcFamilyHandler):
    spec = AZURE
    family = azure


class CognitoHandler(OidcFamilyHandler):
    spec = COGNITO
    family = cognito


class TypedConnectorHandler(ConnectorHandler):
    """A typed resource stored as one Dex connector type; its family module maps the config.

    A family module has TYPE (Dex's connector type), SPEC, check(inputs) -> failures,
    to_dex(inputs) -> document and from_dex(document) -> inputs, raising document.Misfit.
    """

    def __init__(self, family: ModuleType) -> None:
        self.family = family
        self.spec = family.SPEC

    def validate(self, inputs: Props) -> list[Failure]:
        known = {k: v for k, v in inputs.items() if not wire.is_unknown(v)}
        return list(self.family.check(known))

    def with_defaults(self, inputs: Props) -> Props:
        # Dex reads false as unset and Read reports it so; state must agree with Read.
        return dict(document.without_false(inputs))

    def record(self, inputs: Props) -> ConnectorRecord:
        config = json.dumps(self.family.to_dex(inputs)).encode()
        return ConnectorRecord(inputs["connectorId"], self.family.TYPE, inputs["name"], config)

    def props_from(self, record: ConnectorRecord, state: Props) -> Props | None:
        doc = _document(record)
        if record.type != self.family.TYPE or doc is None:
            return None
        try:
            typed = self.family.from_dex(doc)
        except document.Misfit as err:
            raise UserError(
                f"connector {record.id!r} in Dex does not fit {self.spec.token}: {err}; "
                "import it as dex:index:Connector instead"
            ) from err
        return {"connectorId": record.id, "name": record.name, **typed}
