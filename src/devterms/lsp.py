"""``devterms lsp``: a language server that shows devterms findings while the code is written.

It speaks LSP over stdio (pygls 2). On ``didOpen``, ``didSave`` and (debounced) ``didChange`` it
analyses the *whole project* the document lies in, with the text of every open buffer of that
project taking the place of the file on disk, and publishes diagnostics for all of the project's
open documents at once: a flow through an unsaved helper module changes the findings of the file
that calls it. Each diagnostic carries the finding's code (``DT101``), its severity, and the flow
from source to sink as related information; a quick fix appends ``# noqa: DT101 <reason>`` to the
reported line.

flake8 users already get devterms through the editors' flake8 integrations (the ``DT`` plugin);
this server adds what flake8 cannot transport: the flow path, cross-file results on unsaved
buffers, and the quick fix. Install with the ``lsp`` extra (``pip install '<checkout>[lsp]'``).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import logging
import re
import sys
import tokenize
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

try:
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer
    from pygls.uris import from_fs_path, to_fs_path
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise SystemExit(
        "devterms lsp needs pygls 2: install devterms with its lsp extra ('.[lsp]' in a checkout)"
    ) from exc

from devterms import __version__
from devterms.discovery import find_root, is_excluded
from devterms.project import Project, analyse, open_project, selection_for
from devterms.model import Diagnostic, Finding, Hop
from devterms.report import printable
from devterms.errors import InputError
from devterms.sourcetext import SourceText, physical_lines

log = logging.getLogger("devterms.lsp")

SOURCE = "devterms"
DEFAULT_DEBOUNCE = 0.5
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "note": types.DiagnosticSeverity.Information,
}
NOQA_REASON = "<reason>"
# an existing "# noqa: X1, X2" comment; a new code is appended to its list instead of adding a
# second comment, which neither flake8 nor devterms would read
_NOQA_CODES = re.compile(r"#\s*noqa\s*:\s?[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*", re.IGNORECASE)
_BARE_NOQA = re.compile(r"#\s*noqa(?!\s*:)", re.IGNORECASE)
_EXTENT = re.compile(r"[\w.]+")
_CONFIG_FILES = ("pyproject.toml", "setup.cfg")


@dataclass
class _Cached:
    project: Project
    stamp: tuple[float | None, ...]


@dataclass(frozen=True)
class _Buffer:
    uri: str
    path: Path
    text: str
    version: int | None


class DevtermsServer(LanguageServer):
    """pygls server plus the per-project state: loaded rule packs and pending analyses."""

    def __init__(self, debounce: float = DEFAULT_DEBOUNCE, use_cache: bool = True) -> None:
        super().__init__("devterms", __version__)
        self.debounce = debounce
        self.use_cache = use_cache
        self._projects: dict[Path, _Cached] = {}
        self._pending: dict[Path, asyncio.Task[None]] = {}
        self._roots: dict[str, Path] = {}
        # one analysis at a time: the engine and its cache are not meant to be run concurrently
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="devterms-analysis")
        self._reported_errors: set[str] = set()

    # -- scheduling ---------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Analyse ``uri``'s project after ``delay`` seconds, replacing a pending analysis."""
        root = self._root_of(uri)
        if root is None:
            return
        pending = self._pending.pop(root, None)
        if pending is not None:
            pending.cancel()
        self._pending[root] = asyncio.ensure_future(self._run(root, delay))

    def _root_of(self, uri: str) -> Path | None:
        if uri not in self._roots:
            path = _python_path(uri)
            if path is None:
                return None
            self._roots[uri] = find_root(path)
        return self._roots[uri]

    def forget(self, uri: str) -> None:
        """A closed document: clear its diagnostics and stop treating its buffer as an override."""
        root = self._roots.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        others = [u for u, r in self._roots.items() if r == root]
        if root is not None and others:  # its buffer no longer overrides the file on disk
            self.schedule(others[0], 0)

    async def _run(self, root: Path, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            buffers = self._buffers(root)
            if not buffers:
                return
            loop = asyncio.get_running_loop()
            results = await loop.run_in_executor(self._worker, self.diagnose, root, buffers)
        except asyncio.CancelledError:
            return
        except InputError as exc:
            self._show_error(f"devterms: {exc}")
            return
        except Exception:  # noqa: BLE001 - a crash must not take the editor's server down
            log.exception("devterms analysis of %s failed", root)
            self._show_error(f"devterms: analysis of {root} failed; see the server log")
            return
        finally:
            if self._pending.get(root) is asyncio.current_task():
                del self._pending[root]
        for buffer in buffers:
            current = self._document(buffer.uri)
            if current is None or current.version != buffer.version:
                continue  # edited meanwhile: a newer analysis is already scheduled
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=buffer.uri, version=buffer.version, diagnostics=results.get(buffer.uri, [])))

    def _document(self, uri: str) -> Any:
        try:
            return self.workspace.get_text_document(uri)
        except Exception:  # noqa: BLE001 - pygls raises different errors across versions
            return None

    def _buffers(self, root: Path) -> list[_Buffer]:
        buffers = []
        for uri, doc_root in list(self._roots.items()):
            doc = self._document(uri)
            path = _python_path(uri)
            if doc_root == root and doc is not None and path is not None:
                buffers.append(_Buffer(uri, path.resolve(), doc.source, doc.version))
        return buffers

    def _show_error(self, message: str) -> None:
        if message in self._reported_errors:
            return
        self._reported_errors.add(message)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))

    # -- analysis -------------------------------------------------------------------------------

    def project(self, root: Path) -> Project:
        """The project at ``root``: the rule pack is kept until a configuration file changes."""
        stamp = tuple(_mtime(root / name) for name in _CONFIG_FILES)
        cached = self._projects.get(root)
        if cached is None or cached.stamp != stamp:
            cached = _Cached(open_project(root), stamp)
            self._projects[root] = cached
            self._reported_errors.clear()
            return cached.project
        return cached.project.relisted()  # new or deleted files

    def diagnose(self, root: Path, buffers: Sequence[_Buffer]) -> dict[str, list[types.Diagnostic]]:
        """LSP diagnostics for each buffer, from one analysis of the whole project."""
        project = self.project(root)
        wanted = [b for b in buffers if not is_excluded(b.path, project.root, project.config.exclude)]
        if not wanted:
            return {}
        known = set(project.files)
        overrides = {b.path: b.text for b in buffers}
        outcome = analyse(
            project, selection_for(project), report_on={b.path for b in wanted},
            extra_files=[b.path for b in wanted if b.path not in known], overrides=overrides,
            display_base=project.root, use_cache=self.use_cache,
        )
        source = SourceText(project.root, overrides)
        uri_of = {b.path: b.uri for b in buffers}
        results: dict[str, list[types.Diagnostic]] = {b.uri: [] for b in wanted}
        for finding in outcome.findings:
            uri = uri_of.get(source.resolve(finding.path))
            if uri in results:
                results[uri].append(self.finding_diagnostic(finding, project, source, uri_of))
            for hop in _entries_elsewhere(finding):  # a buffer the flow starts in or passes through
                uri = uri_of.get(source.resolve(hop.path))
                if uri in results:
                    results[uri].append(self.finding_diagnostic(finding, project, source, uri_of, at=hop))
        for problem in outcome.diagnostics:
            uri = uri_of.get(source.resolve(problem.path))
            if uri in results:
                results[uri].append(self.problem_diagnostic(problem, source))
        return results

    def finding_diagnostic(
        self, finding: Finding, project: Project, source: SourceText, uri_of: dict[Path, str],
        at: Hop | None = None,
    ) -> types.Diagnostic:
        """The finding at its sink, or ``at`` a hop in another file with the sink related first."""
        def related_at(path: str, line: int, column: int, note: str) -> types.DiagnosticRelatedInformation:
            full = source.resolve(path)
            return types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri_of.get(full) or from_fs_path(str(full)),
                                        range=self._range(source, path, line, column)),
                message=note,
            )

        related = [related_at(h.path, h.line, h.column, printable(h.note)) for h in finding.flow]
        message = printable(finding.message)
        if at is not None:
            sink = printable(f"{finding.path}:{finding.line}")
            related.insert(0, related_at(finding.path, finding.line, finding.column, f"sink: {message}"))
            message = f"{message} (the sink is in {sink})"
        where = at or finding
        rule = project.rules.get(finding.code)
        href = None
        if rule is not None and rule.clauses and rule.clauses[0] in project.pack.clauses:
            href = project.pack.clauses[rule.clauses[0]].url
        return types.Diagnostic(
            range=self._range(source, where.path, where.line, where.column),
            message=message,
            severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
            code=finding.code,
            code_description=types.CodeDescription(href=href) if href else None,
            source=SOURCE,
            related_information=related or None,
            data={"line": where.line - 1, "code": finding.code, "sink": at is None},
        )

    def problem_diagnostic(self, problem: Diagnostic, source: SourceText) -> types.Diagnostic:
        return types.Diagnostic(
            range=self._range(source, problem.path, problem.line, problem.column),
            message=printable(problem.message), severity=types.DiagnosticSeverity.Error,
            code=problem.code, source=SOURCE,
        )

    def _range(self, source: SourceText, path: str, line: int, column: int) -> types.Range:
        """From (1-based line, 0-based code-point column) to the dotted name there, in client units."""
        text = source.line(path, line)
        column = max(0, min(column, len(text)))
        match = _EXTENT.match(text, column)
        end = match.end() if match and match.end() > column else len(text.rstrip())
        end = max(end, column)
        codec = self.workspace.position_codec
        row = max(line - 1, 0)
        lines = [text]
        start_pos = codec.position_to_client_units(lines, types.Position(line=0, character=column))
        end_pos = codec.position_to_client_units(lines, types.Position(line=0, character=end))
        return types.Range(
            start=types.Position(line=row, character=start_pos.character),
            end=types.Position(line=row, character=end_pos.character),
        )

    # -- quick fix ------------------------------------------------------------------------------

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        doc = self._document(params.text_document.uri)
        if doc is None:
            return []
        actions = []
        seen = set()
        for diagnostic in params.context.diagnostics:
            code = str(diagnostic.code or "")
            if diagnostic.source != SOURCE or not code.startswith("DT") or code in ("DT000", "DT001"):
                continue
            if isinstance(diagnostic.data, dict) and diagnostic.data.get("sink") is False:
                continue  # shown at a source in this file: a noqa works only at the sink
            line = _noqa_line(doc.source, diagnostic.range.start.line)
            if (line, code) in seen:
                continue
            edit = noqa_edit(doc.lines, line, code)
            if edit is None:
                continue
            seen.add((line, code))
            actions.append(types.CodeAction(
                title=f"Suppress {code} on this line (# noqa: {code})",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=types.WorkspaceEdit(changes={params.text_document.uri: [edit]}),
            ))
        return actions


