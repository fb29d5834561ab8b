"""The JSON format is a contract: exact keys, 1-based columns, version 1."""

from __future__ import annotations

import json
from pathlib import Path

from harness.frontends import finding, tiny_pack

from devterms.model import Diagnostic, Hop
from devterms.report import Report
from devterms.report.json import render
from devterms.sourcetext import SourceText


def render_json(**kwargs: object) -> dict:
    pack = tiny_pack()
    values: dict[str, object] = dict(findings=(finding(),), diagnostics=(), rules=pack.rules, pack=pack,
                                     source=SourceText(Path.cwd()))
    values.update(kwargs)
    return json.loads(render(Report(**values)))  # type: ignore[arg-type]


def test_top_level_keys_are_exactly_version_findings_diagnostics() -> None:
    assert set(render_json()) == {"version", "findings", "diagnostics"}
    assert render_json()["version"] == 1


def test_finding_object_has_exactly_the_documented_keys_and_values() -> None:
    item = render_json()["findings"][0]
    assert item == {
        "path": "app/main.py", "line": 6, "column": 5, "code": "DT101",
        "message": "X user data reaches face_recognition.face_encodings", "severity": "error",
        "platform": "x", "sink_category": "face-identification",
        "clauses": ["x-surveillance", "x-faces"],
        "flow": [
            {"path": "app/main.py", "line": 3, "column": 8,
             "note": "client.search_recent_tweets(...) returns X user data"},
            {"path": "app/main.py", "line": 5, "column": 11,
             "note": "user.profile_image_url flows into load_image_file"},
            {"path": "app/main.py", "line": 6, "column": 5, "note": "face_recognition.face_encodings(img)"},
        ],
    }


def test_flow_hops_keep_their_files() -> None:
    flow = (Hop("lib/a.py", 1, 0, "from"), Hop("app/b.py", 2, 0, "to"))
    hops = render_json(findings=(finding(path="app/b.py", line=2, column=0, flow=flow),))["findings"][0]["flow"]
    assert [h["path"] for h in hops] == ["lib/a.py", "app/b.py"]


def test_diagnostics_are_listed_with_code_dt000() -> None:
    data = render_json(findings=(), diagnostics=(Diagnostic("bad.py", 1, 0, "cannot decode"),))
    assert data["findings"] == []
    assert data["diagnostics"] == [
        {"path": "bad.py", "line": 1, "column": 1, "code": "DT000", "message": "cannot decode"}
    ]


def test_suppressed_findings_appear_only_when_asked_for() -> None:
    hidden = finding(line=9)
    assert "suppressed" not in render_json(suppressed=(hidden,))
    data = render_json(suppressed=(hidden,), show_suppressed=True)
    assert [f["line"] for f in data["suppressed"]] == [9]


def test_non_ascii_text_is_kept_readable() -> None:
    data = render_json(findings=(finding(message="Données de X → reconnaissance"),))
    assert data["findings"][0]["message"] == "Données de X → reconnaissance"
