"""`flake8 --select DT` and `devterms check` report the same findings on the annotated examples.

In flake8 a prefix selects every code under it, rules off by default included (as for any plugin),
so the CLI is given those rules explicitly.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ["tests/examples", "examples"]
_FLAKE8_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>DT[1-9]\d\d) ", re.M)


def test_flake8_and_cli_agree() -> None:
    cli = subprocess.run(
        [sys.executable, "-m", "devterms", "check", "--format", "json", "--extend-select", "DT102,DT502",
         *FOLDERS], cwd=ROOT, capture_output=True, text=True)
    assert cli.returncode == 1, cli.stderr
    from_cli = {(f["path"], f["line"], f["column"], f["code"])
                for f in json.loads(cli.stdout)["findings"] if f["code"] >= "DT100"}
    flake8 = subprocess.run([sys.executable, "-m", "flake8", "--select", "DT", *FOLDERS],
                            cwd=ROOT, capture_output=True, text=True)
    assert flake8.returncode == 1, flake8.stderr
    from_flake8 = {(m["path"], int(m["line"]), int(m["col"]), m["code"])
                   for m in _FLAKE8_LINE.finditer(flake8.stdout)}
    assert len(from_cli) > 100
    assert from_flake8 == from_cli
