"""The project as the engine sees it: its modules, their names and their imports.

Module names follow what ``import`` would find from the project root (with ``src/`` layouts
and script folders that import their siblings). Imports are found textually, without parsing,
so that :func:`devterms.checker.check_project` can decide which modules to parse: those naming
a source or a sink, the ones a flow reaches, and the importers of modules platform data leaves.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

_IMPORT_LINE = re.compile(
    r"^[ \t]*(?:from[ \t]+(?P<from>\.*[\w.]*)[ \t]+import[ \t]+(?P<names>[^#\n]+)"
    r"|import[ \t]+(?P<modules>[^#\n]+))",
    re.M,
)


@dataclass
class SourceFile:
    path: Path
    name: str          # dotted module name
    display: str       # the path as reported
    read: Callable[[], str]  # the text; read when first needed (a screen may come from an index)
    is_package: bool
    names: frozenset[str] = frozenset()  # what the pre-screen saw: "source", "scraper", "sink"
    imports: set[str] = field(default_factory=set)

    @property
    def package(self) -> str:
        return self.name if self.is_package else self.name.rpartition(".")[0]

    @functools.cached_property
    def text(self) -> str:
        return self.read()


def module_name(path: Path, root: Path) -> tuple[str, bool]:
    """Dotted name of a file below ``root`` (``src/`` stripped), and whether it is a package."""
    relative = _below(path, root) or _below(path.resolve(), root.resolve()) or Path(path.name)
    parts = list(relative.with_suffix("").parts)
    if parts and parts[0] == "src" and len(parts) > 1:
        parts = parts[1:]
    is_package = bool(parts) and parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join(parts) or "__init__", is_package


def _below(path: Path, root: Path) -> Path | None:
    """``path`` relative to ``root`` as written (Python names modules by the path it imports
    them from, so a link inside the project keeps its own name), or None if not below it."""
    try:
        return path.relative_to(root) if ".." not in path.parts else None
    except ValueError:
        return None


class ModuleGraph:
    """The project's modules by name and what each imports: how the engine finds the module an
    import names and the modules that import a given one (the project as configured, with its
    root and rule pack, is :class:`devterms.project.Project`)."""

    def __init__(self, files: Iterable[SourceFile], scan: bool = True) -> None:
        """``scan=False`` leaves each file's ``imports`` to :meth:`scan_imports` (a warm run
        asks only about the files that changed)."""
        self.files = {f.name: f for f in _unique_names(files)}
        if scan:
            for f in self.files.values():
                f.imports = self.scan_imports(f)

    def resolve_module(self, name: str, importer: SourceFile) -> str | None:
        """The project module an absolute import names, trying the importer's folders too."""
        folder = importer.package
        candidates = [name]
        while folder:
            candidates.append(f"{folder}.{name}")
            folder = folder.rpartition(".")[0]
        for candidate in candidates:
            if candidate in self.files:
                return candidate
        return None

    def absolute(self, module: str, level: int, importer: SourceFile) -> str:
        """Resolve ``from <level dots><module>`` relative to the importer's package."""
        if level == 0:
            return module
        base = importer.package.split(".") if importer.package else []
        base = base[: len(base) - (level - 1)] if level > 1 else base
        return ".".join([*base, module] if module else base)

    def importers_of(self, names: set[str]) -> set[str]:
        """Project modules that import one of ``names`` directly."""
        return {f.name for f in self.files.values() if f.imports & names}

    def scan_imports(self, f: SourceFile) -> set[str]:
        """The project modules ``f``'s import lines name (found in its text, not parsed)."""
        found: set[str] = set()
        for match in _IMPORT_LINE.finditer(f.text):
            if match["from"] is not None:
                dots = len(match["from"]) - len(match["from"].lstrip("."))
                base = self.absolute(match["from"].lstrip("."), dots, f)
                names = [n.split(" as ")[0].strip(" ()\\") for n in match["names"].split(",")]
                targets = [f"{base}.{n}" if base else n for n in names if n] + [base]
            else:
                targets = [m.split(" as ")[0].strip() for m in match["modules"].split(",")]
            for target in targets:
                resolved = self.resolve_module(target, f) if target else None
                if resolved and resolved != f.name:
                    found.add(resolved)
        return found


def _unique_names(files: Iterable[SourceFile]) -> list[SourceFile]:
    """Two files with one module name (two scripts folders, say): keep both, renamed apart."""
    seen: dict[str, int] = {}
    unique = []
    for source in files:
        count = seen.get(source.name, 0)
        seen[source.name] = count + 1
        if count:
            source.name = f"{source.name}__{count}"
        unique.append(source)
    return unique
