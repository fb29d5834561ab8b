"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Each finding becomes a result whose primary location is where the finding is reported and whose
code flow lists every hop from source to sink, so a viewer can walk the path. Files that could not
be analysed (DT000) are results on the file. Fingerprints come from :mod:`devterms.baseline`, so
alerts survive unrelated edits exactly as baselines do. URIs are relative to the project root
(``%SRCROOT%``); the root's absolute path on the machine that ran devterms is not written. Each
location carries its region's end when known and the code line as a snippet; a suppressed
finding's justification is the reason written after its noqa codes. A rule's help is the page
``devterms rules --docs`` renders; ``helpUri`` links to where that page is published, and is left
out when the user has not said where (devterms has no public site of its own to point at).
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
from devterms.noqa import FileSuppressions
from devterms.report import Report
from devterms.report.json import gap_object
from devterms.ruledocs import rule_page
from devterms.pack.types import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "note": "note"}
SECURITY_SEVERITY = {"error": "8.0", "warning": "5.0", "note": "2.0"}
MAX_TEXT = 1024


def render(report: Report) -> str:
    rules = sorted(report.rules.values(), key=lambda r: r.code)
    index = {rule.code: i for i, rule in enumerate(rules)}
    where = _Locator(report)
    results = [_result(report, where, f, index) for f in report.findings]
    if report.show_suppressed:
        results += [_result(report, where, f, index, suppressed=True) for f in report.suppressed]
    results += [_diagnostic(where, d, index) for d in report.diagnostics]
    run = {
        "tool": {"driver": {
            "name": "devterms", "version": __version__, "semanticVersion": __version__,
            "rules": [_rule(report, r) for r in rules],
        }},
        "originalUriBaseIds": {SRCROOT: {"description": {"text": "The root of the analysed project."}}},
        "invocations": [{"executionSuccessful": True}],
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
    described: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.title[:MAX_TEXT]},
        "fullDescription": {"text": rule.description[:MAX_TEXT]},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "help": {"text": _help_text(report, rule), "markdown": rule_page(report.pack, rule)},
        "properties": properties,
    }
    if report.rule_docs_url:
        described["helpUri"] = report.rule_docs_url.format(code=rule.code)
    return described


def _help_text(report: Report, rule: Rule) -> str:
    lines = [rule.description]
    for cid in rule.clauses:
        clause = report.pack.clauses.get(cid)
        if clause:
            lines.append(f"- {report.pack.document_title(clause)} §{clause.section}: {clause.summary} {clause.url}")
    for gap in report.pack.gaps_for(rule):
        read = "; ".join(f"{d.title} {d.url}".rstrip() for d in report.pack.gap_documents(gap))
        lines.append(f"- No clause ({report.platform_name(gap.platform)}): {gap.statement} "
                     f"Read: {read}, {gap.checked}.")
    return "\n".join(lines)


def _result(report: Report, where: _Locator, finding: Finding, index: dict[str, int],
            suppressed: bool = False) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": finding.message},
        "locations": [where.location(finding)],
        "partialFingerprints": {"devterms/v2": fingerprint(finding, report.source)},
        "properties": {"platform": finding.platform, "clauses": list(finding.clauses)},
    }
    gap = report.clause_gap(finding)
    if gap is not None:
        result["properties"]["noClause"] = gap_object(report, gap)
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    if finding.flow:
        steps = [{"location": where.location(hop, hop.note)} for hop in finding.flow]
        result["codeFlows"] = [{"threadFlows": [{"locations": steps}]}]
    if suppressed:
        comment = FileSuppressions(report.source.text(finding.path)).covering(finding.code, finding.line)
        reason = comment.reason if comment is not None and comment.reason else "noqa comment"
        result["suppressions"] = [{"kind": "inSource", "justification": reason}]
    return result


def _diagnostic(where: _Locator, diagnostic: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": diagnostic.code, "level": "error", "message": {"text": diagnostic.message},
        "locations": [where.location(diagnostic)],
    }
    if diagnostic.code in index:
        result["ruleIndex"] = index[diagnostic.code]
    return result


class _Locator:
    """Physical locations: URIs relative to the project root, regions with ends and snippets."""

    def __init__(self, report: Report) -> None:
        self.source = report.source
        self.root = (report.root or report.source.base).resolve()

    def location(self, where: Hop | Finding | Diagnostic, note: str | None = None) -> dict[str, Any]:
        region: dict[str, Any] = {"startLine": where.line, "startColumn": where.column + 1}
        end_line = getattr(where, "end_line", 0)
        if end_line >= where.line:
            region.update(endLine=end_line, endColumn=getattr(where, "end_column", 0) + 1)
        lines = [self.source.line(where.path, n) for n in range(where.line, max(end_line, where.line) + 1)]
        if any(lines):
            region["snippet"] = {"text": "\n".join(lines)}
        location: dict[str, Any] = {"physicalLocation": {"artifactLocation": self.artifact(where.path),
                                                         "region": region}}
        if note:
            location["message"] = {"text": note}
        return location

    def artifact(self, path: str) -> dict[str, str]:
        """Relative to %SRCROOT% when inside the root, else a file URI; bytes of a name that is
        not UTF-8 are percent-encoded as they are."""
        full = self.source.resolve(path)
        try:
            relative = PurePosixPath(full.relative_to(self.root).as_posix())
        except ValueError:
            return {"uri": "file://" + _quote(full.as_posix())}
        return {"uri": _quote(relative.as_posix()), "uriBaseId": SRCROOT}


def _quote(path: str) -> str:
    return quote(os.fsencode(path))
