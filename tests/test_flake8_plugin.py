"""The flake8 adapter: the 4-tuple contract, cross-file messages, options, and a real flake8 run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from harness.frontends import SAMPLE_DT101, FakeEngine, finding, install_fake_engine, write_tree

from devterms import flake8_session
from devterms.flake8_plugin import DevtermsChecker
from devterms.flake8_session import flake8_message
from devterms.model import Hop


@pytest.fixture(autouse=True)
def fresh_plugin_state(monkeypatch: pytest.MonkeyPatch):
    flake8_session._sessions.clear()
    monkeypatch.setattr(DevtermsChecker, "config_file", None)
    monkeypatch.setattr(DevtermsChecker, "extra_rules", ())
    monkeypatch.setattr(DevtermsChecker, "use_cache", True)
    monkeypatch.setattr(DevtermsChecker, "active", True)
    monkeypatch.setattr(DevtermsChecker, "checked", ())
    monkeypatch.setattr(DevtermsChecker, "selected", staticmethod(lambda code: code != "DT102"))
    yield
    flake8_session._sessions.clear()


def test_same_file_flow_gives_the_plain_message() -> None:
    assert flake8_message(finding(message="m")) == "DT101 m"


def test_cross_file_flow_names_first_hop_file_entries_and_last_hop() -> None:
    flow = (Hop("lib/a.py", 4, 0, "s"), Hop("lib/a.py", 5, 0, "x"), Hop("lib/b.py", 9, 0, "y"),
            Hop("app/m.py", 3, 0, "z"), Hop("app/m.py", 6, 4, "sink"))
    text = flake8_message(finding(path="app/m.py", message="m", flow=flow))
    assert text == "DT101 m (from lib/a.py:4 via lib/b.py:9, app/m.py:3 to app/m.py:6)"
    two = flake8_message(finding(path="app/m.py", message="m", flow=(flow[0], flow[-1])))
    assert two == "DT101 m (from lib/a.py:4 to app/m.py:6)"


def run_plugin(path: Path, text: str) -> list[tuple]:
    checker = DevtermsChecker(None, str(path), text.splitlines(keepends=True))  # type: ignore[arg-type]
    return list(checker.run())


def test_run_yields_flake8_tuples_for_this_file_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path, {"pyproject.toml": "", "pkg/a.py": "old text\n", "pkg/b.py": ""})
    engine = install_fake_engine(monkeypatch, FakeEngine([
        finding(path="pkg/a.py", line=6, column=4, message="m"),
        finding(path="pkg/b.py", line=1, column=0, message="elsewhere"),
        finding(path="pkg/a.py", line=7, column=0, message="not selected by flake8", code="DT102"),
    ]))
    monkeypatch.chdir(tmp_path / "pkg")
    results = run_plugin(tmp_path / "pkg" / "a.py", "new text\n")
    assert results == [(6, 4, "DT101 m", DevtermsChecker)]
    call = engine.calls[0]
    target = (tmp_path / "pkg" / "a.py").resolve()
    assert call["report_on"] == {target} and call["overrides"] == {target: "new text\n"}
    assert call["root"] == tmp_path.resolve() and call["display_base"] == tmp_path.resolve()
    assert {p.name for p in call["files"]} == {"a.py", "b.py"}


def test_the_project_is_analysed_once_for_files_as_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path, {"pyproject.toml": "", "a.py": "x = 1\n", "b.py": "y = 2\n", "build/c.py": "z = 3\n"})
    engine = install_fake_engine(monkeypatch, FakeEngine([finding(path="b.py", line=1, column=0, message="m")]))
    assert run_plugin(tmp_path / "a.py", "x = 1\n") == []
    assert run_plugin(tmp_path / "b.py", "y = 2\n") == [(1, 0, "DT101 m", DevtermsChecker)]
    assert len(engine.calls) == 1 and engine.calls[0]["report_on"] is None
    run_plugin(tmp_path / "build" / "c.py", "z = 3\n")  # not a project file: analysed alone
    assert len(engine.calls) == 2 and [p.name for p in engine.calls[1]["files"]] == ["c.py"]


def test_a_flow_from_this_file_to_an_unchecked_file_is_reported_at_its_hop_here(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path, {"pyproject.toml": "", "scrape.py": "s\n", "faces.py": "f\n"})
    flow = (Hop("scrape.py", 3, 4, "X data"), Hop("faces.py", 9, 0, "reaches the sink"))
    install_fake_engine(monkeypatch, FakeEngine([finding(path="faces.py", line=9, column=0, message="m", flow=flow)]))
    ((line, column, text, _),) = run_plugin(tmp_path / "scrape.py", "s\n")
    assert (line, column) == (3, 4) and text == "DT101 m (from scrape.py:3 to faces.py:9)"
    monkeypatch.setattr(DevtermsChecker, "checked", (tmp_path.resolve(),))  # faces.py is checked too
    assert run_plugin(tmp_path / "scrape.py", "s\n") == []


def test_flake8_applies_noqa_and_so_does_the_plugin_for_the_whole_statement(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "sink(\n    x,\n)  # noqa: DT101\n"
    write_tree(tmp_path, {"pyproject.toml": "", "a.py": text})
    install_fake_engine(monkeypatch, FakeEngine([finding(path="a.py", line=1, column=0, message="m")]))
    assert run_plugin(tmp_path / "a.py", text) == []


def test_configuration_mistake_is_reported_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path, {"pyproject.toml": "[tool.devterms]\nselct = 1\n", "a.py": ""})
    install_fake_engine(monkeypatch, FakeEngine())
    ((line, col, text, _),) = run_plugin(tmp_path / "a.py", "")
    assert (line, col) == (1, 0) and text.startswith("DT000 devterms configuration error: ") and "selct" in text


def test_parse_options_stores_settings_on_the_class() -> None:
    class Options:
        devterms_config = "cfg/devterms.toml"
        devterms_rules = ["/rules/a", "/rules/b"]
        devterms_no_cache = True

    DevtermsChecker.parse_options(Options())
    assert DevtermsChecker.config_file == Path("cfg/devterms.toml")
    assert DevtermsChecker.extra_rules == (Path("/rules/a"), Path("/rules/b"))
    assert DevtermsChecker.use_cache is False


# --- through flake8 itself --------------------------------------------------------------------

def flake8(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flake8", "--select", "DT", *args], cwd=cwd,
                          capture_output=True, text=True, env={**os.environ, "CI": "true"}, timeout=300)


def test_flake8_registers_the_plugin_and_its_options(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "flake8", "--help"], capture_output=True, text=True, timeout=120)
    assert "--devterms-rules" in done.stdout and "--devterms-config" in done.stdout
    assert "devterms: " in done.stdout  # "Installed plugins: devterms: 0.1.0, ..."


def test_flake8_reads_plugin_options_from_setup_cfg(tmp_path: Path) -> None:
    write_tree(tmp_path, {"setup.cfg": "[flake8]\ndevterms-rules = broken\n", "broken/x.yaml": "sinks: [1]\n",
                          "a.py": "x = 1\n"})
    done = flake8(tmp_path, "a.py")
    assert "a.py:1:1: DT000 devterms configuration error: " in done.stdout and "x.yaml" in done.stdout


def test_flake8_reports_dt101_on_the_sample(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": "", "sample.py": SAMPLE_DT101})
    done = flake8(tmp_path, "sample.py")
    assert done.stdout.startswith("sample.py:6:5: DT101 "), done.stdout + done.stderr
    assert done.returncode == 1


def test_flake8_cross_file_message_and_noqa(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        "pyproject.toml": "", "app/__init__.py": "",
        "app/lib.py": "import tweepy\n\ndef users():\n    c = tweepy.Client('t')\n"
                      "    return c.search_recent_tweets('x', user_fields='profile_image_url').includes['users']\n",
        "app/use.py": "import face_recognition, requests\nfrom app.lib import users\n\nfor u in users():\n"
                      "    img = face_recognition.load_image_file(requests.get(u.profile_image_url).raw)\n"
                      "    face_recognition.face_encodings(img)\n"
                      "    face_recognition.face_encodings(img)  # noqa: DT101\n",
    })
    lines = flake8(tmp_path, "app/use.py").stdout.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("app/use.py:6:5: DT101 ")
    assert lines[0].endswith("to app/use.py:6)") and "(from app/lib.py:" in lines[0]


def test_flake8_on_the_source_file_reports_the_flow_at_its_source(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        "pyproject.toml": "", "app/__init__.py": "",
        "app/lib.py": "import tweepy\n\ndef users():\n    c = tweepy.Client('t')\n"
                      "    return c.search_recent_tweets('x', user_fields='profile_image_url').includes['users']\n",
        "app/use.py": "import face_recognition, requests\nfrom app.lib import users\n\nfor u in users():\n"
                      "    img = face_recognition.load_image_file(requests.get(u.profile_image_url).raw)\n"
                      "    face_recognition.face_encodings(img)\n",
    })
    lines = flake8(tmp_path, "app/lib.py").stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("app/lib.py:5:"), lines
    assert "DT101" in lines[0] and lines[0].endswith("to app/use.py:6)")
    both = flake8(tmp_path, "app").stdout.splitlines()  # the sink's file is checked too: once, there
    assert len(both) == 1 and both[0].startswith("app/use.py:6:5: DT101"), both


def test_flake8_on_stdin_in_a_folder_without_project_marker(tmp_path: Path) -> None:
    from harness.frontends import POSITIVE

    loose = write_tree(tmp_path / "shared-temp", {"other/deep/tree.py": "x = 1\n"})
    done = subprocess.run([sys.executable, "-m", "flake8", "--select", "DT", "-"], cwd=loose, input=POSITIVE,
                          capture_output=True, text=True, env={**os.environ, "CI": "true"}, timeout=300)
    assert done.stdout.startswith("stdin:11:17: DT101 "), done.stdout + done.stderr
    assert not (loose / ".devterms_cache").exists()


def test_flake8_selection_decides_including_rules_off_by_default(tmp_path: Path) -> None:
    detect = ("import face_recognition, requests, tweepy\nclient = tweepy.Client('t')\n"
              "resp = client.search_recent_tweets('x', expansions='author_id', user_fields='profile_image_url')\n"
              "for user in resp.includes['users']:\n"
              "    img = face_recognition.load_image_file(requests.get(user.profile_image_url, stream=True).raw)\n"
              "    face_recognition.face_locations(img)\n")
    write_tree(tmp_path, {"pyproject.toml": "", "detect.py": detect})

    def codes(*args: str) -> set[str]:
        done = subprocess.run([sys.executable, "-m", "flake8", *args, "detect.py"], cwd=tmp_path,
                              capture_output=True, text=True, env={**os.environ, "CI": "true"}, timeout=300)
        return {line.split()[1] for line in done.stdout.splitlines() if " DT" in line}

    assert codes() == set()  # DT102 is off by default
    assert codes("--extend-select", "DT102") == {"DT102"}
    assert codes("--select", "DT102") == {"DT102"}
    assert codes("--select", "DT") == {"DT102"}  # in flake8 a prefix names every code under it
    assert codes("--select", "E") == set()


def test_flake8_does_no_devterms_work_when_no_dt_code_is_selected(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": "[tool.devterms]\nselct = 1\n", "a.py": "x = 1\n"})
    with_dt = flake8(tmp_path, "a.py").stdout  # the plugin reads the configuration...
    assert "DT000 devterms configuration error" in with_dt
    done = subprocess.run([sys.executable, "-m", "flake8", "--select", "E,F", "a.py"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout == ""  # ... but not when flake8 selects no DT code
    assert not (tmp_path / ".devterms_cache").exists()


def test_flake8_on_stdin_in_a_project_sees_flows_from_its_modules(tmp_path: Path) -> None:
    """pylsp pipes the buffer to `flake8 -` from the project folder."""
    from harness.frontends import SCRAPE

    faces = ("import face_recognition\nfrom scrape import author_pictures\n\n"
             "for picture in author_pictures('x'):\n    face_recognition.face_encodings(picture)\n")
    write_tree(tmp_path, {"pyproject.toml": "", "scrape.py": SCRAPE})
    done = subprocess.run([sys.executable, "-m", "flake8", "--select", "DT", "-"], cwd=tmp_path, input=faces,
                          capture_output=True, text=True, env={**os.environ, "CI": "true"}, timeout=300)
    assert done.stdout.startswith("stdin:5:5: DT101 "), done.stdout + done.stderr


@pytest.mark.parametrize(("filenames", "display", "expected"), [
    (["-"], "pkg/faces.py", ["pkg/faces.py"]),  # an editor's buffer on save: the file it will be
    (["-"], "stdin", []),  # flake8's default display name names no file
    (["a.py", "-"], "b.py", ["a.py", "b.py"]),
    (["a.py"], "b.py", ["a.py"]),  # the display name counts only for code on stdin
])
def test_code_on_stdin_counts_as_the_file_its_display_name_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, filenames: list[str], display: str,
        expected: list[str]) -> None:
    from argparse import Namespace

    from devterms.flake8_plugin import _checked_paths

    monkeypatch.chdir(tmp_path)
    options = Namespace(filenames=filenames, stdin_display_name=display)
    assert _checked_paths(options) == tuple((tmp_path / name).resolve() for name in expected)
