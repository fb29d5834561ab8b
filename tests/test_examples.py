"""The annotated examples: devterms must report exactly what their comments say.

Every ``tests/examples/**/*.py`` file is analysed as a one-file project and every
``tests/projects/*/`` folder as one project; :mod:`harness.annotations` reads the comments
(``# expect: DT101``, ``# ok: DT101``, ``# todo-expect: DT101``) and compares.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.annotations import compare, parse_annotations, read_source, relative
from harness.corpus import DEMO, EXAMPLES, TESTS, example_files, project_dirs, project_files


def _cases() -> list:
    cases = [
        pytest.param([f.resolve()], f.parent.resolve(), id=f.relative_to(TESTS).as_posix())
        for f in example_files()
    ]
    cases += [
        pytest.param(project_files(d), d.resolve(), id=d.relative_to(TESTS).as_posix() + "/")
        for d in project_dirs()
    ]
    return cases


@pytest.fixture(scope="module")
def pack():
    from devterms.pack.load import load_default_pack

    return load_default_pack()


@pytest.mark.parametrize(("files", "root"), _cases())
def test_example(files: list[Path], root: Path, pack) -> None:
    from devterms.checker import check_project

    # Malformed annotations fail before the engine runs: they are the example's fault.
    errors = [e for f in files for e in parse_annotations(read_source(f), relative(f, root)).errors]
    assert not errors, "\n".join(errors)

    result = check_project(files, pack=pack, root=root, display_base=root)
    out = compare(files, root, result.findings, result.diagnostics, known_codes={*pack.rules, "DT000"})
    if out.problems:
        pytest.fail(
            f"{len(out.problems)} mismatch(es) in {relative(root, TESTS)}:\n  " + "\n  ".join(out.problems),
            pytrace=False,
        )
    if out.todo_found:
        pytest.fail(
            "todo-expect now found; change these annotations to 'expect':\n  "
            + "\n  ".join(out.todo_found),
            pytrace=False,
        )
    if out.todo_missing:
        pytest.xfail("known false negatives (todo-expect):\n  " + "\n  ".join(out.todo_missing))


def test_bundled_demo_finds_the_pipeline_and_spares_the_bot(pack) -> None:
    """README's demo: the Clearview-style pipeline is caught, the benign bot is not."""
    from devterms.checker import check_project

    files = project_files(DEMO)
    assert files, "examples/ holds no Python files"
    result = check_project(files, pack=pack, root=DEMO, display_base=DEMO)
    assert not result.diagnostics, result.diagnostics
    pipeline = {f.code for f in result.findings if f.path.startswith("clearview_pipeline/")}
    assert {"DT101", "DT201"} <= pipeline, sorted(pipeline)
    bot = [f"{f.code} at {f.path}:{f.line}: {f.message}" for f in result.findings
           if f.path.startswith("benign_bot/")]
    assert not bot, "\n".join(bot)


def test_examples_are_annotated_enough() -> None:
    """Issue 2: at least 40 annotated lines, positive and negative; no example without any."""
    total = {"expect": 0, "ok": 0}
    groups = [(f.relative_to(TESTS).as_posix(), [f]) for f in example_files()]
    groups += [(d.relative_to(TESTS).as_posix() + "/", project_files(d)) for d in project_dirs()]
    bare = []
    for name, files in groups:
        count = 0
        for file in files:
            note = parse_annotations(read_source(file), str(file))
            assert not note.errors, note.errors
            total["expect"] += len(note.expect)
            total["ok"] += len(note.ok)
            count += note.count()
        if not count:
            bare.append(name)
    assert not bare, f"examples without annotations: {bare}"
    assert total["expect"] + total["ok"] >= 40, total
    assert total["expect"] >= 15 and total["ok"] >= 15, total


def test_each_rule_has_a_folder_of_positive_and_negative_examples(pack) -> None:
    """Each rule has ``tests/examples/<rule name>/`` (``-`` written ``_``) with lines it must flag
    and look-alike lines it must not: a rule without quiet look-alikes cannot show its precision."""
    problems = []
    for code, rule in pack.rules.items():
        folder = EXAMPLES / rule.name.replace("-", "_")
        notes = [parse_annotations(read_source(f), relative(f, TESTS)) for f in sorted(folder.glob("*.py"))]
        positives = sum(code in codes for note in notes for codes in note.expect.values())
        negatives = sum(code in codes for note in notes for codes in note.ok.values())
        if not positives or not negatives:
            problems.append(f"{code} ({relative(folder, TESTS)}/): {positives} expect, {negatives} ok")
    assert not problems, "rules without positive and negative examples:\n  " + "\n  ".join(problems)
