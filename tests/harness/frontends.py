"""Shared builders for the front-end tests: a tiny rule pack, findings, and a stand-in engine.

The formatter and CLI tests must not depend on the engine or on the shipped rule data, so they
build their own values here; tests that need the real engine say so in their names.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devterms.checker import CheckResult
from devterms.discovery import display_path, resolved
from devterms.model import Diagnostic, Finding, Hop
from devterms.pack.types import Clause, Document, Platform, Rule, RulePack

SAMPLE_DT101 = """\
import tweepy, face_recognition, requests
client = tweepy.Client("t")
resp = client.search_recent_tweets("x", expansions="author_id", user_fields="profile_image_url")
for user in resp.includes["users"]:
    img = face_recognition.load_image_file(requests.get(user.profile_image_url, stream=True).raw)
    face_recognition.face_encodings(img)
"""
SAMPLE_DT101_LINE = 6


def tiny_pack() -> RulePack:
    """One platform, two clauses, three rules and the tool's own, written out so tests never read rules/."""
    doc = Document("developer-agreement", "X Developer Agreement", "https://docs.x.com/agreement")
    platform = Platform("x", "X (Twitter)", (doc,), ())
    clauses = {
        "x-surveillance": Clause(
            "x-surveillance", "x", "developer-agreement", "XIV.B", "https://docs.x.com/agreement#xivb",
            "No surveillance with X content.", "surveillance", "high",
            "X answers legal process itself."),
        "x-faces": Clause(
            "x-faces", "x", "developer-agreement", "III.A", "https://docs.x.com/agreement#iiia",
            "No facial recognition.", "biometrics", "high", None),
    }
    rules = {
        "DT101": Rule("DT101", "face-identification", "Platform data reaches face identification",
                      "{source} reaches {sink}", "Faces identify people.", "error",
                      "face-identification", True, ("x-surveillance", "x-faces")),
        "DT102": Rule("DT102", "face-detection", "Platform data reaches face detection",
                      "{source} reaches {sink}", "Detection only.", "warning", "face-detection",
                      False, ("x-faces",)),
        "DT201": Rule("DT201", "public-sector", "Platform data sent to a public-sector endpoint",
                      "{source} sent to {sink}", "Government.", "error", "public-sector", True,
                      ("x-surveillance",)),
    }
    tool_rules = {
        "DT000": Rule("DT000", "unanalysable-file", "File could not be analysed", "{path} could not be analysed",
                      "Flows through it are unknown.", "error", "", True, ()),
        "DT001": Rule("DT001", "unused-noqa", "Unused noqa code", "unused noqa code {code}",
                      "The noqa silences nothing.", "warning", "", True, ()),
        "DT601": Rule("DT601", "undeclared-use", "Platform data used in a way the declared use does not name",
                      "{platform} data {use}, which the declared use does not name", "Declare the use.",
                      "warning", "", True, ()),
    }
    values: dict[str, Any] = {f.name: () for f in dataclasses.fields(RulePack)}  # empty sections
    values.update(platforms={"x": platform}, clauses=clauses, rules=rules, host_groups={}, version="test",
                  clause_gaps={}, aliases={}, tool_rules=tool_rules)
    return RulePack(**values)


def finding(
    path: str = "app/main.py", line: int = 6, column: int = 4, code: str = "DT101",
    message: str = "X user data reaches face_recognition.face_encodings",
    flow: Sequence[Hop] | None = None, severity: str = "error",
    clauses: tuple[str, ...] = ("x-surveillance", "x-faces"),
) -> Finding:
    if flow is None:
        flow = (
            Hop(path, 3, 7, "client.search_recent_tweets(...) returns X user data"),
            Hop(path, 5, 10, "user.profile_image_url flows into load_image_file"),
            Hop(path, line, column, "face_recognition.face_encodings(img)"),
        )
    return Finding(path, line, column, code, message, severity, "x", "face-identification",
                   clauses, (tuple(flow),))


def write_tree(root: Path, files: Mapping[str, str]) -> Path:
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


@dataclass
class FakeEngine:
    """Stands in for ``checker.check_project``: returns canned findings, records each call.

    Like the real engine it returns only what touches ``report_on`` (by displayed path): the
    sink or a hop of a flow.
    """

    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    calls: list[dict[str, Any]] = field(default_factory=list)

    def __call__(self, files: Sequence[Path], **options: Any) -> CheckResult:
        self.calls.append({"files": list(files), **options})
        base = resolved(options.get("display_base") or Path.cwd())
        report_on = options.get("report_on")
        wanted = None if report_on is None else {display_path(resolved(Path(p)), base) for p in report_on}
        keep = [f for f in self.findings if wanted is None or f.touches(wanted)]
        diags = [d for d in self.diagnostics if wanted is None or d.path in wanted]
        noqa = frozenset(display_path(resolved(Path(f)), base) for f in files
                         if Path(f).is_file() and "noqa" in Path(f).read_text(errors="replace").lower())
        return CheckResult(tuple(keep), tuple(diags), len(files), 0, (), noqa)


def install_fake_engine(monkeypatch: Any, engine: FakeEngine) -> FakeEngine:
    import devterms.checker

    monkeypatch.setattr(devterms.checker, "check_project", engine)
    return engine


# A scraper module for two-file projects: its pictures flow into whichever module imports it.
SCRAPE = '''\
"""Collect the profile pictures of everyone tweeting about a topic."""
import requests
import tweepy

client = tweepy.Client(bearer_token="not-a-token")


def author_pictures(query):
    resp = client.search_recent_tweets(query=query, expansions=["author_id"],
                                       user_fields=["profile_image_url"])
    pictures = []
    for user in resp.includes.get("users", []):
        pictures.append(requests.get(user.profile_image_url, timeout=10).content)
    return pictures
'''


# A one-file pipeline in the layout people write: the DT101 is on line 11.
POSITIVE = '''\
import face_recognition
import requests
import tweepy

client = tweepy.Client(bearer_token="not-a-token")
resp = client.search_recent_tweets(query="#python", expansions=["author_id"],
                                   user_fields=["profile_image_url"])
for user in resp.includes.get("users", []):
    picture = requests.get(user.profile_image_url, stream=True, timeout=10).raw
    image = face_recognition.load_image_file(picture)
    encodings = face_recognition.face_encodings(image)
'''
