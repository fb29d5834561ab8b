"""One noqa rule for every front end, in flake8's syntax (see devterms.noqa)."""

from __future__ import annotations

import pytest

from devterms.noqa import FileSuppressions

KNOWN = ("DT101", "DT102", "DT201", "DT301")


@pytest.mark.parametrize("comment", [
    "# noqa: DT101", "# noqa:DT101", "# NOQA: dt101", "# noqa: DT201,DT101",
    "# noqa:DT201, DT101", "# noqa: DT201 DT101", "# noqa: DT1", "# type: ignore  # noqa: DT101",
])
def test_listed_code_or_prefix_silences(comment: str) -> None:
    assert FileSuppressions(f"sink(x)  {comment}\n").suppressed("DT101", 1)


@pytest.mark.parametrize("comment", ["# noqa: DT201", "# noqa: DT10", "# noqa: E501", "# no qa: DT101",
                                     "#noqa: DT101", ""])  # flake8 reads no "#noqa" either
def test_other_codes_do_not_silence(comment: str) -> None:
    text = f"sink(x)  {comment}\n"
    if comment == "# noqa: DT10":
        assert FileSuppressions(text).suppressed("DT101", 1)  # DT10 is a prefix
        assert not FileSuppressions(text).suppressed("DT201", 1)
    else:
        assert not FileSuppressions(text).suppressed("DT101", 1)


def test_bare_noqa_silences_as_in_flake8() -> None:
    assert FileSuppressions("sink(x)  # noqa\n").suppressed("DT101", 1)
    assert FileSuppressions("sink(x)  # noqa : DT201\n").suppressed("DT101", 1)  # flake8: bare


def test_other_plugins_codes_starting_with_dt_are_not_unused_devterms_codes() -> None:
    comments = FileSuppressions("when = datetime.now()  # noqa: DTZ005, DT301\n")
    assert [code for _, code in comments.unused(["DT101", "DT301"], KNOWN)] == ["DT301"]


def test_a_comment_anywhere_in_a_multi_line_statement_covers_all_its_lines() -> None:
    text = "sink(\n    a,  # noqa: DT101\n    b,\n)\nother(a)\n"
    comments = FileSuppressions(text)
    assert all(comments.suppressed("DT101", line) for line in (1, 2, 3, 4))
    assert not comments.suppressed("DT101", 5)


def test_comment_on_the_line_above_does_not_count() -> None:
    assert not FileSuppressions("# noqa: DT101\nsink(x)\n").suppressed("DT101", 2)


def test_noqa_inside_a_string_is_not_a_comment() -> None:
    assert not FileSuppressions('sink("# noqa: DT101")\n').suppressed("DT101", 1)


def test_unused_codes_are_reported_with_their_position() -> None:
    comments = FileSuppressions("a = 1\nsink(x)  # noqa: DT101,DT201\n")
    comments.suppressed("DT101", 2)
    dead = comments.unused(enabled=KNOWN, known=KNOWN)
    assert [(c.line, c.column, code) for c, code in dead] == [(2, 9, "DT201")]


def test_codes_of_disabled_rules_and_other_tools_are_not_reported_unused() -> None:
    comments = FileSuppressions("sink(x)  # noqa: DT102, E501\n")
    assert comments.unused(enabled=("DT101",), known=KNOWN) == []


def test_unknown_devterms_codes_are_reported_unused() -> None:
    comments = FileSuppressions("sink(x)  # noqa: DT191\n")
    assert [code for _, code in comments.unused(enabled=KNOWN, known=KNOWN)] == ["DT191"]


def test_bare_noqa_is_never_reported_unused() -> None:
    assert FileSuppressions("x = 1  # noqa\n").unused(enabled=KNOWN, known=KNOWN) == []


def test_untokenisable_file_falls_back_to_physical_lines() -> None:
    comments = FileSuppressions('x = (\nsink(x)  # noqa: DT101\ns = """\n')
    assert comments.suppressed("DT101", 2)
    assert not comments.suppressed("DT101", 1)
