"""The finding-code catalogue: complete, used, and the README's table rendered from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractor.finding_codes import CATALOGUE, CODES, render_markdown_table
from extractor.findings import finding

ROOT = Path(__file__).resolve().parent.parent
RAISED = re.compile(r'finding\(\s*"([a-z][a-z0-9-]*)",\s*"(error|warning|info)"')
START, END = "<!-- finding-codes:start -->\n", "<!-- finding-codes:end -->"


def raised_in_source() -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for path in (ROOT / "extractor").rglob("*.py"):
        layer = path.relative_to(ROOT / "extractor").parts[0]
        for match in RAISED.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(match.group(1), set()).add((match.group(2), layer))
    return found


def test_every_raised_code_is_catalogued_with_its_severity_and_layer():
    raised = raised_in_source()
    assert raised, "no finding(...) call found: the pattern no longer matches the source"
    for code, uses in sorted(raised.items()):
        assert code in CODES, f"{code} is raised but not catalogued"
        assert uses == {(CODES[code].severity, CODES[code].layer)}, code


def test_every_catalogued_code_is_raised():
    assert sorted(set(CODES) - set(raised_in_source())) == []


def test_codes_are_unique_and_sorted():
    codes = [c.code for c in CATALOGUE]
    assert codes == sorted(set(codes))


def test_uncatalogued_code_is_our_defect():
    with pytest.raises(ValueError, match="'no-such-code'"):
        finding("no-such-code", "error", "A finding nobody catalogued.")
    with pytest.raises(ValueError, match="'glh-exceeds-tqt' \\(warning\\)"):
        finding("glh-exceeds-tqt", "warning", "The right code with the wrong severity.")


def test_readme_table_is_rendered_from_the_catalogue():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert START in readme and END in readme
    section = readme[readme.index(START) + len(START) : readme.index(END)]
    assert section == render_markdown_table(), "README finding codes are stale: paste render_markdown_table()"
