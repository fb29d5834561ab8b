"""Bounds of the whole run: its wall-clock timeout and the files it reads.

Hitting a bound is a DT000 that names the bound and the file; a good file's DT101 next to the
bad one is still reported.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from harness.frontends import FakeEngine, install_fake_engine, write_tree
from test_hardening import SINK_LINE, SINK_PROGRAM, check, codes_at, write

from devterms import analysis
from devterms.checker import Limits
from devterms.cli import main
from devterms.config import load_config
from devterms.errors import InputError


def test_timeout_and_max_file_bytes_are_config_keys(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": "[tool.devterms]\ntimeout = 30\nmax-file-bytes = 1000\n"})
    config = load_config(tmp_path)
    assert config.timeout == 30.0 and config.max_file_bytes == 1000
    assert Limits().timeout == 600 and Limits().max_file_bytes == 5_000_000


@pytest.mark.parametrize(("table", "key"), [
    ("timeout = 0\n", "timeout"), ("timeout = 'long'\n", "timeout"), ("timeout = true\n", "timeout"),
    ("max-file-bytes = -1\n", "max-file-bytes"), ("max-file-bytes = 1.5\n", "max-file-bytes"),
])
def test_bad_bounds_name_the_key(tmp_path: Path, table: str, key: str) -> None:
    write_tree(tmp_path, {"pyproject.toml": "[tool.devterms]\n" + table})
    with pytest.raises(InputError) as error:
        load_config(tmp_path)
    assert error.value.key == key and error.value.file == str(tmp_path / "pyproject.toml")


def test_timeout_option_overrides_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path, {"pyproject.toml": "[tool.devterms]\ntimeout = 30\nmax-file-bytes = 1000\n",
                          "app.py": "x = 1\n"})
    monkeypatch.chdir(tmp_path)
    engine = install_fake_engine(monkeypatch, FakeEngine())
    main(["check"])
    assert engine.calls[-1]["limits"] == Limits(30.0, 1000)
    main(["check", "--timeout", "2.5"])
    assert engine.calls[-1]["limits"] == Limits(2.5, 1000)
    assert main(["check", "--timeout", "0"]) == 2


def test_run_timeout_gives_each_file_left_a_dt000(tmp_path: Path) -> None:
    for i in range(3):
        write(tmp_path, f"m{i}.py", SINK_PROGRAM)
    result = check(tmp_path, limits=Limits(timeout=1e-9))
    assert result.findings == ()
    assert {d.path for d in result.diagnostics} == {"m0.py", "m1.py", "m2.py"}
    assert all("run timeout of 1e-09 s" in d.message for d in result.diagnostics)
    again = check(tmp_path)  # a cut-short answer was not remembered
    assert ("m0.py", SINK_LINE, "DT101") in codes_at(again) and again.diagnostics == ()


def test_a_timeout_during_the_analysis_stops_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A parse is not interrupted, but the analysis after it is, and the module that was
    running is the one named (here the parse itself outlasts the timeout)."""
    parse = analysis._parse

    def slow_parse(*args: Any) -> Any:
        parsed = parse(*args)
        time.sleep(0.6)
        return parsed

    monkeypatch.setattr(analysis, "_parse", slow_parse)
    monkeypatch.setattr(analysis._TimedRun, "_EVERY", 1)
    write(tmp_path, "slow.py", SINK_PROGRAM)
    result = check(tmp_path, limits=Limits(timeout=0.5))
    assert [d.path for d in result.diagnostics] == ["slow.py"]
    assert "run timeout of 0.5 s" in result.diagnostics[0].message
    assert result.findings == ()


def test_files_beyond_max_file_bytes_are_not_read(tmp_path: Path) -> None:
    write(tmp_path, "good.py", SINK_PROGRAM)
    write(tmp_path, "big.py", SINK_PROGRAM + "# padding\n" * 200)
    result = check(tmp_path, limits=Limits(max_file_bytes=len(SINK_PROGRAM) + 10))
    assert ("good.py", SINK_LINE, "DT101") in codes_at(result)
    assert [(d.path, d.code) for d in result.diagnostics] == [("big.py", "DT000")]
    assert "max-file-bytes" in result.diagnostics[0].message


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_fifos_and_devices_named_directly_are_not_read(tmp_path: Path, kind: str) -> None:
    """Discovery never lists them; a front end handing one over directly gets a DT000 at once."""
    good = write(tmp_path, "good.py", SINK_PROGRAM)
    bad = tmp_path / "x.py"
    if kind == "fifo":
        os.mkfifo(bad)
    else:
        bad.symlink_to("/dev/zero")
    started = time.perf_counter()
    result = check(tmp_path, files=[good, bad])
    assert time.perf_counter() - started < 30
    assert ("good.py", SINK_LINE, "DT101") in codes_at(result)
    assert [d.code for d in result.diagnostics] == ["DT000"]
    assert "not a regular file" in result.diagnostics[0].message
