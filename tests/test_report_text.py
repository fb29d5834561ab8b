"""The default text format: headline, indented flow, clauses, summary."""

from __future__ import annotations

from pathlib import Path

from harness.frontends import finding, tiny_pack

from devterms.model import Diagnostic, Hop
from devterms.report import Report
from devterms.report.text import render
from devterms.sourcetext import SourceText


def make_report(**kwargs: object) -> Report:
    pack = tiny_pack()
    defaults: dict[str, object] = dict(
        findings=(finding(),), diagnostics=(), rules={**pack.tool_rules, **pack.rules}, pack=pack,
        source=SourceText(Path.cwd()), files=3, elapsed=0.25,
    )
    defaults.update(kwargs)
    return Report(**defaults)  # type: ignore[arg-type]


def test_headline_has_path_one_based_column_code_severity_and_message() -> None:
    first = render(make_report()).splitlines()[0]
    assert first == "app/main.py:6:5: DT101 [error] X user data reaches face_recognition.face_encodings"


def test_flow_is_drawn_as_source_step_sink_with_locations_and_notes() -> None:
    lines = render(make_report()).splitlines()
    assert lines[1] == "    source  app/main.py:3:8  client.search_recent_tweets(...) returns X user data"
    assert lines[2] == "    step    app/main.py:5:11  user.profile_image_url flows into load_image_file"
    assert lines[3] == "    sink    app/main.py:6:5  face_recognition.face_encodings(img)"


def test_the_first_clause_is_cited_and_the_rest_counted() -> None:
    lines = render(make_report()).splitlines()
    assert lines[4] == "    clause  x-surveillance: X Developer Agreement §XIV.B https://docs.x.com/agreement#xivb"
    assert lines[5] == "            +1 more clause: devterms explain DT101"


def test_cross_file_hops_keep_their_own_paths() -> None:
    flow = (Hop("lib/fetch.py", 10, 0, "source"), Hop("app/main.py", 6, 4, "sink"))
    out = render(make_report(findings=(finding(flow=flow),)))
    assert "    source  lib/fetch.py:10:1  source" in out
    assert "    sink    app/main.py:6:5  sink" in out


def test_summary_counts_files_and_findings_by_code() -> None:
    findings = (finding(), finding(line=9), finding(code="DT201", path="b.py"))
    last = render(make_report(findings=findings)).splitlines()[-1]
    assert last == "Checked 3 files: 3 findings (DT101: 2, DT201: 1) in 0.25s"


def test_clean_run_says_no_findings() -> None:
    assert render(make_report(findings=(), files=1)).splitlines() == ["Checked 1 file: no findings in 0.25s"]


def test_diagnostics_are_printed_as_dt000_lines() -> None:
    report = make_report(findings=(), diagnostics=(Diagnostic("bad.py", 2, 4, "cannot parse: invalid syntax"),))
    lines = render(report).splitlines()
    assert lines[0] == "bad.py:2:5: DT000 cannot parse: invalid syntax"
    assert "1 file not analysed" in lines[-1]


def test_suppressed_findings_are_shown_only_on_request() -> None:
    hidden = finding(line=9, message="suppressed one")
    assert "suppressed one" not in render(make_report(suppressed=(hidden,)))
    shown = render(make_report(suppressed=(hidden,), show_suppressed=True))
    assert "app/main.py:9:5: DT101 [error] suppressed one  (suppressed by noqa)" in shown
    assert "1 suppressed" in shown.splitlines()[-1]


def test_finding_without_flow_prints_only_its_headline() -> None:
    from devterms.project import unused_noqa_finding

    out = render(make_report(findings=(unused_noqa_finding(tiny_pack(), "a.py", 3, 10, "DT101"),)))
    assert out.splitlines()[0] == "a.py:3:11: DT001 [warning] unused noqa code DT101"
    assert not out.splitlines()[1].startswith("    ")
