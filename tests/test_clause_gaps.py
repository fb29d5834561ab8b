"""Every finding cites its platform's clauses, or shows the pack's statement that they have none.

A rule a platform supports (every sink rule for a platform with sources; a collecting rule for a
platform with sources of the kind it collects) must cite a clause of that platform or have a
``clause_gaps`` entry saying which documents were read, when, and that they have no such clause.
"""

from __future__ import annotations

import dataclasses
import json
import textwrap
from pathlib import Path

import pytest

from harness.frontends import finding, tiny_pack

from devterms.cli import explain_text
from devterms.pack.load import default_pack_dir, load_pack
from devterms.pack.schema import RulePackError
from devterms.pack.types import ClauseGap, RulePack
from devterms.report import Report
from devterms.report import json as json_report
from devterms.report import sarif, text
from devterms.sourcetext import SourceText


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack([default_pack_dir()])


def supported_pairs(pack: RulePack) -> list[tuple[str, str]]:
    """(rule code, platform) for each platform whose data the rule can report."""
    pairs = []
    for code, rule in sorted(pack.rules.items()):
        kinds = set(rule.collects)
        platforms = {s.platform for s in pack.sources if not kinds or s.kind in kinds}
        pairs += [(code, p) for p in sorted(platforms)]
    return pairs


def test_every_supported_rule_and_platform_has_a_clause_or_a_stated_gap(pack: RulePack) -> None:
    silent = [(code, platform) for code, platform in supported_pairs(pack)
              if not pack.clauses_for(pack.rules[code], platform)
              and pack.clause_gap(pack.rules[code], platform) is None]
    assert silent == [], "cite a clause of the platform, or add a clause_gaps entry, for each"


def test_the_platforms_of_issue_13_are_covered(pack: RulePack) -> None:
    """VK, Telegram, Bluesky, Mastodon and Flickr findings cited nothing."""
    for platform in ("vk", "telegram", "bluesky", "mastodon", "flickr"):
        for code, rule in pack.rules.items():
            if not rule.collects:
                assert pack.clauses_for(rule, platform) or pack.clause_gap(rule, platform), (code, platform)


def test_gaps_name_documents_that_were_read_and_a_date(pack: RulePack) -> None:
    assert pack.clause_gaps
    for gap in pack.clause_gaps.values():
        documents = {d.id: d for d in pack.platforms[gap.platform].documents}
        assert gap.documents and all(documents[d].url.startswith("https://") for d in gap.documents)
        assert len(gap.checked) == 10 and gap.checked[4] == "-"
        assert "\n" not in gap.statement and gap.statement.endswith(".")


# --- the loader ----------------------------------------------------------------------------------


def load_with(tmp_path: Path, entry: str) -> RulePack:
    (tmp_path / "gaps.yaml").write_text("clause_gaps:\n" + textwrap.indent(textwrap.dedent(entry), "  "))
    return load_pack([default_pack_dir(), tmp_path])


GOOD = """\
- id: test-gap
  platform: pinterest
  rules: [DT502]
  documents: [developer-guidelines]
  checked: 2026-12-04
  statement: No clause on this.
"""


def test_a_gap_for_a_rule_citing_a_clause_of_the_platform_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RulePackError) as caught:
        load_with(tmp_path, GOOD.replace("DT502", "DT501"))  # Pinterest has scraping clauses
    error = caught.value
    assert error.file.endswith("gaps.yaml") and error.key == "rules"
    assert "clause_gaps[0] (test-gap)" in str(error) and "DT501 cites 'pinterest-" in str(error)


def test_a_valid_gap_loads_and_is_found_for_its_rule_and_platform(tmp_path: Path) -> None:
    pack = load_with(tmp_path, GOOD)
    assert pack.clause_gap(pack.rules["DT502"], "pinterest") == ClauseGap(
        "test-gap", "pinterest", ("DT502",), ("developer-guidelines",), "2026-12-04", "No clause on this.")


