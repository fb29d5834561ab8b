"""Parsing one file, so that nothing in it can take the run down: a guard, then a boundary.

The guard (:mod:`devterms.shape`) refuses a file whose nesting or chains are beyond what the
parser handles. An ordinary file is then parsed in the analysing process: that is nearly every
file, and costs nothing more than the guard's measuring. An unusual one (deep, long chains,
larger than :data:`PLAIN_CHARACTERS`, or one the tokenizer rejects) is first parsed by a worker
process under an address-space limit and a time
limit; only when it parses there is it parsed again here, so a segmentation fault, an abort, a
``MemoryError`` or a runaway of the parser becomes one problem for that file alone. The worker
is started on first use and reused for every later file (again after it died).

A file libcst rejects as a syntax error is tried again as legacy code (:mod:`devterms.legacy`:
indentation mixing tabs and spaces, then Python 2), each translation behind the same guard and
worker; only a file that fails every way is a problem, the one libcst found in the file itself.
"""

from __future__ import annotations

import ast
import atexit
import json
import os
import resource
import select
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import libcst as cst

from devterms import legacy, shape

Problem = tuple[int, int, str]  # (line, column, message)
SYNTAX = "cannot parse: "  # how a syntax error's message starts (and the parser's failures')
# ... the parser's failures, which are not syntax errors (no translation would parse either)
_FAILURES = tuple(SYNTAX + why for why in ("out of memory", "the parser failed", "the parser crashed",
                                           "parsing took longer"))
WORKER_MEMORY_BYTES = 4 << 30   # the worker's address space (RLIMIT_AS)
WORKER_SECONDS = 60.0           # a parse taking longer in the worker is given up (a 3 MB file: ~20 s)
PLAIN_CHARACTERS = 1_000_000    # larger files are parsed in the worker first
_STACK_BYTES = 256 * 1024 * 1024
_RECURSION_LIMIT = 60_000
_LENGTH = 8  # bytes of the length prefix of each message
_START_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Parsed:
    """A parsed file; for legacy code, the tree is of ``translation.text``, not of the file."""

    tree: cst.Module
    translation: legacy.Translation | None = None


def parse_source(text: str) -> Parsed | Problem:
    """``text`` parsed behind the guard, or else a legacy translation of it (and the way back
    to the file's positions), or why no reading parses. Only a file libcst rejects as a syntax
    error is translated; each translation is parsed behind the guard too."""
    parsed = parse_guarded(text)
    if isinstance(parsed, cst.Module):
        return Parsed(parsed)
    if not is_syntax_error(parsed):
        return parsed
    tried: list[str] = []
    failed: list[legacy.NotTranslated] = []
    expanded: legacy.Translation | None = None
    for translation in legacy.translations(text, failed):
        again = parse_guarded(translation.text)
        if isinstance(again, cst.Module):
            return Parsed(again, translation)
        tried.append(translation.how)
        if translation.how == legacy.EXPANDED:
            expanded = translation
    return _unparsed(_located(text, expanded) or parsed, tried, failed)


def _unparsed(python3: Problem, tried: list[str], failed: list[legacy.NotTranslated]) -> Problem:
    """The one problem of a file no reading parses, where the reading that got further stopped
    (a print statement stops Python 3 at once, the error is further down), naming the others."""
    python2 = failed[0] if failed else None
    if python2 is not None and python2.point is not None and python2.point > python3[:2]:
        line, column = python2.point
        return line, column, (f"{SYNTAX}{python2.why} as Python 2 (nor as Python 3: "
                              f"{python3[2].removeprefix(SYNTAX)} at {python3[0]}:{python3[1] + 1})")
    tried = tried + [f"as Python 2: {stop}" for stop in failed]
    line, column, message = python3
    return line, column, message + (f" (nor {'; nor '.join(tried)})" if tried else "")


