"""Every source, sink and vocabulary term of the rule pack, exercised: none can be silently dead.

For each call pattern of a source, a small function obtains data through it (a callback source
receives it as a parameter, a host source through ``requests.get``) and hands it to a known face
sink; for each call pattern of a sink, data from a known source is handed to it in the argument
the entry names, with whatever target host or mentioned word the entry requires; each term of
each vocabulary (and each pair of its weak terms) is the pattern of a regular expression applied
to one account's posts. The generated modules form one project, analysed once; each function
must produce its finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from devterms.checker import check_project
from devterms.pack.types import Condition
from devterms.pack.load import load_default_pack
from devterms.pack.types import Arg, RulePack, Sink, Source
from devterms.pack.types import Vocabulary

GENERIC_SINK = "face_recognition.face_encodings({data})"
GENERIC_SOURCE = "tweepy.Client().get_users_followers(1)"
ACCOUNT_SOURCE = "tweepy.Client().get_users_tweets(1)"  # one account's posts: an inference is about them
_SEGMENT = re.compile(r"(\*\*|\*|\w+)((?:\((?:'[\w\-]*')?\))*)")


@dataclass
class Case:
    entry: str
    code: str
    module: str
    line: int


def python_for(pattern: str) -> str:
    """Code whose resolved call path is ``pattern`` (wildcards become the name ``anything``)."""
    parts = []
    for segment in pattern.split("."):
        match = _SEGMENT.fullmatch(segment)
        assert match, f"cannot render {pattern!r}"
        name = "anything" if match[1] in ("*", "**") else match[1]
        parts.append(name + match[2])
    return ".".join(parts)


def _call(callee: str, args: list[str]) -> str:
    return f"{callee}({', '.join(args)})"


def _place(arg: Arg, value: str, args: list[str], keywords: dict[str, str]) -> None:
    if arg.pos is not None and arg.kw is None or (arg.pos is not None and arg.pos == len(args)):
        args.extend(["None"] * (arg.pos - len(args)))
        args.append(value)
    elif arg.kw is not None:
        keywords[arg.kw] = value
    else:
        args.extend(["None"] * (arg.pos - len(args)) + [value])  # type: ignore[operator]


def _host(pattern: str) -> str:
    return "agency." + pattern[2:] if pattern.startswith("*.") else pattern


def _sink_call(pack: RulePack, sink: Sink, pattern: str) -> str:
    args: list[str] = []
    keywords: dict[str, str] = {}
    if sink.targets:  # the first (an argument itself; the examples cover a message's headers)
        _place(sink.targets[0], repr("someone@" + _host(pack.expand_hosts(sink.hosts)[0])), args, keywords)
    data_arg = sink.args[0] if sink.args else Arg(0, None)
    word = _word(pack, sink.when) if sink.when is not None else ""
    if sink.when is not None and not sink.when.if_missing and sink.when.arg != data_arg:
        _place(sink.when.arg, repr(f"a {word} today"), args, keywords)
    if not sink.on_result:  # a command line holds both the tool's name and the data
        same = sink.when is not None and sink.when.arg == data_arg
        _place(data_arg, f"[{word!r}, data]" if same else "data", args, keywords)
    ordered = [a for a in args] + [f"{k}={v}" for k, v in keywords.items()]
    return _call(python_for(pattern), ordered)


def _word(pack: RulePack, condition: Condition) -> str:
    """A word the condition looks for: its first word, or its first vocabulary's first term."""
    if condition.vocabularies:
        return pack.vocabularies[condition.vocabularies[0]].terms[0].rstrip("*")
    return condition.words[0].rstrip("*")


def source_cases(pack: RulePack, source: Source) -> list[str]:
    """Function bodies obtaining ``data`` from the source, each ending in the generic sink."""
    sink = GENERIC_SINK.format(data="data")
    bodies = [f"    data = {python_for(p)}('q')\n    {sink}" for p in source.calls]
    for host in pack.expand_hosts(source.hosts):
        url = f"https://{_host(host)}{source.path_prefix or '/'}x"
        bodies.append(f"    data = requests.get({url!r}).json()\n    {sink}")
    for pattern in source.callbacks:
        owner, _, method = pattern.rpartition(".")
        if pattern.endswith(")") or owner.endswith(")"):
            bodies.append(f"    @{python_for(pattern)}\n    def handler(data):\n        {sink}")
        else:
            bodies.append(f"    class Listener({python_for(owner)}):\n"
                          f"        def {method}(self, data):\n            {sink}")
    return bodies


