"""Report formats of `dex-import audit`: each renderer turns an AuditReport into text."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from importer.audit.formats import json_document, junit, markdown
from importer.audit.report import AuditReport


class ReportFormat(StrEnum):
    """Formats `--format` and `--output FORMAT=FILE` accept."""

    JSON = "json"
    MARKDOWN = "markdown"
    JUNIT = "junit"


RENDERERS: dict[ReportFormat, Callable[[AuditReport], str]] = {
    ReportFormat.JSON: json_document.render,
    ReportFormat.MARKDOWN: markdown.render,
    ReportFormat.JUNIT: junit.render,
}
