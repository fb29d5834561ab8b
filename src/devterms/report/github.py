"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::error file=app/use.py,line=6,col=5,endLine=6,endColumn=36,title=DT101 ...::message``. The
values are escaped as GitHub's runner reads them (``%``, CR and LF everywhere; ``:`` and ``,``
in properties too), so a file name or message from the analysed tree cannot end the command early
or forge another one; other control characters are escaped as in the text format. Paths are relative to the working folder, which in a workflow is the
repository root.
"""

from __future__ import annotations

from devterms.model import Diagnostic, Finding
from devterms.report import Report, printable

LEVELS = {"error": "error", "warning": "warning", "note": "notice"}


def render(report: Report) -> str:
    lines = [_command(report, f) for f in report.findings]
    lines += [_command(report, d) for d in report.diagnostics]
    return "".join(line + "\n" for line in lines)


def _command(report: Report, item: Finding | Diagnostic) -> str:
    rule = report.rules.get(item.code)
    level = LEVELS.get(item.severity, "warning") if isinstance(item, Finding) else "error"
    properties = {"file": item.path, "line": str(item.line), "col": str(item.column + 1)}
    end_line, end_column = getattr(item, "end_line", 0), getattr(item, "end_column", 0)
    if end_line:
        properties.update(endLine=str(end_line), endColumn=str(end_column + 1))
    properties["title"] = f"{item.code} {rule.title}" if rule else item.code
    message = item.message
    if isinstance(item, Finding) and item.flow and item.flow[0].path != item.path:
        message += f" (the flow starts at {item.flow[0].path}:{item.flow[0].line})"
    fields = ",".join(f"{key}={_property(value)}" for key, value in properties.items())
    return f"::{level} {fields}::{_data(message)}"


def _data(text: str) -> str:
    """GitHub's escapes, after every other control character is made visible (a log is a terminal)."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
