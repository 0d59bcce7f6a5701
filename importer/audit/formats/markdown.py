"""The Markdown report, short enough for a pull-request comment."""

from __future__ import annotations

from importer.audit.findings import MEANINGS, Finding
from importer.audit.report import AuditReport


def _cell(text: str) -> str:
    # A pipe would end the cell and a newline the row; backticks would open code spans.
    return text.replace("|", "\\|").replace("\n", " ").replace("`", "'")


def _row(finding: Finding) -> str:
    stack = finding.stack or ("static" if finding.static else "none")
    details = "<br>".join(_cell(d.describe()) for d in finding.differences)
    details = details or MEANINGS[finding.category]
    return (
        f"| {_cell(finding.host)} | `{_cell(finding.key)}` | {finding.category.value} "
        f"| {_cell(stack)} | {details} |"
    )


def render(report: AuditReport) -> str:
    """Counts, then one table row per drifted object; objects in sync are only counted."""
    drifted = report.drifted
    verdict = f"**{len(drifted)} drifted**" if drifted else "**no drift**"
    lines = [
        "## Dex drift audit",
        "",
        f"{verdict} across stacks {', '.join(f'`{s}`' for s in report.stacks)}.",
        "",
        "| " + " | ".join(report.counts()) + " | ignored |",
        "|" + " --- |" * (len(report.counts()) + 1),
        "| " + " | ".join(str(n) for n in report.counts().values()) + f" | {report.ignored} |",
    ]
    if drifted:
        lines += ["", "| host | object | category | stack | differences |"]
        lines.append("| --- | --- | --- | --- | --- |")
        lines.extend(_row(f) for f in drifted)
    if report.warnings:
        lines += ["", "Warnings:", ""]
        lines.extend(f"- {_cell(w)}" for w in report.warnings)
    return "\n".join(lines) + "\n"
