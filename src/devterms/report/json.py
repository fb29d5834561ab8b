"""Machine-readable findings: a small, versioned JSON document.

The shape is a contract for scripts, so it is spelled out here key by key rather than derived
from the dataclasses (adding a field to ``Finding`` must not silently change the output).
Columns are 1-based, as in the text and SARIF formats.
"""

from __future__ import annotations

import json
from typing import Any

from devterms.model import Diagnostic, Finding
from devterms.report import Report

VERSION = 1


def render(report: Report) -> str:
    document: dict[str, Any] = {
        "version": VERSION,
        "findings": [finding_object(f) for f in report.findings],
        "diagnostics": [diagnostic_object(d) for d in report.diagnostics],
    }
    if report.show_suppressed:
        document["suppressed"] = [finding_object(f) for f in report.suppressed]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def finding_object(finding: Finding) -> dict[str, Any]:
    return {
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


def diagnostic_object(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "path": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.column + 1,
        "code": diagnostic.code,
        "message": diagnostic.message,
    }
