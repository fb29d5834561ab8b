"""Legacy code libcst rejects but Python runs: Python 2, and indentation mixing tabs and spaces.

Such a file is analysed from a translation made in memory, and every position reported in it is
a position of the file itself. Only a file libcst rejects is translated; one that parses no way
is one DT000, located where CPython's parser stops. The annotated projects are
``tests/projects/legacy_*`` and ``tests/examples/legacy/``.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import libcst as cst
import pytest

from devterms import legacy, parsing
from devterms.cli import main
from test_hardening import HEADER, check, write

PY2_SCRAPER = HEADER + '''\
import requests
\f
def profiles(client):
    users = client.get_users(["a", "b"]).data
    for user in users:
        print "sending", user.username, `user.id`
        if user.username <> "":
            requests.post(u"https://tips.fbi.gov/submit", data=user.description)
    return users
'''


def located(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """1-based line and 0-based column of ``needle`` in ``text``."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1)


def test_every_fixer_is_a_fissix_fixer() -> None:
    for name in legacy.FIXERS:
        module = importlib.import_module(name)
        assert any(n.startswith("Fix") for n in vars(module)), name


def test_python2_findings_point_into_the_file_itself(tmp_path: Path) -> None:
    write(tmp_path, "mod.py", PY2_SCRAPER.replace("client.get_users", 'tweepy.Client("t").get_users'))
    result = check(tmp_path)
    assert result.diagnostics == ()
    (finding,) = [f for f in result.findings if f.code == "DT201"]
    text = (tmp_path / "mod.py").read_text()
    assert (finding.line, finding.column) == located(text, "requests.post")
    assert (finding.end_line, finding.end_column) == located(text, "\n", text.count("\n", 0, text.index("requests.post")))
    hops = {(h.line, h.column) for flow in finding.flows for h in flow}
    assert located(text, 'tweepy.Client("t")') in hops


def test_tab_indented_findings_keep_their_columns(tmp_path: Path) -> None:
    """Vim's ``softtabstop=4 tabstop=8``: Python 2 read the tab as 8 columns; so does devterms."""
    text = (HEADER + 'client = tweepy.Client("t")\n'
            'def scan():\n'
            '    resp = client.search_recent_tweets("x", expansions="author_id", user_fields="profile_image_url")\n'
            '    for user in resp.includes["users"]:\n'
            '\timg = face_recognition.load_image_file(user.profile_image_url)\n'
            '\tface_recognition.face_encodings(img)\n')
    write(tmp_path, "mod.py", text)
    result = check(tmp_path)
    assert result.diagnostics == ()
    (finding,) = [f for f in result.findings if f.code == "DT101"]
    assert (finding.line, finding.column) == located(text, "face_recognition.face_encodings", 1)


def test_a_mix_cpython_accepts_and_libcst_rejects_is_analysed() -> None:
    text = "class A:\n\tdef f(self):\n \t return 1\n  \t  # a comment\n\tdef g(self):\n\t\treturn 2\n"
    compile(text, "<test>", "exec", dont_inherit=True)  # CPython 3 reads it
    assert not isinstance(parsing.parse(text), cst.Module)
    parsed = parsing.parse_source(text)
    assert isinstance(parsed, parsing.Parsed) and parsed.translation is not None
    assert parsed.translation.how == "with tabs expanded"


def test_tabs_inside_a_multiline_string_are_its_text() -> None:
    text = 'if True:\n\tx = 1\n        y = """\n\tkept\n"""\n'
    assert legacy.expand_indentation(text) == 'if True:\n        x = 1\n        y = """\n\tkept\n"""\n'


def test_columns_map_back_through_rewritten_spans() -> None:
    text = 'if x:\n\tprint "a", `b`, c\n'
    (translation,) = [t for t in legacy.translations(text, []) if t.how == "as Python 2"]
    assert translation.text == 'if x:\n        print("a", repr(b), c)\n'
    old, new = text.splitlines()[1], translation.text.splitlines()[1]
    assert translation.position((2, new.index("c)"))) == (2, old.index("c"))
    assert translation.position((2, new.index("b)"))) == (2, old.index("b`"))
    assert translation.position((2, new.index("print"))) == (2, old.index("print"))
    assert translation.position((2, new.index("repr"))) == (2, old.index("`b"))  # inside a span: its start
    assert translation.position((1, 3)) == (1, 3)


