"""Abstract interpretation of one body of code: a module, a class body or a function.

Statements run in order with strong updates of local names; every expression evaluates to a
:class:`~devterms.values.Value`. :class:`Frame` is the top of the interpreter's layers, each in
its own module and each building on the one below: :mod:`.names` (the environment, lookups and
bindings), :mod:`.assignment` (targets), :mod:`.expressions` (what each expression evaluates
to) and :mod:`.branches` (if, loops, try, match). This layer dispatches statements by kind and
handles the rest: imports, definitions, ``global``/``nonlocal``, ``with`` and ``return``.
"""

from __future__ import annotations

import libcst as cst

from devterms.engine.branches import Branches
from devterms.values import Value


class Frame(Branches):
    def run_module(self) -> None:
        """The module's top level, statement by statement (each numbered for its steps)."""
        for index, statement in enumerate(self.module.tree.body):
            self.top = index
            self.run.tick()
            self.statement(statement)

    def statement(self, node: cst.CSTNode) -> None:
        handler = getattr(self, "stmt_" + type(node).__name__, None)
        if handler is not None:
            handler(node)
        else:
            self.unknown(node)

    def stmt_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self.run_block(node.body)

    def stmt_Expr(self, node: cst.Expr) -> None:
        if not isinstance(node.value, (cst.SimpleString, cst.ConcatenatedString)):  # a docstring
            self.eval(node.value)

    def stmt_Return(self, node: cst.Return) -> None:
        if node.value is not None:
            self.returns(self.eval(node.value))

    def stmt_Global(self, node: cst.Global) -> None:
        self.globals.update(n.name.value for n in node.names)

    def stmt_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.nonlocals.update(n.name.value for n in node.names)

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

    def stmt_With(self, node: cst.With) -> None:
        for item in node.items:
            value = self.eval(item.item)
            if item.asname is not None:
                self.assign(item.asname.name, value, node)
        self.run_block(self.body_of(node.body))

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


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _name_of(node: cst.BaseExpression) -> str:
    return node.value if isinstance(node, cst.Name) else _dotted(node)
