"""The guard before parsing and the worker process behind it: one file cannot take the run down.

Each case is a project of one bad file next to a good one whose DT101 must still be reported.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from test_hardening import HEADER, SINK_LINE, SINK_PROGRAM, check, codes_at, write

from devterms import parsing, shape
from devterms.parsing import ParseWorker


def good_and_bad(tmp_path: Path, bad: str) -> None:
    write(tmp_path, "good.py", SINK_PROGRAM)
    write(tmp_path, "bad.py", HEADER + bad)


def assert_good_survives(tmp_path: Path, started: float) -> None:
    result = check(tmp_path)
    assert ("good.py", SINK_LINE, "DT101") in codes_at(result)
    assert all(d.code == "DT000" for d in result.diagnostics)
    assert time.perf_counter() - started < 30


def test_measure_sees_depth_chains_and_operators_but_not_strings() -> None:
    measured = shape.measure("x = ((a.b.c(1)[2] + d - e)) + f('+++((([[[...')\n")
    assert measured is not None
    assert measured.depth[0] == 3
    assert measured.chain[0] == 4
    assert measured.operators[0] == 2
    assert measured.excess() is None and measured.is_plain()


def test_chains_end_at_keywords_and_commas() -> None:
    measured = shape.measure("if a.b and c.d or e.f:\n    g(h.i, j.k)\n")
    assert measured is not None and measured.chain[0] == 1  # one trailer each: a.b, g(...)


@pytest.mark.parametrize(("text", "bound"), [
    ("x = " + "(" * 50_000 + "1" + ")" * 50_000 + "\n", f"bound of {shape.MAX_DEPTH}"),
    ("x = " + "{" * 5_000 + "}" * 5_000 + "\n", f"bound of {shape.MAX_DEPTH}"),
    ("x = " + "f(" * 5_000 + ")" * 5_000 + "\n", f"bound of {shape.MAX_DEPTH}"),
    ("x = a" + ".b" * 20_000 + "\n", f"bound of {shape.MAX_CHAIN}"),
    ("x = a" + "()" * 20_000 + "\n", f"bound of {shape.MAX_CHAIN}"),
    ("x = a" + "[0]" * 20_000 + "\n", f"bound of {shape.MAX_CHAIN}"),
    ("x = " + " + ".join(["a"] * 2_000) + "\n", f"bound of {shape.MAX_OPERATORS:,}"),
], ids=["parens_50000", "braces_5000", "calls_5000", "attributes_20000", "call_chain_20000",
        "subscripts_20000", "plus_2000"])
def test_beyond_a_bound_is_one_dt000_naming_it(tmp_path: Path, text: str, bound: str) -> None:
    started = time.perf_counter()
    good_and_bad(tmp_path, text)
    result = check(tmp_path)
    assert [(d.path, d.line, d.code) for d in result.diagnostics] == [("bad.py", 2, "DT000")]
    assert bound in result.diagnostics[0].message
    assert ("good.py", SINK_LINE, "DT101") in codes_at(result)
    assert time.perf_counter() - started < 30


def test_plus_characters_in_a_string_are_not_operators(tmp_path: Path) -> None:
    """A base64 blob or URL query of 1,500+ ``+`` characters is a string, analysed as usual."""
    write(tmp_path, "blob.py", SINK_PROGRAM + "BLOB = '" + "+" * 2_000 + "'\n")
    result = check(tmp_path)
    assert result.diagnostics == ()
    assert ("blob.py", SINK_LINE, "DT101") in codes_at(result)


def test_eighteen_chained_replace_calls_are_analysed(tmp_path: Path) -> None:
    started = time.perf_counter()
    good_and_bad(tmp_path, "x = 's'" + ".replace('a', 'b')" * 18 + "\n")
    result = check(tmp_path)
    assert result.diagnostics == ()
    assert_good_survives(tmp_path, started)


def test_a_parser_crash_is_contained_in_the_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the guard's bound lifted, 50,000 nested parentheses crash the parser: in the worker."""
    monkeypatch.setattr(shape, "MAX_DEPTH", 10**9)
    monkeypatch.setattr(parsing, "_WORKER", ParseWorker())  # started with the lifted bound
    started = time.perf_counter()
    good_and_bad(tmp_path, "x = " + "(" * 50_000 + "1" + ")" * 50_000 + "\n")
    result = check(tmp_path)
    assert [(d.path, d.code) for d in result.diagnostics] == [("bad.py", "DT000")]
    assert "the parser crashed (SIGSEGV) in its worker process" in result.diagnostics[0].message
    assert_good_survives(tmp_path, started)


def test_the_worker_bounds_memory_and_time_then_starts_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shape, "MAX_DEPTH", 10**9)
    deep = "x = " + "[" * 1_500 + "]" * 1_500 + "\n"
    small = ParseWorker(memory_bytes=600 << 20)
    try:
        problem = small.check(deep)
        assert problem is not None and "bounded to 600 MB of memory" in problem[2]
        assert small.check("x = 1\n") is None  # a new worker for the next file
    finally:
        small.close()
    hasty = ParseWorker(seconds=0.5)
    try:
        problem = hasty.check(deep)
        assert problem is not None and "longer than the bound of 0.5 s" in problem[2]
        assert hasty.check("x = (\n") is not None and hasty.check("x = 1\n") is None
    finally:
        hasty.close()


def test_unusual_files_go_through_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing is lost by the detour: a file the worker parses is then parsed here."""
    seen: list[str] = []
    monkeypatch.setattr(parsing._WORKER, "check", lambda text: seen.append(text))
    deep = "x = " + "(" * 50 + "1" + ")" * 50 + "\n"
    assert isinstance(parsing.parse_guarded(deep), parsing.cst.Module)
    assert isinstance(parsing.parse_guarded("x = 1\n"), parsing.cst.Module)
    assert seen == [deep]
