"""devterms benchmarks: ``python benchmarks/run.py [--quick]`` (run with the project's venv Python).

``--sweep [--site-packages PATH]`` instead analyses every package of a site-packages folder (by
default this environment's) one at a time with ``devterms check --format json`` in a subprocess
with a time limit, and reports files, lines, DT000 by cause, tracebacks (must be 0), crashes,
wall time and peak memory (``benchmarks/results/sweep.{json,md}``). It installs nothing.

Not part of the test suite. Measures, on two corpora nobody on the team wrote,

* ``stdlib``: the running Python's ``Lib/`` minus ``site-packages`` and every test folder;
* ``site``: the venv's site-packages minus test folders (every 4th file in the full run, to keep
  the run near 15 minutes on 2 cores; ``--site-step 1`` takes all of it),

side by side: files, lines, libcst parse-only time, devterms cold time (``check_project`` with no
cache, and the CLI with ``-j 0``), warm time (cache present, nothing changed), time after changing
one file, flake8 ``-j1`` with and without the devterms plugin, peak memory, exceptions (any
traceback) and DT000 diagnostics. Plus a synthetic project (N = 25, 50, 100 modules chaining a
platform source through helpers in other modules to a sink) for scaling, and a single
1,000-line file for per-file latency.

Every measurement is a fresh subprocess; wall time, CPU time (user+sys) and peak RSS come from
``os.wait4``. Corpora are copied to a temporary folder first (devterms writes its cache into the
project root, and the "touch" step edits a file). ``--quick`` takes every 10th file of each corpus.
Output: ``benchmarks/results/latest.json`` and ``benchmarks/results/latest.md``.

``--engine 200,800,3200`` measures only issue #12's engine figures: positive projects of those
sizes (every module a source and a sink), the import chain at the same sizes, two negative trees
of 700 modules naming a platform host (one with face words, one calling face detection), the CLI warm with no change and after changing
one module, and flake8 ``-j 2`` against ``-j 1``, each against libcst's parse-only time of the
same files. Output: ``benchmarks/results/engine.{json,md}``.

``--frontends`` measures only the front ends on one 1,200-file project (stdlib files, copied
twice under two package names): ``devterms check FILE...`` against ``devterms check .``, flake8
``-j1`` with the plugin hidden, installed but DT not selected, and selected, and one file checked
on save (``flake8 -`` with the file on stdin, warm). Output: ``benchmarks/results/frontends.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
TEST_DIRS = {"test", "tests", "idle_test", "testing", "site-packages", "__pycache__"}
PY = sys.executable
BIN = Path(PY).parent

# flake8 without the devterms plugin: hide devterms' distribution from flake8's plugin finder.
FLAKE8_NO_PLUGIN = (
    "import importlib.metadata as md, sys\n"
    "_orig = md.distributions\n"
    "md.distributions = lambda **kw: [d for d in _orig(**kw) if (d.metadata['Name'] or '').lower() != 'devterms']\n"
    "from flake8.main.cli import main\n"
    "sys.exit(main())\n"
)
FLAKE8_WITH_PLUGIN = "import sys\nfrom flake8.main.cli import main\nsys.exit(main())\n"


# --------------------------------------------------------------------------- workers (subprocess)

def worker(argv: list[str]) -> None:
    """``run.py --worker KIND LISTFILE ROOT``: one measurement, a JSON line on stdout."""
    kind, listfile, root = argv
    files = [Path(line) for line in Path(listfile).read_text().splitlines() if line]
    out: dict = {"exceptions": 0}
    start = time.perf_counter()
    try:
        if kind == "parse":
            import libcst

            texts = [f.read_bytes() for f in files]
            start = time.perf_counter()
            failed = 0
            for raw in texts:
                try:
                    libcst.parse_module(raw)
                except Exception:  # noqa: BLE001 - a parse failure is data here
                    failed += 1
            out["parse_failures"] = failed
        elif kind == "check":
            from devterms.checker import check_project
            from devterms.pack.load import load_default_pack

            pack = load_default_pack()
            start = time.perf_counter()
            result = check_project(files, pack=pack, root=Path(root), display_base=Path(root), cache_dir=None)
            out.update(files=result.files, lines=result.lines, findings=len(result.findings),
                       diagnostics=len(result.diagnostics),
                       diagnostic_samples=[f"{d.path}:{d.line}: {d.message}"[:200] for d in result.diagnostics[:5]],
                       found=sorted({f.code for f in result.findings}))
        else:
            raise SystemExit(f"unknown worker kind {kind}")
    except Exception:  # noqa: BLE001 - counted, not hidden
        out["exceptions"] = 1
        out["traceback"] = traceback.format_exc()[-2000:]
    out["inner"] = round(time.perf_counter() - start, 3)
    print(json.dumps(out))


# --------------------------------------------------------------------------- measuring

def measure(cmd: list[str], cwd: Path, timeout: float, env: dict | None = None,
            stdin: Path | None = None) -> dict:
    """Run ``cmd``; wall, CPU (user+sys of it and its waited-for children), peak RSS (MB)."""
    started = time.perf_counter()
    with open(stdin or os.devnull, "rb") as given:
        proc = subprocess.Popen(cmd, cwd=cwd, stdin=given, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env, start_new_session=True)
    timed_out = threading.Event()

    def kill() -> None:
        timed_out.set()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, kill)
    timer.start()
    out_chunks: list[bytes] = []
    err_chunks: list[bytes] = []
    readers = [threading.Thread(target=lambda: out_chunks.append(proc.stdout.read())),
               threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()))]
    for r in readers:
        r.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    timer.cancel()
    for r in readers:
        r.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = b"".join(out_chunks).decode("utf-8", "replace")
    stderr = b"".join(err_chunks).decode("utf-8", "replace")
    return {
        "wall": round(wall, 2),
        "cpu": round(usage.ru_utime + usage.ru_stime, 2),
        "rss_mb": round(usage.ru_maxrss / 1024, 1),
        "rc": proc.returncode,
        "timeout": timed_out.is_set(),
        "tracebacks": stderr.count("Traceback (most recent call last)"),
        "stdout": stdout,
        "stderr_tail": stderr[-1500:],
    }


def worker_cmd(kind: str, listfile: Path, root: Path) -> list[str]:
    return [PY, str(Path(__file__).resolve()), "--worker", kind, str(listfile), str(root)]


def parse_json_line(text: str) -> dict:
    for line in reversed(text.splitlines()):
        if line.startswith("{"):
            try:
                return json.loads(line)
            except ValueError:
                pass
    return {}


# --------------------------------------------------------------------------- corpora

def corpus_files(base: Path, step: int) -> list[Path]:
    files = sorted(
        p for p in base.rglob("*.py")
        if p.is_file() and not (TEST_DIRS & set(p.relative_to(base).parts[:-1]))
        and not p.name.startswith("test_")
    )
    return files[::step]


def copy_corpus(name: str, base: Path, step: int, work: Path) -> tuple[Path, list[Path]]:
    dest = work / name
    copied = []
    for src in corpus_files(base, step):
        target = dest / src.relative_to(base)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
        copied.append(target)
    (dest / "pyproject.toml").write_text("[project]\nname = \"bench-corpus\"\n")
    return dest, copied


def count_lines(files: list[Path]) -> int:
    return sum(f.read_bytes().count(b"\n") for f in files)


# --------------------------------------------------------------------------- one corpus

def bench_corpus(name: str, base: Path, step: int, work: Path, timeout: float, quick: bool) -> dict:
    root, files = copy_corpus(name, base, step, work)
    listfile = work / f"{name}.txt"
    listfile.write_text("\n".join(map(str, files)) + "\n")
    row: dict = {"corpus": name, "source": str(base), "step": step, "files": len(files),
                 "lines": count_lines(files), "exceptions": 0}
    log = lambda what, m: print(f"  {name:7s} {what:28s} wall {m['wall']:7.2f}s cpu {m['cpu']:7.2f}s "
                                 f"rss {m['rss_mb']:6.0f} MB{'  TIMEOUT' if m['timeout'] else ''}", flush=True)

    def record(key: str, m: dict, tracebacks: int | None = None) -> dict:
        m = dict(m)
        m.pop("stdout", None)
        row[key] = m
        row["exceptions"] += m["tracebacks"] if tracebacks is None else tracebacks
        log(key, m)
        return m

    m = measure(worker_cmd("parse", listfile, root), root, timeout)
    info = parse_json_line(m["stdout"])
    m["inner"] = info.get("inner")
    m["parse_failures"] = info.get("parse_failures")
    record("libcst_parse", m)

    m = measure(worker_cmd("check", listfile, root), root, timeout)
    info = parse_json_line(m["stdout"])
    m.update({k: info.get(k) for k in ("inner", "findings", "diagnostics", "diagnostic_samples", "found")})
    if info.get("traceback"):
        m["traceback"] = info["traceback"]
    record("devterms_cold_api", m, tracebacks=max(m["tracebacks"], info.get("exceptions", 0)))
    row["dt000"] = info.get("diagnostics")
    row["findings"] = info.get("findings")

    cache = root / ".devterms_cache"
    shutil.rmtree(cache, ignore_errors=True)
    cli = [str(BIN / "devterms"), "check", ".", "--format", "json", "--exit-zero", "-j", "0",
           "--output", str(work / f"{name}.cli.json")]
    record("devterms_cold_cli", measure(cli, root, timeout))
    record("devterms_warm_cli", measure(cli, root, timeout))
    touched = files[len(files) // 2]
    with touched.open("a", encoding="utf-8") as handle:
        handle.write("\n# touched by benchmarks/run.py\n")
    row["touched"] = str(touched.relative_to(root))
    record("devterms_touch_cli", measure(cli, root, timeout))

    flake_common = ["-j1", "--exit-zero", "--output-file", os.devnull]
    flake_files = [str(f) for f in files]
    record("flake8_no_plugin", measure([PY, "-I", "-c", FLAKE8_NO_PLUGIN, "--select", "E,F,W", *flake_common, *flake_files],
                                       root, timeout))
    if not quick and name == "stdlib":
        row["flake8_dt_only"] = None  # skipped in the full run (time budget); see --quick
    else:
        shutil.rmtree(cache, ignore_errors=True)
        record("flake8_dt_only", measure([PY, "-I", "-c", FLAKE8_WITH_PLUGIN, "--select", "DT", *flake_common, *flake_files],
                                         root, timeout))
    shutil.rmtree(cache, ignore_errors=True)
    record("flake8_with_plugin", measure([PY, "-I", "-c", FLAKE8_WITH_PLUGIN, "--select", "E,F,W,DT", *flake_common,
                                          *flake_files], root, timeout))

    def ratio(a: str, b: str, field: str = "wall") -> float | None:
        x, y = row.get(a), row.get(b)
        if not x or not y or x.get("timeout") or y.get("timeout") or not y[field]:
            return None
        return round(x[field] / y[field], 2)

    row["ratios"] = {
        "cold_api_over_parse": ratio("devterms_cold_api", "libcst_parse"),
        "cold_api_over_parse_cpu": ratio("devterms_cold_api", "libcst_parse", "cpu"),
        "touch_over_cold": ratio("devterms_touch_cli", "devterms_cold_cli"),
        "warm_over_cold": ratio("devterms_warm_cli", "devterms_cold_cli"),
        "flake8_plugin_over_flake8": ratio("flake8_with_plugin", "flake8_no_plugin"),
    }
    row["peak_rss_mb"] = max(v["rss_mb"] for v in row.values() if isinstance(v, dict) and "rss_mb" in v)
    return row


# --------------------------------------------------------------------------- synthetic project

SOURCE_MODULE = '''"""Synthetic module 0: the platform source."""
import requests
import tweepy

CLIENT = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def fetch(username):
    user = CLIENT.get_user(username=username, user_fields=["profile_image_url"]).data
    return requests.get(user.profile_image_url).content
'''

HELPER_MODULE = '''"""Synthetic module {i}: a helper that passes the data on."""
from app import m{prev}


def fetch(username):
    raw = m{prev}.fetch(username)
    return prepare(raw)


def prepare(data):
    value = data
    for _ in range(1):
        value = value
    return value


class Unrelated{i}:
    def __init__(self, n):
        self.n = n

    def total(self):
        return sum(range(self.n)) + {i}
'''

SINK_MODULE = '''"""Synthetic module {i}: the sink."""
from io import BytesIO

import face_recognition

from app import m{prev}


def identify(username):
    image = face_recognition.load_image_file(BytesIO(m{prev}.fetch(username)))
    return face_recognition.face_encodings(image)
'''


def make_project(folder: Path, n: int, text: Callable[[int], str]) -> list[Path]:
    """``n`` modules ``app/m{i}.py`` holding ``text(i)``, in a project of their own."""
    app = folder / "app"
    app.mkdir(parents=True)
    (folder / "pyproject.toml").write_text("[project]\nname = \"bench\"\n")
    (app / "__init__.py").write_text("")
    files = [app / "__init__.py"]
    for i in range(n):
        path = app / f"m{i}.py"
        path.write_text(text(i))
        files.append(path)
    return files


def make_synthetic(folder: Path, n: int) -> list[Path]:
    """The import chain: the source in m0, a helper per module, the sink in the last."""
    def text(i: int) -> str:
        return SOURCE_MODULE if i == 0 else (SINK_MODULE if i == n - 1 else HELPER_MODULE).format(i=i, prev=i - 1)

    return make_project(folder, n, text)


def bench_synthetic(work: Path, sizes: list[int], timeout: float) -> list[dict]:
    rows = []
    for n in sizes:
        folder = work / f"synthetic{n}"
        files = make_synthetic(folder, n)
        listfile = work / f"synthetic{n}.txt"
        listfile.write_text("\n".join(map(str, files)) + "\n")
        m = measure(worker_cmd("check", listfile, folder), folder, timeout)
        info = parse_json_line(m["stdout"])
        row = {"modules": n, "lines": count_lines(files), "wall": m["wall"], "cpu": m["cpu"],
               "inner": info.get("inner"), "rss_mb": m["rss_mb"], "findings": info.get("findings"),
               "found": info.get("found"), "exceptions": max(m["tracebacks"], info.get("exceptions", 0)),
               "timeout": m["timeout"]}
        if info.get("traceback"):
            row["traceback"] = info["traceback"]
        rows.append(row)
        print(f"  synthetic N={n:4d} inner {row['inner']}s wall {row['wall']}s findings {row['findings']} "
              f"{row['found']}", flush=True)
    return rows


def bench_single_file(work: Path, timeout: float) -> dict:
    """One 1,000-line file with a source and a sink: analysis time after start-up (inner)."""
    folder = work / "single"
    folder.mkdir()
    (folder / "pyproject.toml").write_text("")
    body = [SOURCE_MODULE.rstrip("\n"), "import face_recognition", ""]
    i = 0
    while len("\n".join(body).splitlines()) < 985:
        body += [f"def helper_{i}(x, y=2):", f"    total = x * y + {i}", "    if total > 10:",
                 "        total -= 1", "    return [total for _ in range(3)]", ""]
        i += 1
    body += ["def identify(name):", "    image = face_recognition.load_image_file(fetch(name))",
             "    return face_recognition.face_encodings(image)", ""]
    path = folder / "big.py"
    path.write_text("\n".join(body))
    listfile = work / "single.txt"
    listfile.write_text(f"{path}\n")
    m = measure(worker_cmd("check", listfile, folder), folder, timeout)
    info = parse_json_line(m["stdout"])
    row = {"lines": count_lines([path]), "inner": info.get("inner"), "wall": m["wall"],
           "findings": info.get("findings"), "found": info.get("found"),
           "exceptions": max(m["tracebacks"], info.get("exceptions", 0))}
    print(f"  1,000-line file: inner {row['inner']}s wall {row['wall']}s found {row['found']}", flush=True)
    return row



# --------------------------------------------------------------------------- engine (#12)

POSITIVE_MODULE = '''"""Positive module {i}: a source and a sink of its own, and the photo helper of module {prev}."""
import face_recognition
import requests
import tweepy

from app import m{prev}

CLIENT = tweepy.Client(bearer_token="AAAA-not-a-real-token")
LIMIT = {i}


def photo(username):
    user = CLIENT.get_user(username=username, user_fields=["profile_image_url"]).data
    return requests.get(user.profile_image_url).content


def identify(username):
    image = face_recognition.load_image_file(m{prev}.photo(username))
    return face_recognition.face_encodings(image)


def batch(names):
    results = {{}}
    for name in names[:LIMIT]:
        try:
            results[name] = identify(name)
        except ValueError:
            results[name] = None
    return results


class Report{i}:
    def __init__(self, rows):
        self.rows = list(rows)

    def summary(self):
        total = 0
        for row in self.rows:
            if row is not None:
                total += len(row)
        return {{"module": {i}, "total": total, "rows": len(self.rows)}}

    def lines(self):
        return [f"{{key}}: {{value}}" for key, value in sorted(self.summary().items())]


def main(argv):
    names = [a for a in argv if not a.startswith("-")]
    report = Report{i}(batch(names).values())
    for line in report.lines():
        print(line)
    return 0
'''

NEGATIVE_MODULE = '''"""Negative module {i}: names a platform host and face words, and no flow joins them."""
import json
from pathlib import Path

PROFILE_URL = "https://graph.facebook.com/me"  # documentation only: nothing requests it
FACE_WORDS = ("face", "faces", "face_recognition", "encodings")


def load_settings(path):
    data = json.loads(Path(path).read_text())
    return {{key: data[key] for key in sorted(data) if key not in FACE_WORDS}}


def describe(settings):
    lines = [f"{{key}} = {{value}}" for key, value in settings.items()]
    return "\\n".join(lines) + "\\n# see " + PROFILE_URL


class Counter{i}:
    def __init__(self):
        self.seen = {{}}

    def add(self, word):
        self.seen[word] = self.seen.get(word, 0) + 1
        return self.seen[word]
'''

NEGATIVE_SINK_MODULE = '''"""Negative module {i}: a platform host in its documentation, and face detection on local photos."""
from pathlib import Path

import face_recognition

DOCS_URL = "https://graph.facebook.com/docs"  # documentation only: nothing requests it


def count_faces(folder):
    found = {{}}
    for photo in sorted(Path(folder).glob("*.jpg")):
        image = face_recognition.load_image_file(photo)
        found[photo.name] = len(face_recognition.face_locations(image))
    return found


class Tally{i}:
    def __init__(self):
        self.total = 0

    def add(self, counts):
        self.total += sum(counts.values())
        return self.total
'''


def from_template(template: str) -> Callable[[int], str]:
    """Module i of a project written from ``template``, importing module i-1."""
    return lambda i: template.format(i=i, prev=max(i - 1, 0))


def _exponent(rows: list[dict], size: str, cost: str) -> float | None:
    """The growth exponent of ``cost`` over ``size`` from the first to the last row (log-log)."""
    import math

    ok = [r for r in rows if r.get(cost) and not r.get("timeout")]
    if len(ok) < 2:
        return None
    first, last = ok[0], ok[-1]
    return round(math.log(last[cost] / first[cost]) / math.log(last[size] / first[size]), 2)


def _engine_row(work: Path, name: str, files: list[Path], folder: Path, timeout: float) -> dict:
    listfile = work / f"{name}.txt"
    listfile.write_text("\n".join(map(str, files)) + "\n")
    parse = measure(worker_cmd("parse", listfile, folder), folder, timeout)
    check = measure(worker_cmd("check", listfile, folder), folder, timeout)
    info = parse_json_line(check["stdout"])
    parsed = parse_json_line(parse["stdout"])
    row = {"name": name, "modules": len(files), "lines": count_lines(files), "parse_inner": parsed.get("inner"),
           "check_inner": info.get("inner"), "check_cpu": check["cpu"], "rss_mb": check["rss_mb"],
           "findings": info.get("findings"), "found": info.get("found"), "timeout": check["timeout"],
           "exceptions": max(check["tracebacks"], info.get("exceptions", 0))}
    if row["parse_inner"] and row["check_inner"]:
        row["ratio_to_parse"] = round(row["check_inner"] / row["parse_inner"], 2)
    print(f"  {name:22s} {row['lines']:>8,} lines  parse {row['parse_inner']}s  check {row['check_inner']}s "
          f"({row.get('ratio_to_parse')}x parse)  {row['rss_mb']} MB  found {row['found']}", flush=True)
    return row


def _warm(folder: Path, touched: Path, timeout: float) -> dict:
    """The CLI cold (cache written), warm with no change, and warm after changing one module."""
    devterms = [str(BIN / "devterms"), "check", "-j", "1", "--exit-zero", "."]
    shutil.rmtree(folder / ".devterms_cache", ignore_errors=True)  # cold: nothing cached yet
    cold = measure(devterms, folder, timeout)
    same = measure(devterms, folder, timeout)
    touched.write_text(touched.read_text() + "\n# changed\n")
    changed = measure(devterms, folder, timeout)
    return {"cold_cpu": cold["cpu"], "warm_same_cpu": same["cpu"], "warm_changed_cpu": changed["cpu"],
            "ratio_same_to_cold": round(same["cpu"] / max(cold["cpu"], 0.01), 2),
            "ratio_changed_to_cold": round(changed["cpu"] / max(cold["cpu"], 0.01), 2)}


PLAIN_MODULE = '''"""Plain module {i}: code of the same project with nothing to do with platform data."""
from app import plain{prev}


def scale(values, factor={i}):
    return [plain{prev}.scale([v], 1)[0] * factor for v in values]


class Ledger{i}:
    def __init__(self):
        self.rows = []

    def add(self, row):
        self.rows.append(row)
        return len(self.rows)
'''


def make_mixed(folder: Path, n: int, every: int = 20) -> list[Path]:
    """``n`` modules, one in ``every`` a positive one (``m{j}``, importing the one before), the
    rest plain modules importing each other (``plain{i}``): a large project of which a small
    part touches platform data."""
    positives = max(n // every, 2)
    files = make_project(folder, positives, from_template(POSITIVE_MODULE))
    for i in range(n - positives):
        path = folder / "app" / f"plain{i}.py"
        path.write_text(PLAIN_MODULE.format(i=i, prev=max(i - 1, 0)))
        files.append(path)
    return files


def bench_engine(work: Path, sizes: list[int], timeout: float) -> dict:
    """Issue #12's measures: positive projects of ``sizes`` modules (every module a source and a
    sink), the import chain at the same sizes, two negative trees of 700 modules (one naming face
    words, one calling face detection on local photos), warm runs (also on a project of the
    largest size of which 1 in 20 modules is positive, changing a plain module, then a positive
    one), and flake8 ``-j 2`` against ``-j 1``; CPU as ratios to libcst's parse-only time in the
    same run."""
    result: dict = {"positive": [], "chain": []}
    for n in sizes:
        folder = work / f"positive{n}"
        files = make_project(folder, n, from_template(POSITIVE_MODULE))
        result["positive"].append(_engine_row(work, f"positive N={n}", files, folder, timeout))
    result["positive_exponent"] = _exponent(result["positive"], "lines", "check_inner")
    for n in sizes:
        folder = work / f"chain{n}"
        files = make_synthetic(folder, n)
        row = _engine_row(work, f"chain N={n}", files, folder, timeout)
        row["flow_found"] = "DT101" in (row.get("found") or [])
        result["chain"].append(row)
    result["chain_exponent"] = _exponent(result["chain"], "modules", "check_inner")
    folder = work / "negative700"
    result["negative"] = _engine_row(work, "negative N=700", make_project(folder, 700, from_template(NEGATIVE_MODULE)),
                                     folder, timeout)
    folder = work / "negative700sink"  # calls a sink too, so the pre-screen cannot rule it out
    result["negative_sink"] = _engine_row(work, "negative, sink N=700",
                                          make_project(folder, 700, from_template(NEGATIVE_SINK_MODULE)), folder, timeout)
    smallest = work / f"positive{sizes[0]}"
    result["warm"] = _warm(smallest, smallest / "app" / "m1.py", timeout)
    mixed = work / f"mixed{sizes[-1]}"
    make_mixed(mixed, sizes[-1])
    result["mixed_modules"] = sizes[-1]
    result["warm_mixed"] = _warm(mixed, mixed / "app" / "plain3.py", timeout)
    result["warm_mixed_positive"] = _warm(mixed, mixed / "app" / "m1.py", timeout)
    flake8 = [PY, "-c", FLAKE8_WITH_PLUGIN, "--select", "DT", "."]
    one, two = (measure([*flake8, "-j", str(j)], smallest, timeout) for j in (1, 2))
    result["flake8_j2_to_j1_cpu"] = round(two["cpu"] / max(one["cpu"], 0.01), 2)
    return result


def engine_markdown(result: dict) -> str:
    lines = ["| project | lines | parse s | check s | check / parse | MB | found |", "|---|---|---|---|---|---|---|"]
    for row in [*result["positive"], *result["chain"], result["negative"], result["negative_sink"]]:
        lines.append(f"| {row['name']} | {row['lines']:,} | {row['parse_inner']} | {row['check_inner']} | "
                     f"{row.get('ratio_to_parse', '–')} | {row['rss_mb']} | {', '.join(row['found'] or []) or '–'} |")
    warm = result["warm"]
    lines += ["", f"Growth exponent (CPU over lines): positive {result['positive_exponent']}, "
              f"chain {result['chain_exponent']}.",
              f"Warm, CLI, CPU against cold: no change {warm['ratio_same_to_cold']}x, one module changed "
              f"{warm['ratio_changed_to_cold']}x. flake8 -j 2 against -j 1, CPU: {result['flake8_j2_to_j1_cpu']}x.",
              f"Warm on a {result['mixed_modules']:,}-module project, 1 in 20 modules positive, CPU against "
              f"cold: no change {result['warm_mixed']['ratio_same_to_cold']}x, one plain module changed "
              f"{result['warm_mixed']['ratio_changed_to_cold']}x, one positive module changed "
              f"{result['warm_mixed_positive']['ratio_changed_to_cold']}x.", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- sweep

DIAGNOSTIC_CAUSES = (  # (cause, a phrase of the DT000 message); the first match names the cause
    ("nesting bound", "brackets nested"),
    ("chain bound", "a chain of"),
    ("operator bound", "operators: beyond"),
    ("parser crashed (worker)", "the parser crashed"),
    ("parse time bound (worker)", "parsing took longer"),
    ("run timeout", "run timeout"),
    ("file size bound", "max-file-bytes"),
    ("not a regular file", "not a regular file"),
    ("step budget", "budget"),
    ("did not settle", "did not settle"),
    ("cannot decode", "cannot decode"),
    ("NUL bytes", "NUL bytes"),
    ("syntax error", "cannot parse"),
    ("cannot read", "cannot read"),
)


def sweep_packages(site: Path) -> list[Path]:
    """Each top-level package (folder) or module (file) of ``site`` holding Python code."""
    found = []
    for entry in sorted(site.iterdir()):
        if entry.name.startswith(".") or entry.name == "__pycache__" \
                or entry.name.endswith((".dist-info", ".egg-info", ".data")):
            continue
        if entry.is_dir() and not entry.is_symlink() and next(entry.rglob("*.py"), None) is not None:
            found.append(entry)
        elif entry.is_file() and entry.suffix == ".py":
            found.append(entry)
    return found


def python_files(package: Path) -> list[Path]:
    if package.is_file():
        return [package]
    return [Path(folder) / name for folder, dirs, names in os.walk(package)
            if not dirs.__setitem__(slice(None), [d for d in dirs if d != "__pycache__"])
            for name in names if name.endswith(".py")]


def diagnostic_cause(message: str) -> str:
    return next((cause for cause, phrase in DIAGNOSTIC_CAUSES if phrase in message), "other: " + message[:60])


def sweep(site: Path, package_timeout: float, only: list[str], partial: Path | None = None) -> dict:
    """``devterms check --format json`` on each package of ``site``, one subprocess each
    (the rows so far are written to ``partial`` after each package)."""
    started = time.perf_counter()
    packages = [p for p in sweep_packages(site) if not only or p.name.removesuffix(".py") in only]
    rows, causes = [], {}
    for package in packages:
        files = python_files(package)
        lines = sum(f.read_bytes().count(b"\n") for f in files if f.is_file())
        with tempfile.TemporaryDirectory(prefix="devterms-sweep-") as alone:
            target = package
            if package.is_file():  # a lone module: its own project, not all of site-packages
                target = Path(alone) / package.name
                shutil.copyfile(package, target)
                (Path(alone) / "pyproject.toml").write_text("")
            cmd = [str(BIN / "devterms"), "check", "--format", "json", "--no-cache", "--exit-zero",
                   "--timeout", str(max(10, int(package_timeout - 60))), str(target)]
            m = measure(cmd, target.parent, package_timeout)
        row = {"package": package.name, "files": len(files), "lines": lines, "wall": m["wall"],
               "cpu": m["cpu"], "rss_mb": m["rss_mb"], "rc": m["rc"], "timeout": m["timeout"],
               "tracebacks": m["tracebacks"], "crashed": m["rc"] not in (0, 1) and not m["timeout"]}
        try:
            document = json.loads(m["stdout"]) if m["stdout"].strip() else {}
        except ValueError:
            document, row["crashed"] = {}, True
        row["findings"] = len(document.get("findings", ()))
        row["dt000"] = {}
        for diagnostic in document.get("diagnostics", ()):
            cause = diagnostic_cause(diagnostic["message"])
            row["dt000"][cause] = row["dt000"].get(cause, 0) + 1
            causes[cause] = causes.get(cause, 0) + 1
        if m["tracebacks"] or row["crashed"] or m["timeout"]:
            row["stderr_tail"] = m["stderr_tail"]
        rows.append(row)
        flag = " TIMEOUT" if m["timeout"] else " CRASH" if row["crashed"] else ""
        flag += f" TRACEBACKS {m['tracebacks']}" if m["tracebacks"] else ""
        if partial is not None:
            partial.write_text(json.dumps(rows, indent=2) + "\n")
        print(f"  {package.name:32s} files {len(files):6d} lines {lines:9,d} wall {m['wall']:7.1f}s "
              f"rss {m['rss_mb']:6.0f} MB findings {row['findings']:4d} DT000 {sum(row['dt000'].values()):4d}{flag}",
              flush=True)
    return {
        "site_packages": str(site), "packages": len(rows),
        "files": sum(r["files"] for r in rows), "lines": sum(r["lines"] for r in rows),
        "findings": sum(r["findings"] for r in rows), "dt000_by_cause": dict(sorted(causes.items())),
        "tracebacks": sum(r["tracebacks"] for r in rows), "crashes": sum(r["crashed"] for r in rows),
        "timeouts": sum(r["timeout"] for r in rows),
        "wall_seconds": round(time.perf_counter() - started, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "rows": rows,
    }


def sweep_markdown(result: dict) -> str:
    lines = [f"Sweep of {result['site_packages']} ({time.strftime('%Y-%m-%d %H:%M')}): "
             f"{result['packages']} packages, {result['files']:,} files, {result['lines']:,} lines, "
             f"wall {result['wall_seconds']:,} s, peak RSS of one run {result['peak_rss_mb']:,} MB.", "",
             f"Tracebacks: {result['tracebacks']}; crashes: {result['crashes']}; timeouts: {result['timeouts']}; "
             f"findings: {result['findings']}.", "", "| DT000 cause | count |", "|---|---|"]
    lines += [f"| {cause} | {count} |" for cause, count in result["dt000_by_cause"].items()]
    lines += ["", "| package | files | lines | wall s | RSS MB | findings | DT000 | problem |", "|---|---|---|---|---|---|---|---|"]
    for r in result["rows"]:
        problem = "timeout" if r["timeout"] else "crash" if r["crashed"] else f"{r['tracebacks']} tracebacks" if r["tracebacks"] else ""
        lines.append(f"| {r['package']} | {r['files']} | {r['lines']:,} | {r['wall']} | {r['rss_mb']} | "
                     f"{r['findings']} | {sum(r['dt000'].values())} | {problem} |")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- report

# --------------------------------------------------------------------------- front ends (#11)

FRONTEND_FILES = 1_200


def frontend_project(work: Path, size: int = FRONTEND_FILES) -> tuple[Path, list[str]]:
    """One project of ``size`` files: stdlib files, copied under a second package name as often
    as needed. It holds no platform source, so the engine's part is the pre-screen and what is
    measured is the front ends' own work (mixing in the bundled example makes the engine widen
    over every stdlib module that sends HTTP or e-mail: minutes, an engine matter)."""
    root = work / "frontends"
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    sources = [(stdlib, f"lib{i}") for i in range(1, 10)]
    listed: list[str] = []
    for base, prefix in sources:
        for src in corpus_files(base, 1):
            if len(listed) >= size:
                break
            rel = Path(prefix) / src.relative_to(base)
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, root / rel)
            listed.append(rel.as_posix())
    (root / "pyproject.toml").write_text("[project]\nname = \"bench-frontends\"\n")
    return root, listed


def bench_frontends(work: Path, timeout: float) -> dict:
    """The issue #11 ratios: named files vs ``.``, flake8 with and without devterms, one file on save."""
    root, listed = frontend_project(work)
    env = {**os.environ, "CI": "true"}
    devterms = [str(BIN / "devterms"), "check"]
    row: dict = {"files": len(listed)}

    def run(key: str, cmd: list[str], stdin: Path | None = None) -> dict:
        m = measure(cmd, root, timeout, env, stdin)
        m.pop("stdout", None)
        row[key] = m
        print(f"  {key:34s} wall {m['wall']:7.2f}s cpu {m['cpu']:7.2f}s rc {m['rc']}", flush=True)
        return m

    run("warm-up devterms check .", devterms + ["."])
    run("devterms check .", devterms + ["."])
    run("warm-up devterms check FILES", devterms + listed)  # names files discovery skips (venv/): its own cache entry
    run("devterms check FILES", devterms + listed)
    run("flake8 E,F,W plugin hidden", [PY, "-c", FLAKE8_NO_PLUGIN, "-j1", "--select", "E,F,W", "."])
    run("flake8 E,F,W plugin installed", [PY, "-c", FLAKE8_WITH_PLUGIN, "-j1", "--select", "E,F,W", "."])
    run("flake8 E,F,W,DT", [PY, "-c", FLAKE8_WITH_PLUGIN, "-j1", "--select", "E,F,W,DT", "."])
    saved = root / listed[0]
    run("warm-up save", [PY, "-c", FLAKE8_WITH_PLUGIN, "--select", "DT", "-", "--stdin-display-name", listed[0]], saved)
    run("flake8 one file on save (stdin)",
        [PY, "-c", FLAKE8_WITH_PLUGIN, "--select", "DT", "-", "--stdin-display-name", listed[0]], saved)
    run("devterms check one file", devterms + [listed[0]])

    def ratio(a: str, b: str) -> float:
        return round(row[a]["wall"] / max(row[b]["wall"], 0.01), 2)

    row["ratio named / dot (<= 1.2)"] = ratio("devterms check FILES", "devterms check .")
    row["ratio flake8 with DT / without (<= 1.5)"] = ratio("flake8 E,F,W,DT", "flake8 E,F,W plugin hidden")
    row["ratio flake8 DT not selected / without (<= 1.1)"] = ratio("flake8 E,F,W plugin installed",
                                                                   "flake8 E,F,W plugin hidden")
    row["one file on save, s (<= 1.0)"] = row["flake8 one file on save (stdin)"]["wall"]
    return row


