"""[tool.devterms]: every key read, every mistake named by file and key, and selection rules."""

from __future__ import annotations

import json

from pathlib import Path

import pytest
from harness.frontends import write_tree

from devterms.checker import check_project
from devterms.config import AllowedHost, load_config
from devterms.project import build_pack
from devterms.pack.load import load_default_pack
from devterms.errors import InputError
from devterms.selection import Selection

FULL = """\
[project]
name = "demo"

[tool.devterms]
select = ["DT1", "DT2"]
extend-select = ["DT102"]
ignore = ["DT201"]
exclude = ["migrations", "scripts/legacy_*.py"]
rule-packs = ["devterms-rules"]
per-path-ignores = { "tests/*" = ["DT1"], "notebooks/*.py" = ["DT501"] }
severity = { DT501 = "error" }

[[tool.devterms.allow-hosts]]
host = "*.example.gov"
justification = "Open-data portal we publish aggregate statistics to; no personal data."

[[tool.devterms.sources]]
id = "acme-x-archive"
platform = "x"
checked = "acme.archive 1.0 acme/archive.py"
description = "Our archive of X posts."
calls = ["acme.archive.load_tweets"]

[[tool.devterms.sinks]]
id = "acme-face-match"
category = "face-identification"
checked = "acme.vision 2.3 acme/vision/match.py"
description = "Our in-house face matcher."
calls = ["acme.vision.match_faces"]
args = [0]
"""


def config_error(tmp_path: Path, table: str) -> InputError:
    write_tree(tmp_path, {"pyproject.toml": "[tool.devterms]\n" + table})
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    return caught.value


