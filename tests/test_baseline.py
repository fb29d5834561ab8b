"""Baselines: fingerprints that survive moves, counted, written and read back."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from harness.frontends import finding, write_tree

from devterms.baseline import fingerprint, new_findings, read_baseline, write_baseline
from devterms.model import Hop
from devterms.errors import InputError
from devterms.sourcetext import SourceText

CODE = "data = client.get_users()\n\nencode(data)\n"


def at(line_of_source: int, line_of_sink: int, code: str = "DT101"):
    flow = (Hop("m.py", line_of_source, 7, "source"), Hop("m.py", line_of_sink, 0, "sink"))
    return finding(path="m.py", line=line_of_sink, column=0, flow=flow, code=code)


def test_fingerprint_ignores_line_numbers_and_whitespace(tmp_path: Path) -> None:
    write_tree(tmp_path, {"m.py": CODE})
    before = fingerprint(at(1, 3), SourceText(tmp_path))
    write_tree(tmp_path, {"m.py": "import os\n\n\n" + CODE.replace("encode(data)", "encode(data)   ")})
    assert fingerprint(at(4, 6), SourceText(tmp_path)) == before
    write_tree(tmp_path, {"m.py": "def f():\n    data = client.get_users()\n    encode(data)\n"})
    assert fingerprint(at(2, 3), SourceText(tmp_path)) == before  # re-indented


def test_fingerprint_changes_with_code_line_source_or_file(tmp_path: Path) -> None:
    write_tree(tmp_path, {"m.py": CODE})
    source = SourceText(tmp_path)
    base = fingerprint(at(1, 3), source)
    assert fingerprint(at(1, 3, code="DT201"), source) != base
    write_tree(tmp_path, {"n.py": "data = client.get_friends()\n\nencode(data)\n"})
    other = at(1, 3)
    other = other.__class__(**{**{f: getattr(other, f) for f in other.__slots__}, "path": "n.py",
                               "flows": ((Hop("n.py", 1, 7, "source"), Hop("n.py", 3, 0, "sink")),)})
    assert fingerprint(other, SourceText(tmp_path)) != base


def test_written_baseline_reads_back_as_counts(tmp_path: Path) -> None:
    write_tree(tmp_path, {"m.py": CODE})
    source = SourceText(tmp_path)
    target = tmp_path / "baseline.json"
    write_baseline(target, [at(1, 3), at(1, 3)], source)
    data = json.loads(target.read_text())
    assert data["version"] == 2 and data["findings"][0]["code"] == "DT101"
    assert read_baseline(target) == Counter({fingerprint(at(1, 3), source): 2})


def test_only_findings_beyond_the_baseline_are_new(tmp_path: Path) -> None:
    write_tree(tmp_path, {"m.py": CODE + "encode(data)\nupload(data)\n"})
    source = SourceText(tmp_path)
    known = Counter({fingerprint(at(1, 3), source): 1})
    fresh = new_findings([at(1, 3), at(1, 4), at(1, 5)], known, source)
    assert fresh == [at(1, 4), at(1, 5)]  # a second copy of a baselined line is new too


@pytest.mark.parametrize("content", ["not json", "[]", '{"version": 3, "findings": []}',
                                     '{"version": 1, "findings": []}',
                                     '{"version": 2, "findings": [{"code": "DT101"}]}'])
def test_malformed_baseline_is_an_error_naming_the_file(tmp_path: Path, content: str) -> None:
    target = tmp_path / "b.json"
    target.write_text(content)
    with pytest.raises(InputError) as caught:
        read_baseline(target)
    assert caught.value.file == str(target)
