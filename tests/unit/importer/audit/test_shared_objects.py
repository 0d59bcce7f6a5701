"""An object that two stacks manage is called out: their updates undo each other."""

from importer.audit.hosts import _shared_objects
from importer.audit.state import ManagedObject


def _managed(stack: str, kind: str, object_id: str) -> ManagedObject:
    return ManagedObject(stack, f"urn:{stack}:{object_id}", kind, object_id, {}, "default")


def test_an_object_in_two_stacks_is_reported_once_with_both_names():
    objects = [
        _managed("prod", "connector", "github"),
        _managed("shared", "connector", "github"),
        _managed("prod", "client", "web"),
    ]

    assert _shared_objects("dex:5557", objects) == [
        "connector/github on dex:5557 is managed by stacks prod, shared; each `pulumi up` "
        "overwrites the others' settings, so keep it in one stack"
    ]


def test_same_id_as_client_and_connector_is_not_shared():
    objects = [_managed("prod", "connector", "web"), _managed("shared", "client", "web")]

    assert _shared_objects("dex:5557", objects) == []
