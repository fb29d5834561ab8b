"""The ``devterms`` command: ``check``, ``rules`` and ``explain``.

A thin adapter: argparse in, :mod:`devterms.frontend` for the run, a formatter out. Exit status
is 0 when clean, 1 with findings (or files that could not be analysed), 2 for usage,
configuration and rule-pack mistakes, which are printed as one ``devterms: error:`` line.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import textwrap
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from devterms import __version__
from devterms.baseline import new_findings, read_baseline, write_baseline
from devterms.config import CODE_OR_PREFIX, load_config
from devterms.discovery import explicit_files, files_under, find_root, is_excluded
from devterms.frontend import FRONTEND_RULES, analyse, build_pack, open_project, selection_for
from devterms.reading import Progress
from devterms.report import Report, formatters
from devterms.rulepack import Rule, RulePack
from devterms.ruletable import rule_table
from devterms.schema import RulePackError
from devterms.selection import Selection
from devterms.sourcetext import SourceText


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["lsp"]:  # the server parses its own options (--stdio, --debounce)
        from devterms.lsp import main as lsp_main

        return lsp_main(argv[1:])
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not hasattr(args, "run"):
            parser.print_help(sys.stderr)
            return 2
        return int(args.run(args))
    except RulePackError as exc:
        print(f"devterms: error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="devterms", description="Find social-platform data flowing into surveillance sinks.")
    parser.add_argument("--version", action="version", version=f"devterms {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    check = commands.add_parser("check", help="analyse a project and report findings")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                       help="files or folders to report on (default: .); the whole project is analysed")
    check.add_argument("--format", choices=("text", "json", "sarif", "html"), default="text")
    check.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the report to FILE")
    check.add_argument("--select", type=_codes, metavar="CODES", help="only these codes or prefixes")
    check.add_argument("--ignore", type=_codes, default=(), metavar="CODES")
    check.add_argument("--extend-select", type=_codes, default=(), metavar="CODES")
    check.add_argument("--show-suppressed", action="store_true", help="also show noqa-suppressed findings")
    check.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not in FILE")
    check.add_argument("--write-baseline", type=Path, metavar="FILE",
                       help="write every current finding to FILE (then report none of them)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.add_argument("--no-cache", action="store_true", help="do not read or write .devterms_cache")
    check.add_argument("--timeout", type=_seconds, metavar="SECONDS",
                       help="wall-clock bound of the run (default: config `timeout`, else 600); "
                            "files left unanalysed get DT000")
    check.add_argument("-j", "--jobs", type=_jobs, default=0, metavar="N",
                       help="processes reading and screening files (default 0: one per CPU)")
    _pack_options(check)
    check.set_defaults(run=run_check)

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--markdown", action="store_true", help="print README.md's rule table")
    _pack_options(rules)
    rules.set_defaults(run=run_rules)

    commands.add_parser("lsp", help="run the language server on stdin/stdout (needs devterms[lsp])")

    explain = commands.add_parser("explain", help="describe a rule and the clauses it cites")
    explain.add_argument("code", type=str.upper)
    _pack_options(explain)
    explain.set_defaults(run=run_explain)
    return parser


def _pack_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, metavar="FILE", help="read settings from FILE")
    parser.add_argument("--rules", type=Path, action="append", default=[], metavar="DIR",
                        help="an extra rule pack folder (repeatable)")


def _codes(text: str) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in text.split(",") if c.strip())
    bad = [c for c in codes if not CODE_OR_PREFIX.match(c)]
    if bad:
        raise argparse.ArgumentTypeError(f"{bad[0]!r} is not a devterms code or prefix (DT1, DT101)")
    return codes


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not seconds > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return seconds


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return jobs or os.cpu_count() or 1


def run_check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    paths = [Path(p) for p in args.paths]
    for path in paths:
        if not path.exists():
            raise RulePackError(str(path), None, None, "does not exist")
    project = open_project(paths[0], args.config, args.rules)
    extra = [f for f in explicit_files(paths) if not is_excluded(f, project.root, project.config.exclude)]
    report_on = files_under((*project.files, *extra), paths)
    selection = selection_for(project.config, Selection(args.select, args.extend_select, args.ignore))
    with _progress_bar() as progress:
        outcome = analyse(project, selection, report_on=report_on, extra_files=extra,
                          display_base=Path.cwd(), jobs=args.jobs, use_cache=not args.no_cache,
                          progress=progress, timeout=args.timeout)
    source = SourceText(Path.cwd())
    findings = list(outcome.findings)
    if args.write_baseline:
        write_baseline(args.write_baseline, findings, source)
    for baseline in (args.baseline, args.write_baseline):
        if baseline:
            findings = new_findings(findings, read_baseline(baseline), source)
    report = Report(tuple(findings), outcome.diagnostics, project.rules, project.pack, source,
                    outcome.suppressed, outcome.files, time.perf_counter() - started, args.show_suppressed)
    _emit(formatters()[args.format](report), args.output)
    failed = bool(findings or outcome.diagnostics)
    return 0 if args.exit_zero or not failed else 1


BAR_WIDTH = 30


def _emit(text: str, output: Path | None) -> None:
    """Write the report; a file name that is not UTF-8 (held as surrogate escapes) is written
    as a backslash escape, which JSON and SARIF read back as the same name."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@contextlib.contextmanager
