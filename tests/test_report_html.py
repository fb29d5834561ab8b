"""The HTML page: self-contained, escaped, with each flow drawn hop by hop with its code."""

from __future__ import annotations

import re
from pathlib import Path

from harness.frontends import finding, tiny_pack, write_tree

from devterms.model import Diagnostic, Hop
from devterms.report import Report
from devterms.report.html import render
from devterms.sourcetext import SourceText


def render_html(tmp_path: Path, **kwargs: object) -> str:
    pack = tiny_pack()
    values: dict[str, object] = dict(findings=(finding(),), diagnostics=(), rules=pack.rules, pack=pack,
                                     source=SourceText(tmp_path), files=2)
    values.update(kwargs)
    return render(Report(**values))  # type: ignore[arg-type]


def test_page_needs_no_network_and_runs_no_script(tmp_path: Path) -> None:
    page = render_html(tmp_path)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<script" not in page and "<link" not in page and "<img" not in page
    assert not re.search(r"""src=["']""", page)


def test_everything_from_code_and_data_is_escaped(tmp_path: Path) -> None:
    write_tree(tmp_path, {"x.py": "a = '<script>alert(1)</script>'\nsink(a)\n"})
    flow = (Hop("x.py", 1, 0, "note <b>bold</b>"), Hop("x.py", 2, 0, "sink & co"))
    bad = finding(path="x.py", line=2, column=0, message="<img src=x onerror=alert(1)>", flow=flow)
    page = render_html(tmp_path, findings=(bad,))
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "sink &amp; co" in page


def test_flow_shows_each_hop_in_order_with_its_code_line_across_files(tmp_path: Path) -> None:
    write_tree(tmp_path, {"lib/fetch.py": "def f():\n    return client.get_users()\n",
                          "app/main.py": "from lib.fetch import f\nencode(f())\n"})
    flow = (Hop("lib/fetch.py", 2, 11, "X user data"), Hop("app/main.py", 2, 0, "face encoder"))
    page = render_html(tmp_path, findings=(finding(path="app/main.py", line=2, column=0, flow=flow),))
    page = page[page.index('<ol class="flow">'):]
    source_at = page.index("return client.get_users()")
    sink_at = page.index("encode(f())")
    assert page.index("lib/fetch.py:2:12") < source_at < page.index("app/main.py:2:1") < sink_at
    assert 'class="source"' in page and 'class="sink"' in page
    assert "(in app/main.py)" in page  # the hop that changes file is marked


def test_clauses_are_linked_with_summary_and_legal_process_exception(tmp_path: Path) -> None:
    page = render_html(tmp_path)
    assert '<a href="https://docs.x.com/agreement#xivb">X Developer Agreement §XIV.B</a>' in page
    assert "No surveillance with X content." in page and "X answers legal process itself." in page


def test_non_http_urls_are_not_links(tmp_path: Path) -> None:
    pack = tiny_pack()
    clause = pack.clauses["x-surveillance"]
    import dataclasses

    pack.clauses["x-surveillance"] = dataclasses.replace(clause, url="javascript:alert(1)")
    page = render_html(tmp_path, pack=pack)
    assert 'href="javascript' not in page
    assert "X Developer Agreement §XIV.B (X (Twitter)" in page  # still named, as plain text


def test_summary_tables_count_by_platform_and_rule(tmp_path: Path) -> None:
    findings = (finding(), finding(line=9), finding(code="DT201", path="b.py"))
    page = render_html(tmp_path, findings=findings)
    assert "<td>X (Twitter)</td><td>3</td>" in page
    assert "<td>DT101</td><td>Platform data reaches face identification</td><td>2</td>" in page
    assert "<td>DT201</td>" in page


def test_clean_report_and_diagnostics(tmp_path: Path) -> None:
    page = render_html(tmp_path, findings=(), diagnostics=(Diagnostic("bad.py", 1, 0, "cannot <parse>"),))
    assert "No findings." in page and "cannot &lt;parse&gt;" in page