def noqa_edit(lines: Sequence[str], row: int, code: str, reason: str = NOQA_REASON) -> types.TextEdit | None:
    """The edit that makes line ``row`` (0-based) carry ``# noqa: <code>``; None if it cannot.

    An existing ``# noqa: X`` list gets the code appended; a bare ``# noqa`` is left alone (it
    would have to be narrowed, changing what it silences for other tools).
    """
    if row >= len(lines):
        return None
    line = lines[row].rstrip("\r\n")
    codes = _NOQA_CODES.search(line)
    if codes:
        listed = re.split(r"[,\s]+", codes.group(0).split(":", 1)[1].strip())
        if code in (c.upper() for c in listed):
            return None
        at = codes.end()
        return types.TextEdit(range=_point(row, line, at), new_text=f", {code}")
    if _BARE_NOQA.search(line):
        return None
    at = len(line.rstrip())
    return types.TextEdit(range=_point(row, line, at), new_text=f"  # noqa: {code} {reason}".rstrip())


def _point(row: int, line: str, column: int) -> types.Range:
    """A zero-width range at code-point ``column``, in UTF-16 units (the LSP default)."""
    character = len(line[:column].encode("utf-16-le")) // 2
    position = types.Position(line=row, character=character)
    return types.Range(start=position, end=position)


