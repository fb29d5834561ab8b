"""The annotations of the example files, and the comparison of a run's findings with them.

A trailing comment annotates the line it is on (the line where the sink call, or the call that
leads to it, starts)::

    encodings = face_recognition.face_encodings(image)  # expect: DT101
    face_recognition.face_encodings(local_photo)  # ok: DT101
    detector(img)  # todo-expect: DT102   (a known false negative; the test xfails)

Every finding must be annotated ``expect`` (or ``todo-expect``) on its line, every ``expect``
must be found, and an ``ok`` line must have no finding of its codes. The grammar is in
``tests/examples/README.md``; ``tests/test_annotations.py`` tests this module.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("expect", "ok", "todo-expect")
_CODE = r"DT[0-9]{3}"
_CLAUSE = re.compile(
    rf"(?P<kind>todo-expect|expect|ok):[ \t]*(?P<codes>{_CODE}(?:[ \t]*,[ \t]*{_CODE})*)"
)
# A comment that looks like an attempt at an annotation; if it does not parse, it is an error.
_ATTEMPT = re.compile(
    r"^#\s*(?:todo\W*)?(?:expect\w*|ok)\b|\b(?:expect\w*|ok)\s*:|^#\s*todo\b.*\bDT\d",
    re.IGNORECASE,
)
_NOT_CODE = {
    tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
    tokenize.ENCODING, tokenize.ENDMARKER,
}


@dataclass
class Annotations:
    """The annotations of one file: line -> codes, for each kind, and what could not be read."""

    expect: dict[int, frozenset[str]] = field(default_factory=dict)
    ok: dict[int, frozenset[str]] = field(default_factory=dict)
    todo: dict[int, frozenset[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def by_kind(self, kind: str) -> dict[int, frozenset[str]]:
        return {"expect": self.expect, "ok": self.ok, "todo-expect": self.todo}[kind]

    def codes(self) -> set[str]:
        return {c for kind in KINDS for codes in self.by_kind(kind).values() for c in codes}

    def count(self) -> int:
        """How many lines carry an annotation."""
        return len(set(self.expect) | set(self.ok) | set(self.todo))


def parse_annotation_comment(comment: str) -> list[tuple[str, list[str]]] | None:
    """The clauses of one comment (``# expect: DT101; ok: DT201``), or None if it is not one."""
    body = comment[1:].strip() if comment.startswith("#") else None
    if body is None:
        return None
    clauses = []
    for part in body.split(";"):
        match = _CLAUSE.fullmatch(part.strip())
        if match is None:
            return None
        clauses.append((match["kind"], [c.strip() for c in match["codes"].split(",")]))
    return clauses


def parse_annotations(source: str, path: str = "<string>") -> Annotations:
    """Read the annotation comments of ``source`` with tokenize (strings never count)."""
    found = Annotations()
    code_lines: set[int] = set()
    comments: list[tuple[int, str]] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                comments.append((tok.start[0], tok.string))
            elif tok.type not in _NOT_CODE:
                code_lines.update(range(tok.start[0], tok.end[0] + 1))
    except (tokenize.TokenError, SyntaxError) as exc:  # IndentationError is a SyntaxError
        found.errors.append(f"{path}: cannot tokenize: {exc}")
        return found
    for line, comment in comments:
        where = f"{path}:{line}"
        clauses = parse_annotation_comment(comment)
        if clauses is None:
            if _ATTEMPT.search(comment):
                found.errors.append(
                    f"{where}: malformed annotation {comment!r}; "
                    "write '# expect: DT101', '# ok: DT101, DT201' or '# todo-expect: DT101'"
                )
            continue
        if line not in code_lines:
            found.errors.append(f"{where}: annotation {comment!r} is not at the end of a line of code")
            continue
        seen: dict[str, str] = {}
        for kind, codes in clauses:
            for code in codes:
                if code in seen:
                    found.errors.append(f"{where}: {code} is annotated twice ({seen[code]}, {kind})")
                    continue
                seen[code] = kind
                table = found.by_kind(kind)
                table[line] = table.get(line, frozenset()) | {code}
    return found


def read_source(path: Path) -> str:
    with tokenize.open(path) as fh:  # honours a coding cookie, like the engine must
        return fh.read()


@dataclass
class Outcome:
    problems: list[str] = field(default_factory=list)
    todo_missing: list[str] = field(default_factory=list)
    todo_found: list[str] = field(default_factory=list)


def _display(path: str, base: Path) -> Path:
    p = Path(path)
    return p if p.is_absolute() else base / p


def compare(
    files: Sequence[Path], base: Path, findings: Iterable, diagnostics: Iterable,
    known_codes: set[str] | None = None,
) -> Outcome:
    """Match the findings of one project against the annotations of its files."""
    out = Outcome()
    raw = {f.resolve(): read_source(f) for f in files}
    sources = {f: text.split("\n") for f, text in raw.items()}
    notes = {f: parse_annotations(text, relative(f, base)) for f, text in raw.items()}

    def text(file: Path, line: int) -> str:
        lines = sources.get(file, [])
        return lines[line - 1].strip() if 0 < line <= len(lines) else "<no such line>"

    for file, note in notes.items():
        out.problems.extend(note.errors)
        if known_codes is not None:
            for code in sorted(note.codes() - known_codes):
                out.problems.append(f"{relative(file, base)}: annotation names unknown code {code}")

    got: dict[tuple[Path, int], dict[str, list]] = {}
    for diag in diagnostics:  # a file that must not be analysed says so: ``# expect: DT000``
        file = _display(diag.path, base).resolve()
        if diag.code in notes.get(file, Annotations()).expect.get(diag.line, ()):
            got.setdefault((file, diag.line), {}).setdefault(diag.code, []).append(diag)
        else:
            out.problems.append(f"diagnostic {diag.code} at {diag.path}:{diag.line}: {diag.message}")

    for finding in findings:
        file = _display(finding.path, base).resolve()
        got.setdefault((file, finding.line), {}).setdefault(finding.code, []).append(finding)

    for (file, line), by_code in sorted(got.items(), key=lambda kv: (str(kv[0][0]), kv[0][1])):
        rel = relative(file, base)
        note = notes.get(file)
        for code, items in sorted(by_code.items()):
            if note is None:
                out.problems.append(
                    f"unexpected {code} at {rel}:{line} (not a file of this project) — {items[0].message}"
                )
                continue
            if code in note.expect.get(line, ()):
                continue
            if code in note.todo.get(line, ()):
                out.todo_found.append(f"{code} at {rel}:{line}: {text(file, line)}")
                continue
            said = " (the line says ok)" if code in note.ok.get(line, ()) else ""
            out.problems.append(
                f"unexpected {code} at {rel}:{line}: {text(file, line)} — {items[0].message}{said}"
            )

    for file, note in notes.items():
        rel = relative(file, base)
        for line, codes in sorted(note.expect.items()):
            for code in sorted(codes - set(got.get((file, line), {}))):
                out.problems.append(f"missing {code} at {rel}:{line}: {text(file, line)}")
        for line, codes in sorted(note.todo.items()):
            for code in sorted(codes - set(got.get((file, line), {}))):
                out.todo_missing.append(f"{code} at {rel}:{line}: {text(file, line)}")
    return out


def relative(file: Path, base: Path) -> str:
    try:
        return file.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return file.as_posix()
