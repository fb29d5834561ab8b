"""Abstract interpretation of one body of code: a module, a class body or a function.

Statements run in order with strong updates of local names; the branches of ``if``/``try``/
``match`` run on copies of the environment that are joined afterwards, and loop bodies run until
the environment stops changing (at most :data:`LOOP_ROUNDS` times). Every expression evaluates
to a :class:`~devterms.values.Value` (see :mod:`devterms.engine.expressions`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import libcst as cst

from devterms.engine.expressions import Expressions, element, inferences
from devterms.engine.module import ModuleState
from devterms.engine.objects import ClassInfo, FunctionInfo
from devterms.engine.protocols import Run
from devterms.engine.steps import Step
from devterms.engine.summaries import Summary
from devterms.values import HOLE, MAX_PARTS, NOTHING, Value, concat_text, join, merge_traces

LOOP_ROUNDS = 3


class Frame(Expressions):
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
        parent: Frame | None = None,
    ) -> None:
        self.run = run
        self.module = module
        self.qualname = qualname
        self.function = function
        self.class_info = class_info
        self.summary = summary
        self.env: dict[str, Value] = env if env is not None else {}
        self.parent = parent  # the lexically enclosing frame, for closures
        self.globals: set[str] = set()
        self.nonlocals: set[str] = set()  # names bound in an enclosing function
        self.guard = NOTHING  # what the tests of the enclosing ifs inferred about platform data
        self.top: int = function.top if function is not None else parent.top if parent is not None else 0

    def step(self, node: cst.CSTNode, note: str) -> Step:
        return Step(self.module, node, note, self.top)

    def run_module(self) -> None:
        """The module's top level, statement by statement (each numbered for its steps)."""
        for index, statement in enumerate(self.module.tree.body):
            self.top = index
            self.run.tick()
            self.statement(statement)

    # ------------------------------------------------------------------ names

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

    # ------------------------------------------------------------- statements

    def run_block(self, body: Sequence[cst.CSTNode]) -> None:
        for statement in body:
            self.run.tick()
            self.statement(statement)

    def statement(self, node: cst.CSTNode) -> None:
        handler = getattr(self, "stmt_" + type(node).__name__, None)
        if handler is not None:
            handler(node)
        else:
            self.unknown(node)

    def body_of(self, node: cst.CSTNode) -> Sequence[cst.CSTNode]:
        if isinstance(node, (cst.IndentedBlock, cst.SimpleStatementSuite)):
            return node.body
        if isinstance(node, (cst.Else, cst.Finally)):
            return self.body_of(node.body)
        return [node]

    def stmt_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self.run_block(node.body)

    def stmt_Expr(self, node: cst.Expr) -> None:
        if not isinstance(node.value, (cst.SimpleString, cst.ConcatenatedString)):  # a docstring
            self.eval(node.value)

    def stmt_Assign(self, node: cst.Assign) -> None:
        pairs = _literal_pairs(node)
        if pairs is not None:  # a, b = x, y
            values = [self.eval(v) for _, v in pairs]
            for (target, _), value in zip(pairs, values):
                self.assign(target, value, node)
            return
        value = self.eval(node.value)
        for assigned in node.targets:
            self.assign(assigned.target, value, node)

    def stmt_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self.assign(node.target, self.eval(node.value), node)

    def stmt_AugAssign(self, node: cst.AugAssign) -> None:
        old, new = self.eval(node.target), self.eval(node.value)
        value = join(old, new)
        if isinstance(node.operator, cst.AddAssign):
            value = value.with_text(concat_text([old.text, new.text]))
        self.assign(node.target, value, node)

    def stmt_Return(self, node: cst.Return) -> None:
        if node.value is not None:
            self.returns(self.eval(node.value))

    def stmt_Global(self, node: cst.Global) -> None:
        self.globals.update(n.name.value for n in node.names)

    def stmt_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.nonlocals.update(n.name.value for n in node.names)

    def rebind_enclosed(self, name: str, value: Value) -> None:
        """A nested function assigned ``nonlocal name``: the nearest enclosing function holding it."""
        frame: Frame | None = self
        while frame is not None:
            if frame.function is not None and name in frame.env:
                frame.env[name] = join(frame.env[name], value)
                return
            frame = frame.parent

    def stmt_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            dotted = _dotted(alias.name)
            resolved = self.run.resolve_module(dotted, self.module) or dotted
            if alias.asname is not None:
                self.bind(_name_of(alias.asname.name), Value(frozenset({resolved})))
            else:
                top = dotted.split(".")[0]
                self.bind(top, Value(frozenset({self.run.resolve_module(top, self.module) or top})))

    def stmt_ImportFrom(self, node: cst.ImportFrom) -> None:
        level = len(node.relative)
        module = _dotted(node.module) if node.module is not None else ""
        base = self.run.absolute(module, level, self.module)
        if level == 0:
            base = self.run.resolve_module(base, self.module) or base
        if isinstance(node.names, cst.ImportStar):  # the public globals the module has bound
            for key in self.run.heap.keys_of(base):
                name = key[len(base) + 1:]
                if not name.startswith("_"):
                    self.bind(name, self.run.deref(Value(frozenset({key}))), imported=True)
            return
        for alias in node.names:
            name = _dotted(alias.name)
            local = _name_of(alias.asname.name) if alias.asname else name
            path = f"{base}.{name}" if base else name
            self.bind(local, self.run.deref(Value(frozenset({path}))), imported=True)

    stmt_LazyImport = stmt_Import  # lazy imports bind the same names
    stmt_LazyImportFrom = stmt_ImportFrom

    def stmt_TypeAlias(self, node: cst.CSTNode) -> None:
        return None  # a type, not data

    def stmt_If(self, node: cst.If) -> None:
        test = inferences(self.eval(node.test))
        branches = [self.body_of(node.body)]
        if isinstance(node.orelse, cst.If):
            branches.append([node.orelse])
        elif node.orelse is not None:
            branches.append(self.body_of(node.orelse))
        else:
            branches.append([])
        outer = self.guard
        self.guard = join(outer, test)
        try:
            self.run_branches(branches)
        finally:
            self.guard = outer

    def stmt_For(self, node: cst.For) -> None:
        items = element(self.eval(node.iter))
        self.loop(lambda: self.assign(node.target, items, node), self.body_of(node.body))
        if node.orelse is not None:
            self.run_block(self.body_of(node.orelse))

    def stmt_While(self, node: cst.While) -> None:
        self.loop(lambda: self.eval(node.test), self.body_of(node.body))
        if node.orelse is not None:
            self.run_block(self.body_of(node.orelse))

    def stmt_Try(self, node: cst.Try | cst.TryStar) -> None:
        before = dict(self.env)
        self.run_block(self.body_of(node.body))
        if node.orelse is not None:
            self.run_block(self.body_of(node.orelse))
        outcomes = [self.env]
        for handler in node.handlers:  # an exception may come at any point of the body
            self.env = _join_envs([before, outcomes[0]])
            self.run_block(self.body_of(handler.body))
            outcomes.append(self.env)
        self.env = _join_envs(outcomes)
        if node.finalbody is not None:
            self.run_block(self.body_of(node.finalbody))

    stmt_TryStar = stmt_Try

    def stmt_With(self, node: cst.With) -> None:
        for item in node.items:
            value = self.eval(item.item)
            if item.asname is not None:
                self.assign(item.asname.name, value, node)
        self.run_block(self.body_of(node.body))

    def stmt_Match(self, node: cst.Match) -> None:
        subject = self.eval(node.subject).data_only()
        branches = []
        for case in node.cases:
            captured = [n.value for n in _walk_names(case.pattern)]
            branches.append((captured, list(self.body_of(case.body))))
        before = dict(self.env)
        results = []
        for captured, body in branches:
            self.env = dict(before)
            for name in captured:
                self.bind(name, subject)
            self.run_block(body)
            results.append(self.env)
        self.env = _join_envs([before, *results])

    def stmt_FunctionDef(self, node: cst.FunctionDef) -> None:
        registered_by = [p for d in node.decorators for p in self.eval(d.decorator).paths]
        info = self.run.define_function(self, node, registered_by)
        self.bind(node.name.value, Value(frozenset({info.qualname})))

    def stmt_ClassDef(self, node: cst.ClassDef) -> None:
        bases = [p for arg in node.bases for p in self.eval(arg.value).paths]
        info = self.run.define_class(self, node, bases)
        body = Frame(self.run, self.module, info.qualname, class_info=info, parent=self)
        body.run_block(self.body_of(node.body))
        self.bind(node.name.value, Value(frozenset({info.qualname})))

    def stmt_Del(self, node: cst.Del) -> None:
        return None

    def stmt_Pass(self, node: cst.CSTNode) -> None:
        return None

    stmt_Break = stmt_Continue = stmt_Raise = stmt_Assert = stmt_Pass

    def run_branches(self, branches: Sequence[Sequence[cst.CSTNode]]) -> None:
        before = dict(self.env)
        results = []
        for body in branches:
            self.env = dict(before)
            self.run_block(body)
            results.append(self.env)
        self.env = _join_envs(results)

    def loop(self, head: Callable[[], object], body: Sequence[cst.CSTNode]) -> None:
        for _ in range(LOOP_ROUNDS):
            before = dict(self.env)
            head()
            self.run_block(body)
            self.env = _join_envs([before, self.env])
            if _env_shape(self.env) == _env_shape(before):
                break

    def returns(self, value: Value) -> None:
        if self.summary is not None:
            self.summary.ret = join(self.summary.ret, value)

    # ------------------------------------------------------------ assignment

    def assign(self, target: cst.BaseExpression, value: Value, at: cst.CSTNode) -> None:
        value = self.guarded(value, self.guard)
        if isinstance(target, cst.Name):
            if value.traces:
                value = value.with_step(self.step(at, f"assigned to `{target.value}`"))
            self.bind(target.value, value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            exact = value.parts is not None and len(value.parts) == len(target.elements) and not any(
                isinstance(e, cst.StarredElement) for e in target.elements)
            for i, item in enumerate(target.elements):
                part = value.part(str(i)) if exact else None
                self.assign(item.value, part if part is not None else element(value), at)
        elif isinstance(target, cst.StarredElement):
            self.assign(target.value, element(value), at)
        elif isinstance(target, cst.Attribute):
            owner = self.eval(target.value)
            self.run.store_attribute(self, owner, target.attr.value, value)
            if not self.run.holds_fields(owner):  # a project object keeps it in that field only
                self.taint_container(target.value, value)
        elif isinstance(target, cst.Subscript):
            keys = [self.eval(s.slice.value).text for s in target.slice if isinstance(s.slice, cst.Index)]
            if isinstance(target.value, cst.Name) and len(target.slice) == len(keys) == 1 \
                    and keys[0] is not None and HOLE not in keys[0]:
                self._store_key(target.value.value, keys[0], value)
            else:
                self.taint_container(target.value, value)

    def _store_key(self, name: str, key: str, value: Value) -> None:
        """``d["k"] = v``: ``d["k"]`` is ``v`` from now on, while ``d`` as a whole holds what
        it held and ``v``'s data (a message's ``To`` header, a config dict's entries)."""
        old = self.lookup(name)
        parts = tuple((k, v) for k, v in old.parts or () if k != key)
        kept = (*parts, (key, value)) if len(parts) < MAX_PARTS else None
        data = self.guarded(value, self.guard).data_only() if value.tainted else NOTHING
        self.bind(name, Value(old.paths, merge_traces((*old.traces, *data.traces)), old.text, kept))

    def replace_data(self, target: cst.BaseExpression, value: Value) -> None:
        """A cursor that ran a new query holds that query's rows only (for a local name; other
        targets can be shared, so they only gain the data)."""
        if isinstance(target, cst.Name):
            old = self.lookup(target.value)
            self.bind(target.value, Value(old.paths, value.traces, old.text))
        else:
            self.taint_container(target, value)

    def taint_container(self, target: cst.BaseExpression, value: Value) -> None:
        """``x[k] = v``, ``x.append(v)``: the container now holds ``v``'s data too."""
        if not value.tainted:
            return
        value = self.guarded(value, self.guard)
        if isinstance(target, cst.Name):
            self.bind(target.value, _filled(self.lookup(target.value), value))
        elif isinstance(target, (cst.Attribute, cst.Subscript)):
            owner_expr = target.value
            if isinstance(target, cst.Attribute):
                owner = self.eval(owner_expr)
                self.run.store_attribute(self, owner, target.attr.value, value.data_only())
                if self.run.holds_fields(owner):
                    return
            self.taint_container(owner_expr, value)


def _filled(container: Value, value: Value) -> Value:
    """A container that ``value``'s data went into by an unknown key: each element it keeps
    apart may hold the data now, but keeps its text (a message's ``To`` after ``set_content``)."""
    if container.parts is None:
        return join(container, value.data_only())
    parts = tuple((k, Value(v.paths, merge_traces((*v.traces, *value.traces)), v.text, v.parts))
                  for k, v in container.parts)
    return Value(container.paths, merge_traces((*container.traces, *value.traces)), container.text, parts)


def _literal_pairs(node: cst.Assign) -> list[tuple[cst.BaseExpression, cst.BaseExpression]] | None:
    if len(node.targets) != 1:
        return None
    target, value = node.targets[0].target, node.value
    if not isinstance(target, (cst.Tuple, cst.List)) or not isinstance(value, (cst.Tuple, cst.List)):
        return None
    if len(target.elements) != len(value.elements) or any(
        isinstance(e, cst.StarredElement) for e in (*target.elements, *value.elements)
    ):
        return None
    return [(t.value, v.value) for t, v in zip(target.elements, value.elements)]


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _name_of(node: cst.BaseExpression) -> str:
    return node.value if isinstance(node, cst.Name) else _dotted(node)


def _walk_names(node: cst.CSTNode) -> list[cst.Name]:
    found = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.MatchAs) and current.name is not None:
            found.append(current.name)
        elif isinstance(current, cst.MatchStar) and current.name is not None:
            found.append(current.name)
        stack.extend(current.children)
    return found


def _join_envs(envs: Sequence[dict[str, Value]]) -> dict[str, Value]:
    merged: dict[str, Value] = {}
    for env in envs:
        for name, value in env.items():
            merged[name] = join(merged[name], value) if name in merged else value
    return merged


def _env_shape(env: dict[str, Value]) -> dict[str, tuple[object, ...]]:
    return {k: v.shape() for k, v in env.items()}
