"""The pre-screen only skips work: with it and without it, every example gives the same answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_examples import _cases

from devterms.checker import check_project
from devterms.knowledge import Knowledge
from devterms.rulepack import load_default_pack


@pytest.mark.parametrize(("files", "root"), _cases())
def test_prescreen_never_changes_findings(files: list[Path], root: Path) -> None:
    pack = load_default_pack()
    screened = check_project(files, pack=pack, root=root, display_base=root)
    everything = check_project(files, pack=pack, root=root, display_base=root, prescreen=False)
    assert screened.findings == everything.findings
    assert screened.diagnostics == everything.diagnostics


def test_prescreen_skips_files_that_name_no_platform_or_sink() -> None:
    trigger = Knowledge(load_default_pack()).trigger
    assert not trigger.search("import os\n# Copyright Google LLC\nprint(os.listdir('x'))\n")
    assert not trigger.search("url = 'https://example.com/x'  # x marks the spot\n")
    assert trigger.search("from deepface import DeepFace\n")
    assert trigger.search("requests.get('https://graph.facebook.com/me')\n")
    assert trigger.search("HOST = 'https://tips.fbi.gov'\n")
