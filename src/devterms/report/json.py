"""Machine-readable findings: a small, versioned JSON document.

The shape is a contract for scripts, so it is spelled out here key by key rather than derived
from the dataclasses (adding a field to ``Finding`` must not silently change the output).
Columns are 1-based, as in the text and SARIF formats.
"""

from __future__ import annotations

import json
from typing import Any

from devterms.model import Diagnostic, Finding
from devterms.pack.types import ClauseGap
from devterms.report import Report

VERSION = 1


def render(report: Report) -> str:
    document: dict[str, Any] = {
        "version": VERSION,
        "findings": [finding_object(f, report) for f in report.findings],
        "diagnostics": [diagnostic_object(d) for d in report.diagnostics],
    }
    if report.show_suppressed:
        document["suppressed"] = [finding_object(f, report) for f in report.suppressed]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def finding_object(finding: Finding, report: Report | None = None) -> dict[str, Any]:
    """A finding's keys; ``no_clause`` only for a finding without clauses whose platform's terms
    were read and found to have none for its rule."""
    found: dict[str, Any] = {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column + 1,
        "code": finding.code,
        "message": finding.message,
        "severity": finding.severity,
        "platform": finding.platform,
        "sink_category": finding.sink_category,
        "clauses": list(finding.clauses),
        "flow": [
            {"path": h.path, "line": h.line, "column": h.column + 1, "note": h.note}
            for h in finding.flow
        ],
    }
    gap = report.clause_gap(finding) if report is not None else None
    if gap is not None:
        found["no_clause"] = gap_object(report, gap)  # type: ignore[arg-type]  # report is set
    return found


def gap_object(report: Report, gap: ClauseGap) -> dict[str, Any]:
    return {"id": gap.id, "statement": gap.statement, "checked": gap.checked,
            "documents": [{"title": d.title, "url": d.url} for d in report.pack.gap_documents(gap)],
            "copies": list(gap.copies)}


def diagnostic_object(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "path": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.column + 1,
        "code": diagnostic.code,
        "message": diagnostic.message,
    }
