"""The annotation parser and the comparison of :mod:`harness.annotations`, tested on their own."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from harness.annotations import compare, parse_annotations



def parse(src: str):
    return parse_annotations(textwrap.dedent(src), "x.py")


def test_expect_ok_and_todo_on_their_lines():
    note = parse(
        """\
        import face_recognition as fr
        enc = fr.face_encodings(img)  # expect: DT101
        fr.face_encodings(local)  # ok: DT101
        send(x)  # expect: DT101, DT201
        detector(img)  # todo-expect: DT102
        both(x)  # expect: DT101; ok: DT201
        spaced(x)  #   expect:DT101 ,DT102
        """
    )
    assert note.errors == []
    assert note.expect == {
        2: {"DT101"}, 4: {"DT101", "DT201"}, 6: {"DT101"}, 7: {"DT101", "DT102"},
    }
    assert note.ok == {3: {"DT101"}, 6: {"DT201"}}
    assert note.todo == {5: {"DT102"}}
    assert note.count() == 6
    assert note.codes() == {"DT101", "DT102", "DT201"}


def test_strings_and_docstrings_do_not_count():
    note = parse(
        '''\
        """A docstring that mentions # expect: DT101."""
        s = "# expect: DT101"
        t = """
        # ok: DT201
        """
        u = f"{s} # expect: DT102"
        '''
    )
    assert note.errors == []
    assert note.count() == 0


def test_annotation_in_a_multiline_call_counts_for_its_own_line():
    note = parse(
        """\
        resp = rek.search_faces_by_image(  # expect: DT101
            CollectionId="c",
            Image={"Bytes": data},  # ok: DT201
        )
        x = '''a
        b'''  # expect: DT201
        """
    )
    assert note.errors == []
    assert note.expect == {1: {"DT101"}, 6: {"DT201"}}
    assert note.ok == {3: {"DT201"}}


@pytest.mark.parametrize(
    "comment",
    [
        "#expect DT101",
        "# expect DT101",
        "# Expect: DT101",
        "# expect: DT1O1",
        "# expect: DT10",
        "# expect: DT101,",
        "# expect: DT101 DT201",
        "# expect:",
        "# ok DT101",
        "# ok: dt101",
        "# todo: DT101",
        "# todo expect: DT101",
        "# expects: DT101",
        "# expect: DT101 because of the avatar",
        "# noqa  # expect: DT101",
        "# expect: DT101;",
    ],
)
def test_malformed_annotations_are_errors(comment):
    note = parse(f"call(x)  {comment}\n")
    assert len(note.errors) == 1, note.errors
    assert "x.py:1" in note.errors[0]
    assert note.count() == 0


def test_ordinary_comments_are_not_annotations():
    note = parse(
        """\
        # Download the picture, then encode it.
        x = 1  # the expected value
        y = 2  # okay-ish
        z = 3  # see DT101 in the README
        """
    )
    assert note.errors == []
    assert note.count() == 0


def test_annotation_without_code_on_its_line_is_an_error():
    note = parse(
        """\
        # expect: DT101
        fr.face_encodings(img)
        """
    )
    assert note.expect == {}
    assert len(note.errors) == 1 and "not at the end of a line of code" in note.errors[0]


def test_the_same_code_twice_on_a_line_is_an_error():
    note = parse("f(x)  # expect: DT101; ok: DT101\n")
    assert len(note.errors) == 1 and "twice" in note.errors[0]
    note = parse("f(x)  # expect: DT101, DT101\n")
    assert len(note.errors) == 1


def test_untokenizable_source_is_an_error():
    note = parse("def f(:\n    x = (\n")
    assert note.errors and "cannot tokenize" in note.errors[0]


# ----------------------------------------------------------------------- comparison


@dataclass(frozen=True)
class F:
    path: str
    line: int
    code: str
    message: str = "msg"
    column: int = 0


@dataclass(frozen=True)
class D:
    path: str
    line: int
    message: str
    code: str = "DT000"


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, list[Path]]:
    (tmp_path / "pkg").mkdir()
    a = tmp_path / "a.py"
    a.write_text(
        "import fr\n"
        "fr.face_encodings(x)  # expect: DT101\n"
        "fr.face_encodings(y)  # ok: DT101\n"
        "post(x)  # expect: DT201\n"
        "detect(x)  # todo-expect: DT102\n"
    )
    b = tmp_path / "pkg" / "b.py"
    b.write_text("send(x)  # expect: DT201\n")
    return tmp_path, [a, b]


def test_compare_all_matched(project):
    root, files = project
    found = [F("a.py", 2, "DT101"), F("a.py", 2, "DT101", column=9), F("a.py", 4, "DT201"),
             F("pkg/b.py", 1, "DT201")]
    out = compare(files, root, found, [], known_codes={"DT101", "DT102", "DT201"})
    assert out.problems == []
    assert out.todo_missing == ["DT102 at a.py:5: detect(x)  # todo-expect: DT102"]
    assert out.todo_found == []


def test_compare_reports_missing_unexpected_and_ok_violations(project):
    root, files = project
    found = [
        F("a.py", 2, "DT101"),
        F("a.py", 3, "DT101", "face data"),  # the line says ok
        F("a.py", 4, "DT102", "detected"),  # not annotated at all
        F("a.py", 5, "DT102"),  # the todo is now found
        F(str(root / "pkg" / "b.py"), 1, "DT201"),  # an absolute path still maps to its file
        F("elsewhere.py", 7, "DT201", "stray"),
    ]
    out = compare(files, root, found, [D("pkg/b.py", 1, "over budget")],
                         known_codes={"DT101", "DT102", "DT201"})
    assert out.problems == [
        "diagnostic DT000 at pkg/b.py:1: over budget",
        "unexpected DT101 at a.py:3: fr.face_encodings(y)  # ok: DT101 — face data (the line says ok)",
        "unexpected DT102 at a.py:4: post(x)  # expect: DT201 — detected",
        "unexpected DT201 at elsewhere.py:7 (not a file of this project) — stray",
        "missing DT201 at a.py:4: post(x)  # expect: DT201",
    ]
    assert out.todo_found == ["DT102 at a.py:5: detect(x)  # todo-expect: DT102"]
    assert out.todo_missing == []


def test_compare_rejects_unknown_codes(project):
    root, files = project
    found = [F("a.py", 2, "DT101"), F("a.py", 4, "DT201"), F("pkg/b.py", 1, "DT201")]
    out = compare(files, root, found, [], known_codes={"DT101", "DT201"})
    assert out.problems == ["a.py: annotation names unknown code DT102"]
