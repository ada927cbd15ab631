"""``qualspec catalogue``: two versions of the bundled specification (v1.1 as text and Word, v1.2 as text).

v1.2 is made from the v1.1 text by ``catalogue_versions.version_1_2_text`` (a reworded criterion,
a unit renumbered, a unit withdrawn, a unit added, a change-log row). The 96-page PDF is left out
(slow to extract).
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from catalogue_versions import OLD_AC, V1_1_DOCX, V1_1_TEXT, V1_2_NAME, make_sources, version_1_2_text
from click.testing import CliRunner
from helpers import replace_once

from extractor.cli import main
from extractor.pipeline import BUNDLED_SPEC

SERIES = "isp-level-5-qualifications-in-professional-sales"
PAGES = 110  # 3 assets, the index, per version 2 + 18 qualifications + 32 units, one changes page, the database


def run(*args: str):
    return CliRunner().invoke(main, ["catalogue", *args])


@pytest.fixture
def built(catalogue_built) -> tuple[Path, Path, str]:
    """The catalogue of the two versions, built once per run with ``--jobs 2`` (conftest.catalogue_built)."""
    return catalogue_built


def page(out: Path, relative: str) -> str:
    return (out / SERIES / relative).read_text(encoding="utf-8")


def query(out: Path, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(out / "catalogue.sqlite") as db:
        return db.execute(sql, params).fetchall()


def test_one_command_builds_database_and_site(built):
    _, out, output = built
    assert output == (
        f"{out}: 3 files (3 extracted, 0 reused from the cache, 0 failed); 1 specifications, 2 versions; "
        f"{PAGES} files written, 0 unchanged, 0 removed\n"
    )
    assert (out / "index.html").is_file() and (out / "catalogue.sqlite").is_file()


def test_versions_grouped_ordered_and_two_renderings_are_one_version(built):
    _, out, _ = built
    assert query(out, "SELECT version, position, publication_date, shown_source FROM versions ORDER BY position") == [
        ("V1.1", 1, "2025-05-02", V1_1_DOCX.name),
        ("V1.2", 2, "2025-11-14", V1_2_NAME),
    ]
    assert query(out, "SELECT version, path, format, shown FROM renderings ORDER BY version, shown DESC") == [
        ("V1.1", V1_1_DOCX.name, "docx", 1),
        ("V1.1", BUNDLED_SPEC.name, "text", 0),
        ("V1.2", V1_2_NAME, "text", 1),
    ]
    assert query(out, "SELECT * FROM rendering_disagreements") == []


def test_index_lists_every_qualification_with_its_facts(built, spec):
    _, out, _ = built
    index = (out / "index.html").read_text(encoding="utf-8")
    assert len(spec.qualifications) == 18
    for q in spec.qualifications:
        href = f"{SERIES}/v1.2/qualifications/{q.qan.replace('/', '-').lower()}.html"
        row = f'<tr><td>{q.qan}</td><td><a href="{href}">{q.title}</a></td>'
        assert row in index
        assert (out / href).is_file()
    assert ("<td>Minimum 13 Maximum 36</td><td>130 to 369 hours</td><td>260 to 739 hours</td>") in index
    headings = re.findall(r"<h3>(Level 5 \w+)</h3>", index)
    assert headings == ["Level 5 awards", "Level 5 certificates", "Level 5 diplomas"]


def test_qualification_page_has_facts_rules_and_grouped_units(built):
    _, out, _ = built
    certificate = page(out, "v1.2/qualifications/610-5683-2.html")
    assert "<h1>Level 5 Certificate in Professional Sales</h1>" in certificate
    assert "<dt>Credits</dt><dd>Minimum 13 Maximum 36</dd>" in certificate
    assert re.findall(r"<h3>(\w+) units</h3>", certificate) == ["Business", "Core", "Leadership", "Self"]
    assert certificate.count('<ul class="rules"><li>') == 1 and certificate.count("</li>") >= 5
    award = page(out, "v1.2/qualifications/610-5664-9.html")
    assert '<a href="../units/l5b2.html">L5B2</a>' in award and '<a href="../units/l5b3.html">L5B3</a>' in award


def test_changed_unit_page_shows_old_and_new_wording(built):
    _, out, _ = built
    for version in ("v1.1", "v1.2"):
        b1 = page(out, f"{version}/units/l5b1.html")
        assert "<h3>Changed from V1.1 to V1.2</h3>" in b1
        assert (
            '<td class="old">Estimate the <del>potential</del> lifetime value of customer accounts</td>'
            '<td class="new">Estimate the <ins>likely</ins> lifetime value of <ins>key</ins> customer accounts</td>'
        ) in b1
    assert '<span class="num">1.1</span> Estimate the likely lifetime value of key customer accounts' in page(
        out, "v1.2/units/l5b1.html")
    assert '<span class="num">1.1</span> Estimate the potential lifetime value of customer accounts' in page(
        out, "v1.1/units/l5b1.html")


def test_renumbered_unit_history_is_one_renumbering(built):
    _, out, _ = built
    b2 = page(out, "v1.2/units/l5b2.html")
    assert ('<td>Learning outcomes (36 texts moved with them)</td><td class="status">renumbered</td>'
            '<td class="old">2, 3, 4</td><td class="new">1, 2, 3</td>') in b2
    assert "<td class=\"status\">moved</td>" not in b2 and b2.count("<td class=\"status\">removed</td>") == 11


def test_withdrawn_unit_is_marked(built):
    _, out, _ = built
    s6 = page(out, "v1.1/units/l4s6.html")
    assert '<p class="withdrawn" role="note"><strong>Withdrawn in V1.2.</strong>' in s6
    assert "<h3>Withdrawn in V1.2</h3>" in s6
    assert not (out / SERIES / "v1.2/units/l4s6.html").exists()
    assert ('<a href="../v1.1/units/l4s6.html">L4S6 Understanding and Building Agility (V1.1)</a> '
            '<strong class="withdrawn-tag">Withdrawn in V1.2</strong>') in page(out, "v1.2/index.html")
    assert 'Understanding and Building Agility <strong class="withdrawn-tag">Withdrawn in V1.2</strong>' in page(
        out, "v1.1/index.html")


def test_added_unit_and_printed_reference_change_in_history(built):
    _, out, _ = built
    assert "<h3>Added in V1.2</h3>" in page(out, "v1.2/units/l5s4.html")
    b4 = page(out, "v1.2/units/l5b4.html")
    assert ('<td>Reference as printed</td><td class="status">changed</td><td class="old"><del>LSB4</del></td>'
            '<td class="new"><ins>L5B4</ins></td>') in b4
    assert "<dt>Printed as</dt><dd>LSB4</dd>" in page(out, "v1.1/units/l5b4.html")


def test_version_pair_page_and_findings_pages(built):
    _, out, _ = built
    changes = page(out, "changes/v1.1--v1.2.html")
    assert "<h1>Specification differences</h1>" in changes and "<del>potential</del>" in changes
    findings = page(out, "v1.1/findings.html")
    assert "<p>16 errors, 10 warnings, 2 notes.</p>" in findings
    assert findings.count('<tr class="sev-') == 28


def test_unit_page_has_every_section(built):
    _, out, _ = built
    b1 = page(out, "v1.2/units/l5b1.html")
    for heading in ("Learning outcomes and assessment criteria", "Indicative content", "Assessor guidance",
                    "Apprenticeship knowledge, skills and behaviours", "Findings about this unit", "History"):
        assert f">{heading}</h2>" in b1
    assert "<div><dt>K7</dt><dd>Financial management techniques</dd></div>" in b1
    assert "<li>How to use variance analysis</li>" in b1


def test_nothing_is_loaded_from_the_network(built):
    _, out, _ = built
    pages = list(out.rglob("*.html"))
    assert len(pages) == PAGES - 4
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert '<meta name="viewport"' in text
        for address in re.findall(r'(?:src|href)="([^"#][^"]*)"', text):
            assert not re.match(r"[a-z]+:|//", address), (path, address)
            target = (path.parent / address.split("#")[0]).resolve()
            assert target.is_file(), (path, address)
    for asset in (out / "assets").iterdir():
        assert "http" not in asset.read_text(encoding="utf-8") or asset.name == "search-index.js"


def test_search_index_holds_latest_units_outcomes_and_criteria(built):
    _, out, _ = built
    text = (out / "assets/search-index.js").read_text(encoding="utf-8")
    prefix = "window.QUALSPEC_SEARCH = "
    assert text.startswith(prefix) and text.endswith(";\n")
    entries = json.loads(text[len(prefix):-2])
    kinds = [e[0] for e in entries]
    assert (kinds.count("unit"), kinds.count("outcome"), kinds.count("criterion")) == (32, 100, 331)
    assert ["criterion", "L5B1 1.1", "Estimate the likely lifetime value of key customer accounts",
            f"{SERIES}/v1.2/units/l5b1.html#ac1.1"] in entries


def test_database_has_every_version_and_the_changes(built):
    _, out, _ = built
    assert query(out, "SELECT version, count(*) FROM units GROUP BY version") == [("V1.1", 32), ("V1.2", 32)]
    assert query(out, "SELECT version, count(*) FROM assessment_criteria GROUP BY version") == [
        ("V1.1", 339), ("V1.2", 331)]
    tables = [name for (name,) in query(out, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE '%_fts%' ORDER BY name")]
    assert {"document", "units", "learning_outcomes", "assessment_criteria", "indicative_content", "findings",
            "finding_values", "versions", "renderings", "changes"} <= set(tables)
    for table in tables:
        columns = [c[1] for c in query(out, f'PRAGMA table_info("{table}")')]
        if "version" in columns:
            assert query(out, f'SELECT count(*) FROM "{table}" WHERE version IS NULL') == [(0,)], table
        else:
            assert table == "changes" and {"old_version", "new_version"} <= set(columns)
    assert query(out, "PRAGMA foreign_key_check") == []
    assert query(out, "SELECT scope, unit, item, new_item, status, old_value, new_value FROM changes "
                      "WHERE scope IN ('assessment_criterion', 'renumbering') AND status != 'removed'") == [
        ("assessment_criterion", "L5B1", "1.1", "1.1", "reworded",
         "Estimate the potential lifetime value of customer accounts",
         "Estimate the likely lifetime value of key customer accounts"),
        ("renumbering", "L5B2", "2, 3, 4", "1, 2, 3", "renumbered", None, None),
    ]
    assert query(out, "SELECT status, count(*) FROM changes WHERE scope = 'unit' GROUP BY status") == [
        ("added", 1), ("changed", 1), ("removed", 1)]
    assert query(out, "SELECT c.version, c.number FROM assessment_criteria_fts f "
                      "JOIN assessment_criteria c ON c.rowid = f.rowid "
                      "WHERE assessment_criteria_fts MATCH 'lifetime' ORDER BY c.version") == [
        ("V1.1", "1.1"), ("V1.2", "1.1")]


def test_identifiers_are_carried_across_a_renumbering(built):
    _, out, _ = built
    rows = query(out, "SELECT c.version, o.number, c.number, c.id FROM assessment_criteria c "
                      "JOIN learning_outcomes o ON o.id = c.learning_outcome_id AND o.version = c.version "
                      "WHERE c.text = 'Compare approaches for sales planning' ORDER BY c.version")
    assert [r[:3] for r in rows] == [("V1.1", 2, "2.1"), ("V1.2", 1, "1.1")]
    assert rows[0][3] == rows[1][3] and len(rows[0][3]) == 36
    (changed,) = query(out, "SELECT element_id FROM changes WHERE scope = 'assessment_criterion' "
                            "AND status = 'reworded'")
    assert changed == query(out, "SELECT c.id FROM assessment_criteria c JOIN units u ON u.id = c.unit_id "
                                 "AND u.version = c.version WHERE c.version = 'V1.2' AND u.reference = 'L5B1' "
                                 "AND c.number = '1.1'")[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rebuild_with_nothing_changed_reuses_and_rewrites_nothing(tmp_path):
    sources, out = make_sources(tmp_path / "specs"), tmp_path / "site"
    assert run(str(sources), "-o", str(out)).exit_code == 0
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file() and ".qualspec" not in str(p)}
    again = run(str(sources), "-o", str(out))
    assert again.exit_code == 0
    assert again.output == (
        f"{out}: 3 files (0 extracted, 3 reused from the cache, 0 failed); 1 specifications, 2 versions; "
        f"0 files written, {PAGES} unchanged, 0 removed\n"
    )
    assert {p: p.stat().st_mtime_ns for p in before} == before


def test_output_is_byte_identical_across_builds(tmp_path):
    sources = make_sources(tmp_path / "specs")
    first, second = tmp_path / "one", tmp_path / "two"
    assert run(str(sources), "-o", str(first), "-j", "1").exit_code == 0
    assert run(str(sources), "-o", str(second), "-j", "2").exit_code == 0
    a, b = snapshot(first), snapshot(second)
    assert a.keys() == b.keys() and len(a) > PAGES
    assert [name for name in a if a[name] != b[name]] == []


def test_changed_file_is_extracted_again_and_stale_pages_removed(tmp_path):
    sources, out = make_sources(tmp_path / "specs"), tmp_path / "site"
    assert run(str(sources), "-o", str(out)).exit_code == 0
    v12 = sources / V1_2_NAME
    v12.write_text(replace_once(v12.read_text(encoding="utf-8"), "L5S4 Negotiate Complex Sales Agreements\t\n",
                           "L5S4 Negotiate Complex Sales Contracts\t\n"), encoding="utf-8")
    result = run(str(sources), "-o", str(out))
    assert result.exit_code == 0
    assert "3 files (1 extracted, 2 reused from the cache, 0 failed)" in result.output
    assert "<h1>L5S4 Negotiate Complex Sales Contracts</h1>" in page(out, "v1.2/units/l5s4.html")
    v12.unlink()
    result = run(str(sources), "-o", str(out))
    assert result.exit_code == 0 and "1 versions" in result.output
    assert not (out / SERIES / "v1.2").exists() and not (out / SERIES / "changes").exists()
    assert result.output.endswith("; 55 files written, 2 unchanged, 53 removed\n")  # every page linked V1.2


def test_disagreeing_renderings_of_one_version_are_reported(tmp_path):
    sources, out = tmp_path / "specs", tmp_path / "site"
    sources.mkdir()
    shutil.copy(BUNDLED_SPEC, sources / BUNDLED_SPEC.name)
    copy = sources / "zz-v1.1-export.txt"
    copy.write_text(replace_once(V1_1_TEXT, OLD_AC, "1.1\tEstimate the lifetime value of customer accounts"),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["catalogue", str(sources), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stderr == (
        f"qualspec: warning: zz-v1.1-export.txt and {BUNDLED_SPEC.name} are both version V1.1 of "
        "'ISP Level 5 Qualifications in Professional Sales' but differ (2 differences)\n"
    )
    assert query(out, "SELECT version, shown, other, differences FROM rendering_disagreements") == [
        ("V1.1", BUNDLED_SPEC.name, "zz-v1.1-export.txt", 2)]
    assert "<del>potential</del>" in page(out, "v1.1/renderings-1.html")
    assert 'zz-v1.1-export.txt disagrees with' in page(out, "v1.1/findings.html")


def test_a_failing_file_is_reported_and_the_rest_goes_on(tmp_path):
    sources, out = tmp_path / "specs", tmp_path / "site"
    sources.mkdir()
    shutil.copy(BUNDLED_SPEC, sources / BUNDLED_SPEC.name)
    (sources / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["catalogue", str(sources), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"qualspec: error: {sources / 'empty.txt'}: file is empty\n"
    assert "2 files (1 extracted, 0 reused from the cache, 1 failed)" in result.stdout
    assert (out / SERIES / "v1.1/units/l5b1.html").is_file()


def test_trouble_is_one_error_line_and_exit_2(tmp_path):
    missing = run(str(tmp_path / "nowhere"), "-o", str(tmp_path / "out"))
    assert missing.exit_code == 2
    assert missing.output == f"qualspec: error: {tmp_path / 'nowhere'}: no such file or folder\n"
    (tmp_path / "junk.txt").write_text("just some words\n", encoding="utf-8")
    nothing = CliRunner().invoke(main, ["catalogue", str(tmp_path / "junk.txt"), "-o",
                                                        str(tmp_path / "out")])
    assert nothing.exit_code == 2
    assert nothing.stderr.splitlines()[-1] == "qualspec: error: no specification could be read; nothing was written"
    assert not (tmp_path / "out" / "index.html").exists()
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    none = run(str(empty), "-o", str(tmp_path / "out"))
    assert none.exit_code == 2 and none.output == f"qualspec: error: no files to read in {empty}\n"
    not_a_folder = run(str(BUNDLED_SPEC), "-o", str(tmp_path / "junk.txt"))
    assert not_a_folder.exit_code == 2
    assert not_a_folder.output == f"qualspec: error: {tmp_path / 'junk.txt'}: exists and is not a folder\n"


def test_the_catalogue_folder_inside_a_source_folder_is_not_read(tmp_path):
    sources = tmp_path / "specs"
    sources.mkdir()
    shutil.copy(BUNDLED_SPEC, sources / BUNDLED_SPEC.name)
    out = sources / "site"
    assert run(str(sources), "-o", str(out)).exit_code == 0
    again = run(str(sources), "-o", str(out))
    assert again.exit_code == 0 and again.output.startswith(f"{out}: 1 files (0 extracted, 1 reused from the cache")


def test_text_is_escaped(tmp_path):
    sources, out = tmp_path / "specs", tmp_path / "site"
    sources.mkdir()
    hostile = replace_once(V1_1_TEXT, "\tCompare approaches for sales planning\n",
                      "\tCompare &lt;script&gt;alert(1)&lt;/script&gt; approaches\n")
    (sources / "hostile.txt").write_text(hostile, encoding="utf-8")
    assert run(str(sources), "-o", str(out)).exit_code == 0
    b2 = page(out, "v1.1/units/l5b2.html")
    assert "Compare &lt;script&gt;alert(1)&lt;/script&gt; approaches" in b2
    assert "<script>alert" not in b2


def test_rebuild_reports_the_same_failures_and_restores_a_damaged_site(tmp_path):
    sources, out = tmp_path / "specs", tmp_path / "site"
    sources.mkdir()
    shutil.copy(BUNDLED_SPEC, sources / BUNDLED_SPEC.name)
    (sources / "empty.txt").write_text("", encoding="utf-8")
    first = run(str(sources), "-o", str(out))
    again = run(str(sources), "-o", str(out))
    assert first.exit_code == again.exit_code == 1
    assert first.stderr == again.stderr == f"qualspec: error: {sources / 'empty.txt'}: file is empty\n"
    assert again.stdout.endswith("(0 extracted, 1 reused from the cache, 1 failed); 1 specifications, 1 versions; "
                                 "0 files written, 57 unchanged, 0 removed\n")  # 56 pages and the database
    (out / "index.html").unlink()
    (out / SERIES / "v1.1/units/l5b1.html").write_text("damaged", encoding="utf-8")
    repaired = run(str(sources), "-o", str(out))
    assert repaired.stdout.endswith("(0 extracted, 1 reused from the cache, 1 failed); 1 specifications, "
                                    "1 versions; 2 files written, 55 unchanged, 0 removed\n")
    assert "<h1>L5B1 Analyse Financial Performance</h1>" in page(out, "v1.1/units/l5b1.html")


def test_a_reference_printed_twice_gets_two_pages(spec):
    from extractor.catalogue.site import build_site
    from extractor.catalogue.sources import Extracted
    from extractor.catalogue.versions import group_series

    twice = spec.model_copy(deep=True)
    b5 = next(u for u in twice.units if u.reference == "L5B5")
    b5.reference = "L5B4"
    site = build_site(group_series([Extracted(BUNDLED_SPEC, twice.source.sha256, twice, None)]))
    first, second = (site[f"{SERIES}/v1.1/units/{name}.html"] for name in ("l5b4", "l5b4-2"))
    assert "<h1>L5B4 Manage Sales Technology Systems</h1>" in first
    assert "<h1>L5B4 Relationship Management Mapping</h1>" in second
    assert len([p for p in site if "/units/" in p]) == 32


def test_specifications_are_grouped_by_title_or_shared_qualifications(tmp_path):
    from conftest import MINIMAL

    sources, out = tmp_path / "specs", tmp_path / "site"
    sources.mkdir()
    shutil.copy(BUNDLED_SPEC, sources / BUNDLED_SPEC.name)
    retitled = replace_once(version_1_2_text(), "ISP Level 5 Qualifications in Professional Sales\n",
                       "ISP Level 5 Qualifications in Professional Selling\n")
    (sources / "retitled-v1.2.txt").write_text(retitled, encoding="utf-8")
    (sources / "widgets.txt").write_text(replace_once(MINIMAL, "610/5663/7", "603/1234/5"), encoding="utf-8")
    result = run(str(sources), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "; 2 specifications, 3 versions;" in result.output
    assert query(out, "SELECT series, version, position FROM versions ORDER BY series, position") == [
        ("acme-level-3-qualifications-in-widgets", "V1.0", 1),
        ("isp-level-5-qualifications-in-professional-selling", "V1.1", 1),
        ("isp-level-5-qualifications-in-professional-selling", "V1.2", 2),
    ]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<h2 id="series-[^"]+">([^<]+)</h2>', index) == [
        "ACME Level 3 Qualifications in Widgets", "ISP Level 5 Qualifications in Professional Selling"]
