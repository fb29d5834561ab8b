"""``devterms map``: the uses of platform data by platform, the declared use and DT601.

The maps of ``examples/`` and of four projects are compared exactly (JSON, section by section);
the DT601 examples under ``tests/declared/`` are compared with their annotations by
:mod:`harness.annotations`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from devterms import checker
from devterms.checker import check_project
from devterms.cli import main
from devterms.declaration import FILE_NAME, find_declaration, parse_declaration, undeclared
from devterms.project import analyse, open_project, selection_for
from devterms.mapping import MapReport, build_map
from devterms.model import Use
from devterms.report import map_html, map_json, map_markdown
from devterms.pack.load import load_default_pack
from devterms.errors import InputError
from harness.annotations import compare
from harness.corpus import project_files

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
DECLARED = TESTS / "declared"


X = "tweepy.Client"
SEARCH, MENTIONS, FOLLOWERS = f"{X}.search_recent_tweets", f"{X}.get_users_mentions", f"{X}.get_users_followers"


def _counts(*at: str, source: str) -> dict:
    return {"category": "counts", "rule": None, "via": ["len"], "sources": [source], "at": list(at)}


def _faces(code: str, category: str, call: str, *at: str, source: str) -> dict:
    return {"category": category, "rule": code, "via": [call], "sources": [source], "at": list(at)}


def _source(call: str, *at: str) -> dict:
    return {"call": call, "source": "tweepy-client", "at": list(at)}


# Per project: sources, stores, destinations, derived, findings (code and location) of X's data.
EXPECTED = {
    "examples": {
        "sources": [_source(f"{X}.get_me", "benign_bot/bot.py:32"),
                    _source(MENTIONS, "benign_bot/bot.py:22"),
                    _source(SEARCH, "clearview_pipeline/scrape.py:11")],
        "stores": [],
        "destinations": [{"host": "tips.example-agency.gov", "group": "public-sector", "via": ["requests.post"],
                          "sources": [SEARCH], "at": ["clearview_pipeline/report.py:15"]}],
        "derived": [_counts("clearview_pipeline/report.py:16", source=SEARCH),
                    _faces("DT101", "face-identification", "face_recognition.face_encodings",
                           "clearview_pipeline/faces.py:26", source=SEARCH)],
        "findings": [("DT101", "clearview_pipeline/faces.py:26:25"), ("DT201", "clearview_pipeline/report.py:15:9")],
    },
    "tests/projects/benign_dashboard": {
        "sources": [_source(MENTIONS, "fetch.py:9")],
        "stores": [],
        "destinations": [],  # publish() posts numbers only: counts identify no one
        "derived": [_counts("stats.py:7", "stats.py:9", "stats.py:11", source=MENTIONS)],
        "findings": [],
    },
    "tests/projects/cross_module_pipeline": {
        "sources": [_source(SEARCH, "scrape.py:10")],
        "stores": [],
        "destinations": [{"host": "intake.fusion.example.gov", "group": "public-sector", "via": ["requests.post"],
                          "sources": [SEARCH], "at": ["report.py:9"]}],
        "derived": [_counts("report.py:13", source=SEARCH),
                    _faces("DT101", "face-identification", "face_recognition.face_encodings", "faces.py:17",
                           source=SEARCH)],
        "findings": [("DT101", "faces.py:17:12"), ("DT201", "report.py:9:5")],
    },
    "tests/projects/xf_file_roundtrip": {
        "sources": [_source(FOLLOWERS, "scrape_avatars.py:13")],
        "stores": [{"name": "avatars/*.jpg", "kind": "files", "sources": [FOLLOWERS], "at": ["scrape_avatars.py:16"]}],
        "destinations": [],  # requests.get of a photo's own URL fetches data, it sends none
        "derived": [_counts("scrape_avatars.py:18", source=FOLLOWERS),
                    _faces("DT102", "face-detection", "face_recognition.face_locations", "encode_folder.py:23",
                           source=FOLLOWERS),
                    _faces("DT101", "face-identification", "face_recognition.face_encodings", "encode_folder.py:15",
                           "encode_folder.py:28", "encode_one.py:8", source=FOLLOWERS)],
        "findings": [("DT101", "encode_folder.py:15:21"), ("DT102", "encode_folder.py:23:25"),
                     ("DT101", "encode_folder.py:28:9"), ("DT101", "encode_one.py:8:12")],
    },
    "tests/declared/declared_dashboard": {
        "sources": [_source(MENTIONS, "fetch.py:12")],
        "stores": [{"name": "mention:*", "kind": "cache", "sources": [MENTIONS], "at": ["main.py:19"]},
                   {"name": "mentions", "kind": "tables", "sources": [MENTIONS], "at": ["fetch.py:14"]}],
        "destinations": [
            {"host": "api.example.org", "group": "third-party", "via": ["requests.post"], "sources": [MENTIONS],
             "at": ["main.py:15"]},
            {"host": "collect.analytics-vendor.example.com", "group": "third-party", "via": ["requests.post"],
             "sources": [MENTIONS], "at": ["main.py:16"]}],
        "derived": [_counts("scores.py:13", source=MENTIONS),
                    {"category": "sentiment", "rule": None,
                     "via": ["vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer.polarity_scores"],
                     "sources": [MENTIONS], "at": ["scores.py:11"]},
                    {"category": "topics", "rule": None, "via": ["bertopic.BERTopic.fit_transform"],
                     "sources": [MENTIONS], "at": ["scores.py:12"]}],
        "findings": [],
    },
}


@pytest.fixture(scope="module")
def pack():
    return load_default_pack()


def _run(folder: Path, pack, **options):
    files = project_files(folder)
    return check_project(files, pack=pack, root=folder, display_base=folder, **options)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_map_of_a_project_is_exactly_its_uses(name: str, pack) -> None:
    folder = REPO / name
    result = _run(folder, pack, inventory=True)
    document = json.loads(map_json.render(MapReport(build_map(pack, result.uses, result.findings))))
    assert document["version"] == 1 and document["declaration"] is None and "undeclared" not in document
    [platform] = document["platforms"]
    assert (platform["id"], platform["name"]) == ("x", pack.platforms["x"].name)
    documents = pack.platforms["x"].documents
    assert platform["documents"] == [{"id": d.id, "title": d.title, "url": d.url} for d in documents]
    expected = EXPECTED[name]
    for section in ("sources", "stores", "destinations", "derived"):
        assert platform[section] == expected[section], section
    assert [(f["code"], f"{f['path']}:{f['line']}:{f['column']}") for f in platform["findings"]] == expected["findings"]
    # One run answers both: the map's findings are check's, message for message.
    plain = _run(folder, pack)
    assert [f["message"] for f in platform["findings"]] == [f.message for f in plain.findings]


def test_the_map_adds_no_finding_to_check(pack) -> None:
    """Uses are facts for the map: the inventory run finds exactly what check finds."""
    for name in EXPECTED:
        folder = REPO / name
        assert _run(folder, pack, inventory=True).findings == _run(folder, pack).findings, name


def test_the_prescreen_never_changes_the_map(pack) -> None:
    for name in EXPECTED:
        folder = REPO / name
        assert _run(folder, pack, inventory=True, prescreen=False).uses == _run(folder, pack, inventory=True).uses, name


def test_uses_are_cached_with_the_run(tmp_path: Path, pack) -> None:
    folder = tmp_path / "project"
    shutil.copytree(REPO / "tests/projects/xf_file_roundtrip", folder)
    first = _run(folder, pack, inventory=True, cache_dir=tmp_path / "cache")
    assert first.uses and len(list((tmp_path / "cache").glob("[0-9a-f]*.json"))) == 1
    checker._results.clear()
    checker._recent.clear()
    again = _run(folder, pack, inventory=True, cache_dir=tmp_path / "cache")
    assert again.uses == first.uses and again.findings == first.findings
    _run(folder, pack, cache_dir=tmp_path / "cache")  # check's run is keyed apart
    assert len(list((tmp_path / "cache").glob("[0-9a-f]*.json"))) == 2


# --------------------------------------------------------------------------- DT601


def declared_projects() -> list[Path]:
    return sorted(p for p in DECLARED.iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", declared_projects(), ids=lambda p: p.name)
def test_undeclared_uses_are_dt601_exactly_where_annotated(folder: Path) -> None:
    project = open_project(folder)
    outcome = analyse(project, selection_for(project), display_base=folder, use_cache=False, inventory=True)
    declaration = find_declaration(project.root, project.config.use, project.config.file, project.pack)
    assert declaration is not None
    found = undeclared(declaration, outcome.uses, project.pack, "warning")
    files = project_files(folder)
    out = compare(files, folder, found, outcome.diagnostics, known_codes={"DT601"})
    other = [p for p in out.problems if "DT601" in p or "diagnostic" in p or "malformed" in p]
    assert not other, "\n".join(other)
    assert found, "each declared example has an undeclared use"


def test_dt601_is_off_without_a_declaration(tmp_path: Path, capsys) -> None:
    project = tmp_path / "bot"
    shutil.copytree(REPO / "examples", project)
    assert main(["map", "--check", "--no-cache", "--format", "json", str(project)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["declaration"] is None and document["undeclared"] == []
    assert main(["check", "--no-cache", "--format", "json", "--exit-zero", str(project)]) == 0
    assert "DT601" not in capsys.readouterr().out


def test_a_drafted_declaration_covers_todays_code(tmp_path: Path, capsys) -> None:
    project = tmp_path / "project"
    shutil.copytree(REPO / "examples", project)
    assert main(["map", "--write-declaration", "--no-cache", str(project)]) == 0
    text = (project / FILE_NAME).read_text(encoding="utf-8")
    assert '[x]\n' in text and 'purposes = ["counts", "face-identification"]' in text
    assert 'destinations = ["tips.example-agency.gov"]' in text
    capsys.readouterr()
    assert main(["map", "--check", "--no-cache", str(project)]) == 0
    assert "Every use is declared in devterms-use.toml." in capsys.readouterr().out
    (project / FILE_NAME).write_text(text.replace('destinations = ["tips.example-agency.gov"]', "destinations = []"))
    assert main(["map", "--check", "--no-cache", str(project)]) == 1
    out = capsys.readouterr().out
    assert "report.py:15:9: DT601 X (Twitter) data is sent to tips.example-agency.gov (public-sector), which " \
           "devterms-use.toml does not declare" in out


def test_map_check_exits_1_and_names_the_undeclared_uses(capsys) -> None:
    assert main(["map", "--check", "--no-cache", str(DECLARED / "declared_dashboard")]) == 1
    out = capsys.readouterr().out
    assert "main.py:16:5: DT601 X (Twitter) data is sent to collect.analytics-vendor.example.com (third-party), " \
           "which pyproject.toml [tool.devterms.use] does not declare" in out
    assert "3 uses not declared in pyproject.toml [tool.devterms.use]." in out
    assert main(["map", "--check", "--exit-zero", "--no-cache", str(DECLARED / "declared_dashboard")]) == 0


def test_own_hosts_group_destinations_as_own_services(pack) -> None:
    folder = DECLARED / "declared_dashboard"
    project = open_project(folder)
    declaration = find_declaration(project.root, project.config.use, project.config.file, project.pack)
    uses = [Use("send", "x", "api.example.org", "requests.post", MENTIONS, "main.py", 15, 4),
            Use("send", "x", "db.internal", "requests.post", MENTIONS, "main.py", 16, 4),
            Use("send", "x", "?", "requests.post", MENTIONS, "main.py", 17, 4)]
    data_map = build_map(pack, uses, [], declaration.own_hosts)
    assert [(d.name, d.kind) for d in data_map.platforms[0].destinations] == [
        ("?", "unknown"), ("api.example.org", "own-services"), ("db.internal", "own-services")]


@pytest.mark.parametrize(("table", "problem"), [
    ({"myspace": {}}, "myspace: is not a platform"),
    ({"x": {"purpose": []}}, "x.purpose: is not a key"),
    ({"x": {"stores": "mentions"}}, "x.stores: must be a list of non-empty strings"),
    ({"x": {"destinations": ["https://api.example.org"]}}, "x.destinations:"),
    ({"x": []}, "x: must be a table"),
])
def test_declaration_mistakes_name_the_key(table: dict, problem: str, pack) -> None:
    with pytest.raises(InputError, match=problem.replace(".", r"\.")):
        parse_declaration(table, Path("pyproject.toml"), pack)


def test_a_declaration_in_two_places_is_a_mistake(tmp_path: Path, pack) -> None:
    (tmp_path / FILE_NAME).write_text("[x]\npurposes = []\n")
    with pytest.raises(InputError, match="declares the use a second time"):
        find_declaration(tmp_path, {"x": {}}, tmp_path / "pyproject.toml", pack)


# --------------------------------------------------------------------------- formats


def test_markdown_map_has_a_table_per_section(pack) -> None:
    result = _run(REPO / "examples", pack, inventory=True)
    text = map_markdown.render(MapReport(build_map(pack, result.uses, result.findings)))
    assert text.startswith("# Use of platform data\n")
    assert "## X (Twitter)\n" in text and "[X Developer Agreement](https://docs.x.com/developer-terms/agreement)" in text
    assert "| `tweepy.Client.search_recent_tweets` | `clearview_pipeline/scrape.py:11` |" in text
    assert "### Where it is stored\n\nNone.\n" in text
    assert "| `tips.example-agency.gov` | public sector | `requests.post` | " \
           "`clearview_pipeline/report.py:15` |" in text
    assert "| face-identification | DT101 | `face_recognition.face_encodings` | " \
           "`clearview_pipeline/faces.py:26` |" in text
    assert "| counts | - | `len` | `clearview_pipeline/report.py:16` |" in text
    assert "- `clearview_pipeline/faces.py:26:25` DT101: X (Twitter) data from" in text


def test_html_map_escapes_and_draws_three_columns(pack) -> None:
    uses = [Use("source", "x", SEARCH, "tweepy-client", SEARCH, "a.py", 1, 0),
            Use("store", "x", "<script>alert(1)</script>", "files", SEARCH, "a.py", 2, 0)]
    page = map_html.render(MapReport(build_map(pack, uses, [])))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.count('<div class="column">') == 3 and "Collected by" in page and "Stored in" in page


def test_noqa_silences_one_dt601(tmp_path: Path, capsys) -> None:
    project = tmp_path / "dashboard"
    shutil.copytree(DECLARED / "declared_dashboard", project)
    main_py = project / "main.py"
    main_py.write_text(main_py.read_text().replace(
        'cache.set(f"mention:{tweet.id}", tweet.text)  # expect: DT601',
        'cache.set(f"mention:{tweet.id}", tweet.text)  # noqa: DT601 reviewed: a one-day cache'))
    assert main(["map", "--check", "--no-cache", str(project)]) == 1
    out = capsys.readouterr().out
    assert "mention:*" in out.split("\n\n")[0] and "(cache), which" not in out
    assert "2 uses not declared" in out


def test_what_the_map_leaves_out(pack) -> None:
    """A request to the data's own platform collects; another platform's host is a destination;
    an unnamed store at a call that names one is the same write; the public sector is a
    destination, not a purpose."""
    uses = [Use("send", "x", "api.twitter.com", "requests.get", MENTIONS, "a.py", 1, 0),
            Use("send", "reddit", "api.telegram.org", "requests.post", "praw.Reddit.subreddit", "a.py", 2, 0),
            Use("store", "x", "?", "files", MENTIONS, "a.py", 3, 0),
            Use("store", "x", "out.csv", "files", MENTIONS, "a.py", 3, 0),
            Use("store", "x", "?", "files", MENTIONS, "a.py", 4, 0),
            Use("derive", "x", "public-sector", "requests.post to x.gov", MENTIONS, "a.py", 5, 0)]
    data_map = build_map(pack, uses, [])
    reddit, x = data_map.platform("reddit"), data_map.platform("x")
    assert [(d.name, d.kind) for d in reddit.destinations] == [("api.telegram.org", "platform")]
    assert x.destinations == () and x.derived == ()
    assert [(s.name, s.at) for s in x.stores] == [("?", ("a.py:4",)), ("out.csv", ("a.py:3",))]


def test_registered_callbacks_are_sources(pack) -> None:
    result = _run(TESTS / "projects" / "unrest_watch", pack, inventory=True)
    x = build_map(pack, result.uses, result.findings).platform("x")
    assert ("UnrestStream.on_tweet() registered with tweepy", ("watch/x_stream.py:14",)) in [
        (s.name, s.at) for s in x.sources]


def test_messaging_services_are_destinations(pack) -> None:
    result = _run(TESTS / "projects" / "unrest_watch", pack, inventory=True)
    x = build_map(pack, result.uses, result.findings).platform("x")
    assert [(d.name, d.kind, d.via, d.at) for d in x.destinations] == [
        ("slack-messages", "service", ("slack_sdk.WebClient.chat_postMessage",), ("watch/x_stream.py:18",))]
