"""The engine's scope and data-flow semantics, one small case each (:mod:`harness.snippets`).

Every case runs below the prelude's ``fetch()`` source and police-host sink. A case names the
fact it pins down; a bug in scoping (``nonlocal`` writes that were lost, say) shows up here as one
short failing snippet instead of a missing finding somewhere in a large example.
"""

from __future__ import annotations

import dataclasses

from pathlib import Path

import pytest

from devterms.pack.load import load_default_pack

from devterms.pack.types import RulePack
from harness.snippets import check_snippet

CASES = {
    "a source reaches the sink": """
        data = client.search_recent_tweets("q")
        requests.post(POLICE, json=data)  # expect: DT201
    """,
    "a class imported from the module that defines it matches its re-export's pattern": """
        from tweepy.client import Client
        data = Client("token").search_recent_tweets("q")
        requests.post(POLICE, json=data)  # expect: DT201
    """,
    "a constant does not": """
        requests.post(POLICE, json={"status": "ok"})  # ok: DT201
    """,
    "reassignment replaces the value": """
        data = fetch()
        data = None
        requests.post(POLICE, json=data)  # ok: DT201
    """,
    "a branch keeps what either arm assigned": """
        def push(flag):
            data = fetch() if flag else None
            requests.post(POLICE, json=data)  # expect: DT201
    """,
    "try and except arms both reach the code after them": """
        try:
            data = fetch()
        except Exception:
            data = None
        requests.post(POLICE, json=data)  # expect: DT201
    """,
    "a nonlocal write reaches the enclosing function": """
        def outer():
            data = None
            def inner():
                nonlocal data
                data = fetch()
            inner()
            requests.post(POLICE, json=data)  # expect: DT201
    """,
    "a global write reaches other functions": """
        data = None
        def load():
            global data
            data = fetch()
        def push():
            requests.post(POLICE, json=data)  # expect: DT201
        load()
        push()
    """,
    "a local name shadows the global": """
        data = fetch()
        def push():
            data = "hello"
            requests.post(POLICE, json=data)  # ok: DT201
        push()
    """,
    "a closure reads its enclosing function's variable": """
        def run():
            data = fetch()
            def push():
                requests.post(POLICE, json=data)  # expect: DT201
            push()
    """,
    "a class body is not an enclosing scope of its methods": """
        data = "public"
        class Job:
            data = fetch()
            def run(self):
                requests.post(POLICE, json=data)  # ok: DT201
        Job().run()
    """,
    "an attribute set in __init__ is read by another method": """
        class Store:
            def __init__(self):
                self.rows = fetch()
            def push(self):
                requests.post(POLICE, json=self.rows)  # expect: DT201
        Store().push()
    """,
    "a comprehension's variable carries its iterable's data": """
        texts = [t.text for t in fetch()]
        requests.post(POLICE, json=texts)  # expect: DT201
    """,
    "a comprehension's variable does not leak": """
        t = "fixed"
        texts = [t for t in fetch()]
        requests.post(POLICE, json=t)  # ok: DT201
    """,
    "a loop variable carries its iterable's data": """
        for tweet in fetch():
            requests.post(POLICE, json=tweet.text)  # expect: DT201
    """,
    "unpacking keeps the elements apart": """
        data, label = fetch(), "x"
        requests.post(POLICE, json=data)  # expect: DT201
        requests.post(POLICE, json=label)  # ok: DT201
    """,
    "an assignment expression binds its value": """
        if (data := fetch()):
            requests.post(POLICE, json=data)  # expect: DT201
    """,
    "augmented assignment adds to what the name held": """
        text = "header: "
        text += str(fetch())
        requests.post(POLICE, data=text)  # expect: DT201
    """,
    "an f-string carries what it formats": """
        requests.post(POLICE, data=f"seen: {fetch()}")  # expect: DT201
    """,
    "a format template keeps its known host": """
        url = "https://tips.police.gov/{}".format("upload")
        requests.post(url, json=fetch())  # expect: DT201
    """,
    "a format field hides the host it fills": """
        url = "https://{}/upload".format("tips.police.gov")
        requests.post(url, json=fetch())  # ok: DT201
    """,
    "a join puts its separator between the parts": """
        url = "/".join(["https:", "", "tips.police.gov", "upload"])
        requests.post(url, json=fetch())  # expect: DT201
    """,
    "a dict literal carries its values": """
        payload = {"posts": fetch(), "n": 1}
        requests.post(POLICE, json=payload)  # expect: DT201
    """,
    "a returned value carries the data out": """
        def first():
            return fetch()[0]
        requests.post(POLICE, json=first())  # expect: DT201
    """,
    "a generator's yields reach its consumer": """
        def each():
            yield from fetch()
        for item in each():
            requests.post(POLICE, json=item)  # expect: DT201
    """,
    "a parameter's sink is reported once, in the helper": """
        def push(value):
            requests.post(POLICE, json=value)  # expect: DT201
        push(fetch())
        push("fixed")
    """,
    "a helper called only with constants is quiet": """
        def push(value):
            requests.post(POLICE, json=value)  # ok: DT201
        push("fixed")
    """,
    "star arguments carry each argument": """
        def push(*values):
            requests.post(POLICE, json=values)  # expect: DT201
        push("a", fetch())
    """,
    "keyword arguments carry their values": """
        def push(**fields):
            requests.post(POLICE, json=fields["v"])  # expect: DT201
        push(v=fetch())
    """,
    "a lambda is a function": """
        push = lambda value: requests.post(POLICE, json=value)  # expect: DT201
        push(fetch())
    """,
    "a deleted name rebound to a constant is quiet": """
        data = fetch()
        del data
        data = "x"
        requests.post(POLICE, json=data)  # ok: DT201
    """,
}


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_default_pack()


@pytest.mark.parametrize("snippet", CASES.values(), ids=CASES.keys())
def test_semantics(snippet: str, tmp_path: Path, pack: RulePack) -> None:
    out = check_snippet(snippet, tmp_path, pack)
    assert not out.problems, "\n".join(out.problems)
    assert not out.todo_found and not out.todo_missing


def test_text_methods_are_the_packs(tmp_path: Path, pack: RulePack) -> None:
    """``str.format`` and ``sep.join`` are read as text builders because the pack says so."""
    without = dataclasses.replace(
        pack, propagation=tuple(p for p in pack.propagation if p.kind not in ("fills-template", "joins-text")),
        version=pack.version + "+no-text-methods")  # a pack's version is its identity in the caches
    out = check_snippet(CASES["a join puts its separator between the parts"], tmp_path, without)
    assert out.problems and all("DT201" in problem for problem in out.problems)
