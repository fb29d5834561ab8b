"""The object model: the project's functions and classes, and how methods are found.

Definitions are registered as the code defining them runs. Running that code again (the next
round, or a module run again because something it read changed) registers the same definitions
again; only a definition that really differs (another node, kind, registration or defaults)
counts as a change for the units that looked it up. Method lookup follows the bases in order
(depth first), which is Python's MRO for the single-inheritance code it is mostly used on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

import libcst as cst

from devterms.engine.module import ModuleState, Param
from devterms.engine.tracking import Tracker
from devterms.pack.types import Source
from devterms.values import Value


class Enclosing(Protocol):
    """The body a function is defined in, as its closure sees it (the interpreter's frame
    satisfies this; the object model names only what it reads, so it stays below the interpreter)."""

    function: FunctionInfo | None  # None for a module or class body, which are not closures
    env: dict[str, Value]
    parent: Enclosing | None  # the lexically enclosing body
    top: int  # the top-level statement of the module the body runs in

    def rebind_enclosed(self, name: str, value: Value) -> None: ...  # a ``nonlocal name`` written by a call


@dataclass(eq=False)
class FunctionInfo:
    """A function, method or lambda of the project, with what its definition site knew."""

    qualname: str
    node: cst.FunctionDef | cst.Lambda
    module: ModuleState
    params: list[Param]
    kind: str = "function"  # "function" | "method" | "staticmethod" | "classmethod" | "property"
    class_path: str | None = None
    defaults: dict[str, Value] = field(default_factory=dict)
    outer: Enclosing | None = None
    callback: Source | None = None  # registered so that its parameters receive platform data
    top: int = 0  # the module's top-level statement that defines it

    @property
    def short(self) -> str:
        """``fetch`` for a function, ``Scraper.fetch`` for a method."""
        return ".".join(self.qualname.split(".")[-2 if self.class_path else -1:])

    @property
    def binds_self(self) -> bool:
        return self.kind in ("method", "property", "classmethod")

    def signature(self) -> tuple[object, ...]:
        """What a summary of this function depends on besides its body's reads."""
        return (self.node, self.kind, self.class_path, self.callback.id if self.callback else None,
                tuple(sorted((k, v.shape()) for k, v in self.defaults.items())))

    def closure(self) -> tuple[object, ...]:
        """What the enclosing function's names hold, for a nested function (part of its calling
        context: each run of the enclosing function may give it other values)."""
        outer = self.outer
        if outer is None or outer.function is None:
            return ()
        return tuple(sorted((k, v.shape()) for k, v in outer.env.items()))


@dataclass(eq=False)
class ClassInfo:
    qualname: str
    module: ModuleState
    bases: list[str]
    methods: dict[str, FunctionInfo] = field(default_factory=dict)
    fields: list[str] = field(default_factory=list)  # annotated names of the class body


