"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Each finding becomes a result whose primary location is where the finding is reported and whose
code flow lists every hop from source to sink, so a viewer can walk the path. Fingerprints come
from :mod:`devterms.baseline`, so alerts survive unrelated edits exactly as baselines do.
"""

from __future__ import annotations

import json
import os
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from devterms import __version__
from devterms.baseline import fingerprint
from devterms.model import Diagnostic, Finding, Hop
from devterms.report import Report
from devterms.rulepack import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/devterms/devterms"
HELP_URI = INFORMATION_URI + "/blob/main/README.md#{anchor}"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "note": "note"}
SECURITY_SEVERITY = {"error": "8.0", "warning": "5.0", "note": "2.0"}
MAX_TEXT = 1024


def render(report: Report) -> str:
    rules = sorted(report.rules.values(), key=lambda r: r.code)
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = [_result(report, f, index) for f in report.findings]
    if report.show_suppressed:
        results += [_result(report, f, index, suppressed=True) for f in report.suppressed]
    run = {
        "tool": {"driver": {
            "name": "devterms", "version": __version__, "semanticVersion": __version__,
            "informationUri": INFORMATION_URI, "rules": [_rule(report, r) for r in rules],
        }},
        "originalUriBaseIds": {SRCROOT: {"uri": report.source.base.as_uri() + "/"}},
        "invocations": [{
            "executionSuccessful": True,
            "toolExecutionNotifications": [_notification(d) for d in report.diagnostics],
        }],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule(report: Report, rule: Rule) -> dict[str, Any]:
    security = bool(rule.sink_category)
    properties: dict[str, Any] = {
        "tags": ["security", "privacy", "developer-terms", rule.sink_category] if security
        else ["maintainability"],
        "precision": "high" if rule.severity == "error" or not security else "medium",
    }
    if security:
        properties["security-severity"] = SECURITY_SEVERITY[rule.severity]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.title[:MAX_TEXT]},
        "fullDescription": {"text": rule.description[:MAX_TEXT]},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "help": {"text": _help_text(report, rule), "markdown": _help_markdown(report, rule)},
        "helpUri": HELP_URI.format(anchor=rule.code.lower()),
        "properties": properties,
    }


def _help_text(report: Report, rule: Rule) -> str:
    lines = [rule.description]
    for cid in rule.clauses:
        clause = report.pack.clauses.get(cid)
        if clause:
            lines.append(f"- {report.document_title(clause)} §{clause.section}: {clause.summary} {clause.url}")
    return "\n".join(lines)


def _help_markdown(report: Report, rule: Rule) -> str:
    lines = [f"**{rule.title}**", "", rule.description]
    clauses = [report.pack.clauses[c] for c in rule.clauses if c in report.pack.clauses]
    if clauses:
        lines += ["", "Developer-agreement clauses:", ""]
        lines += [
            f"- [{report.document_title(c)} §{c.section}]({c.url}) ({report.platform_name(c.platform)}): {c.summary}"
            for c in clauses
        ]
    return "\n".join(lines)


def _result(report: Report, finding: Finding, index: dict[str, int], suppressed: bool = False) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": finding.message},
        "locations": [_location(finding)],
        "partialFingerprints": {"devterms/v1": fingerprint(finding, report.source)},
        "properties": {"platform": finding.platform, "clauses": list(finding.clauses)},
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    if finding.flow:
        steps = [{"location": _location(hop, hop.note)} for hop in finding.flow]
        result["codeFlows"] = [{"threadFlows": [{"locations": steps}]}]
    if suppressed:
        result["suppressions"] = [{"kind": "inSource", "justification": "noqa comment"}]
    return result


def _location(where: Hop | Finding | Diagnostic, note: str | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": {
        "artifactLocation": artifact(where.path),
        "region": {"startLine": where.line, "startColumn": where.column + 1},
    }}
    if note:
        location["message"] = {"text": note}
    return location


def artifact(path: str) -> dict[str, str]:
    """A relative path is resolved against %SRCROOT%; an absolute one becomes a file URI."""
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return {"uri": posix.as_uri()}
    return {"uri": quote(os.fsencode(posix.as_posix())), "uriBaseId": SRCROOT}  # a name's own bytes


def _notification(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "descriptor": {"id": diagnostic.code},
        "level": "error",
        "message": {"text": diagnostic.message},
        "locations": [_location(diagnostic)],
    }