def test_full_example_is_read_into_values(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": FULL})
    config = load_config(tmp_path)
    assert config.file == tmp_path / "pyproject.toml"
    assert config.select == ("DT1", "DT2") and config.extend_select == ("DT102",)
    assert config.ignore == ("DT201",) and config.exclude == ("migrations", "scripts/legacy_*.py")
    assert config.rule_packs == ((tmp_path / "devterms-rules").resolve(),)
    assert config.per_path_ignores == (("tests/*", ("DT1",)), ("notebooks/*.py", ("DT501",)))
    assert config.severity == {"DT501": "error"}
    assert config.allow_hosts == (AllowedHost("*.example.gov", config.allow_hosts[0].justification),)
    assert [s["id"] for s in config.pack_entries["sources"]] == ["acme-x-archive"]
    entry = config.pack_extra()["sinks"][0]
    assert entry.file == str(tmp_path / "pyproject.toml") and entry.raw["id"] == "acme-face-match"


def test_no_table_means_defaults(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": "[project]\nname = 'x'\n"})
    config = load_config(tmp_path)
    assert config.select is None and config.ignore == ()
    assert load_config(tmp_path / "missing").select is None


@pytest.mark.parametrize(("table", "key", "words"), [
    ("selct = ['DT1']\n", "selct", "is not a devterms setting"),
    ("select = 'DT101'\n", "select", "list of non-empty strings"),
    ("ignore = ['E501']\n", "ignore", "not a devterms code"),
    ("severity = { DT101 = 'fatal' }\n", "severity", "must be one of"),
    ("severity = { DT1 = 'error' }\n", "severity", "not a devterms code"),
    ("allow-bare-noqa = true\n", "allow-bare-noqa", "was removed"),
    ("per-path-ignores = ['tests/*']\n", "per-path-ignores", "table"),
    ("sinks = { id = 'x' }\n", "sinks", "array of tables"),
    ("[[tool.devterms.allow-hosts]]\nhost = 'api.example.gov'\n", "allow-hosts", "justification"),
    ("[[tool.devterms.allow-hosts]]\nhost = 'api.example.gov'\njustification = ' '\n", "allow-hosts", "justification"),
    ("[[tool.devterms.allow-hosts]]\nhost = 'http://x/'\njustification = 'ok'\n", "allow-hosts", "host name"),
])
def test_mistakes_name_the_file_and_the_key(tmp_path: Path, table: str, key: str, words: str) -> None:
    error = config_error(tmp_path, table)
    assert error.file == str(tmp_path / "pyproject.toml")
    assert error.entry == "[tool.devterms]" and error.key == key and words in error.problem


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": "[tool.devterms\n"})
    with pytest.raises(InputError, match="is not valid TOML") as caught:
        load_config(tmp_path)
    assert caught.value.file == str(tmp_path / "pyproject.toml")


def test_explicit_file_may_hold_bare_keys(tmp_path: Path) -> None:
    write_tree(tmp_path, {"devterms.toml": "ignore = ['DT5']\n"})
    assert load_config(tmp_path, tmp_path / "devterms.toml").ignore == ("DT5",)


def test_extra_entries_and_severity_reach_the_rule_pack(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": FULL.replace('rule-packs = ["devterms-rules"]\n', "")})
    pack = build_pack(load_config(tmp_path))
    assert any(s.id == "acme-face-match" for s in pack.sinks)
    assert any(s.id == "acme-x-archive" for s in pack.sources)
    assert pack.rules["DT501"].severity == "error"


def test_bad_extra_entry_is_reported_in_the_config_file(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": FULL.replace('rule-packs = ["devterms-rules"]\n', "")
                          .replace('args = [0]', 'args = [0]\ncolour = "red"')})
    with pytest.raises(InputError) as caught:
        build_pack(load_config(tmp_path))
    assert caught.value.file == str(tmp_path / "pyproject.toml") and caught.value.key == "colour"


def test_severity_for_an_unknown_rule_is_an_error(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": "[tool.devterms]\nseverity = { DT999 = 'note' }\n"})
    with pytest.raises(InputError, match="DT999") as caught:
        build_pack(load_config(tmp_path))
    assert caught.value.key == "severity"


def test_missing_rule_pack_folder_is_an_error(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": "[tool.devterms]\nrule-packs = ['nowhere']\n"})
    with pytest.raises(InputError, match="rule pack"):
        build_pack(load_config(tmp_path))


@pytest.mark.parametrize("folder", ["/", "..", "../elsewhere", "pack/../../x"])
def test_rule_pack_folders_stay_inside_the_project(tmp_path: Path, folder: str) -> None:
    """A cloned project's settings cannot make devterms walk the filesystem."""
    project = tmp_path / "project"
    write_tree(project, {"pyproject.toml": f"[tool.devterms]\nrule-packs = [{folder!r}]\n"})
    with pytest.raises(InputError, match="outside") as caught:
        load_config(project)
    assert caught.value.key == "rule-packs"


POST = """\
import requests
import tweepy

client = tweepy.Client(bearer_token="not-a-token")
resp = client.search_recent_tweets(query="#python", expansions=["author_id"], user_fields=["location"])
requests.post("https://stats.example.gov/upload", json=resp.data, timeout=10)
requests.post("https://tips.example.gov/upload", json=resp.data, timeout=10)
"""


def test_allow_hosts_carve_a_host_out_of_a_broader_sink_pattern_and_key_the_cache(tmp_path: Path) -> None:
    """The README's own example: stats.example.gov allowed inside the pack's *.gov, cache on."""
    import subprocess
    import sys

    def dt201_hosts() -> list[str]:
        done = subprocess.run([sys.executable, "-m", "devterms", "check", "--format", "json"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=300)
        return [f["message"].rsplit(" to ", 1)[1] for f in json.loads(done.stdout)["findings"]]

    write_tree(tmp_path, {"pyproject.toml": "[project]\nname = 'x'\n", "post.py": POST})
    assert dt201_hosts() == ["stats.example.gov", "tips.example.gov"]
    allow = "[[tool.devterms.allow-hosts]]\nhost = '{}'\njustification = 'aggregate counts only'\n"
    write_tree(tmp_path, {"pyproject.toml": allow.format("stats.example.gov")})
    assert dt201_hosts() == ["tips.example.gov"]
    write_tree(tmp_path, {"pyproject.toml": allow.format("tips.example.gov")})  # cached answers are keyed
    assert dt201_hosts() == ["stats.example.gov"]
    write_tree(tmp_path, {"pyproject.toml": allow.format("*.example.gov")})
    assert dt201_hosts() == []


def test_the_pack_version_follows_the_effective_configuration(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": ""})
    plain = build_pack(load_config(tmp_path)).version
    write_tree(tmp_path, {"pyproject.toml": "[tool.devterms]\nseverity = { DT101 = 'warning' }\n"})
    assert build_pack(load_config(tmp_path)).version != plain


@pytest.mark.parametrize(("selection", "code", "default", "expected"), [
    (Selection(None, (), ()), "DT101", True, True),
    (Selection(None, (), ()), "DT102", False, False),
    (Selection(None, ("DT102",), ()), "DT102", False, True),
    (Selection(None, (), ("DT1",)), "DT101", True, False),
    (Selection(("DT2",), (), ()), "DT101", True, False),
    (Selection(("DT1",), (), ()), "DT102", False, False),  # a prefix does not wake a disabled rule
    (Selection(("DT1",), (), ("DT101",)), "DT101", True, False),  # the more specific ignore wins
    (Selection(("DT101",), (), ("DT1",)), "DT101", True, True),   # the more specific select wins
    (Selection(None, (), ("DT0",)), "DT001", True, False),
])
def test_selection(selection: Selection, code: str, default: bool, expected: bool) -> None:
    assert selection.enabled(code, default) is expected


def test_per_path_ignores_match_globs_and_prefixes() -> None:
    selection = Selection(None, (), (), (("tests/*", ("DT1",)),))
    assert selection.ignored_at("DT101", "tests/test_a.py")
    assert not selection.ignored_at("DT201", "tests/test_a.py")
    assert not selection.ignored_at("DT101", "src/a.py")


def test_a_project_extends_a_vocabulary_and_its_terms_are_found(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        "pyproject.toml": "[[tool.devterms.vocabularies]]\nextends = 'health'\n"
                          "terms = { en = ['long covid'], it = ['depressione'] }\n",
        "flag.py": "import re\nimport tweepy\n\n\ndef flag(user):\n"
                   "    for tweet in tweepy.Client('t').get_users_tweets(user).data:\n"
                   "        if re.search(r'\\b(depressione)\\b', tweet.text):\n"
                   "            return user\n",
    })
    pack = build_pack(load_config(tmp_path))
    assert "depressione" in pack.vocabularies["health"].terms and "it" in pack.vocabularies["health"].languages
    result = check_project([tmp_path / "flag.py"], pack=pack, root=tmp_path, display_base=tmp_path)
    assert [(f.line, f.code) for f in result.findings] == [(7, "DT401")]
    default = check_project([tmp_path / "flag.py"], pack=load_default_pack(), root=tmp_path, display_base=tmp_path)
    assert not default.findings


def test_extending_an_unknown_vocabulary_names_the_key(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": "[[tool.devterms.vocabularies]]\nextends = 'helth'\n"
                                            "terms = { en = ['x'] }\n"})
    with pytest.raises(InputError, match="helth") as caught:
        build_pack(load_config(tmp_path))
    assert caught.value.file == str(tmp_path / "pyproject.toml")
