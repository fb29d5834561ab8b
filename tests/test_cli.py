"""The devterms command: exit codes, options, output; the engine is faked unless a test says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from harness.frontends import SAMPLE_DT101, SAMPLE_DT101_LINE, FakeEngine, finding, install_fake_engine, write_tree

from devterms.cli import main
from devterms.model import Diagnostic, Hop

MAIN = "import x\ndata = x.get()\n\nsink(data)\nsink(data)  # noqa: DT101\nother = 1  # noqa: DT201\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_tree(tmp_path, {"pyproject.toml": "[project]\nname = 'demo'\n", "app/main.py": MAIN,
                          "app/other.py": "y = 1\n", "tests/test_main.py": "sink(1)\n"})
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    return tmp_path


def at(line: int, code: str = "DT101", path: str = "app/main.py", source_line: int = 2):
    flow = (Hop(path, source_line, 7, "X data from x.get"), Hop(path, line, 0, "reaches sink"))
    return finding(path=path, line=line, column=0, code=code, flow=flow)


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    return install_fake_engine(monkeypatch, FakeEngine([at(4)]))


def test_findings_exit_1_and_print_headline_flow_and_summary(project: Path, engine: FakeEngine, capsys) -> None:
    assert main(["check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("app/main.py:4:1: DT101 [error] ")
    assert out[1] == "    source  app/main.py:2:8  X data from x.get"
    assert out[-1].startswith("Checked 3 files: 3 findings (DT001: 2, DT101: 1) in ")  # both noqa unused


def test_exit_zero_and_clean_runs_exit_0(project: Path, engine: FakeEngine, capsys) -> None:
    assert main(["check", "--exit-zero"]) == 0
    engine.findings.clear()
    assert main(["check", "app/other.py"]) == 0
    assert "no findings" in capsys.readouterr().out


def test_whole_project_is_analysed_but_only_given_paths_reported(project: Path, engine: FakeEngine) -> None:
    engine.findings.append(at(1, path="tests/test_main.py"))
    assert main(["check", "tests"]) == 1
    call = engine.calls[-1]
    assert {p.relative_to(project).as_posix() for p in call["files"]} == {
        "app/main.py", "app/other.py", "tests/test_main.py"}
    assert call["report_on"] == {project / "tests" / "test_main.py"} and call["root"] == project


def test_options_reach_the_engine(project: Path, engine: FakeEngine) -> None:
    main(["check", "-j", "3", "--no-cache"])
    assert engine.calls[-1]["jobs"] == 3 and engine.calls[-1]["cache_dir"] is None
    main(["check"])
    assert engine.calls[-1]["cache_dir"] == project / ".devterms_cache"
    assert engine.calls[-1]["jobs"] == (os.cpu_count() or 1)  # the default 0 means one per CPU


def test_select_ignore_and_extend_select(project: Path, engine: FakeEngine, capsys) -> None:
    engine.findings.append(at(5, code="DT102"))
    assert main(["check", "--select", "DT2"]) == 0
    assert main(["check", "--ignore", "DT1,DT001"]) == 0
    capsys.readouterr()
    main(["check", "--extend-select", "DT102", "--ignore", "DT001"])
    out = capsys.readouterr().out
    assert "DT102" in out and "app/main.py:4:1: DT101" in out


def test_noqa_suppresses_and_unused_codes_are_dt001(project: Path, engine: FakeEngine, capsys) -> None:
    engine.findings.append(at(5))
    main(["check"])
    out = capsys.readouterr().out
    assert "app/main.py:5:1: DT101" not in out
    assert "app/main.py:6:12: DT001 [warning] unused noqa code DT201" in out
    main(["check", "--show-suppressed"])
    assert "app/main.py:5:1: DT101 [error] X user data reaches face_recognition.face_encodings  (suppressed by noqa)" in capsys.readouterr().out


def test_bare_noqa_silences_as_in_flake8(project: Path, engine: FakeEngine, capsys) -> None:
    write_tree(project, {"app/main.py": MAIN.replace("sink(data)\nsink", "sink(data)  # noqa\nsink")})
    assert main(["check", "--ignore", "DT001"]) == 0
    write_tree(project, {"pyproject.toml": "[tool.devterms]\nallow-bare-noqa = true\n"})
    assert main(["check"]) == 2
    assert "allow-bare-noqa: was removed" in capsys.readouterr().err


def test_per_path_ignores_and_severity_from_config(project: Path, engine: FakeEngine, capsys) -> None:
    engine.findings.append(at(1, path="tests/test_main.py"))
    write_tree(project, {"pyproject.toml": "[tool.devterms]\nignore = ['DT001']\n"
                         "per-path-ignores = { 'app/*' = ['DT1'] }\nseverity = { DT101 = 'warning' }\n"})
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "app/main.py" not in out and "tests/test_main.py:1:1: DT101 [warning]" in out


def test_config_mistake_exits_2_with_one_error_line(project: Path, engine: FakeEngine, capsys) -> None:
    write_tree(project, {"pyproject.toml": "[tool.devterms]\nselct = ['DT1']\n"})
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"devterms: error: {project / 'pyproject.toml'}: [tool.devterms]: selct: ")
    assert "Traceback" not in err and len(err.splitlines()) == 1


def test_rule_pack_mistake_exits_2_naming_the_file(project: Path, engine: FakeEngine, capsys) -> None:
    write_tree(project, {"extra/bad.yaml": "sinks:\n  - id: broken\n"})
    assert main(["check", "--rules", "extra"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("devterms: error: ") and "bad.yaml: sinks[0] (broken): " in err


@pytest.mark.parametrize("argv", [["check", "missing.py"], ["check", "--select", "E501"],
                                  ["check", "--format", "xml"], ["explain", "DT999"], []])
def test_usage_mistakes_exit_2(project: Path, engine: FakeEngine, argv: list[str]) -> None:
    assert main(argv) == 2


@pytest.mark.parametrize("fmt", ["json", "sarif", "html"])
def test_formats_write_to_output_file(project: Path, engine: FakeEngine, fmt: str, capsys) -> None:
    assert main(["check", "--format", fmt, "--output", "report.out"]) == 1
    text = (project / "report.out").read_text(encoding="utf-8")
    assert capsys.readouterr().out == ""
    if fmt == "json":
        assert json.loads(text)["findings"][0]["path"] == "app/main.py"
    elif fmt == "sarif":
        assert json.loads(text)["runs"][0]["results"][0]["ruleId"] == "DT101"
    else:
        assert text.startswith("<!DOCTYPE html>")


def test_baseline_hides_known_findings_and_reports_new_ones(project: Path, engine: FakeEngine, capsys) -> None:
    assert main(["check", "--write-baseline", "base.json"]) == 0
    assert main(["check", "--baseline", "base.json"]) == 0
    write_tree(project, {"app/main.py": "# moved\n" + MAIN + "upload(data)\n"})
    engine.findings[:] = [at(5, source_line=3), at(8, source_line=3)]  # moved down a line; a new one
    capsys.readouterr()
    assert main(["check", "--baseline", "base.json", "--ignore", "DT001"]) == 1
    out = capsys.readouterr().out
    assert "app/main.py:8:1: DT101" in out and "app/main.py:5:1" not in out


def test_diagnostics_fail_the_run_unless_ignored(project: Path, engine: FakeEngine, capsys) -> None:
    engine.findings.clear()
    engine.diagnostics.append(Diagnostic("app/other.py", 1, 0, "cannot parse: invalid syntax"))
    assert main(["check", "--ignore", "DT001"]) == 1
    assert "app/other.py:1:1: DT000 cannot parse: invalid syntax" in capsys.readouterr().out
    assert main(["check", "--ignore", "DT001,DT000"]) == 0


def test_no_progress_output_when_stderr_is_not_a_terminal(project: Path, engine: FakeEngine, capsys) -> None:
    main(["check"])
    assert capsys.readouterr().err == ""


def test_rules_lists_codes_with_severity_default_and_title(capsys) -> None:
    assert main(["rules"]) == 0
    rows = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines()[1:]}
    assert rows["DT101"][1:3] == ["error", "on"] and rows["DT102"][2] == "off"
    assert {"DT000", "DT001", "DT201", "DT301", "DT302", "DT303", "DT401", "DT501"} <= set(rows)


def test_explain_prints_rule_and_every_clause(capsys) -> None:
    from devterms.pack.load import load_default_pack

    assert main(["explain", "dt101"]) == 0
    out = capsys.readouterr().out
    pack = load_default_pack()
    rule = pack.rules["DT101"]
    assert out.startswith(f"DT101 {rule.name}: {rule.title}") and "severity: error" in out
    for cid in rule.clauses:
        clause = pack.clauses[cid]
        assert cid in out and clause.url in out and pack.platforms[clause.platform].name in out
    shared = [pack.clauses[c].legal_process_exception for c in rule.clauses]
    texts = {t for t in shared if t}
    assert len(texts) < len([t for t in shared if t])  # the pack repeats exceptions across clauses
    assert out.count("Legal-process exceptions:") == 1
    flat = " ".join(out.split())
    assert all(flat.count(" ".join(t.split())) == sum(" ".join(t.split()) in " ".join(u.split()) for u in texts)
               for t in texts)  # each printed once (one may quote another)


@pytest.mark.parametrize(("code", "expected"), [
    ("DT401", ["Vocabularies", "religion-belief", "health", "Meeting points", "transformers-pipelines",
               "openai-clients", "regular-expressions", "`term in text`"]),
    ("DT303", ["sensitive-events", "Meeting points"]),
    ("DT101", ["face-models", "model-inference"]),
    ("DT301", ["fuzzy-name-matching", "table-joins", "`==`", "table of profile URLs"]),
])
def test_explain_names_the_rules_vocabularies_and_meeting_points(capsys, code: str, expected: list[str]) -> None:
    assert main(["explain", code]) == 0
    out = capsys.readouterr().out
    assert all(text in out for text in expected), out
    if code == "DT301":
        assert "Vocabularies" not in out and "regular-expressions" not in out


def test_explain_of_a_rule_without_meetings_has_no_such_section(capsys) -> None:
    assert main(["explain", "DT201"]) == 0
    assert "Meeting points" not in capsys.readouterr().out


# --- with the real engine -------------------------------------------------------------------

def run_cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CI": "true"}
    return subprocess.run([sys.executable, "-m", "devterms", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=300)


CROSS = {
    "pyproject.toml": "[project]\nname = 'demo'\n",
    "app/__init__.py": "",
    "app/lib.py": "import tweepy\n\ndef users():\n    c = tweepy.Client('t')\n"
                  "    return c.search_recent_tweets('x', user_fields='profile_image_url').includes['users']\n",
    "app/use.py": "import face_recognition, requests\nfrom app.lib import users\n\nfor u in users():\n"
                  "    img = face_recognition.load_image_file(requests.get(u.profile_image_url).raw)\n"
                  "    face_recognition.face_encodings(img)\n",
    "app/clean.py": "print('hello')\n",
}


def test_engine_finds_dt101_in_the_sample(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": "", "sample.py": SAMPLE_DT101})
    done = run_cli(tmp_path, "check")
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith(f"sample.py:{SAMPLE_DT101_LINE}:5: DT101 [error] ")
    assert "    sink    sample.py:6:" in done.stdout and done.stderr == ""


def test_engine_cross_file_flow_when_given_only_the_changed_file(tmp_path: Path) -> None:
    write_tree(tmp_path, CROSS)
    done = run_cli(tmp_path, "check", "app/use.py", "--format", "json")
    assert done.returncode == 1, done.stderr
    (item,) = json.loads(done.stdout)["findings"]
    assert item["code"] == "DT101" and item["path"] == "app/use.py" and item["line"] == 6
    assert item["flow"][0]["path"] == "app/lib.py" and item["flow"][-1]["path"] == "app/use.py"
    assert run_cli(tmp_path, "check", "app/clean.py").returncode == 0


def test_engine_noqa_silences_a_real_finding(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": "", "sample.py": SAMPLE_DT101.replace(
        "face_encodings(img)", "face_encodings(img)  # noqa: DT101")})
    done = run_cli(tmp_path, "check")
    assert done.returncode == 0, done.stdout


def test_engine_naming_the_source_file_reports_the_flow_it_completes(tmp_path: Path) -> None:
    write_tree(tmp_path, CROSS)
    done = run_cli(tmp_path, "check", "app/lib.py")
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("app/use.py:6:5: DT101 [error] ")
    assert lines[1] == "    note    lies in another file; its flow passes through app/lib.py"
    whole = run_cli(tmp_path, "check")  # nothing lies outside what was named
    assert "lies in another file" not in whole.stdout and "app/use.py:6:5: DT101" in whole.stdout


def test_engine_monorepo_subprojects_are_configured_and_analysed_apart(tmp_path: Path) -> None:
    from harness.frontends import POSITIVE, SCRAPE

    faces = ("import face_recognition\nfrom scrape import author_pictures\n\n"
             "for picture in author_pictures('x'):\n    face_recognition.face_encodings(picture)\n")
    write_tree(tmp_path, {
        "pyproject.toml": "[project]\nname = 'mono'\n",
        "quiet/pyproject.toml": "[tool.devterms]\nignore = ['DT101']\n", "quiet/collect.py": POSITIVE,
        "quiet/scrape.py": SCRAPE,
        "loud/pyproject.toml": "", "loud/collect.py": POSITIVE, "loud/faces.py": faces,
    })
    for args in (("quiet/collect.py", "loud/collect.py", "loud/faces.py"), (".",)):
        done = run_cli(tmp_path, "check", "--format", "json", *args)
        assert done.returncode == 1, done.stderr
        found = {(f["path"], f["code"]) for f in json.loads(done.stdout)["findings"]}
        # quiet's ignore stays in quiet; loud/faces.py's import does not reach quiet/scrape.py
        assert found == {("loud/collect.py", "DT101")}, (args, found)


def test_engine_a_folder_without_project_marker_is_listed_shallowly_and_gets_no_cache(tmp_path: Path) -> None:
    from harness.frontends import POSITIVE

    loose = write_tree(tmp_path / "loose", {
        "script.py": POSITIVE, "helpers/util.py": "x = 1\n", "deep/deeper/far.py": "y = 2\n"})
    done = run_cli(loose, "check", "script.py")
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[-1].startswith("Checked 2 files: 1 finding (DT101: 1)")
    assert not (loose / ".devterms_cache").exists()


def test_engine_unknown_codes_exit_2_listing_them(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": "", "sample.py": SAMPLE_DT101})
    done = run_cli(tmp_path, "check", "--select", "DT999,DT101", "--ignore", "DT8")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == ("devterms: error: command line: unknown codes DT8, DT999; "
                                   "`devterms rules` lists them")
    write_tree(tmp_path, {"pyproject.toml": "[tool.devterms]\nextend-select = ['DT999']\n"})
    done = run_cli(tmp_path, "check")
    assert done.returncode == 2 and "pyproject.toml: unknown codes DT999" in done.stderr


def test_engine_report_and_baseline_into_a_missing_folder(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": "", "sample.py": SAMPLE_DT101})
    done = run_cli(tmp_path, "check", "--format", "sarif", "-o", "out/reports/devterms.sarif")
    assert done.returncode == 1 and done.stderr == ""
    assert json.loads((tmp_path / "out/reports/devterms.sarif").read_text())["version"] == "2.1.0"
    done = run_cli(tmp_path, "check", "--write-baseline", "ci/baselines/devterms.json")
    assert done.returncode == 0 and (tmp_path / "ci/baselines/devterms.json").is_file()
    (tmp_path / "blocked").write_text("a file where a folder should be\n")
    done = run_cli(tmp_path, "check", "-o", "blocked/report.txt")
    assert done.returncode == 2 and done.stderr.startswith("devterms: error: blocked/report.txt: cannot be written")
    assert "Traceback" not in done.stderr


def test_engine_baseline_survives_a_rename_on_the_source_line_in_another_file(tmp_path: Path) -> None:
    write_tree(tmp_path, CROSS)
    assert run_cli(tmp_path, "check", "--write-baseline", "baseline.json").returncode == 0
    lib = tmp_path / "app/lib.py"
    lib.write_text(lib.read_text().replace("c = tweepy", "api = tweepy").replace("return c.", "return api."))
    done = run_cli(tmp_path, "check", "--baseline", "baseline.json")
    assert done.returncode == 0, done.stdout
    use = tmp_path / "app/use.py"  # a second sink of the same flow is new
    use.write_text(use.read_text() + "    face_recognition.compare_faces([img], img)\n")
    assert "DT101" in run_cli(tmp_path, "check", "--baseline", "baseline.json").stdout


def test_a_subproject_named_beside_its_parent_is_analysed_once(project: Path, engine: FakeEngine) -> None:
    write_tree(project, {"sub/pyproject.toml": "", "sub/x.py": "x = 1\n"})
    main(["check", "sub", ".", "sub/x.py"])
    roots = [call["root"] for call in engine.calls]
    assert sorted(roots) == sorted({project, project / "sub"}) and len(roots) == 2
