"""GitLab Code Quality: a JSON array of issues, shown in merge requests.

Each issue needs a ``fingerprint`` unique in the report; the baseline fingerprint (which survives
unrelated edits) is used, with a counter for a second copy of the same finding. Severities map to
GitLab's scale: error -> critical, warning -> major, note -> minor; files that could not be
analysed (DT000) are reported as major issues at their line.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from devterms.baseline import fingerprint
from devterms.report import Report

SEVERITIES = {"error": "critical", "warning": "major", "note": "minor"}


def render(report: Report) -> str:
    seen: Counter[str] = Counter()

    def unique(key: str) -> str:
        seen[key] += 1
        return key if seen[key] == 1 else hashlib.sha256(f"{key}:{seen[key]}".encode()).hexdigest()[:32]

    issues: list[dict[str, Any]] = [
        _issue(f.code, f.message, SEVERITIES.get(f.severity, "major"), f.path, f.line,
               unique(fingerprint(f, report.source)))
        for f in report.findings
    ]
    issues += [
        _issue(d.code, d.message, "major", d.path, d.line,
               unique(hashlib.sha256(f"{d.code}\0{d.path}\0{d.message}".encode("utf-8", "surrogatepass")).hexdigest()[:32]))
        for d in report.diagnostics
    ]
    return json.dumps(issues, indent=2, ensure_ascii=True) + "\n"


def _issue(code: str, message: str, severity: str, path: str, line: int, key: str) -> dict[str, Any]:
    return {
        "description": f"{code} {message}",
        "check_name": code,
        "fingerprint": key,
        "severity": severity,
        "location": {"path": path, "lines": {"begin": line}},
    }
