"""`flake8 --select DT` and `devterms check` report the same findings on the annotated examples.

In flake8 a prefix selects every code under it, rules off by default included (as for any plugin),
so the CLI is given those rules explicitly. flake8 runs no plugin on a file its own parser
rejects (E999): legacy code that devterms translates (tests/examples/legacy/) is left out.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from harness.frontends import POSITIVE

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ["tests/examples", "examples"]
_FLAKE8_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>DT[1-9]\d\d) ", re.M)


def _python3(path: Path) -> bool:
    """Whether flake8 can parse ``path`` (and so run plugins on it); nothing is run."""
    try:
        compile(path.read_bytes(), str(path), "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError:
        return False
    return True


def test_flake8_and_cli_agree(tmp_path: Path) -> None:
    """Both front ends on one copy of the example folders, a project of their own: analysing
    them inside this repository would also analyse devterms' own sources and tests, twice."""
    for folder in FOLDERS:
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'examples'\n")
    cli = subprocess.run(
        [sys.executable, "-m", "devterms", "check", "--format", "json", "--extend-select", "DT102,DT502",
         *FOLDERS], cwd=tmp_path, capture_output=True, text=True)
    assert cli.returncode == 1, cli.stderr
    findings = [f for f in json.loads(cli.stdout)["findings"] if f["code"] >= "DT100"]
    inside = [f for f in findings if f["path"].startswith(tuple(FOLDERS))]
    from_cli = {(f["path"], f["line"], f["column"], f["code"]) for f in inside
                if _python3(tmp_path / f["path"])}
    flake8 = subprocess.run([sys.executable, "-m", "flake8", "--select", "DT", *FOLDERS],
                            cwd=tmp_path, capture_output=True, text=True)
    assert flake8.returncode == 1, flake8.stderr
    from_flake8 = {(m["path"], int(m["line"]), int(m["col"]), m["code"])
                   for m in _FLAKE8_LINE.finditer(flake8.stdout)}
    assert len(from_cli) > 100
    assert from_cli <= from_flake8
    # A flow from a named file to a sink elsewhere in the project: the CLI reports it at its sink
    # (saying it lies in another file), flake8, which can only report on the files it checks, at
    # the flow's step in the named file.
    at_hops = {(h["path"], h["line"], h["column"], f["code"])
               for f in findings if f not in inside for h in f["flow"]}
    assert from_flake8 - from_cli <= at_hops


# POSITIVE with its sink call over three lines, a comment slot on the closing line, and another
# plugin's DT-like code on the next.
MULTI_LINE = POSITIVE.replace("face_encodings(image)\n", "face_encodings(\n        image,\n    ){comment}\n") \
    + "    when = picture.stamp()  # noqa: DTZ005\n"


def test_one_noqa_rule_for_flake8_and_the_cli(tmp_path: Path) -> None:
    """The closing line of a multi-line call, a bare noqa, another plugin's DT-like code."""
    for comment, silenced in (("", False), ("  # noqa: DT101", True), ("  # noqa", True), ("  # noqa: E501", False)):
        (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
        (tmp_path / "collect.py").write_text(MULTI_LINE.format(comment=comment), encoding="utf-8")
        cli = subprocess.run([sys.executable, "-m", "devterms", "check", "--no-cache", "collect.py"],
                             cwd=tmp_path, capture_output=True, text=True)
        flake8 = subprocess.run([sys.executable, "-m", "flake8", "--select", "DT", "collect.py"],
                                cwd=tmp_path, capture_output=True, text=True)
        assert ("DT101" in cli.stdout) is not silenced and ("DT101" in flake8.stdout) is not silenced, comment
        assert "DTZ005" not in cli.stdout + flake8.stdout and "DT001" not in cli.stdout + flake8.stdout
        assert cli.returncode == flake8.returncode == (0 if silenced else 1), (comment, cli.stdout, flake8.stdout)
