"""The JUnit XML report: one test suite per Dex host, one test case per object."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from importer.audit.findings import MEANINGS, Finding
from importer.audit.report import AuditReport


def _case(suite: ET.Element, finding: Finding) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        classname=f"dex.{finding.kind}",
        name=finding.key if finding.stack is None else f"{finding.key} [{finding.stack}]",
        time="0",
    )
    if not finding.drifted:
        return
    failure = ET.SubElement(
        case,
        "failure",
        type=finding.category.value,
        message=f"{finding.key} is {finding.category}",
    )
    failure.text = (
        "\n".join(d.describe() for d in finding.differences) or MEANINGS[finding.category]
    )


def render(report: AuditReport) -> str:
    """The report as JUnit XML; drifted objects are failures, the rest pass."""
    root = ET.Element(
        "testsuites",
        name="dex-audit",
        tests=str(len(report.findings)),
        failures=str(len(report.drifted)),
        time=f"{report.duration_seconds:.3f}",
    )
    for host, group in groupby(report.findings, key=lambda f: f.host):
        findings = list(group)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=f"dex {host}",
            tests=str(len(findings)),
            failures=str(sum(f.drifted for f in findings)),
            errors="0",
            timestamp=report.started_at.isoformat(timespec="seconds"),
            time=f"{report.duration_seconds:.3f}",
        )
        for finding in findings:
            _case(suite, finding)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
