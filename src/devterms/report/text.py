"""The terminal formats: ``text`` (a flake8-style headline, then the flow and the clause) and
``concise`` (one line per finding). Everything taken from the analysed tree is escaped."""

from __future__ import annotations

from collections import Counter

from devterms.model import Finding
from devterms.pack.types import ClauseGap
from devterms.report import Report, hop_role, location, printable

INDENT = "    "
COLOURS = {"error": "31", "warning": "33", "note": "34"}  # red, yellow, blue


def render(report: Report) -> str:
    lines: list[str] = []
    for finding in report.findings:
        lines += finding_lines(report, finding)
    if report.show_suppressed:
        for finding in report.suppressed:
            lines += finding_lines(report, finding, suffix="  (suppressed by noqa)")
    lines += diagnostic_lines(report)
    if not report.quiet:
        lines.append(summary(report))
    return "".join(line + "\n" for line in lines)


def render_concise(report: Report) -> str:
    """``path:line:col: CODE [severity] message``, one line each, then the summary."""
    shown = [*report.findings, *(report.suppressed if report.show_suppressed else ())]
    lines = [headline(report, f, "  (suppressed by noqa)" if f in report.suppressed else "") for f in shown]
    lines += diagnostic_lines(report)
    if not report.quiet:
        lines.append(summary(report))
    return "".join(line + "\n" for line in lines)


def headline(report: Report, finding: Finding, suffix: str = "") -> str:
    code = _paint(report, finding.code, "1")
    severity = _paint(report, finding.severity, COLOURS.get(finding.severity, "0"))
    return f"{printable(location(finding))}: {code} [{severity}] {printable(finding.message)}{suffix}"


def finding_lines(report: Report, finding: Finding, suffix: str = "") -> list[str]:
    """The headline, then ``source``/``step``/``sink`` hops and the most specific clause."""
    lines = [headline(report, finding, suffix)]
    touched = report.elsewhere(finding)
    if touched:
        lines.append(f"{INDENT}{'note':<7} lies in another file; its flow passes through "
                     f"{printable(', '.join(touched))}")
    for index, hop in enumerate(finding.flow):
        role = hop_role(index, len(finding.flow))
        lines.append(f"{INDENT}{role:<7} {printable(location(hop))}  {printable(hop.note)}".rstrip())
    clauses = report.clauses(finding)
    if clauses:
        clause = clauses[0]
        lines.append(f"{INDENT}{'clause':<7} {clause.id}: {report.pack.document_title(clause)} "
                     f"§{clause.section} {clause.url}")
    gap = report.clause_gap(finding)
    if gap is not None:
        lines += gap_lines(report, gap)
    if len(clauses) > 1:
        more = len(clauses) - 1
        lines.append(f"{INDENT}{'':<7} +{more} more clause{'s' if more > 1 else ''}: "
                     f"devterms explain {finding.code}")
    return lines


NO_CLAUSE = "The finding stands without a clause."


def gap_lines(report: Report, gap: ClauseGap) -> list[str]:
    """``clause none``: what was read and when, then the statement, in place of a clause."""
    read = "; ".join(f"{d.title} {d.url}".rstrip() for d in report.pack.gap_documents(gap))
    return [f"{INDENT}{'clause':<7} none in {read} (checked {gap.checked})",
            f"{INDENT}{'':<7} {gap.statement} {NO_CLAUSE}"]


def diagnostic_lines(report: Report) -> list[str]:
    return [f"{printable(location(d))}: {d.code} {printable(d.message)}" for d in report.diagnostics]


def summary(report: Report) -> str:
    """``Checked N files: 3 findings (DT101: 2, DT201: 1), ... in 0.42s``."""
    counts = Counter(f.code for f in report.findings)
    parts = []
    if counts:
        by_code = ", ".join(f"{code}: {n}" for code, n in sorted(counts.items()))
        parts.append(f"{_plural(len(report.findings), 'finding')} ({by_code})")
    else:
        parts.append("no findings")
    if report.diagnostics:  # a file may have more than one (say, cut short, then one module in it)
        parts.append(_plural(len({d.path for d in report.diagnostics}), "file") + " not analysed")
    if report.suppressed:
        parts.append(f"{len(report.suppressed)} suppressed")
    return f"Checked {_plural(report.files, 'file')}: {', '.join(parts)} in {report.elapsed:.2f}s"


def statistics(report: Report) -> str:
    """``--statistics``: how many findings of each code, with the rule's title."""
    counts = Counter(f.code for f in report.findings) + Counter(d.code for d in report.diagnostics)
    width = max((len(str(n)) for n in counts.values()), default=1)
    lines = [f"{n:>{width}}  {code}  {report.rules[code].title if code in report.rules else ''}".rstrip()
             for code, n in sorted(counts.items())]
    return "\n".join(lines) + ("\n" if lines else "")


def _paint(report: Report, text: str, colour: str) -> str:
    return f"\033[{colour}m{text}\033[0m" if report.color else text


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
