"""The names of one body of code, the bottom layer of the interpreter.

:class:`Names` holds what a body being run (a module, a class body or a function) knows: its
local environment, the bodies enclosing it, its ``global`` and ``nonlocal`` declarations and
the tests of the ``if`` statements it is inside; and it looks names up and binds them (locals,
closures, the module's and classes' globals on the heap). The layers above add what running
code does with names: :mod:`.assignment`, :mod:`.expressions`, :mod:`.branches`, :mod:`.frame`.
"""

from __future__ import annotations

import libcst as cst

from devterms.engine.module import ModuleState
from devterms.engine.objects import ClassInfo, Enclosing, FunctionInfo
from devterms.engine.protocols import Run
from devterms.engine.steps import Step
from devterms.engine.summaries import Summary
from devterms.values import NOTHING, Value, join


class Names:
    def __init__(
        self,
        run: Run,
        module: ModuleState,
        qualname: str,
        *,
        function: FunctionInfo | None = None,
        class_info: ClassInfo | None = None,
        summary: Summary | None = None,
        env: dict[str, Value] | None = None,
        parent: Enclosing | None = None,
    ) -> None:
        self.run = run
        self.module = module
        self.qualname = qualname
        self.function = function
        self.class_info = class_info
        self.summary = summary
        self.env: dict[str, Value] = env if env is not None else {}
        self.parent: Enclosing | None = parent  # the lexically enclosing frame, for closures
        self.globals: set[str] = set()
        self.nonlocals: set[str] = set()  # names bound in an enclosing function
        self.guard = NOTHING  # what the tests of the enclosing ifs inferred about platform data
        self.top: int = function.top if function is not None else parent.top if parent is not None else 0

    def step(self, node: cst.CSTNode, note: str) -> Step:
        return Step(self.module, node, note, self.top)

    @property
    def is_module(self) -> bool:
        return self.function is None and self.class_info is None

    def lookup(self, name: str) -> Value:
        if name in self.env and name not in self.globals and name not in self.nonlocals:
            return self.env[name]
        frame = self.parent
        while frame is not None:  # enclosing functions; class bodies are not scopes for them
            if frame.function is not None and name in frame.env:
                return frame.env[name]
            frame = frame.parent
        stored = self.run.heap.get(f"{self.module.name}.{name}")
        if stored is not None:
            return stored
        if name == "__file__":
            return Value(text=self.module.file)
        return Value(frozenset({name}))  # a builtin, or a name we cannot see

    def bind(self, name: str, value: Value, imported: bool = False) -> None:
        """``imported``: the name of an import, which follows what the module it names holds."""
        if imported and self.is_module and name not in self.globals:
            self.run.heap.rebind(f"{self.module.name}.{name}", value)
            self.env[name] = value
            return
        if name in self.nonlocals:  # the enclosing function's name: its callers see it change
            if self.summary is not None:
                self.summary.nonlocal_writes[name] = join(self.summary.nonlocal_writes.get(name, NOTHING), value)
            return
        if self.class_info is not None:
            self.run.heap.store(f"{self.class_info.qualname}.{name}", value)
        elif self.is_module or name in self.globals:
            self.run.heap.store(f"{self.module.name}.{name}", value)
            if name in self.globals:
                return
        self.env[name] = value

    def rebind_enclosed(self, name: str, value: Value) -> None:
        """A nested function assigned ``nonlocal name``: the nearest enclosing function holding it."""
        frame: Enclosing | None = self
        while frame is not None:
            if frame.function is not None and name in frame.env:
                frame.env[name] = join(frame.env[name], value)
                return
            frame = frame.parent

    def returns(self, value: Value) -> None:
        if self.summary is not None:
            self.summary.ret = join(self.summary.ret, value)
