"""No silent cap (issues #10 and #14): an analysis limit either goes, or reaching it where
platform data is at hand is a DT000 that names the limit and the place.

Each case is a small project in the shape real code has (a registry of handler classes, an
upload helper called from many places, a deep class hierarchy) next to a good file whose DT101
must survive. The quiet twins run the same code on data that is not the platform's: a limit
reached there cannot lose a flow, so it is not said.
"""

from __future__ import annotations

from pathlib import Path

from test_hardening import SINK_LINE, SINK_PROGRAM, check, write

from devterms.engine.steps import MAX_HOPS
from devterms.engine.summaries import MAX_CONTEXTS, MAX_NESTING
from devterms.values import MAX_PATHS, TRACES_PER_KIND, Trace, merge_traces

HANDLERS = MAX_PATHS + 4


def handler_registry(tmp_path: Path, data: str) -> None:
    """``pick(kind)`` may return any of more handler classes than one value may stand for; the
    face encoder is in the handler with the longest name (the first to be dropped)."""
    classes = "".join(f"class Handler{i}:\n    def handle(self, item):\n        return item\n\n\n"
                      for i in range(HANDLERS - 1))
    classes += ("class HandlerWithFaces:\n    def handle(self, item):\n"
                "        return face_recognition.face_encodings(item)\n\n\n")
    chooser = "".join(f"    if kind == {i}:\n        return Handler{i}()\n" for i in range(HANDLERS - 1))
    write(tmp_path, "handlers.py", "import face_recognition\n\n\n" + classes
          + "def pick(kind):\n" + chooser + "    return HandlerWithFaces()\n")
    write(tmp_path, "run.py", "import sys\nimport tweepy\nfrom handlers import pick\n\n"
          f"item = {data}\npick(int(sys.argv[1])).handle(item)\n")


def limit_diagnostics(result, path: str) -> list[str]:
    return [d.message for d in result.diagnostics if d.path == path and "analysis limit" in d.message]


def test_a_callee_standing_for_too_many_things_is_said_where_platform_data_is_passed(tmp_path: Path) -> None:
    handler_registry(tmp_path, 'tweepy.Client("t").get_user(username="x").data.profile_image_url')
    write(tmp_path, "good.py", SINK_PROGRAM)
    result = check(tmp_path)
    assert ("good.py", SINK_LINE, "DT101") in {(f.path, f.line, f.code) for f in result.findings}
    said = limit_diagnostics(result, "run.py")
    assert len(said) == 1 and "values.MAX_PATHS" in said[0], result.diagnostics


def test_the_same_registry_on_other_data_says_nothing(tmp_path: Path) -> None:
    handler_registry(tmp_path, 'open("local.jpg", "rb").read()')
    write(tmp_path, "good.py", SINK_PROGRAM)
    result = check(tmp_path)
    assert not [d for d in result.diagnostics if "analysis limit" in d.message]


def uploads(tmp_path: Path, data: str) -> None:
    """An upload helper called with more endpoints than it has calling contexts; the last one is
    a police intake (the call whose URL the shared context no longer knows)."""
    write(tmp_path, "client.py", "import requests\n\n\ndef upload(url, rows):\n"
          "    return requests.post(url, json=rows, timeout=10)\n")
    calls = "".join(f'upload("https://partner{i}.example.com/api/v1/intake", rows)\n' for i in range(MAX_CONTEXTS + 2))
    write(tmp_path, "sync.py", f"import tweepy\nfrom client import upload\n\nrows = {data}\n"
          + calls + 'upload("https://intake.police.uk/api/v1/leads", rows)\n')


def test_a_helper_called_in_too_many_ways_reports_the_flow_or_says_so(tmp_path: Path) -> None:
    uploads(tmp_path, 'tweepy.Client("t").search_recent_tweets("protest").data')
    write(tmp_path, "good.py", SINK_PROGRAM)
    result = check(tmp_path)
    codes = {(f.path, f.code) for f in result.findings}
    assert ("good.py", "DT101") in codes
    said = limit_diagnostics(result, "sync.py")
    assert ("client.py", "DT201") in codes or (said and "summaries.MAX_CONTEXTS" in said[0]), result


