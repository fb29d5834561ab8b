"""devterms reads code, never runs it; rule packs cannot run code; the cache cannot hide findings.

Each trap writes a marker file if it is ever executed; the tests check that no marker appears.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path

import pytest

from harness.frontends import SAMPLE_DT101, SAMPLE_DT101_LINE

from devterms.checker import CheckResult, check_project
from devterms.pack.load import load_default_pack, load_pack
from devterms.errors import InputError

PACK = load_default_pack()

SINK_PROGRAM, SINK_LINE = SAMPLE_DT101, SAMPLE_DT101_LINE


@pytest.fixture(autouse=True)
def private_cache_key(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache's HMAC key lives under XDG_CACHE_HOME: keep it out of the real home folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg")))


def check(root: Path, **options) -> CheckResult:
    return check_project(sorted(root.rglob("*.py")), pack=PACK, root=root, display_base=root, **options)


def trap(marker: Path, extra: str = "") -> str:
    """Module code that leaves ``marker`` behind if anyone imports or runs it."""
    return (
        "import tweepy, face_recognition\n"
        f"open({str(marker)!r}, 'w').write('executed')\n"
        f"{extra}"
        "def fetch():\n"
        f"    open({str(marker)!r}, 'w').write('called')\n"
        "    return tweepy.Client('t').get_user(username='x').data\n"
        "if __name__ == '__main__':\n"
        f"    open({str(marker)!r}, 'w').write('main')\n"
    )


# --------------------------------------------------------------------------- never executed

def test_analysed_code_is_never_imported_or_run(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    markers = tmp_path / "markers"
    markers.mkdir()
    names = ["evil", "sitecustomize", "usercustomize", "conftest", "setup", "__main__",
             "json", "os", "re", "typing", "libcst", "yaml", "devterms", "tweepy", "face_recognition"]
    for name in names:
        (project / f"{name}.py").write_text(trap(markers / name))
    pkg = project / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(trap(markers / "pkg_init"))
    (pkg / "__main__.py").write_text(trap(markers / "pkg_main"))
    (project / "app.py").write_text(
        "import evil, json, os, pkg\nfrom evil import fetch\nimport face_recognition\n"
        "face_recognition.face_encodings(fetch())\n" + trap(markers / "app"))
    (project / "setup.cfg").write_text("[metadata]\nname = trap\n")
    (project / "trap.pth").write_text(f"import os; open({str(markers / 'pth')!r}, 'w')\n")
    before = set(sys.modules)
    result = check(project)
    assert result.files == len(names) + 3
    assert sorted(p.name for p in markers.iterdir()) == []
    # nothing from the project became an importable module of this process
    new = set(sys.modules) - before
    assert not {m for m in new if m.split(".")[0] in {"evil", "pkg", "app", "sitecustomize", "trap"}}
    for name in ("json", "os", "re", "typing", "yaml", "libcst"):
        module = sys.modules.get(name)
        assert module is None or not str(getattr(module, "__file__", "")).startswith(str(project))


def test_analysis_does_not_change_sys_path_or_cwd(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text(SINK_PROGRAM)
    path_before, cwd_before = list(sys.path), Path.cwd()
    check(tmp_path)
    assert sys.path == path_before
    assert Path.cwd() == cwd_before


# --------------------------------------------------------------------------- rule packs

YAML_ATTACKS = {
    "object_apply": "sources:\n  - !!python/object/apply:os.system [\"touch {marker}\"]\n",
    "object_apply_mapping": "platforms: !!python/object/apply:os.system\n  args: [\"touch {marker}\"]\n",
    "python_name": "sinks:\n  - call: !!python/name:os.system\n",
    "object_new": "sources:\n  - !!python/object/new:subprocess.Popen [[\"touch\", \"{marker}\"]]\n",
    "module": "sources:\n  - !!python/module:os\n",
}


@pytest.mark.parametrize("name", sorted(YAML_ATTACKS))
def test_rule_pack_yaml_cannot_run_code(tmp_path: Path, name: str) -> None:
    marker = tmp_path / "marker"
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "evil.yaml").write_text(YAML_ATTACKS[name].format(marker=marker))
    with pytest.raises(InputError):
        load_pack([pack])
    assert not marker.exists()


def test_rule_pack_yaml_bomb_is_rejected_or_bounded(tmp_path: Path) -> None:
    """A billion-laughs alias bomb must not be expanded into memory."""
    pack = tmp_path / "pack"
    pack.mkdir()
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    lines += ["sources: [*a8]"]
    (pack / "bomb.yaml").write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError):
        load_pack([pack])


# --------------------------------------------------------------------------- no network

def test_no_network_access_during_a_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access during analysis")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    (tmp_path / "mod.py").write_text(
        SINK_PROGRAM + 'requests.post("https://tips.fbi.gov/upload", json=resp.data)\n'
        'import urllib.request\nurllib.request.urlopen("http://example.com/x")\n')
    examples = Path(__file__).parent / "examples" / "public_sector"
    for source in sorted(examples.glob("*.py")):
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"))
    result = check(tmp_path, cache_dir=tmp_path / "cache")
    assert attempts == []
    assert ("mod.py", SINK_LINE, "DT101") in {(f.path, f.line, f.code) for f in result.findings}


# --------------------------------------------------------------------------- cache tampering

def _cached_entries(cache: Path) -> list[Path]:
    """The cached answers (not the screen index or the project shapes)."""
    return sorted(p for p in cache.glob("*.json") if not p.name.startswith(("index-", "shape-")))


def _codes(result: CheckResult) -> set[tuple[str, int, str]]:
    return {(f.path, f.line, f.code) for f in result.findings}


@pytest.mark.parametrize("how", ["edit_payload", "drop_mac", "forge_mac", "empty_object", "garbage", "truncate"])
def test_tampered_cache_cannot_hide_a_finding(tmp_path: Path, how: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "mod.py").write_text(SINK_PROGRAM)
    cache = tmp_path / "cache"
    first = check(project, cache_dir=cache)
    assert ("mod.py", SINK_LINE, "DT101") in _codes(first)
    entries = _cached_entries(cache)
    assert entries, "the first run wrote no cache entry"
    for entry in entries:
        stored = json.loads(entry.read_text("utf-8"))
        if how in ("edit_payload", "drop_mac", "forge_mac"):
            payload = json.loads(stored["payload"])
            payload["findings"] = []
            stored["payload"] = json.dumps(payload, sort_keys=True)
            if how == "drop_mac":
                del stored["mac"]
            elif how == "forge_mac":
                import hashlib
                stored["mac"] = hashlib.sha256(stored["payload"].encode()).hexdigest()
            entry.write_text(json.dumps(stored), "utf-8")
        elif how == "empty_object":
            entry.write_text(json.dumps({"findings": [], "diagnostics": []}), "utf-8")
        elif how == "garbage":
            entry.write_bytes(b"\x00\xff not json")
        else:
            entry.write_text(entry.read_text("utf-8")[:10], "utf-8")
    second = _fresh_check(project, cache)
    assert _codes(second) == _codes(first)


def test_cache_entry_of_another_project_is_not_reused(tmp_path: Path) -> None:
    """Copying a clean project's entry over this project's key does not hide the finding."""
    clean, dirty, cache = tmp_path / "clean", tmp_path / "dirty", tmp_path / "cache"
    for folder in (clean, dirty):
        folder.mkdir()
    (clean / "mod.py").write_text("import tweepy\nprint('nothing to see')\n")
    (dirty / "mod.py").write_text(SINK_PROGRAM)
    check(clean, cache_dir=cache)
    clean_entry = _cached_entries(cache)[0]
    check(dirty, cache_dir=cache)
    for entry in _cached_entries(cache):
        if entry != clean_entry:
            entry.write_bytes(clean_entry.read_bytes())
    assert ("mod.py", SINK_LINE, "DT101") in _codes(_fresh_check(dirty, cache))


def test_unwritable_cache_dir_is_harmless(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text(SINK_PROGRAM)
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the cache folder should be")
    result = check(tmp_path, cache_dir=blocker)
    assert ("mod.py", SINK_LINE, "DT101") in _codes(result)


# --------------------------------------------------------------------------- output paths

def _all_paths(result: CheckResult) -> list[str]:
    paths = [f.path for f in result.findings] + [d.path for d in result.diagnostics]
    paths += [hop.path for f in result.findings for hop in f.flow]
    return paths


def test_output_paths_stay_inside_display_base(tmp_path: Path) -> None:
    base = tmp_path / "base"
    deep = base / "a b" / "ünï" / "pkg"
    deep.mkdir(parents=True)
    (deep / "__init__.py").write_text("")
    (deep / "mod.py").write_text(SINK_PROGRAM)
    (base / "broken.py").write_text("import tweepy  # tweepy.Client face_recognition.face_encodings\ndef broken(:\n")
    (base / "top.py").write_text(SINK_PROGRAM)
    odd = [base / "a b" / ".." / "top.py", Path(str(deep / "mod.py")), base / "." / "broken.py"]
    result = check_project([*sorted(base.rglob("*.py")), *odd], pack=PACK, root=base, display_base=base)
    assert result.files == 4
    paths = _all_paths(result)
    assert "top.py" in paths and "a b/ünï/pkg/mod.py" in paths and "broken.py" in paths
    for path in paths:
        assert not Path(path).is_absolute(), path
        assert ".." not in Path(path).parts, path
        assert "\\" not in path, path
        assert (base / path).resolve().is_relative_to(base.resolve()), path


def test_relative_display_base_and_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path / "proj"
    (base / "sub").mkdir(parents=True)
    (base / "sub" / "mod.py").write_text(SINK_PROGRAM)
    monkeypatch.chdir(base / "sub")
    result = check_project([Path("mod.py")], pack=PACK, root=Path(".."), display_base=Path(".."))
    assert {f.path for f in result.findings} == {"sub/mod.py"}


# --------------------------------------------------------------------------- hostile trees

def plant_bare_repository(folder: Path, marker: Path) -> None:
    """A committed folder laid out as a bare git repository whose config runs a command."""
    for sub in ("objects/info", "objects/pack", "refs/heads", "refs/tags"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "HEAD").write_text("ref: refs/heads/main\n")
    (folder / "config").write_text(
        "[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = .\n"
        f"\tfsmonitor = \"touch {marker}\"\n")
    (folder / "pyproject.toml").write_text("[project]\nname = 'evil'\n")
    (folder / "x.py").write_text(SINK_PROGRAM)


def test_a_planted_repository_config_runs_nothing(tmp_path: Path) -> None:
    """``devterms check evil/x.py`` and flake8 never run git with the analysed tree's config."""
    import subprocess

    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    marker = tmp_path / "fsmonitor-ran"
    plant_bare_repository(project / "evil", marker)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    cli = subprocess.run([sys.executable, "-m", "devterms", "check", "evil/x.py"], cwd=project,
                         capture_output=True, text=True, timeout=120, env=env)
    assert "DT101" in cli.stdout, cli.stdout + cli.stderr
    flake8 = subprocess.run([sys.executable, "-m", "flake8", "--select", "DT", "evil/x.py"],
                            cwd=project, capture_output=True, text=True, timeout=120, env=env)
    assert "DT101" in flake8.stdout, flake8.stdout + flake8.stderr
    assert not marker.exists()