def _progress_bar() -> Iterator[Progress | None]:
    """A progress bar on stderr for people watching a terminal; none in CI or in a pipe."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return

    def draw(stage: str, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        sys.stderr.write(f"\r\033[Kdevterms: {stage:<10} [{bar}] {done}/{total}")
        sys.stderr.flush()

    try:
        yield draw
    finally:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


def _pack(args: argparse.Namespace) -> tuple[RulePack, dict[str, Rule]]:
    config = load_config(find_root(Path.cwd()), args.config)
    pack = build_pack(config, args.rules)
    return pack, {**FRONTEND_RULES, **pack.rules}


def run_rules(args: argparse.Namespace) -> int:
    pack, rules = _pack(args)
    if args.markdown:
        print(rule_table(pack, rules.values()))
        return 0
    rows = [("CODE", "SEVERITY", "DEFAULT", "TITLE")] + [
        (r.code, r.severity, "on" if r.enabled else "off", r.title) for r in sorted(rules.values(), key=lambda r: r.code)
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[3])
    return 0


def run_explain(args: argparse.Namespace) -> int:
    pack, rules = _pack(args)
    rule = rules.get(args.code)
    if rule is None:
        raise RulePackError(args.code, None, None, "is not a rule; `devterms rules` lists them")
    print(explain_text(pack, rule), end="")
    return 0


def explain_text(pack: RulePack, rule: Rule) -> str:
    """Title, severity, description, then every clause the rule cites, with its source."""
    state = "enabled" if rule.enabled else "disabled"
    lines = [f"{rule.code} {rule.name}: {rule.title}", f"severity: {rule.severity} ({state} by default)"]
    if rule.sink_category:
        lines.append(f"sink category: {rule.sink_category}")
    lines += ["", *textwrap.wrap(rule.description, 88), ""]
    if rule.clauses:
        lines.append("Clauses:")
    for cid in rule.clauses:
        clause = pack.clauses[cid]
        platform = pack.platforms[clause.platform]
        title = {d.id: d.title for d in platform.documents}.get(clause.document, clause.document)
        lines += [f"  {clause.id}", f"    platform: {platform.name}", f"    document: {title}",
                  f"    section:  {clause.section}", f"    url:      {clause.url}",
                  *textwrap.wrap(clause.summary, 84, initial_indent="    summary:  ", subsequent_indent="              ")]
        if clause.legal_process_exception:
            lines += textwrap.wrap(clause.legal_process_exception, 84,
                                   initial_indent="    legal-process exception: ", subsequent_indent="      ")
        lines.append("")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
