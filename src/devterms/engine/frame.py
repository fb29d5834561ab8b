"""Abstract interpretation of one body of code: a module, a class body or a function.

Statements run in order with strong updates of local names; the branches of ``if``/``try``/
``match`` run on copies of the environment that are joined afterwards, and loop bodies run until
the environment stops changing (at most :data:`LOOP_ROUNDS` times). Every expression evaluates
to a :class:`~devterms.values.Value`. Node types without a handler evaluate their child
expressions and join them, which over-approximates the flow; ``DEVTERMS_STRICT=1`` (set by the
test suite) turns that fallback into an error so no construct is ignored by accident.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import libcst as cst

from devterms.engine.module import ModuleState, decorator_names, parameters
from devterms.engine.state import ClassInfo, FunctionInfo, Param, Summary
from devterms.values import HOLE, NOTHING, Value, concat_text, container, interleave, join

if TYPE_CHECKING:
    from devterms.engine.run import ProjectRun

LOOP_ROUNDS = 3
STRICT = os.environ.get("DEVTERMS_STRICT") == "1"
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXoeEgGca%]")
_FORMAT_FIELD = re.compile(r"\{[^{}]*\}")
_BLOCK_KEYS = ("body", "orelse", "finalbody")


class UnknownNode(Exception):
    """Raised in strict mode for a syntax node the interpreter has no handler for."""


class Frame:
    def __init__(
        self,
        run: ProjectRun,
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

    # ------------------------------------------------------------------ names

    @property
    def is_module(self) -> bool:
        return self.function is None and self.class_info is None

    def lookup(self, name: str) -> Value:
        if name in self.env and name not in self.globals:
            return self.env[name]
        frame = self.parent
        while frame is not None:  # enclosing functions; class bodies are not scopes for them
            if frame.function is not None and name in frame.env:
                return frame.env[name]
            frame = frame.parent
        stored = self.run.heap.get(f"{self.module.name}.{name}")
        if stored is not None:
            return stored
        return Value(frozenset({name}))  # a builtin, or a name we cannot see

    def bind(self, name: str, value: Value) -> None:
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
            self.visit_children(node)

    def body_of(self, node: cst.CSTNode) -> Sequence[cst.CSTNode]:
        if isinstance(node, (cst.IndentedBlock, cst.SimpleStatementSuite)):
            return node.body
        if isinstance(node, (cst.Else, cst.Finally)):
            return self.body_of(node.body)
        return [node]

    def stmt_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self.run_block(node.body)

    def stmt_Expr(self, node: cst.Expr) -> None:
        self.eval(node.value)

    def stmt_Assign(self, node: cst.Assign) -> None:
        pairs = _literal_pairs(node)
        if pairs is not None:  # a, b = x, y
            values = [self.eval(v) for _, v in pairs]
            for (target, _), value in zip(pairs, values):
                self.assign(target, value, node)
            return
        value = self.eval(node.value)
        for target in node.targets:
            self.assign(target.target, value, node)

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

    stmt_Nonlocal = stmt_Global

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
        base = self.run.project.absolute(module, level, self.module.source)
        if level == 0:
            base = self.run.resolve_module(base, self.module) or base
        if isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            name = _dotted(alias.name)
            local = _name_of(alias.asname.name) if alias.asname else name
            path = f"{base}.{name}" if base else name
            self.bind(local, self.run.deref(Value(frozenset({path}))))

    def stmt_If(self, node: cst.If) -> None:
        self.eval(node.test)
        branches = [self.body_of(node.body)]
        if isinstance(node.orelse, cst.If):
            branches.append([node.orelse])
        elif node.orelse is not None:
            branches.append(self.body_of(node.orelse))
        else:
            branches.append([])
        self.run_branches(branches)

    def stmt_For(self, node: cst.For) -> None:
        items = _element(self.eval(node.iter))
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

    def loop(self, head, body: Sequence[cst.CSTNode]) -> None:  # type: ignore[no-untyped-def]
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
        if isinstance(target, cst.Name):
            if value.traces:
                value = value.with_hop(self.module.hop(at, f"assigned to `{target.value}`"))
            self.bind(target.value, value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            exact = value.parts is not None and len(value.parts) == len(target.elements) and not any(
                isinstance(e, cst.StarredElement) for e in target.elements)
            for i, element in enumerate(target.elements):
                part = value.part(str(i)) if exact else None
                self.assign(element.value, part if part is not None else _element(value), at)
        elif isinstance(target, cst.StarredElement):
            self.assign(target.value, _element(value), at)
        elif isinstance(target, cst.Attribute):
            owner = self.eval(target.value)
            self.run.store_attribute(self, owner, target.attr.value, value)
            self.taint_container(target.value, value)
        elif isinstance(target, cst.Subscript):
            self.eval(target.slice[0].slice) if target.slice else None
            self.taint_container(target.value, value)

    def taint_container(self, target: cst.BaseExpression, value: Value) -> None:
        """``x[k] = v``, ``x.append(v)``: the container now holds ``v``'s data too."""
        if not value.tainted:
            return
        if isinstance(target, cst.Name):
            old = self.lookup(target.value)
            self.bind(target.value, join(old, value.data_only()))
        elif isinstance(target, (cst.Attribute, cst.Subscript)):
            owner_expr = target.value
            if isinstance(target, cst.Attribute):
                owner = self.eval(owner_expr)
                self.run.store_attribute(self, owner, target.attr.value, value.data_only())
            self.taint_container(owner_expr, value)

    # ------------------------------------------------------------ expressions

    def eval(self, node: cst.BaseExpression) -> Value:
        handler = getattr(self, "expr_" + type(node).__name__, None)
        if handler is None:
            return self.visit_children(node)
        return handler(node)

    def visit_children(self, node: cst.CSTNode) -> Value:
        if STRICT and not isinstance(node, _QUIET_NODES):
            raise UnknownNode(type(node).__name__)
        values = []
        for child in node.children:
            if isinstance(child, cst.BaseExpression):
                values.append(self.eval(child))
            elif isinstance(child, (cst.BaseSmallStatement, cst.BaseCompoundStatement)):
                self.statement(child)
            else:
                values.append(self.visit_children(child) if child.children else NOTHING)
        return join(*values)

    def expr_Name(self, node: cst.Name) -> Value:
        if node.value in ("True", "False", "None"):
            return NOTHING
        return self.lookup(node.value)

    def expr_Attribute(self, node: cst.Attribute) -> Value:
        return self.run.load_attribute(self, self.eval(node.value), node.attr.value, node)

    def expr_Call(self, node: cst.Call) -> Value:
        return self.run.calls.call(self, node)

    def expr_Subscript(self, node: cst.Subscript) -> Value:
        keys = []
        for element in node.slice:
            if isinstance(element.slice, cst.Index):
                index = element.slice.value
                keys.append(index.value if isinstance(index, cst.Integer) else self.eval(index).text)
        base = self.eval(node.value)
        if len(keys) == 1 and keys[0] is not None:
            part = base.part(keys[0])
            if part is not None:
                return part
        return base.data_only()

    def expr_SimpleString(self, node: cst.SimpleString) -> Value:
        try:
            value = node.evaluated_value
        except Exception:  # noqa: BLE001 - odd escapes in old code: the text is just unknown
            return NOTHING
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        return Value(text=text.replace(HOLE, "")[:512])

    def expr_ConcatenatedString(self, node: cst.ConcatenatedString) -> Value:
        left, right = self.eval(node.left), self.eval(node.right)
        return join(left, right).with_text(concat_text([left.text, right.text]))

    def expr_FormattedString(self, node: cst.FormattedString) -> Value:
        texts: list[str | None] = []
        values = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                texts.append(part.value)
            else:
                value = self.eval(part.expression)
                values.append(value.data_only())
                texts.append(value.text)
        return join(*values).with_text(concat_text(texts))

    def expr_BinaryOperation(self, node: cst.BinaryOperation) -> Value:
        left, right = self.eval(node.left), self.eval(node.right)
        data = join(left.data_only(), right.data_only())
        if isinstance(node.operator, cst.Add):
            return data.with_text(concat_text([left.text, right.text]))
        if isinstance(node.operator, cst.Modulo) and left.text is not None:
            return data.with_text(concat_text([_PERCENT_FIELD.sub(HOLE, left.text)]))
        if isinstance(node.operator, cst.Divide) and (left.text is not None or left.paths):
            return Value(left.paths, data.traces, concat_text([left.text, "/", right.text]))
        return data

    def expr_UnaryOperation(self, node: cst.UnaryOperation) -> Value:
        value = self.eval(node.expression)
        return NOTHING if isinstance(node.operator, cst.Not) else value.data_only()

    def expr_BooleanOperation(self, node: cst.BooleanOperation) -> Value:
        return join(self.eval(node.left), self.eval(node.right))

    def expr_Comparison(self, node: cst.Comparison) -> Value:
        self.eval(node.left)
        for comparison in node.comparisons:
            self.eval(comparison.comparator)
        return NOTHING  # a boolean identifies no one

    def expr_IfExp(self, node: cst.IfExp) -> Value:
        self.eval(node.test)
        return join(self.eval(node.body), self.eval(node.orelse))

    def expr_Await(self, node: cst.Await) -> Value:
        return self.eval(node.expression)

    def expr_Yield(self, node: cst.Yield) -> Value:
        if isinstance(node.value, cst.From):
            self.returns(self.eval(node.value.item).data_only())
        elif node.value is not None:
            self.returns(self.eval(node.value))
        return NOTHING

    def expr_NamedExpr(self, node: cst.NamedExpr) -> Value:
        value = self.eval(node.value)
        self.assign(node.target, value, node)
        return value

    def expr_Lambda(self, node: cst.Lambda) -> Value:
        return Value(frozenset({self.run.define_function(self, node).qualname}))

    def expr_List(self, node: cst.List | cst.Tuple | cst.Set) -> Value:
        values = [self.eval(e.value) for e in node.elements]
        texts = [v.text for v in values]
        text = concat_text(interleave(texts, ",")) if any(t is not None for t in texts) else None
        if isinstance(node, cst.Set) or any(isinstance(e, cst.StarredElement) for e in node.elements):
            return Value(traces=join(*(v.data_only() for v in values)).traces, text=text)
        return container([(str(i), v) for i, v in enumerate(values)], text)

    expr_Tuple = expr_Set = expr_List

    def expr_Dict(self, node: cst.Dict) -> Value:
        parts: list[tuple[str, Value]] | None = []
        values = []
        for element in node.elements:
            value = self.eval(element.value)
            values.append(value.data_only())
            if isinstance(element, cst.DictElement):
                key = self.eval(element.key)
                values.append(key.data_only())
                if parts is not None and key.text is not None and not key.tainted:
                    parts.append((key.text, value))
                    continue
            parts = None  # a computed key or ** unpacking: keep only the union
        if parts is not None and values:
            return container(parts)
        return join(*values)

    def expr_ListComp(self, node: cst.ListComp | cst.SetComp | cst.GeneratorExp) -> Value:
        saved = dict(self.env)
        self.comprehension(node.for_in)
        value = self.eval(node.elt).data_only()
        self.env = saved
        return value

    expr_SetComp = expr_GeneratorExp = expr_ListComp

    def expr_DictComp(self, node: cst.DictComp) -> Value:
        saved = dict(self.env)
        self.comprehension(node.for_in)
        value = join(self.eval(node.key).data_only(), self.eval(node.value).data_only())
        self.env = saved
        return value

    def comprehension(self, clause: cst.CompFor) -> None:
        self.assign(clause.target, _element(self.eval(clause.iter)), clause)
        for condition in clause.ifs:
            self.eval(condition.test)
        if clause.inner_for_in is not None:
            self.comprehension(clause.inner_for_in)

    def expr_StarredElement(self, node: cst.StarredElement) -> Value:
        return self.eval(node.value)

    def expr_Integer(self, node: cst.BaseExpression) -> Value:
        return NOTHING

    expr_Float = expr_Imaginary = expr_Ellipsis = expr_Integer


_QUIET_NODES = (cst.Arg, cst.Index, cst.Slice, cst.SubscriptElement, cst.Decorator)


def _element(value: Value) -> Value:
    """What iterating or unpacking ``value`` gives: its data, and its text for file listings."""
    return Value(traces=value.traces, text=value.text)


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
    return {k: (v.paths, tuple(t.origin for t in v.traces), v.text) for k, v in env.items()}


def function_params(node: cst.FunctionDef | cst.Lambda) -> list[Param]:
    return [Param(p.name.value, kind) for p, kind in parameters(node.params)]


def function_kind(node: cst.FunctionDef, in_class: bool) -> str:
    if not in_class:
        return "function"
    names = decorator_names(node)
    for kind in ("staticmethod", "classmethod", "property"):
        if kind in names:
            return kind
    return "method"
