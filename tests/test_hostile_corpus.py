"""The hostile corpus of issue #14, generated at test time, run through ``devterms check``.

Each case is a project of one bad file (or link, or name) next to a good file with a DT101:
the good finding must survive, nothing may raise, every diagnostic is a DT000, and the case
finishes within 30 s. Nothing big is checked in: the inputs are built here.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_hardening import HEADER, SINK_LINE, SINK_PROGRAM, check

from devterms import parsing
from devterms.cli import main


def bad_module(text: str) -> Callable[[Path], None]:
    return lambda root: (root / "x.py").write_text(HEADER + text, encoding="utf-8")


def fifo(root: Path) -> None:
    os.mkfifo(root / "x.py")


def device(root: Path) -> None:
    (root / "x.py").symlink_to("/dev/zero")


def link_loop(root: Path) -> None:
    (root / "x.py").symlink_to(root / "y.py")
    (root / "y.py").symlink_to(root / "x.py")


def long_path(root: Path) -> None:
    """Folders nested until the file's path is longer than 4,096 bytes (made by relative steps)."""
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(4_200 // 201 + 1):
            os.mkdir("d" * 200, dir_fd=fd)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with open(os.open("x.py", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "w", encoding="utf-8") as handle:
            handle.write(SINK_PROGRAM)
    finally:
        os.close(fd)


def non_utf8_name(root: Path) -> None:
    (root / os.fsdecode(b"caf\xe9.py")).write_text(HEADER + "def broken(:\n", encoding="utf-8")


def ansi_name(root: Path) -> None:
    (root / "x\x1b[2J\x1b]0;pwned\x07.py").write_text(HEADER + "def broken(:\n", encoding="utf-8")


def lines_200k(root: Path) -> None:
    body = "".join(f"def f{i}(a):\n    b = a + {i}\n    return b\n\n" for i in range(50_000))
    (root / "x.py").write_text(HEADER + body, encoding="utf-8")


CORPUS: dict[str, Callable[[Path], None]] = {
    "parens_50000": bad_module("x = " + "(" * 50_000 + "1" + ")" * 50_000 + "\n"),
    "braces_5000": bad_module("x = " + "{" * 5_000 + "}" * 5_000 + "\n"),
    "brackets_5000": bad_module("x = " + "[" * 5_000 + "]" * 5_000 + "\n"),
    "calls_5000": bad_module("x = " + "f(" * 5_000 + ")" * 5_000 + "\n"),
    "attribute_chain_20000": bad_module("x = a" + ".b" * 20_000 + "\n"),
    "call_chain_20000": bad_module("x = a" + "()" * 20_000 + "\n"),
    "subscript_chain_20000": bad_module("x = a" + "[0]" * 20_000 + "\n"),
    "replace_chain_18": bad_module("x = 's'" + ".replace('a', 'b')" * 18 + "\n"),
    "plus_string_1500": bad_module("BLOB = '" + "+" * 1_600 + "'\n" + SINK_PROGRAM),
    "fifo": fifo,
    "dev_zero_link": device,
    "link_loop": link_loop,
    "path_over_4096_bytes": long_path,
    "lines_200000": lines_200k,
    "non_utf8_name": non_utf8_name,
    "ansi_escape_name": ansi_name,
}


@pytest.mark.parametrize("fmt", ["json", "sarif", "text"])
@pytest.mark.parametrize("case", sorted(CORPUS))
def test_a_bad_file_never_costs_the_good_finding(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        case: str, fmt: str) -> None:
    if fmt != "json" and case not in ("non_utf8_name", "ansi_escape_name"):
        pytest.skip("the other formats only matter for odd file names")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'hostile'\n")
    (tmp_path / "good.py").write_text(SINK_PROGRAM, encoding="utf-8")
    CORPUS[case](tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(parsing._WORKER, "seconds", 8.0)  # the 200k-line file: bounded sooner
    started = time.perf_counter()
    status = main(["check", "--no-cache", "--format", fmt, "--output", "report.out", "."])
    elapsed = time.perf_counter() - started
    report = (tmp_path / "report.out").read_text(encoding="utf-8")
    assert status == 1
    assert elapsed < 30, f"{case} took {elapsed:.1f} s"
    if fmt == "json":
        document = json.loads(report)
        assert ("good.py", SINK_LINE, "DT101") in {(f["path"], f["line"], f["code"]) for f in document["findings"]}
        assert all(d["code"] == "DT000" for d in document["diagnostics"])
        if case == "plus_string_1500":  # a string, not an operator chain: analysed as usual
            assert document["diagnostics"] == []
            assert ("x.py", SINK_LINE + 2, "DT101") in {(f["path"], f["line"], f["code"]) for f in document["findings"]}
    else:
        assert "DT101" in report
    assert "Traceback" not in capsys.readouterr().err


def test_an_importer_that_cannot_be_loaded_ends_the_widening(tmp_path: Path) -> None:
    """Platform data left ``good`` (its module-level client), so the run widens to its importers;
    one that cannot be parsed (or is not, because the run timeout was reached) was asked for
    again on every round: gallery-dl ran on for 45 minutes past a 120 s timeout."""
    (tmp_path / "good.py").write_text(SINK_PROGRAM, encoding="utf-8")
    (tmp_path / "importer.py").write_text("from good import client\ndef f(:\n    pass\n", encoding="utf-8")
    result = check(tmp_path, timeout=20.0)
    assert ("good.py", SINK_LINE, "DT101") in {(f.path, f.line, f.code) for f in result.findings}
    assert [(d.path, d.code) for d in result.diagnostics] == [("importer.py", "DT000")]
