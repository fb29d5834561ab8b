"""One-snippet cases for the engine's semantics, in the manner of pyflakes' own tests: a few lines
with ``# expect:`` / ``# ok:`` annotations, analysed as a one-file project.

Each snippet runs below :data:`PRELUDE`, which names one source (``fetch()``, or ``client``'s
calls) and one sink (``requests.post`` to a police host), so that a case holds only the scope or
data-flow fact it pins down::

    data = fetch()
    data = None
    requests.post(POLICE, json=data)  # ok: DT201
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from devterms.pack.types import RulePack
from harness.annotations import Outcome, compare, parse_annotations

PRELUDE = '''\
import requests
import tweepy

client = tweepy.Client("token")
POLICE = "https://tips.police.gov/upload"


def fetch():
    return client.search_recent_tweets("q").data

'''


def check_snippet(snippet: str, folder: Path, pack: RulePack) -> Outcome:
    """Analyse ``PRELUDE + snippet`` as ``folder/snippet.py`` and compare with its annotations.

    A snippet without an annotation is a problem of its own: it would pass whatever the engine did.
    """
    from devterms.checker import check_project

    text = PRELUDE + textwrap.dedent(snippet).lstrip("\n")
    file = folder / "snippet.py"
    file.write_text(text, encoding="utf-8")
    if not parse_annotations(text).count():
        return Outcome(problems=["the snippet has no annotation, so it cannot fail"])
    result = check_project([file], pack=pack, root=folder, display_base=folder)
    return compare([file], folder, result.findings, result.diagnostics, known_codes={*pack.rules, "DT000"})
