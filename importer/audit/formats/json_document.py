"""The JSON report, for scripts; `schemaVersion` changes when a field changes meaning."""

from __future__ import annotations

import json
from typing import Any

from importer.audit.findings import Difference, Finding
from importer.audit.report import SCHEMA_VERSION, AuditReport


def _difference(diff: Difference) -> dict[str, Any]:
    doc: dict[str, Any] = {"path": diff.path, "change": diff.change, "secret": diff.secret}
    if not diff.secret:
        doc["expected"] = diff.expected
        doc["actual"] = diff.actual
    return doc


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "key": finding.key,
        "host": finding.host,
        "kind": finding.kind,
        "id": finding.id,
        "category": finding.category.value,
        "drifted": finding.drifted,
        "stack": finding.stack,
        "static": finding.static,
        "differences": [_difference(d) for d in finding.differences],
    }


def render(report: AuditReport) -> str:
    """The whole report as one JSON document."""
    doc = {
        "schemaVersion": SCHEMA_VERSION,
        "startedAt": report.started_at.isoformat(),
        "durationSeconds": round(report.duration_seconds, 3),
        "stacks": list(report.stacks),
        "counts": report.counts(),
        "drifted": len(report.drifted),
        "ignored": report.ignored,
        "warnings": list(report.warnings),
        "objects": [_finding(f) for f in report.findings],
    }
    return json.dumps(doc, indent=2, default=str) + "\n"
