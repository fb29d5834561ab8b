"""devterms reads code, never runs it; rule packs cannot run code; the cache cannot hide findings.

Each trap writes a marker file if it is ever executed; the tests check that no marker appears.
"""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

import pytest

from frontend_helpers import SAMPLE_DT101, SAMPLE_DT101_LINE

from devterms.checker import CheckResult, check_project
from devterms.rulepack import load_default_pack, load_pack
from devterms.schema import RulePackError

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
    with pytest.raises(RulePackError):
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
    with pytest.raises(RulePackError):
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
    return sorted(cache.glob("*.json"))


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
    second = check(project, cache_dir=cache)
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
    assert ("mod.py", SINK_LINE, "DT101") in _codes(check(dirty, cache_dir=cache))


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