def test_a_line_a_fixer_adds_belongs_to_the_line_before() -> None:
    text = "def g((a, b), c):\n    print a\n    return b\n"
    (translation,) = [t for t in legacy.translations(text, [])]
    assert translation.text.count("\n") == text.count("\n") + 1
    assert [translation.position((n, 0))[0] for n in range(1, 5)] == [1, 1, 2, 3]


def test_half_ported_files_with_print_calls_are_translated() -> None:
    text = 'import sys\nprint("a", file=sys.stderr)\nexec "x = 1"\n'
    parsed = parsing.parse_source(text)
    assert isinstance(parsed, parsing.Parsed) and parsed.translation is not None
    assert 'exec("x = 1")' in parsed.translation.text


def test_only_files_libcst_rejects_are_translated(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, failed: list[str]):  # noqa: ANN202
        raise AssertionError("translated a file libcst parses")

    monkeypatch.setattr(legacy, "translations", refuse)
    parsed = parsing.parse_source(HEADER + "x = 1\n")
    assert isinstance(parsed, parsing.Parsed) and parsed.translation is None


def test_the_guard_stays_in_front_of_the_translation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legacy, "translations", lambda text, failed: pytest.fail("translated"))
    problem = parsing.parse_source('print "x"\nx = ' + "(" * 500 + ")" * 500 + "\n")
    assert isinstance(problem, tuple) and "beyond the bound" in problem[2]


def test_deep_python2_is_not_given_to_fissix() -> None:
    with pytest.raises(legacy.NotTranslated, match="bound"):
        legacy.from_python2('print "x"\nx = ' + "(" * 500 + "\n")


def test_a_file_no_way_parses_is_one_dt000_where_python_stops(tmp_path: Path) -> None:
    """Where the reading that went further stops: a print statement stops Python 3 early."""
    write(tmp_path, "good.py", PY2_SCRAPER.replace("client.get_users", 'tweepy.Client("t").get_users'))
    write(tmp_path, "bad.py", HEADER + 'print "x"\ndef send(rows)\n    pass\n')
    result = check(tmp_path)
    (diagnostic,) = result.diagnostics
    assert (diagnostic.path, diagnostic.line, diagnostic.column) == ("bad.py", 3, len("def send(rows)"))
    assert diagnostic.message == ("cannot parse: bad input as Python 2 (nor as Python 3: Missing parentheses "
                                  "in call to 'print'. Did you mean print(...)? at 2:1)")
    assert [f.path for f in result.findings if f.code == "DT201"] == ["good.py"]


def test_python3_syntax_errors_are_where_python_stops() -> None:
    assert parsing.parse_source("x = 1\nfoo bar\nz = 3\n") == (2, 4, "cannot parse: invalid syntax (nor as Python 2: bad input at 2:5)")


def test_dt000_files_are_in_the_summary_and_results_of_sarif(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "good.py", PY2_SCRAPER.replace("client.get_users", 'tweepy.Client("t").get_users'))
    write(tmp_path, "bad.py", HEADER + 'print "x"\ndef send(rows)\n    pass\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "."]) == 1
    out = capsys.readouterr().out
    assert "bad.py:3:15: DT000 cannot parse: bad input as Python 2" in out
    assert out.splitlines()[-1].startswith("Checked 2 files: 1 finding (DT201: 1), 1 file not analysed")
    main(["check", "--format", "sarif", "."])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    (unanalysed,) = [r for r in results if r["ruleId"] == "DT000"]
    where = unanalysed["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "bad.py" and where["region"]["startLine"] == 3
    assert unanalysed["level"] == "error" and "ruleIndex" in unanalysed
    assert [r["ruleId"] for r in results if r["ruleId"] != "DT000"] == ["DT201"]


def test_noqa_on_a_python2_line_silences_its_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    text = PY2_SCRAPER.replace("client.get_users", 'tweepy.Client("t").get_users')
    write(tmp_path, "good.py", text.replace('data=user.description)', 'data=user.description)  # noqa: DT201'))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "."]) == 0
    assert "no findings" in capsys.readouterr().out


def test_a_form_feed_does_not_end_a_line(tmp_path: Path) -> None:
    """Old files put ``^L`` on lines of their own; Python, libcst and the reports count lines alike."""
    from devterms.sourcetext import SourceText

    write(tmp_path, "mod.py", "a = 1\n\f\nb = 2  # noqa: DT201\r\nc = 3\rd")
    assert SourceText(tmp_path).lines("mod.py") == ["a = 1", "\f", "b = 2  # noqa: DT201", "c = 3", "d"]
    assert SourceText(tmp_path).line("mod.py", 3) == "b = 2  # noqa: DT201"
