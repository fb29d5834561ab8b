"""The default terminal format: one flake8-style line per finding, then its flow and clauses."""

from __future__ import annotations

from collections import Counter

from devterms.model import Finding
from devterms.report import Report, hop_role, location

INDENT = "    "


def render(report: Report) -> str:
    lines: list[str] = []
    for finding in report.findings:
        lines += finding_lines(report, finding)
    if report.show_suppressed:
        for finding in report.suppressed:
            lines += finding_lines(report, finding, suffix="  (suppressed by noqa)")
    for diagnostic in report.diagnostics:
        lines.append(f"{location(diagnostic)}: {diagnostic.code} {diagnostic.message}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def finding_lines(report: Report, finding: Finding, suffix: str = "") -> list[str]:
    """The headline, then ``source``/``step``/``sink`` hops and ``clause`` lines, indented."""
    lines = [f"{location(finding)}: {finding.code} [{finding.severity}] {finding.message}{suffix}"]
    touched = report.elsewhere(finding)
    if touched:
        lines.append(f"{INDENT}{'note':<7} lies in another file; its flow passes through {', '.join(touched)}")
    for index, hop in enumerate(finding.flow):
        role = hop_role(index, len(finding.flow))
        lines.append(f"{INDENT}{role:<7} {location(hop)}  {hop.note}".rstrip())
    for clause in report.clauses(finding):
        lines.append(
            f"{INDENT}{'clause':<7} {clause.id}: {report.document_title(clause)} "
            f"§{clause.section} {clause.url}"
        )
    return lines


def summary(report: Report) -> str:
    """``Checked N files: 3 findings (DT101: 2, DT201: 1), ... in 0.42s``."""
    counts = Counter(f.code for f in report.findings)
    parts = []
    if counts:
        by_code = ", ".join(f"{code}: {n}" for code, n in sorted(counts.items()))
        parts.append(f"{_plural(len(report.findings), 'finding')} ({by_code})")
    else:
        parts.append("no findings")
    if report.diagnostics:
        parts.append(_plural(len(report.diagnostics), "file") + " not analysed")
    if report.suppressed:
        parts.append(f"{len(report.suppressed)} suppressed")
    return f"Checked {_plural(report.files, 'file')}: {', '.join(parts)} in {report.elapsed:.2f}s"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