def _noqa_line(text: str, row: int) -> int:
    """``row``, or a later line of the same statement when a comment cannot end ``row``.

    A comment cannot go inside a multi-line string or after a backslash continuation; noqa reads
    every line of the statement, so the next line that can take a comment is as good.
    """
    lines = physical_lines(text)
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return row
    commented = {t.start[0] for t in tokens if t.type == tokenize.COMMENT}
    line = row + 1
    moved = True
    while moved:
        moved = False
        for token in tokens:
            if token.start[0] <= line < token.end[0] and token.type != tokenize.NL:
                line, moved = token.end[0], True
        continued = line < len(lines) and lines[line - 1].rstrip().endswith("\\")
        if continued and line not in commented:
            line, moved = line + 1, True
    return line - 1


def _entries_elsewhere(finding: Finding) -> list[Hop]:
    """The first hop of the finding's flows in each file other than the sink's."""
    first: dict[str, Hop] = {}
    for flow in finding.flows:
        for hop in flow:
            if hop.path != finding.path:
                first.setdefault(hop.path, hop)
    return list(first.values())


def _python_path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    if path is None or not path.endswith((".py", ".pyi")):
        return None
    return Path(path)


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def build_server(debounce: float = DEFAULT_DEBOUNCE, use_cache: bool = True) -> DevtermsServer:
    server = DevtermsServer(debounce, use_cache)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: DevtermsServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: DevtermsServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: DevtermsServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: DevtermsServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: DevtermsServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    return server


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="devterms lsp", description="Run the devterms language server on stdin/stdout.")
    parser.add_argument("--stdio", action="store_true", help="talk LSP over stdin/stdout (the default)")
    parser.add_argument("--debounce", type=float, default=DEFAULT_DEBOUNCE, metavar="SECONDS",
                        help=f"wait this long after the last edit before analysing (default {DEFAULT_DEBOUNCE})")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write .devterms_cache")
    parser.add_argument("--log-file", type=Path, metavar="FILE", help="write the server log to FILE")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    args = parser.parse_args(argv)
    handler = logging.FileHandler(args.log_file) if args.log_file else logging.StreamHandler(sys.stderr)
    logging.basicConfig(handlers=[handler], level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    if not args.verbose:  # pygls logs every JSON-RPC message at INFO
        logging.getLogger("pygls").setLevel(logging.WARNING)
    build_server(max(args.debounce, 0.0), not args.no_cache).start_io()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
