"""The flake8 adapter, in the shape of flake8's own pyflakes plugin.

flake8 hands over one file at a time, but flows cross files, so each file is checked as part of
its whole project (see :mod:`devterms.flake8_session`, which does the project-wide work once per
process). flake8's own ``--select``/``--extend-select``/``--ignore`` decide which codes are
reported, as for any plugin; rules that are off by default (DT102) are added to flake8's default
ignore list, so naming them turns them on. When flake8 selects no DT code the plugin does nothing.

This module is imported by every flake8 run, DT selected or not, so it imports nothing heavy.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

from devterms import __version__

Violation = tuple[int, int, str, type]
_ANY_PACK_CODE = "DT999"  # stands for the codes of extra rule packs when asking flake8's selection


class DevtermsChecker:
    name = "devterms"
    version = __version__

    config_file: ClassVar[Path | None] = None
    extra_rules: ClassVar[tuple[Path, ...]] = ()
    use_cache: ClassVar[bool] = True
    selected: ClassVar[Callable[[str], bool]] = staticmethod(lambda code: True)
    checked: ClassVar[tuple[Path, ...]] = ()  # the paths flake8 was given
    active: ClassVar[bool] = True  # whether flake8 selects any DT code at all

    def __init__(self, tree: ast.AST, filename: str, lines: Sequence[str]) -> None:
        self.filename = filename
        self.lines = lines

    @classmethod
    def add_options(cls, manager: Any) -> None:
        manager.add_option("--devterms-config", parse_from_config=True, normalize_paths=True,
                           default=None, help="devterms settings file (default: pyproject.toml)")
        manager.add_option("--devterms-rules", parse_from_config=True, normalize_paths=True,
                           comma_separated_list=True, default=[], help="extra devterms rule pack folders")
        manager.add_option("--devterms-no-cache", parse_from_config=True, action="store_true",
                           default=False, help="do not use devterms' on-disk analysis cache")
        from devterms.pack.load import off_by_default

        manager.extend_default_ignore(off_by_default())

    @classmethod
    def parse_options(cls, options: Any) -> None:
        cls.config_file = Path(options.devterms_config) if options.devterms_config else None
        cls.extra_rules = tuple(Path(p) for p in options.devterms_rules or ())
        cls.use_cache = not options.devterms_no_cache
        cls.checked = _checked_paths(options)
        if hasattr(options, "select"):  # a real flake8 run (unit tests pass bare namespaces)
            from flake8.style_guide import Decision, DecisionEngine

            decisions = DecisionEngine(options)
            cls.selected = staticmethod(lambda code: decisions.decision_for(code) is Decision.Selected)
        from devterms.pack.load import default_switches

        cls.active = any(cls.selected(code) for code in (*default_switches(), _ANY_PACK_CODE))
        if cls.active and cls.checked:
            from devterms.flake8_session import prepare

            prepare(cls._settings())

    @classmethod
    def _settings(cls) -> Any:
        from devterms.flake8_session import Settings

        return Settings(cls.config_file, cls.extra_rules, cls.use_cache, cls.selected, cls.checked)

    def run(self) -> Iterator[Violation]:
        if not self.active:
            return
        from devterms.flake8_session import violations

        for line, column, text in violations(self.filename, "".join(self.lines), self._settings()):
            yield line, column, text, type(self)


def _checked_paths(options: Any) -> tuple[Path, ...]:
    """The files and folders flake8 checks: what it was given, with code on stdin standing for
    the file ``--stdin-display-name`` names (an editor's buffer on save)."""
    named = list(getattr(options, "filenames", None) or ())
    if "-" in named:
        shown = getattr(options, "stdin_display_name", "stdin")
        named = [p for p in named if p != "-"] + ([shown] if shown and shown != "stdin" else [])
    return tuple(Path(p).resolve() for p in named)
