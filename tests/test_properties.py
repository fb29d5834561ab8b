"""Property-based tests: no crash on generated programs; findings survive renaming and reformatting.

Bounded (``max_examples`` 30, no deadline). Generated Python comes from hypothesmith when it is
installed, and from a small strategy of source/helper/sink programs otherwise (and always).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import libcst as cst
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from libcst.metadata import FunctionScope, MetadataWrapper, ScopeProvider

from devterms.checker import CheckResult, check_project
from devterms.pack.load import load_default_pack

PACK = load_default_pack()
EXAMPLES = Path(__file__).parent / "examples" / "face_identification"
POSITIVE = ["tweet_author_profile_pictures.py", "helper_call_site.py", "control_flow.py",
            "containers_and_unpacking.py"]
HEADER = "import tweepy, face_recognition  # tweepy.Client face_recognition.face_encodings\n"
SETTINGS = settings(max_examples=30, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                           HealthCheck.data_too_large])


def analyse(text: str, name: str = "mod.py") -> CheckResult:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / name).write_text(text, encoding="utf-8")
        return check_project([root / name], pack=PACK, root=root, display_base=root)


def codes_and_lines(result: CheckResult) -> set[tuple[str, int]]:
    return {(f.code, f.line) for f in result.findings}


# --------------------------------------------------------------------------- no crash

try:
    import hypothesmith
except ImportError:  # pragma: no cover - optional
    hypothesmith = None


@pytest.mark.slow
@pytest.mark.skipif(hypothesmith is None, reason="hypothesmith not installed")
@SETTINGS
@given(source=st.one_of(hypothesmith.from_node(), hypothesmith.from_grammar()) if hypothesmith else st.nothing())
def test_no_crash_on_hypothesmith_programs(source: str) -> None:
    result = analyse(HEADER + source)
    assert all(d.code == "DT000" for d in result.diagnostics)


NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True).filter(
    lambda n: n not in {"if", "in", "is", "or", "as", "def", "for", "and", "not", "del", "try", "with",
                        "else", "elif", "from", "pass", "none", "true", "false", "while", "yield",
                        "break", "class", "async", "await", "raise", "return", "import", "global",
                        "lambda", "assert", "except", "finally", "continue", "nonlocal", "print",
                        "tweepy", "requests", "face_recognition", "client", "fr"})


@st.composite
def flow_programs(draw: st.DrawFn) -> tuple[str, bool]:
    """A program that moves a tweet author's avatar through helpers, maybe into a sink."""
    names = draw(st.lists(NAMES, min_size=4, max_size=4, unique=True))
    url, raw, image, helper = names
    hops = draw(st.integers(0, 3))
    to_sink = draw(st.booleans())
    wrap = draw(st.sampled_from(["{}", "[{}][0]", "({},)[0]", "dict(k={})['k']", "{} if True else None"]))
    lines = [
        "import face_recognition, requests, tweepy",
        "from io import BytesIO",
        'client = tweepy.Client("t")',
        "",
        f"def {helper}0(value):",
        "    return value",
    ]
    for i in range(1, hops + 1):
        lines += [f"def {helper}{i}(value):", f"    return {helper}{i - 1}(value)"]
    lines += [
        "",
        "def main(query):",
        '    resp = client.search_recent_tweets(query, expansions="author_id", user_fields="profile_image_url")',
        '    for user in resp.includes["users"]:',
        f"        {url} = " + wrap.format("user.profile_image_url"),
        f"        {raw} = {helper}{hops}(requests.get({url}).content)",
        f"        {image} = face_recognition.load_image_file(BytesIO({raw}))",
    ]
    if to_sink:
        lines.append(f"        face_recognition.face_encodings({image})")
    else:
        lines.append(f"        print(len({image}))")
    return "\n".join(lines) + "\n", to_sink


@SETTINGS
@given(program=flow_programs())
def test_generated_flows_are_found_exactly_when_they_reach_the_sink(program: tuple[str, bool]) -> None:
    text, to_sink = program
    result = analyse(text)
    assert result.diagnostics == ()
    found = [f for f in result.findings if f.code == "DT101"]
    assert bool(found) == to_sink, text


# --------------------------------------------------------------------------- renaming

class RenameLocals(cst.CSTTransformer):
    """Give every function-local variable (not parameters, globals or nonlocals) a new name."""

    METADATA_DEPENDENCIES = (ScopeProvider,)

    def __init__(self, wrapper: MetadataWrapper, suffix: str) -> None:
        super().__init__()
        self.targets: dict[cst.Name, str] = {}
        scopes = set(wrapper.resolve(ScopeProvider).values())
        for scope in scopes:
            if not isinstance(scope, FunctionScope):
                continue
            for assignment in scope.assignments:
                node = getattr(assignment, "node", None)
                if not isinstance(node, cst.Name) or assignment.scope is not scope:
                    continue
                if assignment.name in ("self", "cls") or _is_param(scope, assignment.name):
                    continue
                new = f"{assignment.name}{suffix}"
                self.targets[node] = new
                for ref in assignment.references:
                    if isinstance(ref.node, cst.Name):
                        self.targets[ref.node] = new

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.Name:
        new = self.targets.get(original)
        return updated.with_changes(value=new) if new else updated


def _is_param(scope: FunctionScope, name: str) -> bool:
    return any(isinstance(a.node, cst.Param) for a in scope.assignments[name] if hasattr(a, "node"))


def rename_locals(text: str, suffix: str) -> tuple[str, int]:
    wrapper = MetadataWrapper(cst.parse_module(text))
    transformer = RenameLocals(wrapper, suffix)
    return wrapper.module.visit(transformer).code, len(transformer.targets)


def test_renamer_renames_something() -> None:
    text = (EXAMPLES / POSITIVE[0]).read_text(encoding="utf-8")
    renamed, count = rename_locals(text, "_x")
    assert count > 5 and renamed != text
    assert "image_x = face_recognition.load_image_file" in renamed


@pytest.mark.parametrize("example", POSITIVE)
@settings(max_examples=10, deadline=None, derandomize=True)
@given(suffix=st.from_regex(r"_[a-z0-9]{1,8}", fullmatch=True))
def test_findings_invariant_under_renaming_locals(example: str, suffix: str) -> None:
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    original = codes_and_lines(analyse(text))
    assert original, "a positive example must have findings"
    renamed, _ = rename_locals(text, suffix)
    assert codes_and_lines(analyse(renamed)) == original


# --------------------------------------------------------------------------- reformatting

PREFIX_LINES = st.lists(st.sampled_from(["", "# a comment", "#", "   ", "# expect-nothing: just words",
                                         "# -*- this is not a coding cookie -*-"]),
                        min_size=1, max_size=25)


@pytest.mark.parametrize("example", POSITIVE)
@settings(max_examples=8, deadline=None, derandomize=True)
@given(prefix=PREFIX_LINES)
def test_findings_shift_with_lines_added_on_top(example: str, prefix: list[str]) -> None:
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    original = codes_and_lines(analyse(text))
    shifted = codes_and_lines(analyse("\n".join(prefix) + "\n" + text))
    assert shifted == {(code, line + len(prefix)) for code, line in original}


@pytest.mark.parametrize("example", POSITIVE)
def test_findings_survive_crlf_and_trailing_whitespace(example: str) -> None:
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    original = codes_and_lines(analyse(text))
    reformatted = "\r\n".join(line + ("  " if line.strip() else "") for line in text.split("\n"))
    assert codes_and_lines(analyse(reformatted)) == original