def sink_cases(pack: RulePack, sink: Sink) -> list[str]:
    source = ACCOUNT_SOURCE if sink.account_only else GENERIC_SOURCE  # only one account's data counts there
    prefix = f"    data = {source}.data\n    "
    if sink.calls:
        return [prefix + _sink_call(pack, sink, p) for p in sink.calls]
    return [prefix + f"requests.post({('https://' + _host(h) + '/report')!r}, json=data)"
            for h in pack.expand_hosts(sink.hosts)]


def vocabulary_cases(vocabulary: Vocabulary) -> list[str]:
    """One function per term, and one per pair of neighbouring weak terms (alone they are too weak)."""
    patterns = [term.rstrip("*") for term in vocabulary.terms]
    weak = [term.rstrip("*") for term in vocabulary.weak]
    patterns += [f"{a}|{b}" for a, b in zip(weak, weak[1:])]
    return [f"    data = {ACCOUNT_SOURCE}.data[0].text\n    re.search({p!r}, data)" for p in patterns]


def _write_module(folder: Path, name: str, bodies: list[str], code: str) -> list[tuple[str, int]]:
    roots = {"tweepy", "requests", "face_recognition", "re"}
    for body in bodies:
        roots.update(m.group(1) for m in re.finditer(r"(?:= |@|\(|^    )(\w+)\.", body, re.M))
    lines = [f"import {root}" for root in sorted(roots - {"data", "self"})]
    expected = []
    for index, body in enumerate(bodies):
        lines += ["", "", f"def case_{index}():", *body.splitlines()]
        last = next(i for i, text in reversed(list(enumerate(lines))) if "(" in text and "def " not in text
                    and not text.strip().startswith(("@", "class ")))
        expected.append((code, last + 1))
    (folder / f"{name}.py").write_text("\n".join(lines) + "\n")
    return expected


@pytest.fixture(scope="module")
def catalogue_run(tmp_path_factory: pytest.TempPathFactory):
    pack = load_default_pack()
    folder = tmp_path_factory.mktemp("catalogue")
    cases: list[Case] = []
    face = pack.rule_for_category("face-identification")
    assert face is not None
    for i, source in enumerate(pack.sources):
        name = f"source_{i}_{source.id.replace('-', '_').replace('.', '_')}"
        for code, line in _write_module(folder, name, source_cases(pack, source), face.code):
            cases.append(Case(source.id, code, name, line))
    for i, sink in enumerate(pack.sinks):
        rule = pack.rule_for_category(sink.category)
        assert rule is not None
        name = f"sink_{i}_{sink.id.replace('-', '_').replace('.', '_')}"
        for code, line in _write_module(folder, name, sink_cases(pack, sink), rule.code):
            cases.append(Case(sink.id, code, name, line))
    for i, vocabulary in enumerate(pack.vocabularies.values()):
        rule = pack.rule_for_category(vocabulary.category)
        assert rule is not None
        name = f"vocabulary_{i}_{vocabulary.id.replace('-', '_')}"
        for code, line in _write_module(folder, name, vocabulary_cases(vocabulary), rule.code):
            cases.append(Case(vocabulary.id, code, name, line))
    files = sorted(folder.glob("*.py"))
    result = check_project(files, pack=pack, root=folder, display_base=folder)
    return cases, result


def test_every_catalogue_entry_produces_its_finding(catalogue_run) -> None:
    cases, result = catalogue_run
    assert not result.diagnostics, result.diagnostics
    found = {(f.path, f.line, f.code) for f in result.findings}
    missing = [f"{c.entry} ({c.code}) at {c.module}.py:{c.line}" for c in cases
               if (f"{c.module}.py", c.line, c.code) not in found]
    assert not missing, "entries that produced no finding:\n" + "\n".join(missing)
    assert len(cases) > 1000
