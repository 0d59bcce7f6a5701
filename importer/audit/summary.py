"""The few lines for people that the audit writes to stderr."""

from __future__ import annotations

from importer.audit.report import AuditReport

MAX_LISTED = 20


def render(report: AuditReport) -> str:
    """Counts, then the drifted objects (the first MAX_LISTED), each with its differences."""
    counts = ", ".join(f"{n} {name}" for name, n in report.counts().items() if n)
    lines = [
        f"audit of {', '.join(report.stacks)}: {counts or 'no objects'}"
        + (f", {report.ignored} ignored" if report.ignored else "")
    ]
    drifted = report.drifted
    for finding in drifted[:MAX_LISTED]:
        where = f" (stack {finding.stack})" if finding.stack else ""
        lines.append(f"  {finding.category}: {finding.key} on {finding.host}{where}")
        lines.extend(f"    {d.describe()}" for d in finding.differences)
    if len(drifted) > MAX_LISTED:
        lines.append(f"  ... and {len(drifted) - MAX_LISTED} more; see the report")
    static = [f.key for f in report.findings if f.static and f not in drifted]
    if static:
        # Unmanaged but from Dex's config file: not drift, yet worth naming once.
        lines.append(f"  from Dex's config file, not drift: {', '.join(static[:MAX_LISTED])}")
    lines.append(f"{len(drifted)} drifted" if drifted else "no drift")
    return "\n".join(lines) + "\n"