class Definitions:
    """Every function and class met so far, by qualified name; lookups are recorded reads."""

    def __init__(self, tracker: Tracker, roots: frozenset[str]) -> None:
        self._tracker = tracker
        self._roots = roots  # the project's top-level module names: every class path starts with one
        self._functions: dict[str, FunctionInfo] = {}
        self._classes: dict[str, ClassInfo] = {}
        self._of_module: dict[str, dict[str, FunctionInfo]] = {}
        self._subclasses: dict[str, list[str]] = {}  # base path -> classes naming it as a base

    def function(self, path: str) -> FunctionInfo | None:
        self._tracker.read(("def", path))
        return self._functions.get(path)

    def class_named(self, path: str) -> ClassInfo | None:
        self._tracker.read(("def", path))
        return self._classes.get(path)

    def functions_of(self, module: str) -> list[FunctionInfo]:
        return list(self._of_module.get(module, {}).values())

    def owner_module(self, qualname: str) -> str | None:
        info = self._functions.get(qualname)
        return info.module.name if info is not None else None

    def add_function(self, info: FunctionInfo, owner: ClassInfo | None) -> FunctionInfo:
        old = self._functions.get(info.qualname)
        if old is not None and old.signature() == info.signature():
            old.outer = info.outer  # the same definition, run again
            info = old
        else:
            self._functions[info.qualname] = info
            self._tracker.changed(("def", info.qualname))
        self._of_module.setdefault(info.module.name, {})[info.qualname] = info
        if owner is not None and isinstance(info.node, cst.FunctionDef):
            name = info.node.name.value
            if owner.methods.get(name) is not info:
                owner.methods[name] = info
                self._tracker.changed(("def", owner.qualname))
        return info

    def add_class(self, info: ClassInfo) -> ClassInfo:
        old = self._classes.get(info.qualname)
        if old is not None and (old.module, old.bases, old.fields) == (info.module, info.bases, info.fields):
            return old
        if old is not None:
            info.methods = old.methods
        self._classes[info.qualname] = info
        self._tracker.changed(("def", info.qualname))
        for base in info.bases:
            known = self._subclasses.setdefault(base, [])
            if info.qualname not in known:
                known.append(info.qualname)
                self._tracker.changed(("subclasses", base))
        return info

    def family(self, class_path: str) -> list[str]:
        """The class and every project class below it: what ``self`` may be in its methods
        when no caller is in view (a base class's template method calls the overrides)."""
        found = [class_path]
        for path in found:
            self._tracker.read(("subclasses", path))
            found.extend(s for s in self._subclasses.get(path, ()) if s not in found)
        return found

    def library_paths(self, path: str) -> list[str]:
        """What a call on a project class or its instance reaches in a library it subclasses:
        ``app.Listener().add_rules`` is ``tweepy.StreamingClient().add_rules`` when
        ``class Listener(tweepy.StreamingClient)`` does not define ``add_rules`` itself, and
        ``app.User.objects.create`` is ``django.db.models.Model.objects.create``."""
        found = self._class_prefix(path)
        if found is None:
            return []
        owner, rest = found
        name = rest.lstrip("().").split(".", 1)[0].split("(", 1)[0]
        if not name or self.method(owner, name):
            return []
        return [base + rest for base in self.library_bases(owner)]

    def model_of(self, value: Value) -> str | None:
        """The project class deriving from a library's (an ORM's model base) that ``value`` is,
        is an instance of, or hangs from (``User``, ``User()``, ``User.objects``, ``User.name``),
        also as an element of a container (``session.add_all([user, ...])``)."""
        values = [value, *(v for _, v in value.parts or ())]
        for path in sorted({p for v in values for p in v.paths}):
            found = self._class_prefix(path)
            if found is not None and self.library_bases(found[0]):
                return found[0]
        return None

    def _class_prefix(self, path: str) -> tuple[str, str] | None:
        """The longest leading name of ``path`` that is a project class, and the rest after it
        (``("app.User", "().save")`` of ``app.User().save``). A class is at least module.Class."""
        names = path.split("(", 1)[0].split(".")
        if names[0] not in self._roots:
            return None  # a library's path (most calls): no lookups, no recorded reads
        for end in range(len(names), 1, -1):
            owner = ".".join(names[:end])
            if self.class_named(owner) is not None:
                return owner, path[len(owner):]
        return None

    def library_bases(self, class_path: str) -> list[str]:
        """The bases of a project class, through its project bases, that are not the project's."""
        return [path for path in self.mro(class_path)[1:] if self.class_named(path) is None]

    def mro(self, class_path: str) -> list[str]:
        """The class and its bases, depth first (Python's MRO for single inheritance)."""
        return list(self._ancestors(class_path))

    def method(self, class_path: str, name: str) -> FunctionInfo | None:
        """The first definition of method ``name`` along the class's :meth:`mro`."""
        for path in self._ancestors(class_path):
            info = self.class_named(path)
            if info is not None and name in info.methods:
                return info.methods[name]
        return None

    def _ancestors(self, class_path: str) -> Iterator[str]:
        """:meth:`mro`, one class at a time and each once, so that a cycle of bases ends."""
        seen: set[str] = set()
        stack = [class_path]
        while stack:
            path = stack.pop()
            if path in seen:
                continue
            seen.add(path)
            yield path
            info = self.class_named(path)
            stack.extend(reversed(info.bases) if info is not None else ())
