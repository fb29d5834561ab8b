"""SARIF 2.1.0: valid against the official schema, and what GitHub code scanning relies on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from harness.frontends import POSITIVE, finding, tiny_pack, write_tree

from devterms.model import Diagnostic, Hop
from devterms.report import Report
from devterms.report.sarif import render
from devterms.ruledocs import rule_page
from devterms.sourcetext import SourceText

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema vendored beside the tests (see data/*.NOTICE)."""
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def render_sarif(tmp_path: Path, **kwargs: object) -> dict:
    pack = tiny_pack()
    values: dict[str, object] = dict(
        findings=(finding(),), diagnostics=(), rules={**pack.tool_rules, **pack.rules}, pack=pack,
        source=SourceText(tmp_path),
    )
    values.update(kwargs)
    return json.loads(render(Report(**values)))  # type: ignore[arg-type]


def test_output_validates_against_the_sarif_2_1_0_schema(tmp_path: Path) -> None:
    log = render_sarif(
        tmp_path, diagnostics=(Diagnostic("bad.py", 3, 0, "cannot parse"),),
        suppressed=(finding(line=9),), show_suppressed=True,
    )
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    assert log["version"] == "2.1.0"


def test_schema_check_rejects_a_broken_log(tmp_path: Path) -> None:
    log = render_sarif(tmp_path)
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(sarif_schema()).validate(log)


def test_driver_describes_every_rule_with_the_fields_github_requires(tmp_path: Path) -> None:
    driver = render_sarif(tmp_path)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "devterms" and driver["version"]
    assert "informationUri" not in driver  # no placeholder address presented as real
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == ["DT000", "DT001", "DT101", "DT102", "DT201", "DT601"]
    dt101 = driver["rules"][2]
    assert dt101["name"] == "face-identification"
    assert dt101["shortDescription"]["text"] == "Platform data reaches face identification"
    assert dt101["fullDescription"]["text"] == "Faces identify people."
    assert dt101["help"]["text"] and "[X Developer Agreement §XIV.B](https://docs.x.com/agreement#xivb)" in dt101["help"]["markdown"]
    assert dt101["help"]["markdown"] == rule_page(tiny_pack(), tiny_pack().rules["DT101"])  # docs/rules/DT101.md
    assert "helpUri" not in dt101  # the project has no public address the page could be linked at
    assert dt101["properties"]["security-severity"] == "8.0"
    assert "security" in dt101["properties"]["tags"] and dt101["properties"]["precision"]
    assert driver["rules"][3]["defaultConfiguration"] == {"level": "warning", "enabled": False}


def test_result_points_at_its_rule_with_relative_uri_and_one_based_column(tmp_path: Path) -> None:
    run = render_sarif(tmp_path)["runs"][0]
    result = run["results"][0]
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"] == "DT101"
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "app/main.py", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 6, "startColumn": 5}
    assert "uri" not in run["originalUriBaseIds"]["%SRCROOT%"]  # no absolute path of the runner


def test_code_flow_lists_every_hop_with_its_note(tmp_path: Path) -> None:
    flow = (Hop("lib/a.py", 2, 0, "X data enters"), Hop("lib/a.py", 4, 2, "returned"),
            Hop("app/main.py", 6, 4, "face encoder"))
    result = render_sarif(tmp_path, findings=(finding(flow=flow),))["runs"][0]["results"][0]
    steps = result["codeFlows"][0]["threadFlows"][0]["locations"]
    assert [s["location"]["message"]["text"] for s in steps] == ["X data enters", "returned", "face encoder"]
    assert [s["location"]["physicalLocation"]["artifactLocation"]["uri"] for s in steps] == [
        "lib/a.py", "lib/a.py", "app/main.py"]


def test_fingerprint_survives_unrelated_lines_moving(tmp_path: Path) -> None:
    code = "x = source()\n\nsink(x)\n"
    write_tree(tmp_path, {"m.py": code})
    flow = (Hop("m.py", 1, 4, "source"), Hop("m.py", 3, 0, "sink"))
    before = render_sarif(tmp_path, findings=(finding(path="m.py", line=3, column=0, flow=flow),))
    write_tree(tmp_path, {"m.py": "import os\n# comment\n" + code})
    moved = (Hop("m.py", 3, 4, "source"), Hop("m.py", 5, 0, "sink"))
    after = render_sarif(tmp_path, findings=(finding(path="m.py", line=5, column=0, flow=moved),))
    key = "devterms/v2"
    first = before["runs"][0]["results"][0]["partialFingerprints"][key]
    assert first == after["runs"][0]["results"][0]["partialFingerprints"][key]
    write_tree(tmp_path, {"m.py": "import os\n# comment\nx = source()\n\nsink(x, more)\n"})
    changed = render_sarif(tmp_path, findings=(finding(path="m.py", line=5, column=0, flow=moved),))
    assert changed["runs"][0]["results"][0]["partialFingerprints"][key] != first