def _located(text: str, expanded: legacy.Translation | None) -> Problem | None:
    """Where CPython's own parser stops in ``text`` and why, if it does: libcst's position of a
    syntax error is often a line or more past it, CPython's is exact. Only parsed (an AST, with
    no inherited flags); nothing is compiled to code or run. A mix of tabs CPython rejects is
    looked for in the text with its indentation expanded, then placed back in the file."""
    for source in (text, expanded.text if expanded is not None else None):
        if source is None:
            break
        try:
            compile(source, "<devterms>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
        except TabError:
            continue
        except SyntaxError as error:  # an IndentationError is about the line's indentation
            column = 0 if isinstance(error, IndentationError) else max((error.offset or 1) - 1, 0)
            point = (error.lineno or 1, column)
            if source is not text and expanded is not None:
                point = expanded.position(point)
            return point[0], point[1], SYNTAX + " ".join(str(error.msg).split())
        except (ValueError, RecursionError, MemoryError):  # NUL bytes; beyond CPython's own bounds
            return None
        return None
    return None


def is_syntax_error(problem: Problem) -> bool:
    """Whether ``problem`` is the parser rejecting the text (not a bound, nor the parser failing)."""
    return problem[2].startswith(SYNTAX) and not problem[2].startswith(_FAILURES)


def parse(text: str) -> cst.Module | Problem:
    """``text`` parsed, or why it cannot be: the parser's every way of failing, as a problem."""
    try:
        return cst.parse_module(text)
    except cst.ParserSyntaxError as error:
        message = " ".join(error.message.split()) or "invalid syntax"
        return error.raw_line, error.raw_column, SYNTAX + message
    except RecursionError:
        return 1, 0, "nested too deeply to parse"
    except MemoryError:
        return 1, 0, "cannot parse: out of memory"
    except ValueError as error:  # e.g. NUL bytes rejected by the tokenizer
        return 1, 0, f"cannot parse: {error}"
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # noqa: BLE001 - a panic of the native parser is a BaseException
        return 1, 0, f"cannot parse: the parser failed ({type(error).__name__}: {error})"


def parse_guarded(text: str) -> cst.Module | Problem:
    """``text`` parsed behind the guard, and behind the worker when it is unusual.

    A very large file is measured in the worker too: measuring takes time (about a tenth of
    parsing), and there it is under the worker's time bound.
    """
    if len(text) > PLAIN_CHARACTERS:
        problem = _WORKER.check(text)
    else:
        measured = shape.measure(text)
        problem = _refused(measured)
        if problem is None and (measured is None or not measured.is_plain()):
            problem = _WORKER.check(text)
    return parse(text) if problem is None else problem


def _refused(measured: shape.Shape | None) -> Problem | None:
    excess = measured.excess() if measured is not None else None
    return (excess[0], 0, excess[1]) if excess is not None else None


def _trial(text: str) -> Problem | None:
    """What the worker does with a text: the guard, then a parse; None if it parses."""
    problem = _refused(shape.measure(text))
    if problem is not None:
        return problem
    parsed = parse(text)
    return None if isinstance(parsed, cst.Module) else parsed


class ParseWorker:
    """A parsing process, started on first use and again after it died; one file at a time."""

    def __init__(self, memory_bytes: int = WORKER_MEMORY_BYTES, seconds: float = WORKER_SECONDS) -> None:
        self.memory_bytes = memory_bytes
        self.seconds = seconds
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def check(self, text: str) -> Problem | None:
        """None if ``text`` parses in the worker, else why not (including how the worker died).

        Where no worker can be started (no subprocesses allowed), None: the text is parsed in
        the analysing process, still behind the guard's bounds.
        """
        with self._lock:
            process = self._started()
            if process is None:
                return None
            assert process.stdin is not None and process.stdout is not None
            data = text.encode("utf-8", "surrogatepass")
            try:
                process.stdin.write(len(data).to_bytes(_LENGTH, "big") + data)
                process.stdin.flush()
                reply = _read_message(process.stdout.fileno(), time.monotonic() + self.seconds)
            except TimeoutError:
                return self._stopped(process, f"parsing took longer than the bound of {self.seconds:g} s")
            except OSError:  # the worker died while being sent the text
                reply = None
            if reply is None:
                return self._stopped(process, None)
            problem = json.loads(reply)
            return None if problem is None else (int(problem[0]), int(problem[1]), str(problem[2]))

    def close(self) -> None:
        with self._lock:
            if self._process is not None:
                self._process.kill()
                self._process.wait()
                self._process = None

    def _started(self) -> subprocess.Popen[bytes] | None:
        if self._process is not None and self._process.poll() is None:
            return self._process
        package = Path(__file__).resolve().parent
        bounds = (shape.MAX_DEPTH, shape.MAX_CHAIN, shape.MAX_OPERATORS)  # the guard's, as now set
        code = (f"import sys; sys.path.insert(0, {str(package.parent)!r}); "
                f"from devterms.parsing import serve; serve({self.memory_bytes}, {bounds})")
        try:
            # -I: no environment, no user site, and not the current folder (it may be hostile)
            process = subprocess.Popen([sys.executable, "-I", "-c", code], cwd=package,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL)
            assert process.stdout is not None
            # an empty message once it has imported the parser: the time bound starts after it
            if _read_message(process.stdout.fileno(), time.monotonic() + _START_SECONDS) is None:
                process.wait()
                return None
        except TimeoutError:
            process.kill()
            process.wait()
            return None
        except OSError:
            return None
        self._process = process
        return process

    def _stopped(self, process: subprocess.Popen[bytes], why: str | None) -> Problem:
        """Stop (or bury) the worker; the problem says why, or how it died."""
        process.kill()
        code = process.wait()
        self._process = None
        if why is None:
            how = signal.Signals(-code).name if -code in signal.valid_signals() else f"exit status {code}"
            why = (f"the parser crashed ({how}) in its worker process, bounded to "
                   f"{self.memory_bytes >> 20:,} MB of memory")
        return 1, 0, f"cannot parse: {why}"


def _read_message(fd: int, deadline: float) -> bytes | None:
    """One length-prefixed message from ``fd``; None at end of file, TimeoutError past ``deadline``."""
    chunks: list[bytes] = []
    wanted, header = _LENGTH, True
    while wanted:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            raise TimeoutError
        chunk = os.read(fd, min(wanted, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        wanted -= len(chunk)
        if not wanted and header:
            wanted, header, chunks = int.from_bytes(b"".join(chunks), "big"), False, []
    return b"".join(chunks)


def serve(memory_bytes: int, bounds: tuple[int, int, int]) -> None:
    """The worker's loop: read a text, parse it, answer ``null`` or a problem, until end of input."""
    shape.MAX_DEPTH, shape.MAX_CHAIN, shape.MAX_OPERATORS = bounds
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    sys.setrecursionlimit(_RECURSION_LIMIT)
    threading.stack_size(_STACK_BYTES)
    thread = threading.Thread(target=_answer_all, name="devterms-parse-worker")
    thread.start()
    thread.join()


def _answer_all() -> None:
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sink.write(bytes(_LENGTH))
    sink.flush()
    while True:
        header = source.read(_LENGTH)
        if len(header) < _LENGTH:
            return
        text = source.read(int.from_bytes(header, "big")).decode("utf-8", "surrogatepass")
        problem = _trial(text)
        if problem is not None and problem[2] == "cannot parse: out of memory":
            os._exit(3)  # reported by the parent with the bound that was hit
        reply = json.dumps(problem).encode()
        sink.write(len(reply).to_bytes(_LENGTH, "big") + reply)
        sink.flush()


_WORKER = ParseWorker()
atexit.register(_WORKER.close)
