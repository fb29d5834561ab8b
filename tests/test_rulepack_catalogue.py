"""Invariants of the shipped rule pack: what every finding relies on being true of the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from devterms.pack.load import default_pack_dir, load_pack

from devterms.pack.types import RulePack

ISSUE_PLATFORMS = {
    "x", "facebook", "instagram", "threads", "reddit", "linkedin", "youtube", "tiktok",
    "pinterest", "snapchat", "discord", "twitch", "telegram", "tumblr", "mastodon", "bluesky",
    "vk", "flickr",
}
RULE_CATEGORIES = {
    "DT101": "face-identification",
    "DT102": "face-detection",
    "DT201": "public-sector",
    "DT301": "identity-matching",
    "DT302": "location-tracking",
    "DT303": "sensitive-events",
    "DT401": "sensitive-inference",
    "DT501": "scraping",
    "DT502": "unofficial-api",
}
CLAUSE_CATEGORIES = {
    "surveillance", "public-sector-disclosure", "biometric-facial-recognition",
    "sensitive-attribute-inference", "cross-platform-identity-matching", "location-tracking",
    "data-resale-broker", "scraping-prohibited", "law-enforcement-exception", "other",
}
VERSIONED = re.compile(r"\d+\.\d+")  # a `checked` note names the version it was verified in


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack([default_pack_dir()])


def _raw_entries(section: str) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = []
    for path in sorted(default_pack_dir().rglob("*.yaml")):
        entries.extend((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(section, []))
    return entries


def test_pack_loads_from_default_dir(pack: RulePack) -> None:
    assert pack.rules and pack.sources and pack.sinks and pack.clauses and pack.http_clients


def test_rule_codes_are_the_catalogue(pack: RulePack) -> None:
    raw_codes = [entry["code"] for entry in _raw_entries("rules")]
    assert len(raw_codes) == len(set(raw_codes))
    assert {code: rule.sink_category for code, rule in pack.rules.items()} == RULE_CATEGORIES


def test_rule_names_are_unique_kebab_case(pack: RulePack) -> None:
    names = [rule.name for rule in pack.rules.values()]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name) for name in names)


@pytest.mark.parametrize("code", sorted(RULE_CATEGORIES))
def test_rule_messages_are_one_line_with_placeholders(pack: RulePack, code: str) -> None:
    rule = pack.rules[code]
    assert "\n" not in rule.message
    assert "{platform}" in rule.message and "{source}" in rule.message
    placeholders = set(re.findall(r"{(\w*)}", rule.message))
    assert placeholders <= {"platform", "source", "sink"}


def test_rule_clauses_exist_and_belong_to_known_platforms(pack: RulePack) -> None:
    for rule in pack.rules.values():
        assert rule.clauses, rule.code
        assert len(rule.clauses) == len(set(rule.clauses)), rule.code
        for cid in rule.clauses:
            clause = pack.clauses[cid]
            assert clause.platform in pack.platforms
            assert clause.category != "law-enforcement-exception", (rule.code, cid)


def test_clauses_are_well_formed(pack: RulePack) -> None:
    for clause in pack.clauses.values():
        assert clause.category in CLAUSE_CATEGORIES, clause.id
        assert clause.url.startswith("https://"), clause.id
        assert clause.document in {d.id for d in pack.platforms[clause.platform].documents}


def test_every_issue_platform_is_present(pack: RulePack) -> None:
    assert ISSUE_PLATFORMS <= set(pack.platforms)


def test_platforms_without_clauses_say_so(pack: RulePack) -> None:
    with_clauses = {c.platform for c in pack.clauses.values()}
    for platform in pack.platforms.values():
        assert platform.documents
        assert set(platform.no_clause) <= CLAUSE_CATEGORIES
        if platform.id not in with_clauses:
            assert "surveillance" in platform.no_clause, platform.id
        found = {c.category for c in pack.clauses.values() if c.platform == platform.id}
        assert not found & set(platform.no_clause), platform.id


def test_every_platform_has_a_source(pack: RulePack) -> None:
    assert {s.platform for s in pack.sources} == set(pack.platforms)


def test_every_sink_category_has_a_rule(pack: RulePack) -> None:
    categories = {s.category for s in pack.sinks}
    assert categories <= {rule.sink_category for rule in pack.rules.values()}
    # every rule has at least one sink, except those reported where a source collects
    collecting = {rule.sink_category for rule in pack.rules.values() if rule.collects}
    assert set(RULE_CATEGORIES.values()) - categories <= collecting


def test_every_source_and_sink_records_a_checked_version(pack: RulePack) -> None:
    for entry in (*pack.sources, *pack.sinks):
        assert entry.checked.strip(), entry.id
        if entry.calls:
            assert VERSIONED.search(entry.checked), entry.id


def test_ids_are_unique_within_each_section() -> None:
    for section in ("sources", "sinks", "http_clients", "sanitizers", "storage", "host_groups", "clauses"):
        ids = [entry["id"] for entry in _raw_entries(section)]
        assert len(ids) == len(set(ids)), section


def test_scrapers_exist_for_dt501(pack: RulePack) -> None:
    assert any(source.kind == "scraper" for source in pack.sources)


def test_public_sector_group_covers_governments(pack: RulePack) -> None:
    hosts = set(pack.host_groups["public-sector"])
    assert {"*.gov", "*.mil", "*.gov.uk", "*.police.uk", "*.europa.eu"} <= hosts


def test_readme_documents_every_section_and_code(pack: RulePack) -> None:
    readme = (Path(default_pack_dir()) / "README.md").read_text(encoding="utf-8")
    for section in ("aliases", "platforms", "legal_process", "clauses", "clause_gaps", "host_groups", "sources", "sinks", "http_clients",
                    "sanitizers", "storage", "propagation", "rules", "tool_rules", "vocabularies", "meetings", "outputs"):
        assert f"### {section}" in readme
    for code in pack.rules:
        assert code in readme


def test_a_propagation_entry_of_the_wrong_shape_names_its_key(tmp_path: Path) -> None:
    from devterms.pack.schema import RulePackError

    (tmp_path / "p.yaml").write_text(
        "propagation:\n  - id: x\n    kind: fills-receiver\n    description: d\n    calls: [len]\n")
    with pytest.raises(RulePackError) as error:
        load_pack([tmp_path])
    assert (error.value.file, error.value.key) == (str(tmp_path / "p.yaml"), "methods")


@pytest.mark.parametrize(("entry", "key"), [
    ("kind: declares-setting\n    calls: [a.B().add]", "default"),
    ("kind: returns-settings\n    calls: [a.B().parse]\n    default: {kw: default}", "default"),
    ("kind: returns-default\n    calls: [a.get]\n    default: {pos: 1}\n    name: {kw: dest}", "name"),
    ("kind: returns-settings\n    calls: [a.B().parse]\n    options: {pos: 0}", "options"),
    ("kind: builds-statement\n    calls: [a.insert]\n    statement: INSERT INTO", "name"),  # which table?
    ("kind: builds-path\n    calls: [a.join]\n    statement: INSERT INTO", "statement"),
    ("kind: builds-statement\n    calls: [a.insert]\n    statement: [INSERT]\n    name: 0", "statement"),
])
def test_a_settings_entry_of_the_wrong_shape_names_its_key(tmp_path: Path, entry: str, key: str) -> None:
    assert _error_key(tmp_path, f"propagation:\n  - id: x\n    description: d\n    {entry}\n") == key


def test_a_storage_entry_without_a_path_names_its_key(tmp_path: Path) -> None:
    text = "storage:\n  - id: x\n    kind: writer\n    description: d\n    calls: [a.save]\n    data: 0\n"
    assert _error_key(tmp_path, text) == "path"


@pytest.mark.parametrize(("entry", "key"), [
    ("kind: writer\n    table: model\n    path: receiver", "table"),  # a model names a table, not a file
    ("kind: lister\n    store: tables\n    table: model\n    path: 0", "kind"),
    ("kind: reader\n    store: tables\n    table: class\n    path: 0", "table"),
    ("kind: writer\n    store: tables\n    path: 0", "data"),  # only a model's writer may write all arguments
])
def test_a_table_entry_of_the_wrong_shape_names_its_key(tmp_path: Path, entry: str, key: str) -> None:
    assert _error_key(tmp_path, f"storage:\n  - id: x\n    description: d\n    calls: [a.b]\n    {entry}\n") == key


@pytest.mark.parametrize(("aliases", "key"), [
    ("  - {name: a.b.C(), means: a.C, checked: a 1.0}", "name"),  # a name, not a call
    ("  - {name: a.b.C, means: 'a.*', checked: a 1.0}", "means"),
    ("  - {name: a.C, means: a.C, checked: a 1.0}", "means"),
    ("  - {name: a.b.C, means: a.C, checked: a 1.0}\n  - {name: a.b.C, means: a.D, checked: a 1.0}", "name"),
    ("  - {name: a.b.C, means: a.c.C, checked: a 1.0}\n  - {name: a.c.C, means: a.C, checked: a 1.0}", "means"),
    ("  - {name: a.b.C, means: a.C}", "checked"),
])
def test_an_alias_of_the_wrong_shape_names_its_key(tmp_path: Path, aliases: str, key: str) -> None:
    assert _error_key(tmp_path, f"aliases:\n{aliases}\n") == key


def test_no_call_is_written_through_an_alias(pack: RulePack) -> None:
    """Each call is written once, under the name its alias means; the alias makes both match."""
    from devterms.pack.patterns import canonical

    through = [f"{entry}: {call}" for entry, call in pack.call_patterns() if canonical(call, pack.aliases) != call]
    assert not through, "write these under the alias's meaning:\n  " + "\n  ".join(through)


def test_a_call_through_an_alias_matches_the_pattern_of_what_it_means(pack: RulePack) -> None:
    from devterms.pack.index import Knowledge

    knowledge = Knowledge(pack)
    for path in ("tweepy.client.Client().search_recent_tweets", "telethon.sync.TelegramClient().iter_messages",
                 "tweepy.Client().search_recent_tweets"):
        assert knowledge.sources_for(path), path
    assert knowledge.sinks_for("face_recognition.api.face_encodings")
    assert not knowledge.sources_for("tweepy.client.ClientX().search_recent_tweets")  # names end at . or (


def test_each_legal_process_text_is_written_once_and_cited() -> None:
    entries = _raw_entries("legal_process")
    texts = [" ".join(e["text"].split()) for e in entries]
    assert len(texts) == len(set(texts)), "a legal-process text is written twice"
    cited = {c.get("legal_process") for c in _raw_entries("clauses")}
    assert not {e["id"] for e in entries} - cited, "a legal_process entry no clause cites"


# One platform and one clause, for the loader's mistakes: the clause's last keys are left open.
ONE_CLAUSE = """\
platforms:
  - {id: p, name: P, documents: [{id: terms, title: Terms, url: "https://p.example/terms"}]}