def test_diagnostics_become_results_on_their_file(tmp_path: Path) -> None:
    run = render_sarif(tmp_path, findings=(), diagnostics=(Diagnostic("bad.py", 3, 0, "cannot parse"),))["runs"][0]
    (result,) = run["results"]
    assert result["ruleId"] == "DT000" and result["message"]["text"] == "cannot parse"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad.py"


def test_suppressed_findings_carry_an_in_source_suppression(tmp_path: Path) -> None:
    results = render_sarif(tmp_path, suppressed=(finding(line=9),), show_suppressed=True)["runs"][0]["results"]
    assert "suppressions" not in results[0]
    assert results[1]["suppressions"][0]["kind"] == "inSource"


def test_paths_outside_the_base_become_file_uris(tmp_path: Path) -> None:
    result = render_sarif(tmp_path, findings=(finding(path="/elsewhere/x.py"),))["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///elsewhere/x.py"}


def test_cli_sarif_uris_regions_snippets_justification_and_odd_file_names(tmp_path: Path) -> None:
    """Through the real command, from a subfolder, on a project with a file name that is not UTF-8."""
    import os

    write_tree(tmp_path, {"pyproject.toml": "", "src/collect.py": POSITIVE,
                          "src/quiet.py": POSITIVE.replace("face_encodings(image)",
                                                           "face_encodings(image)  # noqa: DT101 reviewed by legal")})
    odd = os.fsencode(tmp_path / "src") + b"/caf\xe9.py"
    with open(odd, "wb") as handle:
        handle.write(POSITIVE.encode())
    done = subprocess.run([sys.executable, "-m", "devterms", "check", "--format", "sarif", "--show-suppressed",
                           "-o", "out/devterms.sarif", "."], cwd=tmp_path / "src", capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    log = json.loads((tmp_path / "src/out/devterms.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    run = log["runs"][0]
    assert str(tmp_path) not in json.dumps(run["originalUriBaseIds"])
    by_uri = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r for r in run["results"]}
    assert set(by_uri) == {"src/collect.py", "src/quiet.py", "src/caf%E9.py"}  # relative to the project root
    region = by_uri["src/collect.py"]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 11 and region["endLine"] == 11 and region["endColumn"] > region["startColumn"]
    assert "face_recognition.face_encodings(image)" in region["snippet"]["text"]
    assert by_uri["src/quiet.py"]["suppressions"] == [{"kind": "inSource", "justification": "reviewed by legal"}]


def test_help_uri_links_each_rule_to_its_published_page_when_the_user_says_where(tmp_path: Path) -> None:
    url = "https://git.example.org/sec/devterms/-/blob/main/docs/rules/{code}.md"
    driver = render_sarif(tmp_path, rule_docs_url=url)["runs"][0]["tool"]["driver"]
    assert {rule["id"]: rule["helpUri"] for rule in driver["rules"]}["DT101"] == url.format(code="DT101")
    assert all(rule["helpUri"].endswith(f"/{rule['id']}.md") for rule in driver["rules"])
    write_tree(tmp_path, {"pyproject.toml": "", "collect.py": POSITIVE})
    done = subprocess.run([sys.executable, "-m", "devterms", "check", "--format", "sarif", "--rule-docs-url", url,
                           "--no-cache", "."], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    log = json.loads(done.stdout)
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    linked = {rule["id"]: rule["helpUri"] for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert linked["DT101"] == url.format(code="DT101")


@pytest.mark.parametrize("url, problem", [
    ("docs/rules/{code}.md", "is not an http(s) URL"),
    ("https://example.org/rules/", "has no {code}"),
    ("https://example.org/{rule}/{code}.md", "may hold no placeholder but {code}"),
])
def test_a_rule_docs_url_that_cannot_link_is_a_usage_error(tmp_path: Path, url: str, problem: str) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    done = subprocess.run([sys.executable, "-m", "devterms", "check", "--format", "sarif", "--rule-docs-url", url, "."],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and problem in done.stderr and "Traceback" not in done.stderr
