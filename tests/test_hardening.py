"""Odd input never breaks the engine: every file yields findings or DT000 diagnostics.

No exception, no hang: syntax errors, Python 2, NUL bytes, undecodable bytes, BOM, CRLF, tabs,
coding cookies, empty files, very long and very deeply nested files, and a deterministic sample
of the standard library. Files that should be analysed start with ``import tweepy,
face_recognition`` so that the textual pre-screen does not skip them.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sysconfig
import threading
import time
from pathlib import Path

import pytest

# Tests that take long (minutes) or document a known slow path: run with DEVTERMS_SLOW_TESTS=1.
slow = pytest.mark.skipif(not os.environ.get("DEVTERMS_SLOW_TESTS"), reason="slow; set DEVTERMS_SLOW_TESTS=1")

from devterms.checker import CheckResult, check_project
from devterms.pack.load import load_default_pack

# The pre-screen looks for the words of source and sink calls; the comment names some so that
# every file with this header is parsed and analysed.
HEADER = "import tweepy, face_recognition  # tweepy.Client face_recognition.face_encodings\n"
PACK = load_default_pack()

SINK_PROGRAM = """\
import tweepy, face_recognition
client = tweepy.Client("t")
resp = client.search_recent_tweets("x", expansions="author_id", user_fields="profile_image_url")
for user in resp.includes["users"]:
    img = face_recognition.load_image_file(user.profile_image_url)
    face_recognition.face_encodings(img)
