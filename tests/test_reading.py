"""Reading and screening: the same answers in one process or many, and a progress report."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from devterms import cli
from devterms.pack.index import Knowledge
from devterms.reading import PARALLEL_FROM, read_files, screen_text
from devterms.pack.load import load_default_pack

KNOWLEDGE = Knowledge(load_default_pack())


def _tree(tmp_path: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = tmp_path / f"m{i}.py"
        body = {0: "import facebook\ng = facebook.GraphAPI('t')\n", 1: "URL = 'https://tips.fbi.gov/x'\n",
                2: b"x = '\xff'\n", 3: "x = 1\x00\n"}.get(i % 7, f"VALUE = {i}\n")
        path.write_bytes(body if isinstance(body, bytes) else body.encode())
        paths.append(path)
    return paths


def test_worker_processes_read_exactly_what_one_process_reads(tmp_path: Path) -> None:
    paths = _tree(tmp_path, PARALLEL_FROM + 20)
    calls: list[tuple[str, int, int]] = []
    alone = read_files(paths, KNOWLEDGE, jobs=1)
    for path in paths:  # new versions of the files: nothing is remembered
        path.write_bytes(path.read_bytes() + b"\n")
    many = read_files(paths, KNOWLEDGE, jobs=2, progress=lambda *a: calls.append(a))
    assert [many[p].names for p in paths] == [alone[p].names for p in paths]
    assert [many[p].problem is None for p in paths] == [alone[p].problem is None for p in paths]
    assert calls[-1] == ("reading", len(paths), len(paths))
    assert many[paths[0]].names == {"source"} and many[paths[1]].names == {"sink"}
    assert many[paths[2]].problem and "decode" in many[paths[2]].problem[1]
    assert many[paths[3]].problem and "NUL" in many[paths[3]].problem[1]


def test_unchanged_files_are_not_read_again(tmp_path: Path) -> None:
    paths = _tree(tmp_path, 3)
    first = read_files(paths, KNOWLEDGE)
    assert read_files(paths, KNOWLEDGE)[paths[0]] is first[paths[0]]


def test_texts_in_memory_are_screened_like_files() -> None:
    assert screen_text("import snscrape.modules.twitter as sn\n", KNOWLEDGE).names == {"scraper"}


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.delenv("CI", raising=False)
    with cli._progress_bar() as draw:
        assert draw is not None
        draw("reading", 15, 30)
    assert "reading" in terminal.getvalue() and "#" * 15 + "-" * 15 in terminal.getvalue()
    monkeypatch.setenv("CI", "true")
    with cli._progress_bar() as draw:
        assert draw is None


def test_an_edited_file_is_seen_by_the_next_check_at_once(tmp_path: Path) -> None:
    from harness.frontends import SAMPLE_DT101

    from devterms.checker import check_project

    pack = load_default_pack()
    (tmp_path / "mod.py").write_text(SAMPLE_DT101.replace("face_recognition.face_encodings(img)", "len(img)"))
    first = check_project([tmp_path / "mod.py"], pack=pack, root=tmp_path, display_base=tmp_path)
    (tmp_path / "mod.py").write_text(SAMPLE_DT101)
    second = check_project([tmp_path / "mod.py"], pack=pack, root=tmp_path, display_base=tmp_path)
    assert [f.code for f in first.findings] == [] and [f.code for f in second.findings] == ["DT101"]