@pytest.mark.parametrize(("change", "key", "problem"), [
    (("rules: [DT502]", "rules: [DT999]"), "rules", "names unknown rule 'DT999'"),
    (("rules: [DT502]", "rules: []"), "rules", "must be a non-empty list"),
    (("rules: [DT502]", "rules: [DT502, DT502]"), "rules", "names a rule twice"),
    (("platform: pinterest", "platform: myspace"), "platform", "names unknown platform 'myspace'"),
    (("documents: [developer-guidelines]", "documents: [press-release]"), "documents",
     "'press-release' is not a document of platform 'pinterest'"),
    (("  documents: [developer-guidelines]\n", ""), "documents", "is required"),
    (("checked: 2026-12-04", "checked: last week"), "checked", "must be a date, YYYY-MM-DD"),
    (("checked: 2026-12-04", "checked: '2026-13-01'"), "checked", "must be a date"),
    (("  checked: 2026-12-04\n", ""), "checked", "is required"),
    (("statement: No clause on this.", "statement: ''"), "statement", "must be a non-empty string"),
    (("statement: No clause on this.", "statement: " + "x" * 301), "statement", "at most 300"),
    (("statement: No clause on this.", "statement: ok\n  copies: [ftp://example.org/terms]"), "copies",
     "must be an http(s) URL"),
    (("statement: No clause on this.", "statement: ok\n  seen: yesterday"), "seen", "is not a known key"),
])
def test_bad_entries_are_refused_naming_file_entry_and_key(
        tmp_path: Path, change: tuple[str, str], key: str, problem: str) -> None:
    entry = GOOD.replace(*change)
    with pytest.raises(RulePackError) as caught:
        load_with(tmp_path, entry)
    error = caught.value
    assert error.file == str(tmp_path / "gaps.yaml")
    assert error.entry is not None and error.entry.startswith("clause_gaps[0]")
    assert error.key == key
    assert problem in error.problem


def test_an_impossible_unquoted_date_is_a_yaml_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match="gaps.yaml: is not valid YAML: month must be in 1..12"):
        load_with(tmp_path, GOOD.replace("2026-12-04", "2026-13-01"))


def test_two_gaps_for_one_rule_and_platform_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match="DT502 already has a clause gap for 'pinterest'"):
        load_with(tmp_path, GOOD + GOOD.replace("test-gap", "test-gap-2"))


def test_a_gap_id_is_unique(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match="defined twice"):
        load_with(tmp_path, GOOD + GOOD)


# --- what a user sees ----------------------------------------------------------------------------


def vk_report(pack: RulePack) -> tuple[Report, object]:
    vk = dataclasses.replace(finding(code="DT101", clauses=()), platform="vk")
    return Report(findings=(vk,), diagnostics=(), rules=pack.rules, pack=pack, source=SourceText(Path.cwd())), vk


def test_the_text_report_shows_the_gap_in_place_of_a_clause(pack: RulePack) -> None:
    report, _ = vk_report(pack)
    out = text.render(report)
    assert "clause  none in VK Platform Rules https://vk.com/dev/rules (checked 2026-12-04)" in out
    assert "Platform Rules were readable" in out and "The finding stands without a clause." in out


def test_a_finding_with_clauses_shows_no_gap() -> None:
    pack = tiny_pack()
    pack.clause_gaps["x-gap"] = ClauseGap("x-gap", "x", ("DT101",), ("developer-agreement",), "2026-12-04", "None.")
    report = Report(findings=(finding(),), diagnostics=(), rules=pack.rules, pack=pack, source=SourceText(Path.cwd()))
    assert "none in" not in text.render(report)
    assert "no_clause" not in json.loads(json_report.render(report))["findings"][0]


def test_json_and_sarif_carry_the_gap(pack: RulePack) -> None:
    report, _ = vk_report(pack)
    item = json.loads(json_report.render(report))["findings"][0]
    assert item["clauses"] == []
    assert item["no_clause"]["id"] == "vk-platform-rules"
    assert item["no_clause"]["checked"] == "2026-12-04"
    assert item["no_clause"]["documents"] == [{"title": "VK Platform Rules", "url": "https://vk.com/dev/rules"}]
    assert item["no_clause"]["copies"]
    log = json.loads(sarif.render(report))
    result = log["runs"][0]["results"][0]
    assert result["properties"]["noClause"]["id"] == "vk-platform-rules"


def test_explain_lists_the_platforms_without_a_clause(pack: RulePack) -> None:
    out = explain_text(pack, pack.rules["DT101"])
    assert "No clause (the terms were read and have none for this rule; the finding still stands):" in out
    assert "  vk-platform-rules\n    platform: VK\n    document: VK Platform Rules https://vk.com/dev/rules" in out
    assert "    checked:  2026-12-04" in out
    assert "telegram-apitos-1-5-content-licensing" in out  # Telegram has a clause for DT101 now
    assert "telegram-api-and-bot-terms" not in out
