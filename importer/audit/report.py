"""The result of one audit: every finding, what could not be read, and when it ran."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from importer.audit.findings import Category, Finding

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class AuditReport:
    """Findings sorted by host, kind and ID; `ignored` counts objects an ignore rule hid."""

    stacks: tuple[str, ...]
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...] = ()
    ignored: int = 0
    started_at: datetime = field(default_factory=lambda: datetime.fromtimestamp(0))
    duration_seconds: float = 0.0

    @property
    def drifted(self) -> tuple[Finding, ...]:
        """The findings that count as drift."""
        return tuple(f for f in self.findings if f.drifted)

    def counts(self) -> dict[str, int]:
        """Objects per category, every category present."""
        counted = Counter(f.category for f in self.findings)
        return {category.value: counted[category] for category in Category}
