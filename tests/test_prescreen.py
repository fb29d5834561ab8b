"""The pre-screen only skips work: with it and without it, every example gives the same answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_examples import _cases

from devterms.checker import check_project
from devterms.pack.index import Knowledge
from devterms.pack.load import load_default_pack


@pytest.mark.parametrize(("files", "root"), _cases())
def test_prescreen_never_changes_findings(files: list[Path], root: Path) -> None:
    pack = load_default_pack()
    screened = check_project(files, pack=pack, root=root, display_base=root)
    everything = check_project(files, pack=pack, root=root, display_base=root, prescreen=False)
    assert screened.findings == everything.findings
    assert screened.diagnostics == everything.diagnostics


def test_prescreen_skips_files_that_name_no_platform_or_sink() -> None:
    knowledge = Knowledge(load_default_pack())
    for text in ("import os\n# Copyright Google LLC\nprint(os.listdir('x'))\n",
                 "url = 'https://example.com/x'  # x marks the spot, see box.com\n"):
        assert not knowledge.source_trigger.search(text) and not knowledge.sink_trigger.search(text)
    assert knowledge.sink_trigger.search("from deepface import DeepFace\n")
    assert knowledge.sink_trigger.search("HOST = 'https://tips.fbi.gov'\n")
    assert knowledge.sink_trigger.search("smtp.sendmail(me, ['desk@met.police.uk'], msg)\n")
    assert knowledge.source_trigger.search("requests.get('https://graph.facebook.com/me')\n")
    assert knowledge.source_trigger.search("client = tweepy.Client(token)\n")
    assert knowledge.scraper_trigger.search("import snscrape.modules.twitter as sntwitter\n")


def test_a_project_without_sources_parses_nothing(tmp_path: Path) -> None:
    (tmp_path / "cookies.py").write_text("DOMAINS = ['.gov', 'agency.gov']\ndef broken(:\n")
    result = check_project([tmp_path / "cookies.py"], pack=load_default_pack(), root=tmp_path)
    assert result.findings == () and result.diagnostics == ()