clauses:
  - {id: p-1, platform: p, document: terms, section: "1", url: "https://p.example/terms", summary: s,
     category: surveillance, confidence: high, rules: []"""


def test_a_clause_citing_an_unknown_legal_process_entry_names_its_key(tmp_path: Path) -> None:
    assert _error_key(tmp_path, ONE_CLAUSE + ", legal_process: p-nope}\n") == "legal_process"


def _error_key(tmp_path: Path, text: str) -> str | None:
    """The key the loader's error names for a pack file holding ``text`` (which must fail)."""
    from devterms.pack.schema import RulePackError

    (tmp_path / "p.yaml").write_text(text)
    with pytest.raises(RulePackError) as error:
        load_pack([tmp_path])
    assert error.value.file == str(tmp_path / "p.yaml")
    return error.value.key


def test_a_finding_cites_the_most_specific_clause_first(pack: RulePack) -> None:
    """X bans facial recognition outright and surveillance in general: DT101 cites the first first."""
    for code, platform in (("DT101", "x"), ("DT201", "x"), ("DT201", "facebook"), ("DT302", "x")):
        rule = pack.rules[code]
        first = pack.clauses_for(rule, platform)[0]
        assert first.category == rule.clause_category, (code, platform, first.id)


def test_a_clause_category_none_of_its_clauses_has_names_its_key(tmp_path: Path) -> None:
    text = ONE_CLAUSE.replace("rules: []", "rules: [DT101]") + """}
rules:
  - {code: DT101, name: face-identification, title: t, message: m, description: d, severity: error,
     sink_category: face-identification, clause_category: location-tracking}
"""
    assert _error_key(tmp_path, text) == "clause_category"


@pytest.mark.parametrize(("rules", "problem"), [("", "is required"), ("rules: [DT999]", "unknown rule"),
                                                 ("rules: [DT101, DT101]", "twice")])
def test_a_clause_names_the_rules_it_supports(tmp_path: Path, rules: str, problem: str) -> None:
    text = ONE_CLAUSE.replace(", rules: []", f", {rules}" if rules else "") + """}
rules:
  - {code: DT101, name: face-identification, title: t, message: m, description: d, severity: error,
     sink_category: face-identification}
"""
    (tmp_path / "p.yaml").write_text(text)
    from devterms.pack.schema import RulePackError

    with pytest.raises(RulePackError, match=problem) as error:
        load_pack([tmp_path])
    assert error.value.key == "rules"


def test_a_rule_cites_the_clauses_that_name_it(pack: RulePack) -> None:
    for code, rule in pack.rules.items():
        assert rule.clauses == tuple(c for c in rule.clauses if code in pack.clauses[c].rules)
        assert set(rule.clauses) == {c.id for c in pack.clauses.values() if code in c.rules}


def test_the_shipped_json_schema_is_the_loaders() -> None:
    from devterms.pack.jsonschema import FILE_NAME, schema_text

    shipped = (default_pack_dir() / FILE_NAME).read_text(encoding="utf-8")
    assert shipped == schema_text(), "rules/pack.schema.json is stale: run `devterms rules --schema > rules/pack.schema.json`"


def test_the_json_schema_accepts_every_pack_file_and_catches_a_misspelt_key() -> None:
    import json

    import jsonschema

    from devterms.pack.jsonschema import pack_schema

    validator = jsonschema.Draft202012Validator(pack_schema())
    for path in sorted(default_pack_dir().rglob("*.yaml")):
        document = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        assert not [e.message for e in validator.iter_errors(document)], path
    misspelt = {"aliases": [{"name": "a.b.C", "meams": "a.C", "checked": "a 1.0"}]}
    assert {e.validator for e in validator.iter_errors(misspelt)} == {"additionalProperties", "required"}
    assert not list(validator.iter_errors({"aliases": [{"name": "a.b.C", "means": "a.C", "checked": "a 1.0"}]}))


def test_only_the_calls_a_pattern_keys_carry_their_string_argument(pack: RulePack) -> None:
    from devterms.pack.index import Knowledge

    knowledge = Knowledge(pack)
    keyed = ("boto3.client", "boto3.Session().client", "boto3.session.Session().client",
             "googleapiclient.discovery.build", "transformers.pipeline")
    assert all(knowledge.keys_factory(path) for path in keyed)
    assert not any(knowledge.keys_factory(path) for path in ("open", "os.getenv", "logging.getLogger", "requests.get"))