def test_the_same_helper_on_other_data_says_nothing(tmp_path: Path) -> None:
    uploads(tmp_path, '[{"sku": 1, "count": 3}]')
    write(tmp_path, "good.py", SINK_PROGRAM)
    result = check(tmp_path)
    assert not [d for d in result.diagnostics if "analysis limit" in d.message]


def test_a_deep_class_hierarchy_has_no_depth_limit(tmp_path: Path) -> None:
    """A method defined 40 bases up is found (a cycle of bases, code that cannot run, ends)."""
    levels = "class Level0:\n    def encode(self, img):\n        return face_recognition.face_encodings(img)\n\n\n"
    levels += "".join(f"class Level{i}(Level{i - 1}):\n    pass\n\n\n" for i in range(1, 41))
    levels += "class Loop1(Loop2):\n    pass\n\n\nclass Loop2(Loop1):\n    pass\n"
    write(tmp_path, "models.py", "import face_recognition\n\n\n" + levels)
    write(tmp_path, "run.py", "import tweepy\nfrom models import Level40, Loop1\n\n"
          'img = tweepy.Client("t").get_user(username="x").data.profile_image_url\n'
          "Level40().encode(img)\nLoop1().encode(img)\n")
    result = check(tmp_path)
    assert ("models.py", 6, "DT101") in {(f.path, f.line, f.code) for f in result.findings}
    assert not result.diagnostics


def test_trace_truncation_keeps_every_kind_of_trace(tmp_path: Path) -> None:
    """Past :data:`TRACES_PER_KIND` origins of one platform, a trace that can still be reported
    for something the others cannot (one account's data, fewer sinks passed) is kept."""
    plain = [Trace(f"source:s{i}", "x", "search", ()) for i in range(TRACES_PER_KIND + 3)]
    account = Trace("source:zz", "x", "timeline", (), account=True)
    fresh = Trace("source:zy", "x", "timeline", ())
    passed = [Trace(t.origin, t.platform, t.source, (), frozenset({"face"})) for t in plain]
    kept = merge_traces([*passed, account, fresh.passed("identity")])
    assert account in kept and any(t.origin == "source:zy" for t in kept)
    assert sum(1 for t in kept if t.reached == frozenset({"face"})) == TRACES_PER_KIND


def test_a_long_flow_says_that_steps_are_not_shown(tmp_path: Path) -> None:
    hops = MAX_HOPS + 6
    body = "".join(f"    v{i} = v{i - 1}\n" for i in range(1, hops))
    write(tmp_path, "app.py", "import tweepy, face_recognition\n\n\ndef go():\n"
          '    v0 = tweepy.Client("t").get_user(username="x").data.profile_image_url\n'
          + body + f"    face_recognition.face_encodings(v{hops - 1})\n")
    finding = check(tmp_path).findings[0]
    flow = finding.flows[0]
    assert len(flow) == MAX_HOPS
    assert "earlier steps not shown" in flow[3].note


def test_work_between_module_runs_keeps_to_the_module_budget(tmp_path: Path) -> None:
    """Summaries needed deeper than MAX_NESTING are computed between module runs, and checking a
    module again recomputes summaries: each is done within its module's budget, so many such
    modules cannot add up to an escaped budget error (it took the whole run down)."""
    chain = "".join(f"def f{i}(x):\n    return f{i + 1}(x)\n\n\n" for i in range(MAX_NESTING + 6))
    for m in range(20):
        write(tmp_path, f"deep{m}.py", "import tweepy\n\n\n" + chain
              + f'def f{MAX_NESTING + 6}(x):\n    return x\n\n\nf0("https://api.example.com/v1")\n')
    write(tmp_path, "good.py", SINK_PROGRAM)
    result = check(tmp_path, budget=3_000)
    assert {(f.path, f.code) for f in result.findings} == {("good.py", "DT101")}
    assert not result.diagnostics
