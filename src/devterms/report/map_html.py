"""The map as one self-contained HTML page, with a diagram of the flows (``--format html``).

Per platform, three columns: where the data comes from (source calls), where it is kept
(stores) and where it goes (destinations, and what is derived from it). Each box names the
sources its data came from, so the columns read as flows from left to right. No script and no
network, like the findings report; everything from code or rule data is escaped, and only
http(s) URLs become links.
"""

from __future__ import annotations

from html import escape

from devterms import __version__
from devterms.mapping import Item, MapReport, PlatformMap
from devterms.report import location

EMPTY = '<p class="meta">none</p>'
STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:78rem;color:#1d1d1f;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1rem;margin:.3rem 0}
.flows{display:grid;grid-template-columns:1fr 2rem 1fr 2rem 1fr;align-items:start;gap:.5rem}
.arrow{align-self:center;text-align:center;font-size:1.6rem;color:#888}
.column{border:1px solid #ddd;border-radius:6px;padding:.5rem;background:#fafafa;min-height:3rem}
.box{border:1px solid #bbb;border-radius:4px;background:#fff;padding:.3rem .5rem;margin:.4rem 0}
.box.source{border-left:5px solid #2e7d32}.box.store{border-left:5px solid #1565c0}
.box.destination{border-left:5px solid #6a1b9a}.box.derived{border-left:5px solid #ef6c00}
.box.public-sector,.box.finding{border-left-color:#c62828}
.name{font-family:monospace;font-weight:600;word-break:break-all}.meta{color:#555;font-size:.85em}
.undeclared li,.findings li{margin:.25rem 0}
"""


def render(report: MapReport) -> str:
    body = [f"<h1>Use of platform data</h1><p>devterms {escape(__version__)}: every place the code collects, "
            "stores, sends or derives from platform data.</p>"]
    if not report.data_map.platforms:
        body.append("<p>The code uses no platform data.</p>")
    body += [_platform(entry) for entry in report.data_map.platforms]
    if report.checked and report.declaration is not None:
        items = "".join(f"<li><code>{escape(location(f))}</code> {escape(f.code)} {escape(f.message)}</li>"
                        for f in report.undeclared) or "<li>None.</li>"
        body.append(f'<h2>Uses not declared in {escape(report.declaration)}</h2><ul class="undeclared">{items}</ul>')
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>devterms map</title>"
            f"<style>{STYLE}</style></head><body>{''.join(body)}</body></html>\n")


def _platform(entry: PlatformMap) -> str:
    documents = ", ".join(_link(d.title, d.url) for d in entry.documents)
    sources = "".join(_box(i, "source", "") for i in entry.sources)
    stores = "".join(_box(i, "store", i.kind) for i in entry.stores)
    ends = "".join(_box(i, f"destination {i.kind}", i.kind) for i in entry.destinations)
    ends += "".join(_box(i, "derived finding" if i.kind else "derived", i.kind or "benign") for i in entry.derived)
    findings = "".join(f"<li><code>{escape(location(f))}</code> {escape(f.code)} {escape(f.message)}</li>"
                       for f in entry.findings) or "<li>None.</li>"
    arrow = '<div class="arrow" aria-hidden="true">&rarr;</div>'
    return (f'<section><h2>{escape(entry.name)}</h2><p>Governed by: {documents}.</p><div class="flows">'
            f'{_column("Collected by", sources)}{arrow}{_column("Stored in", stores)}{arrow}'
            f'{_column("Sent to, derived", ends)}</div>'
            f'<h3>Findings</h3><ul class="findings">{findings}</ul></section>')


def _column(title: str, boxes: str) -> str:
    return f'<div class="column"><h3>{escape(title)}</h3>{boxes or EMPTY}</div>'


def _box(item: Item, classes: str, kind: str) -> str:
    meta = [escape(kind)] if kind else []
    if item.via:
        meta.append("by " + escape(", ".join(item.via)))
    if item.sources:
        meta.append("data from " + escape(", ".join(item.sources)))
    meta.append("at " + escape(", ".join(item.at)))
    return (f'<div class="box {escape(classes)}"><div class="name">{escape(item.name)}</div>'
            f'<div class="meta">{" · ".join(meta)}</div></div>')


def _link(title: str, url: str) -> str:
    if url.startswith(("https://", "http://")):
        return f'<a href="{escape(url)}">{escape(title)}</a>'
    return escape(title)
