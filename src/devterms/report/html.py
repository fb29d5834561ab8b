"""One self-contained HTML page: summaries, then each finding's path from source to sink.

The page must open from a CI artifact or an e-mail with no network, so styles are inline and
there is no script. Everything that comes from code or rule data is escaped, and only http(s)
URLs become links.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from devterms import __version__
from devterms.model import Finding
from devterms.report import Report, hop_role, location

STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#1d1d1f;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}th{background:#f3f3f3}
.finding{border:1px solid #ddd;border-left:6px solid #c62828;border-radius:4px;margin:1rem 0;padding:.6rem 1rem}
.finding.warning{border-left-color:#ef6c00}.finding.note{border-left-color:#1565c0}
.finding.suppressed{opacity:.6}.code{font-weight:600}.where{font-family:monospace;color:#555}
ol.flow{list-style:none;padding-left:0}ol.flow li{position:relative;padding:.2rem 0 .6rem 1.6rem;border-left:2px solid #999;margin-left:.5rem}
ol.flow li:last-child{border-left-color:transparent}ol.flow li::before{content:"";position:absolute;left:-7px;top:.45rem;width:12px;height:12px;border-radius:50%;background:#999}
ol.flow li.source::before{background:#2e7d32}ol.flow li.sink::before{background:#c62828}
.role{display:inline-block;min-width:4rem;font-weight:600}.file-change{color:#6a1b9a;font-size:.85em}
pre{background:#f6f8fa;padding:.3rem .5rem;margin:.2rem 0;overflow-x:auto}.clauses li{margin:.3rem 0}
"""


def render(report: Report) -> str:
    shown = list(report.findings) + (list(report.suppressed) if report.show_suppressed else [])
    body = [
        f"<h1>devterms report</h1><p>{escape(_headline(report))}</p>",
        _summary_by_platform(report), _summary_by_rule(report),
        "<h2>Findings</h2>" if shown else "<p>No findings.</p>",
        *(_finding(report, f, suppressed=f in report.suppressed) for f in shown),
        _diagnostics(report),
    ]
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>devterms report</title><style>{STYLE}</style></head><body>\n"
        + "\n".join(part for part in body if part)
        + f"\n<footer><p>devterms {escape(__version__)}</p></footer></body></html>\n"
    )


def _headline(report: Report) -> str:
    return (f"{report.files} files checked, {len(report.findings)} findings, "
            f"{len(report.diagnostics)} files not analysed, {len(report.suppressed)} suppressed.")


def _summary_by_platform(report: Report) -> str:
    counts = Counter(report.platform_name(f.platform) for f in report.findings if f.platform)
    rows = "".join(f"<tr><td>{escape(p)}</td><td>{n}</td></tr>" for p, n in sorted(counts.items()))
    return f"<h2>By platform</h2><table><tr><th>Platform</th><th>Findings</th></tr>{rows}</table>" if rows else ""


def _summary_by_rule(report: Report) -> str:
    counts = Counter(f.code for f in report.findings)
    rows = "".join(
        f"<tr><td>{escape(code)}</td><td>{escape(_title(report, code))}</td><td>{n}</td></tr>"
        for code, n in sorted(counts.items())
    )
    return f"<h2>By rule</h2><table><tr><th>Code</th><th>Rule</th><th>Findings</th></tr>{rows}</table>" if rows else ""


def _title(report: Report, code: str) -> str:
    rule = report.rules.get(code)
    return rule.title if rule else code


def _finding(report: Report, finding: Finding, suppressed: bool) -> str:
    classes = f"finding {escape(finding.severity)}" + (" suppressed" if suppressed else "")
    head = (
        f"<span class=\"code\">{escape(finding.code)}</span> [{escape(finding.severity)}] "
        f"{escape(finding.message)}{' (suppressed by noqa)' if suppressed else ''}<br>"
        f"<span class=\"where\">{escape(location(finding))}</span>"
    )
    return f"<section class=\"{classes}\">{head}{_flow(report, finding)}{_clauses(report, finding)}</section>"


def _flow(report: Report, finding: Finding) -> str:
    """The hops as a vertical path, each with its code line and a mark where it changes file."""
    if not finding.flow:
        code = report.source.line(finding.path, finding.line).strip()
        return f"<pre>{escape(code)}</pre>" if code else ""
    items, previous = [], None
    for index, hop in enumerate(finding.flow):
        role = hop_role(index, len(finding.flow))
        moved = previous is not None and hop.path != previous
        code = report.source.line(hop.path, hop.line).strip()
        items.append(
            f"<li class=\"{role}\"><span class=\"role\">{role}</span> "
            f"<span class=\"where\">{escape(location(hop))}</span>"
            + (f" <span class=\"file-change\">(in {escape(hop.path)})</span>" if moved else "")
            + f"<br>{escape(hop.note)}" + (f"<pre>{escape(code)}</pre>" if code else "") + "</li>"
        )
        previous = hop.path
    return f"<ol class=\"flow\">{''.join(items)}</ol>"


def _clauses(report: Report, finding: Finding) -> str:
    items = []
    for clause in report.clauses(finding):
        exception = (f"<br><em>Legal-process exception:</em> {escape(clause.legal_process_exception)}"
                     if clause.legal_process_exception else "")
        items.append(
            f"<li>{_link(clause.url, f'{report.pack.document_title(clause)} §{clause.section}')} "
            f"({escape(report.platform_name(clause.platform))}, <code>{escape(clause.id)}</code>): "
            f"{escape(clause.summary)}{exception}</li>"
        )
    gap = report.clause_gap(finding)
    if gap is not None:
        read = "; ".join(_link(d.url, d.title) if d.url else escape(d.title) for d in report.pack.gap_documents(gap))
        items.append(f"<li>No clause in {read} ({escape(report.platform_name(gap.platform))}, checked "
                     f"{escape(gap.checked)}, <code>{escape(gap.id)}</code>): {escape(gap.statement)} "
                     "The finding stands without a clause.</li>")
    return f"<ul class=\"clauses\">{''.join(items)}</ul>" if items else ""


def _link(url: str, text: str) -> str:
    if url.startswith(("https://", "http://")):
        return f"<a href=\"{escape(url, quote=True)}\">{escape(text)}</a>"
    return escape(text)


def _diagnostics(report: Report) -> str:
    if not report.diagnostics:
        return ""
    rows = "".join(
        f"<li><span class=\"where\">{escape(location(d))}</span> {escape(d.code)} {escape(d.message)}</li>"
        for d in report.diagnostics
    )
    return f"<h2>Files not analysed</h2><ul>{rows}</ul>"