def fmt(m: dict | None, field: str = "wall") -> str:
    if not m:
        return "–"
    if m.get("timeout"):
        return f"> {m['wall']:.0f} (timeout)"
    return f"{m[field]:.2f}"


def markdown(result: dict) -> str:
    corpora = result["corpora"]
    head = "| measure | " + " | ".join(f"{c['corpus']}" for c in corpora) + " |"
    sep = "|---|" + "---|" * len(corpora)
    rows: list[tuple[str, list[str]]] = [
        ("files", [f"{c['files']:,}" for c in corpora]),
        ("lines", [f"{c['lines']:,}" for c in corpora]),
        ("libcst parse only, 1 process: wall s (inner s)",
         [f"{fmt(c['libcst_parse'])} ({c['libcst_parse'].get('inner')})" for c in corpora]),
        ("devterms cold, check_project, 1 process: wall s (inner s)",
         [f"{fmt(c['devterms_cold_api'])} ({c['devterms_cold_api'].get('inner')})" for c in corpora]),
        ("devterms cold, CLI `-j 0`: wall s", [fmt(c["devterms_cold_cli"]) for c in corpora]),
        ("devterms warm, CLI (cache, no change): wall s", [fmt(c["devterms_warm_cli"]) for c in corpora]),
        ("devterms after changing 1 file, CLI: wall s", [fmt(c["devterms_touch_cli"]) for c in corpora]),
        ("flake8 -j1 `--select E,F,W`, plugin hidden: wall s", [fmt(c["flake8_no_plugin"]) for c in corpora]),
        ("flake8 -j1 `--select DT` (cold cache): wall s", [fmt(c.get("flake8_dt_only")) for c in corpora]),
        ("flake8 -j1 `--select E,F,W,DT` (cold cache): wall s", [fmt(c["flake8_with_plugin"]) for c in corpora]),
        ("peak RSS of any one process, MB", [f"{c['peak_rss_mb']:.0f}" for c in corpora]),
        ("findings / DT000 diagnostics", [f"{c['findings']} / {c['dt000']}" for c in corpora]),
        ("exceptions (tracebacks)", [str(c["exceptions"]) for c in corpora]),
        ("ratio cold (API) / libcst parse: wall (CPU)",
         [f"{c['ratios']['cold_api_over_parse']} ({c['ratios']['cold_api_over_parse_cpu']})" for c in corpora]),
        ("ratio after-change / cold (CLI)", [str(c["ratios"]["touch_over_cold"]) for c in corpora]),
        ("ratio warm / cold (CLI)", [str(c["ratios"]["warm_over_cold"]) for c in corpora]),
        ("ratio flake8+plugin / flake8", [str(c["ratios"]["flake8_plugin_over_flake8"]) for c in corpora]),
    ]
    lines = [f"Run {result['date']} on {result['machine']} (Python {result['python']}, "
             f"mode: {result['mode']}, total {result['total_seconds']:.0f} s)", "", head, sep]
    lines += [f"| {label} | " + " | ".join(values) + " |" for label, values in rows]
    lines += ["", "Synthetic project (a source in m0, a helper per module, the sink in the last module):", "",
              "| modules | lines | check_project inner s | wall s | inner s per module | findings |", "|---|---|---|---|---|---|"]
    for s in result["synthetic"]:
        per = f"{s['inner'] / s['modules']:.3f}" if s.get("inner") else "–"
        lines.append(f"| {s['modules']} | {s['lines']:,} | {s['inner']} | {s['wall']} | {per} | {s['found']} |")
    single = result["single_file"]
    lines += ["", f"One {single['lines']:,}-line file: check_project {single['inner']} s after start-up "
              f"(process wall {single['wall']} s), findings {single['found']}.", ""]
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="every 10th file of each corpus")
    parser.add_argument("--site-step", type=int, default=None, help="take every Nth site-packages file")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per measurement")
    parser.add_argument("--corpora", default="stdlib,site")
    parser.add_argument("--frontends", action="store_true",
                        help="only the front-end ratios of issue #11 on a 1,200-file project")
    parser.add_argument("--engine", default="",
                        help="only issue #12's engine measures, at these comma-separated sizes (e.g. 200,800,3200)")
    parser.add_argument("--sweep", action="store_true",
                        help="analyse each package of site-packages alone (installs nothing)")
    parser.add_argument("--site-packages", type=Path, default=Path(sysconfig.get_paths()["purelib"]),
                        help="the site-packages folder to sweep (default: this environment's)")
    parser.add_argument("--package-timeout", type=float, default=900.0, help="seconds per package in --sweep")
    parser.add_argument("--packages", default="", help="comma-separated names: sweep only these")
    parser.add_argument("--results-name", default="sweep", help="file name (no suffix) of the sweep's results")
    args = parser.parse_args()
    if args.frontends:
        work = Path(tempfile.mkdtemp(prefix="devterms-bench-"))
        try:
            row = bench_frontends(work, args.timeout)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "frontends.json").write_text(json.dumps(row, indent=2) + "\n")
        print(json.dumps({k: v for k, v in row.items() if k.startswith(("ratio", "one", "files"))}, indent=2))
        return 0
    if args.engine:
        work = Path(tempfile.mkdtemp(prefix="devterms-bench-"))
        try:
            result = bench_engine(work, [int(n) for n in args.engine.split(",")], args.timeout)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "engine.json").write_text(json.dumps(result, indent=2) + "\n")
        (RESULTS / "engine.md").write_text(engine_markdown(result))
        print(engine_markdown(result))
        return 0
    started = time.perf_counter()
    if args.sweep:
        RESULTS.mkdir(exist_ok=True)
        name = args.results_name
        result = sweep(args.site_packages.resolve(), args.package_timeout, [p for p in args.packages.split(",") if p],
                       RESULTS / f"{name}.partial.json")
        (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n")
        (RESULTS / f"{name}.md").write_text(sweep_markdown(result))
        print(sweep_markdown(result))
        return 0 if not (result["tracebacks"] or result["crashes"] or result["timeouts"]) else 1
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    site = Path(sysconfig.get_paths()["purelib"])
    steps = {"stdlib": 10 if args.quick else 1, "site": args.site_step or (10 if args.quick else 4)}
    bases = {"stdlib": stdlib, "site": site}
    work = Path(tempfile.mkdtemp(prefix="devterms-bench-"))
    try:
        corpora = [bench_corpus(name, bases[name], steps[name], work, args.timeout, args.quick)
                   for name in args.corpora.split(",") if name]
        synthetic = bench_synthetic(work, [25, 50, 100], args.timeout)
        single = bench_single_file(work, args.timeout)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                   if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    result = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{os.cpu_count()} CPU {cpu} {platform.system()} {platform.release()}".strip(),
        "python": platform.python_version(),
        "mode": "quick" if args.quick else "full",
        "total_seconds": time.perf_counter() - started,
        "corpora": corpora, "synthetic": synthetic, "single_file": single,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "latest.md").write_text(markdown(result))
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