"""
SINK_LINE = 6


def check(root: Path, files: list[Path] | None = None, timeout: float = 30.0, **options) -> CheckResult:
    """check_project on ``files`` (default: every *.py under root), failing on a hang."""
    files = sorted(root.rglob("*.py")) if files is None else files
    outcome: list[CheckResult] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            outcome.append(check_project(files, pack=PACK, root=root, display_base=root, **options))
        except BaseException as error:  # noqa: BLE001 - re-raised below
            errors.append(error)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), f"check_project still running after {timeout} s"
    if errors:
        raise errors[0]
    return outcome[0]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def serialise(result: CheckResult) -> str:
    return json.dumps({"findings": [dataclasses.asdict(f) for f in result.findings],
                       "diagnostics": [dataclasses.asdict(d) for d in result.diagnostics],
                       "files": result.files, "lines": result.lines}, sort_keys=True)


def codes_at(result: CheckResult) -> set[tuple[str, int, str]]:
    return {(f.path, f.line, f.code) for f in result.findings}


# --------------------------------------------------------------------------- unparsable input

UNPARSABLE = {
    "syntax_error": HEADER + "def broken(:\n    pass\n",
    "py2_syntax_error": HEADER + 'print "hello"\ndef broken(:\n    pass\n',
    "unterminated_string": HEADER + 's = "abc\n',
    "bad_indent": HEADER + "def f():\n  x = 1\n    y = 2\n",
    "mixed_tabs_bad_indent": HEADER + "if True:\n\tx = 1\n      y = 2\n",
}
# Legacy code libcst rejects but Python runs (Python 2, or a mix of tabs and spaces Python 2
# reads as a tab to the next multiple of 8): analysed, not a DT000 (tests/test_legacy.py).
LEGACY = {
    "py2_print": HEADER + 'print "hello"\n',
    "py2_exec_backticks": HEADER + "x = `1`\nexec 'x = 2'\n",
    "mixed_tabs_inconsistent": HEADER + "if True:\n\tx = 1\n        y = 2\n",
}


@pytest.mark.parametrize("name", sorted(UNPARSABLE))
def test_unparsable_source_gives_dt000(tmp_path: Path, name: str) -> None:
    write(tmp_path, "mod.py", UNPARSABLE[name])
    result = check(tmp_path)
    assert [d.code for d in result.diagnostics] == ["DT000"]
    assert result.diagnostics[0].path == "mod.py"
    assert result.diagnostics[0].line >= 1
    assert result.findings == ()


@pytest.mark.parametrize("name", sorted(LEGACY))
def test_legacy_source_is_analysed(tmp_path: Path, name: str) -> None:
    write(tmp_path, "mod.py", LEGACY[name])
    assert check(tmp_path).diagnostics == ()


def test_py2_except_comma_is_tolerated(tmp_path: Path) -> None:
    """``except X, e:`` parses in libcst (as Python 3.14's unparenthesised ``except A, B:``)."""
    write(tmp_path, "mod.py", SINK_PROGRAM + "try:\n    x = 1\nexcept ValueError, e:\n    pass\n")
    result = check(tmp_path)
    assert result.diagnostics == ()
    assert ("mod.py", SINK_LINE, "DT101") in codes_at(result)


@pytest.mark.parametrize("content", [
    (HEADER + "x = 1\x00\n").encode(),
    HEADER.encode() + b"\x00" * 64,
    HEADER.encode() + b"x = 'caf\xe9'\n",                   # latin-1 bytes, no coding cookie
    b"# -*- coding: no-such-codec -*-\n" + HEADER.encode(),  # unknown codec in the cookie
    b"\xef\xbb\xbf# coding: latin-1\n" + HEADER.encode(),     # BOM contradicting the cookie
], ids=["nul_byte", "only_nuls", "latin1_no_cookie", "unknown_codec", "bom_vs_cookie"])
def test_undecodable_or_nul_gives_dt000(tmp_path: Path, content: bytes) -> None:
    write(tmp_path, "mod.py", content)
    result = check(tmp_path)
    assert [d.code for d in result.diagnostics] == ["DT000"]
    assert result.findings == ()


def test_one_bad_file_does_not_hide_findings_in_others(tmp_path: Path) -> None:
    write(tmp_path, "bad.py", HEADER + "def broken(:\n")
    write(tmp_path, "latin.py", HEADER.encode() + b"s = '\xff'\n")
    write(tmp_path, "good.py", SINK_PROGRAM)
    result = check(tmp_path)
    assert {d.path for d in result.diagnostics} == {"bad.py", "latin.py"}
    assert ("good.py", SINK_LINE, "DT101") in codes_at(result)


# --------------------------------------------------------------------------- decodable oddities

def test_bom_file_is_analysed(tmp_path: Path) -> None:
    write(tmp_path, "mod.py", b"\xef\xbb\xbf" + SINK_PROGRAM.encode())
    result = check(tmp_path)
    assert result.diagnostics == ()
    assert ("mod.py", SINK_LINE, "DT101") in codes_at(result)


def test_crlf_file_is_analysed(tmp_path: Path) -> None:
    write(tmp_path, "mod.py", SINK_PROGRAM.replace("\n", "\r\n").encode())
    result = check(tmp_path)
    assert result.diagnostics == ()
    assert ("mod.py", SINK_LINE, "DT101") in codes_at(result)


def test_lone_cr_line_endings_are_lines(tmp_path: Path) -> None:
    """A lone carriage return ends a line for Python and for editors: the finding is on its line."""
    write(tmp_path, "mod.py", SINK_PROGRAM.replace("\n", "\r").encode())
    result = check(tmp_path)
    assert result.diagnostics == ()
    assert ("mod.py", SINK_LINE, "DT101") in codes_at(result)


def test_tab_indented_file_is_analysed(tmp_path: Path) -> None:
    write(tmp_path, "mod.py", SINK_PROGRAM.replace("    ", "\t"))
    result = check(tmp_path)
    assert result.diagnostics == ()
    assert ("mod.py", SINK_LINE, "DT101") in codes_at(result)


def test_coding_cookie_latin1_is_honoured(tmp_path: Path) -> None:
    text = "# -*- coding: latin-1 -*-\n# caf\xe9\n" + SINK_PROGRAM
    write(tmp_path, "mod.py", text.encode("latin-1"))
    result = check(tmp_path)
    assert result.diagnostics == ()
    assert ("mod.py", SINK_LINE + 2, "DT101") in codes_at(result)


def test_non_ascii_identifiers_and_strings(tmp_path: Path) -> None:
    text = SINK_PROGRAM.replace("img", "bild_ä").replace('"x"', '"日本語 🙂"')
    write(tmp_path, "mod.py", text)
    result = check(tmp_path)
    assert ("mod.py", SINK_LINE, "DT101") in codes_at(result)


@pytest.mark.parametrize("content", ["", "\n", HEADER, "# only a comment", "\n\n\n   \n", "\\\n"],
                         ids=["empty", "newline", "header_only", "comment_no_newline", "blank", "continuation"])
def test_trivial_files(tmp_path: Path, content: str) -> None:
    write(tmp_path, "mod.py", content)
    result = check(tmp_path)
    assert result.findings == ()
    assert all(d.code == "DT000" for d in result.diagnostics)


def test_no_trailing_newline(tmp_path: Path) -> None:
    write(tmp_path, "mod.py", SINK_PROGRAM.rstrip("\n"))
    assert ("mod.py", SINK_LINE, "DT101") in codes_at(check(tmp_path))


def test_unreadable_and_vanished_paths(tmp_path: Path) -> None:
    folder = tmp_path / "pkg.py"
    folder.mkdir()  # a folder named like a module
    good = write(tmp_path, "good.py", SINK_PROGRAM)
    result = check(tmp_path, files=[good, folder, tmp_path / "missing.py"])
    assert ("good.py", SINK_LINE, "DT101") in codes_at(result)
    assert {d.path for d in result.diagnostics} <= {"pkg.py", "missing.py"}
    assert all(d.code == "DT000" for d in result.diagnostics)


# --------------------------------------------------------------------------- size and depth

def long_program(lines: int, header: str = SINK_PROGRAM) -> str:
    body = [header]
    for i in range(lines // 4):
        body.append(f"def f{i}(a):\n    b = a + {i}\n    return b\n\n")
    return "".join(body)


def test_100k_line_file_without_trigger_is_screened_fast(tmp_path: Path) -> None:
    path = write(tmp_path, "big.py", long_program(100_000, header="import os\n"))
    started = time.perf_counter()
    result = check(tmp_path, files=[path], timeout=60)
    elapsed = time.perf_counter() - started
    assert result.lines >= 100_000
    assert result.findings == () and result.diagnostics == ()
    assert elapsed < 5, f"100k untriggered lines took {elapsed:.1f} s"


def test_20k_line_file_is_analysed(tmp_path: Path) -> None:
    path = write(tmp_path, "big.py", long_program(20_000))
    started = time.perf_counter()
    result = check(tmp_path, files=[path], timeout=60)
    elapsed = time.perf_counter() - started
    assert ("big.py", SINK_LINE, "DT101") in codes_at(result)
    assert elapsed < 20, f"20k lines took {elapsed:.1f} s"


@slow
def test_100k_line_file_is_analysed(tmp_path: Path) -> None:
    path = write(tmp_path, "big.py", long_program(100_000))
    started = time.perf_counter()
    result = check(tmp_path, files=[path], timeout=120)
    elapsed = time.perf_counter() - started
    assert result.lines >= 100_000
    assert ("big.py", SINK_LINE, "DT101") in codes_at(result) or result.diagnostics
    assert elapsed < 60, f"100k lines took {elapsed:.1f} s"


def nested_expression(depth: int) -> str:
    return "(" * depth + "1" + ")" * depth


def nested_blocks(depth: int) -> str:
    return "".join(" " * i + f"if x{i}:\n" for i in range(depth)) + " " * depth + "pass\n"


def nested_defs(depth: int) -> str:
    return "".join(" " * i + f"def f{i}(a):\n" for i in range(depth)) + " " * depth + "return a\n"


NESTED = "brackets nested"
INDENTATION = "cannot parse: too many levels of indentation"  # Python's own limit is 100


@pytest.mark.parametrize(("body", "refused"), [
    pytest.param("x = " + nested_expression(1000) + "\n", NESTED, id="parens_1000"),
    pytest.param("x = " + "[" * 1000 + "]" * 1000 + "\n", NESTED, id="lists_1000"),
    pytest.param("x = " + "-" * 1000 + "1\n", None, id="unary_1000"),
    pytest.param("x = " + " + ".join(["a"] * 1000) + "\n", None, id="binop_1000"),
    pytest.param("x = " + ".".join(["a"] * 1000) + "\n", "a chain of 999 trailers", id="attr_1000"),
    pytest.param("x = f" + "(" * 500 + ")" * 500 + "\n", NESTED, id="calls_500"),
    pytest.param("x = " + "".join(f"f{i}(" for i in range(300)) + "tweepy.Client()" + ")" * 300 + "\n", NESTED,
                 id="nested_calls_300"),
    pytest.param(nested_blocks(100), INDENTATION, id="blocks_100"),
    pytest.param(nested_blocks(1000), INDENTATION, id="blocks_1000"),
    pytest.param(nested_defs(100), INDENTATION, id="defs_100"),
    pytest.param(nested_defs(1000), INDENTATION, id="defs_1000"),
    pytest.param("x = (" + "lambda: " * 1000 + "1)\n", None, id="lambdas_1000"),
    pytest.param("x = {" + ": {".join(["'k'"] * 500) + ": 1" + "}" * 500 + "\n", NESTED, id="dicts_500"),
])
def test_deep_nesting_never_raises(tmp_path: Path, body: str, refused: str | None) -> None:
    """Within the bounds a deep file is analysed; beyond them it gets one DT000 naming why."""
    write(tmp_path, "deep.py", HEADER + body)
    result = check(tmp_path, timeout=60)
    said = [(d.path, d.code, (refused or "") in d.message) for d in result.diagnostics]
    assert said == ([("deep.py", "DT000", True)] if refused else []), result.diagnostics


def nested_flow(depth: int) -> str:
    lines = [HEADER]
    for i in range(depth):
        lines.append(" " * (4 * i) + f"def f{i}(user):\n")
    inner = " " * (4 * depth)
    lines.append(inner + 'user = tweepy.Client("t").get_user(username="x", user_fields=["profile_image_url"]).data\n')
    lines.append(inner + "return face_recognition.face_encodings("
                 "face_recognition.load_image_file(user.profile_image_url))\n")
    return "".join(lines)


@pytest.mark.parametrize("depth", [1, 2, 3, 50])
def test_flow_inside_nested_functions_is_found(tmp_path: Path, depth: int) -> None:
    write(tmp_path, "deepdefs.py", nested_flow(depth))
    result = check(tmp_path)
    assert result.diagnostics == ()
    assert ("deepdefs.py", depth + 3, "DT101") in codes_at(result)


def test_deeply_nested_functions_never_raise(tmp_path: Path) -> None:
    write(tmp_path, "deepdefs.py", nested_flow(200))
    result = check(tmp_path)
    assert all(d.code == "DT000" for d in result.diagnostics)


@pytest.mark.slow
def test_10k_adjacent_string_literals(tmp_path: Path) -> None:
    literals = "\n".join(f'    "chunk {i} "' for i in range(10_000))
    write(tmp_path, "strings.py", HEADER + f"TEXT = (\n{literals}\n)\n" + SINK_PROGRAM)
    started = time.perf_counter()
    result = check(tmp_path, timeout=60)
    assert time.perf_counter() - started < 30
    # libcst's parser rejects 10,000 adjacent literals: one DT000 says so, on that file
    assert [(d.path, d.code) for d in result.diagnostics] == [("strings.py", "DT000")]
    assert "cannot parse" in result.diagnostics[0].message


def test_1k_string_concatenation_with_plus(tmp_path: Path) -> None:
    write(tmp_path, "plus.py", HEADER + "TEXT = " + " + ".join(f'"s{i}"' for i in range(1_000)) + "\n")
    result = check(tmp_path, timeout=30)
    assert all(d.code == "DT000" for d in result.diagnostics)


def test_10k_string_concatenation_with_plus(tmp_path: Path) -> None:
    """libcst's parse of a long ``a + b + ...`` chain is super-linear (4,000 terms: ~8 s), so
    such a line is refused up front with one DT000 instead of stalling."""
    write(tmp_path, "plus.py", HEADER + "TEXT = " + " + ".join(f'"s{i}"' for i in range(10_000)) + "\n")
    started = time.perf_counter()
    result = check(tmp_path, timeout=60)
    assert time.perf_counter() - started < 10
    assert [d.code for d in result.diagnostics] == ["DT000"]


def test_budget_overrun_is_a_diagnostic_not_a_hang(tmp_path: Path) -> None:
    body = "".join(f"def f{i}(a):\n    return face_recognition.face_encodings(a)\n" for i in range(500))
    write(tmp_path, "slow.py", SINK_PROGRAM + body)
    result = check(tmp_path, budget=1_000, timeout=60)
    assert [(d.path, d.code) for d in result.diagnostics] == [("slow.py", "DT000")]
    assert "budget of 1,000 steps" in result.diagnostics[0].message


# --------------------------------------------------------------------------- stdlib sample

STDLIB = Path(sysconfig.get_paths()["stdlib"])
_SKIP_DIRS = {"test", "tests", "idle_test", "site-packages", "__pycache__"}


def stdlib_sample(count: int = 40) -> list[Path]:
    files = sorted(p for p in STDLIB.rglob("*.py")
                   if not (_SKIP_DIRS & set(p.relative_to(STDLIB).parts[:-1]))
                   and p.stat().st_size < 40_000)  # keep CI fast: small and medium modules
    step = max(1, len(files) // count)
    sample = files[::step][:count]
    topics = STDLIB / "pydoc_data" / "topics.py"
    if topics.exists() and topics not in sample:
        sample[-1] = topics
    return sample


@pytest.mark.slow
@pytest.mark.skipif(not STDLIB.is_dir(), reason="no standard library sources")
def test_stdlib_sample_has_no_exceptions(tmp_path: Path) -> None:
    """40 stdlib files, each with the trigger header prepended so that every one is parsed."""
    copies = []
    for source in stdlib_sample():
        raw = source.read_bytes()
        target = tmp_path / source.relative_to(STDLIB)
        target.parent.mkdir(parents=True, exist_ok=True)
        # keep a coding cookie on line 1-2 working: put the header after the first two lines
        head, _, rest = raw.partition(b"\n")
        second, _, rest = rest.partition(b"\n")
        target.write_bytes(head + b"\n" + second + b"\n" + HEADER.encode() + rest)
        copies.append(target)
    result = check(tmp_path, files=copies, timeout=120)
    assert result.files == len(copies)
    assert [d for d in result.diagnostics if "budget" in d.message.lower()] == []
    # the copies are valid Python unless the header split a multi-line construct
    assert len(result.diagnostics) <= 3, result.diagnostics


@pytest.mark.skipif(not (STDLIB / "pydoc_data" / "topics.py").exists(), reason="no pydoc_data")
def test_pydoc_topics_is_analysed(tmp_path: Path) -> None:
    """15k lines of adjacent string literals: a RecursionError for naive libcst traversals."""
    text = (STDLIB / "pydoc_data" / "topics.py").read_text(encoding="utf-8")
    write(tmp_path, "topics.py", HEADER + text)
    result = check(tmp_path, timeout=120)
    assert result.diagnostics == ()


# --------------------------------------------------------------------------- determinism

def test_same_input_twice_gives_identical_output(tmp_path: Path) -> None:
    examples = Path(__file__).parent / "examples" / "face_identification"
    for source in sorted(examples.glob("*.py")):
        write(tmp_path, source.name, source.read_text(encoding="utf-8"))
    write(tmp_path, "bad.py", HEADER + "def broken(:\n")
    first = serialise(check(tmp_path))
    second = serialise(check(tmp_path))
    assert first == second
    assert json.loads(first)["findings"]


def test_file_order_does_not_matter(tmp_path: Path) -> None:
    examples = Path(__file__).parent / "examples" / "face_identification"
    for source in sorted(examples.glob("*.py")):
        write(tmp_path, source.name, source.read_text(encoding="utf-8"))
    files = sorted(tmp_path.glob("*.py"))
    assert serialise(check(tmp_path, files=files)) == serialise(check(tmp_path, files=files[::-1]))


def test_every_libcst_statement_and_expression_has_a_handler() -> None:
    """Strict mode (the suite's) raises on a node without a handler; none may be left over."""
    import inspect

    import libcst as cst

    from devterms.engine.frame import Frame

    def concrete(base: type) -> list[type]:
        return [c for n, c in vars(cst).items() if inspect.isclass(c) and issubclass(c, base)
                and not n.startswith("Base") and not inspect.isabstract(c)]

    missing = [c.__name__ for c in concrete(cst.BaseExpression) if not hasattr(Frame, "expr_" + c.__name__)]
    missing += [c.__name__ for c in (*concrete(cst.BaseSmallStatement), *concrete(cst.BaseCompoundStatement))
                if not hasattr(Frame, "stmt_" + c.__name__)]
    assert missing == []
