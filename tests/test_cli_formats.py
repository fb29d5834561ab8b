"""The report formats and switches of ``devterms check``, through the real command on a real flow."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from harness.frontends import POSITIVE, write_tree

from devterms.cli import FORMATS, build_parser

LINE = 11  # the face_encodings call of POSITIVE
BROKEN = 'import tweepy\nimport face_recognition\nc = tweepy.Client("t")\ndef (:\n'  # DT000 on line 4


def devterms(cwd: Path, *args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(CI="true", **env)
    return subprocess.run([sys.executable, "-m", "devterms", "check", *args], cwd=cwd, input=stdin,
                          capture_output=True, text=True, env=environment, timeout=300)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tree(tmp_path_factory.mktemp("formats"), {
        "pyproject.toml": "", "collect.py": POSITIVE, "broken.py": BROKEN})


def test_github_annotations(project: Path) -> None:
    done = devterms(project, "--format", "github")
    assert done.returncode == 1
    dt101, dt000 = done.stdout.splitlines()
    assert dt101.startswith(f"::error file=collect.py,line={LINE},col=17,")
    assert ",title=DT101 Platform data reaches face identification::" in dt101
    assert dt000.startswith("::error file=broken.py,line=4,") and "title=DT000" in dt000


def test_gitlab_code_quality(project: Path) -> None:
    issues = json.loads(devterms(project, "--format", "gitlab").stdout)
    dt101 = next(i for i in issues if i["check_name"] == "DT101")
    assert dt101["severity"] == "critical" and dt101["location"] == {"path": "collect.py", "lines": {"begin": LINE}}
    assert dt101["description"].startswith("DT101 ") and len({i["fingerprint"] for i in issues}) == len(issues)
    assert any(i["check_name"] == "DT000" for i in issues)


def test_junit_report(project: Path) -> None:
    root = ET.fromstring(devterms(project, "--format", "junit").stdout)
    assert root.tag == "testsuites" and root.get("failures") == "2"
    (case,) = root.findall("testsuite[@name='collect.py']/testcase")
    assert case.get("name") == f"DT101 at collect.py:{LINE}:17"
    assert case.find("failure").get("message").startswith("DT101 ")


def test_concise_is_one_line_per_finding(project: Path) -> None:
    lines = devterms(project, "--format", "concise").stdout.splitlines()
    assert lines[0].startswith(f"collect.py:{LINE}:17: DT101 [error] ")
    assert lines[1].startswith("broken.py:4:5: DT000 cannot parse") and lines[2].startswith("Checked 2 files: 1 finding")
    assert len(lines) == 3


def test_quiet_statistics_fail_on_and_exit_zero(project: Path) -> None:
    quiet = devterms(project, "--quiet", "--format", "concise").stdout.splitlines()
    assert len(quiet) == 2 and not any(line.startswith("Checked") for line in quiet)
    assert devterms(project, "--statistics").stdout.splitlines() == [
        "1  DT000  File could not be analysed", "1  DT101  Platform data reaches face identification"]
    assert devterms(project, "--exit-zero").returncode == 0
    assert devterms(project, "collect.py", "--fail-on", "error").returncode == 1
    severity = "[tool.devterms]\nseverity = { DT101 = 'warning' }\n"
    warned = write_tree(project.parent / "warned", {"pyproject.toml": severity, "collect.py": POSITIVE})
    assert devterms(warned, "--fail-on", "error").returncode == 0
    assert devterms(warned, "--fail-on", "warning").returncode == 1


def test_stdin_filename_checks_the_code_on_stdin(project: Path) -> None:
    done = devterms(project, "--stdin-filename", "new_module.py", stdin=POSITIVE)
    assert done.returncode == 1 and done.stdout.startswith(f"new_module.py:{LINE}:17: DT101 ")
    clean = devterms(project, "--stdin-filename", "collect.py", stdin="print('no longer')\n")
    assert clean.returncode == 0, clean.stdout


def test_colour_only_when_asked_or_on_a_terminal(project: Path) -> None:
    assert "\033[" not in devterms(project).stdout  # a pipe
    assert "\033[1mDT101\033[0m" in devterms(project, FORCE_COLOR="1").stdout
    assert "\033[" not in devterms(project, NO_COLOR="1").stdout


def test_every_option_has_help() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.choices and "check" in a.choices).choices
    missing = [f"{name} {action.dest}" for name, sub in commands.items() for action in sub._actions
               if not action.help and action.dest != "help"]
    assert missing == []
    check_help = commands["check"].format_help()
    assert all(name in check_help for name in FORMATS)


def _git(cwd: Path, *args: str) -> None:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t.invalid"}
    subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=cwd, env=env, check=True,
                   capture_output=True, timeout=60)


def test_changed_since_reports_flows_touching_changed_files_without_running_repo_config(tmp_path: Path) -> None:
    from harness.frontends import SCRAPE

    faces = ("import face_recognition\nfrom scrape import author_pictures\n\n"
             "for picture in author_pictures('x'):\n    face_recognition.face_encodings(picture)\n")
    root = write_tree(tmp_path / "repo", {"pyproject.toml": "", "old.py": POSITIVE, "faces.py": faces,
                                          "scrape.py": "def author_pictures(q):\n    return []\n"})
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "first")
    planted = tmp_path / "planted"
    _git(root, "config", "core.fsmonitor", f"touch {planted}; false")  # a hostile repository's config
    (root / "scrape.py").write_text(SCRAPE, encoding="utf-8")  # uncommitted: completes faces.py's flow

    done = devterms(root, "--changed-since", "HEAD", "--format", "json")
    found = {(f["path"], f["code"]) for f in json.loads(done.stdout)["findings"]}
    assert found == {("faces.py", "DT101")}, done.stderr  # old.py's finding is not a change
    assert not planted.exists()
    bad = devterms(root, "--changed-since", "no-such-ref")
    assert bad.returncode == 2 and "no-such-ref" in bad.stderr
    assert devterms(root, "--changed-since", "--output=x").returncode == 2


def test_control_characters_from_the_tree_are_escaped_in_terminal_formats(tmp_path: Path) -> None:
    hostile = "scrape\x1b[2J\x1b]0;owned\x07.py"
    root = write_tree(tmp_path, {"pyproject.toml": "", hostile: POSITIVE})
    for fmt in ("text", "concise", "github"):
        done = devterms(root, "--format", fmt)
        assert done.returncode == 1 and "\x1b" not in done.stdout and "\x07" not in done.stdout, fmt
    assert "scrape\\x1b[2J\\x1b]0;owned\\x07.py:11:17: DT101" in devterms(root, "--format", "concise").stdout