@pytest.mark.parametrize("module", ["devterms", "devterms.lsp"])
def test_python_dash_m_does_not_import_the_working_folders_modules(tmp_path: Path, module: str) -> None:
    import subprocess

    marker = tmp_path / "imported"
    for name in ("json", "asyncio", "argparse", "typing"):
        (tmp_path / f"{name}.py").write_text(f"open({str(marker)!r}, 'a').write({name!r})\n")
    done = subprocess.run([sys.executable, "-m", module, "--help"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not marker.exists(), marker.read_text()


@pytest.fixture
def forget_memos(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each check starts as a new process would: the per-process answers are not shared."""
    import devterms.checker

    monkeypatch.setattr(devterms.checker, "_recent", {})
    monkeypatch.setattr(devterms.checker, "_results", {})
    monkeypatch.setattr(devterms.checker, "_shapes", {})


def _fresh_check(project: Path, cache: Path) -> CheckResult:
    """A check as a new process would run it: nothing remembered but what the cache holds."""
    import devterms.checker
    import devterms.reading

    devterms.checker._recent.clear()
    devterms.checker._results.clear()
    devterms.checker._shapes.clear()
    devterms.reading._memo.clear()
    return check(project, cache_dir=cache)


@pytest.mark.parametrize("how", ["forge_mac", "keep_mac"])
def test_a_tampered_screen_index_cannot_hide_a_finding(tmp_path: Path, how: str) -> None:
    """The index says which files name a platform; one edited to say "nothing here" (its answer
    gone too) must fail verification, so the file is read and screened again."""
    import hashlib

    project = _project_with_finding(tmp_path)
    cache = tmp_path / "cache"
    assert ("mod.py", SINK_LINE, "DT101") in _codes(_fresh_check(project, cache))
    (index,) = cache.glob("index-*.json")
    for entry in _cached_entries(cache):
        entry.unlink()
    stored = json.loads(index.read_text("utf-8"))
    screens = json.loads(stored["payload"])
    for screen in screens.values():
        screen[-2] = []  # names nothing
    stored["payload"] = json.dumps(screens, sort_keys=True)
    if how == "forge_mac":
        stored["mac"] = hashlib.sha256(stored["payload"].encode()).hexdigest()
    index.write_text(json.dumps(stored), "utf-8")
    assert ("mod.py", SINK_LINE, "DT101") in _codes(_fresh_check(project, cache))


def test_a_file_changed_behind_its_timestamp_is_read_again(tmp_path: Path) -> None:
    """Same size, modification time set back: the change time still differs, so the index entry
    of the clean version is not used for the new text."""
    project = tmp_path / "project"
    project.mkdir()
    module = project / "mod.py"
    module.write_text("x = 1\n" + "#" * (len(SINK_PROGRAM) - 6))
    cache = tmp_path / "cache"
    assert not _fresh_check(project, cache).findings
    before = module.stat()
    module.write_text(SINK_PROGRAM)
    os.utime(module, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert module.stat().st_size == before.st_size and module.stat().st_mtime_ns == before.st_mtime_ns
    assert ("mod.py", SINK_LINE, "DT101") in _codes(_fresh_check(project, cache))


def test_a_warm_run_on_an_unchanged_tree_reads_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On save in a large project, the screen index and the cached answer make reading every file
    unnecessary: a fresh process checks an unchanged tree without opening any of its files."""
    import devterms.reading

    project = _project_with_finding(tmp_path)
    for i in range(20):
        (project / f"other{i}.py").write_text(f"VALUE_{i} = {i}\n")
    (project / "quiet.py").write_text("VALUE = 1  # NOQA: DT201\n")  # DT001 will read it, and only it
    cache = tmp_path / "cache"
    first = _fresh_check(project, cache)
    opened: list[Path] = []
    real = devterms.reading._read_text
    monkeypatch.setattr(devterms.reading, "_read_text", lambda path, limit: opened.append(path) or real(path, limit))
    again = _fresh_check(project, cache)
    assert _codes(again) == _codes(first) and ("mod.py", SINK_LINE, "DT101") in _codes(again)
    assert opened == [] and again.suppressing == first.suppressing == {"quiet.py"}


@pytest.mark.parametrize(("change", "reused"), [
    ("VALUE = 2\n", True),                                   # a file the engine never read
    ("import mod\nVALUE = mod\n", False),                    # ... now importing one it read
    ("import tweepy\nCLIENT = tweepy.Client('t')\n", False),  # ... now naming a source
])
def test_a_change_the_engine_did_not_read_reuses_the_answer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str, reused: bool) -> None:
    """The answer stands when only files the engine did not read change, their imports and
    pre-screen as they were; any other change is analysed."""
    import devterms.analysis

    project = _project_with_finding(tmp_path)
    (project / "other.py").write_text("VALUE = 1\n")
    cache = tmp_path / "cache"
    first = _fresh_check(project, cache)
    runs: list[int] = []
    real = devterms.analysis.run_engine
    monkeypatch.setattr(devterms.analysis, "run_engine", lambda *a: runs.append(1) or real(*a))
    (project / "other.py").write_text(change)
    again = _fresh_check(project, cache)
    assert _codes(again) == _codes(first) and ("mod.py", SINK_LINE, "DT101") in _codes(again)
    assert runs == ([] if reused else [1])
    (project / "mod.py").write_text(SINK_PROGRAM + "\n# edited\n")
    assert ("mod.py", SINK_LINE, "DT101") in _codes(_fresh_check(project, cache)) and len(runs) == 2 - reused


def _project_with_finding(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    (project / "mod.py").write_text(SINK_PROGRAM)
    return project


def test_a_linked_cache_gitignore_is_not_written_through(tmp_path: Path, forget_memos: None) -> None:
    project = _project_with_finding(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    cache = project / ".devterms_cache"
    cache.mkdir()
    (cache / ".gitignore").symlink_to(victim)
    assert ("mod.py", SINK_LINE, "DT101") in _codes(_fresh_check(project, cache))
    assert victim.read_text() == "precious\n"


def test_a_linked_cache_folder_is_not_used(tmp_path: Path, forget_memos: None) -> None:
    project = _project_with_finding(tmp_path)
    target = tmp_path / "elsewhere"
    target.mkdir()
    keep = [target / f"keep{i}.json" for i in range(40)]
    for file in keep:
        file.write_text("{}")
    (project / ".devterms_cache").symlink_to(target, target_is_directory=True)
    for _ in range(2):
        assert ("mod.py", SINK_LINE, "DT101") in _codes(_fresh_check(project, project / ".devterms_cache"))
    assert sorted(target.iterdir()) == sorted(keep)


@pytest.mark.parametrize("key_text", ["", "\n", "zz" * 32, "ab" * 8, "ab" * 64])
def test_a_bad_key_file_is_replaced_not_used(tmp_path: Path, forget_memos: None, key_text: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty key (a full disk) would be a key everyone knows: a planted entry signed with it
    must not hide the finding, and a key that is not hex must not crash the run."""
    import hashlib
    import hmac

    import devterms.cache

    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    monkeypatch.setattr(devterms.cache, "_keys", {})
    project = _project_with_finding(tmp_path)
    cache = tmp_path / "cache"
    assert ("mod.py", SINK_LINE, "DT101") in _codes(_fresh_check(project, cache))
    (entry,) = _cached_entries(cache)
    key = entry.stem
    payload = json.dumps({"findings": [], "diagnostics": []}, sort_keys=True)
    known = bytes.fromhex(key_text.strip()) if key_text.strip() and "z" not in key_text else b""
    mac = hmac.new(known, f"{key}\0{payload}".encode(), hashlib.sha256).hexdigest()
    entry.write_text(json.dumps({"payload": payload, "mac": mac}))
    (xdg / "devterms" / "cache-key").write_text(key_text)
    monkeypatch.setattr(devterms.cache, "_keys", {})
    assert ("mod.py", SINK_LINE, "DT101") in _codes(_fresh_check(project, cache))
    assert len(bytes.fromhex((xdg / "devterms" / "cache-key").read_text())) == 32


@pytest.mark.parametrize("kind", ["dev_zero", "fifo", "link_outside"])
def test_a_cache_entry_that_is_not_a_regular_file_is_not_read(tmp_path: Path, forget_memos: None,
                                                              kind: str) -> None:
    project = _project_with_finding(tmp_path)
    cache = tmp_path / "cache"
    _fresh_check(project, cache)
    (entry,) = _cached_entries(cache)
    entry.unlink()
    if kind == "dev_zero":
        entry.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(entry)
    else:
        outside = tmp_path / "outside.json"
        outside.write_text("{}")
        entry.symlink_to(outside)
    assert ("mod.py", SINK_LINE, "DT101") in _codes(_fresh_check(project, cache))
