"""The engine stays in layers with one direction, in files small enough to read whole.

Every import between engine modules counts, at module level or inside a function. A cycle means
two modules can only be understood together, so the graph must have none; imports under
``if TYPE_CHECKING:`` never run, yet a cycle through them is still a lower layer naming an upper
one, so they are checked on their own too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parent.parent / "src" / "devterms" / "engine"
PACKAGE = "devterms.engine"
MAX_LINES = 300


def _module_name(path: Path) -> str:
    return PACKAGE if path.name == "__init__.py" else f"{PACKAGE}.{path.stem}"


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imported(tree: ast.AST, importer: str, known: set[str], type_checking: bool) -> set[str]:
    """The engine modules ``tree`` imports; those under ``if TYPE_CHECKING:`` if ``type_checking``."""
    found: set[str] = set()
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if not type_checking and isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the importer's package
                package = importer if importer == PACKAGE else importer.rsplit(".", 1)[0]
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # from pkg import module
        stack.extend(ast.iter_child_nodes(node))
    return {name for name in found if name in known and name != importer}


def _import_graph(type_checking: bool = False) -> dict[str, set[str]]:
    paths = sorted(ENGINE.glob("*.py"))
    known = {_module_name(path) for path in paths}
    return {_module_name(path): _imported(ast.parse(path.read_text(encoding="utf-8")), _module_name(path), known,
                                          type_checking)
            for path in paths}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as the list of modules along it, first repeated at the end."""
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        path, on_path = [start], {start}
        stack = [(start, iter(sorted(graph[start])))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                on_path.discard(node)
                done.add(node)
            elif child in on_path:
                return path[path.index(child):] + [child]
            elif child not in done:
                stack.append((child, iter(sorted(graph[child]))))
                path.append(child)
                on_path.add(child)
    return None


@pytest.mark.parametrize("type_checking", [False, True], ids=["imports", "with-type-checking-imports"])
def test_engine_imports_have_no_cycle(type_checking: bool) -> None:
    graph = _import_graph(type_checking)
    assert len(graph) > 1 and any(graph.values())
    cycle = _cycle(graph)
    if cycle is not None:
        print(" -> ".join(cycle))
    assert cycle is None, "import cycle among engine modules: " + " -> ".join(cycle or [])


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_engine_files_are_short() -> None:
    lengths = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in ENGINE.glob("*.py")}
    too_long = {name: count for name, count in sorted(lengths.items()) if count >= MAX_LINES}
    assert not too_long, f"engine files of {MAX_LINES} lines or more: {too_long}"
