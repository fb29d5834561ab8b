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


def test_a_vocabulary_is_mentioned_only_by_all_the_words_of_a_term() -> None:
    """Every term the engine would find counts (so the pre-screen loses nothing), and a file
    holding only some words of terms (*no*, *of*, *face*) does not name a sink."""
    pack = load_default_pack()
    knowledge = Knowledge(pack)
    vocabulary = knowledge.vocabulary
    for term in (t for v in pack.vocabularies.values() for t in v.terms):
        written = term.rstrip("*") + ("ing" if term.endswith("*") else "")
        for text in (f"LABELS = ['{written}']", f"x = 'A_{written.upper().replace(' ', '-')}.txt'"):
            assert vocabulary.hits(text) and vocabulary.mentioned(text), text
    plain = "URL = 'https://graph.facebook.com/me'  # no: of the day, the face\nWORDS = ('faces', 'encodings')\n"
    assert not vocabulary.hits(plain) and not vocabulary.mentioned(plain)
    assert knowledge.screen(plain) == {"source"}
