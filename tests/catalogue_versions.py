"""A second version of the bundled specification, made by editing its text as a publisher would.

Every edit goes through ``replace``, which fails when the text to replace is not there, so a
test can never pass on an input that lost the passage it is about.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from helpers import rendering, replace_once

from extractor.pipeline import BUNDLED_SPEC

V1_1_TEXT = BUNDLED_SPEC.read_text(encoding="utf-8")
V1_1_DOCX = rendering(".docx")
V1_2_NAME = "isp-level5-professional-sales-spec-v1.2.txt"

NEW_CHANGE_LOG_ROW = "V1.2 SG\t14/11/25\tReworded L5B1 1.1; L5B2 outcome 1 removed; L4S6 withdrawn; L5S4 added. - SG\n"
OLD_AC = "1.1\tEstimate the potential lifetime value of customer accounts"
NEW_AC = "1.1\tEstimate the likely lifetime value of key customer accounts"
ADDED_UNIT = """Unit Title\tL5S4 Negotiate Complex Sales Agreements\t
UAN\tM/651/6010\t
Level\t5\t
Credit Value\t4\t
Guided Learning Hours\t20\t
Learning Outcomes\tAssessment Criteria\t
1. Understand negotiation strategies\t1.1\tCompare negotiation strategies for complex sales
\t1.2\tAnalyse the concessions available in a negotiation
2. Be able to negotiate a complex sales agreement\t2.1\tPlan a negotiation with a customer
\t2.2\tConduct a negotiation to agree terms

Additional Information\t
Unit purpose and aims\tTo enable learners to negotiate complex sales agreements.
Details of the relationship between the unit and apprenticeship standards\tNot linked to the apprenticeship standard.
Location of the unit within the Ofqual subject/sector classification system\t15.4 - Marketing and Sales
Indicative Content\t
1.\t<ul style="list-style-type: none"> • Negotiation strategies • Concessions and trade-offs
2.\t<ul style="list-style-type: none"> • Planning a negotiation • Agreeing terms

Assessor Guidance\t
1.\tLearners should compare at least two negotiation strategies.
2.\tLearners should provide evidence of one negotiation they planned and conducted.

"""


def unit_block(text: str, ref: str) -> str:
    """The text of one unit specification, from its 'Unit Title' row to the next one."""
    start = text.index(f"Unit Title\t{ref} ")
    end = text.index("Unit Title\t", start + 1)
    return text[start:end]


def drop_first_outcome(block: str) -> str:
    """The unit with learning outcome 1 (its criteria, content and guidance) removed and the rest renumbered."""
    lines, out, removed = block.split("\n"), [], 0
    for line in lines:
        outcome = re.match(r"^(\d+)\. ", line) or re.match(r"^(\d+)\.\t", line)
        criterion = re.match(r"^(\d+\.\s.*?\t)?\t?(\d+)\.(\d+)\t", line)
        number = int(outcome.group(1)) if outcome else int(criterion.group(2)) if criterion else None
        if number == 1:
            removed += 1
            continue
        if outcome:
            line = f"{int(outcome.group(1)) - 1}{line[len(outcome.group(1)):]}"
        if criterion:
            line = re.sub(r"\t(\d+)\.(\d+)\t", lambda m: f"\t{int(m.group(1)) - 1}.{m.group(2)}\t", line, count=1)
        out.append(line)
    assert removed == 4, removed  # outcome 1 with 1.1, criterion 1.2, content 1, guidance 1
    return "\n".join(out)


def version_1_2_text() -> str:
    """v1.2: a reworded criterion, a renumbered unit, a withdrawn unit, an added unit, a new change-log row."""
    text = V1_1_TEXT
    text = replace_once(text, "Rebranded to new ISP logo.\n", "Rebranded to new ISP logo.\n" + NEW_CHANGE_LOG_ROW)
    text = replace_once(text, OLD_AC, NEW_AC)
    b2 = unit_block(text, "L5B2")
    text = replace_once(text, b2, drop_first_outcome(b2))
    text = replace_once(text, unit_block(text, "L4S6"), "")
    text = replace_once(text, "R/650/7935\tL4S6\tUnderstanding and Building Agility\t4\t15\t30\t3\n", "")
    text = replace_once(text, "Unit Title\tL6S2 ", ADDED_UNIT + "Unit Title\tL6S2 ")
    text = replace_once(text, "H/651/601\tL6S2\t", "M/651/6010\tL5S4\tNegotiate Complex Sales Agreements\t5\t20\t40\t4\n"
                   "H/651/601\tL6S2\t")
    return replace_once(text, "Unit Title\tLSB4 ", "Unit Title\tL5B4 ")


def make_sources(folder: Path) -> Path:
    """``folder`` holding v1.1 as text and as Word, and v1.2 as text."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(BUNDLED_SPEC, folder / BUNDLED_SPEC.name)
    shutil.copy(V1_1_DOCX, folder / V1_1_DOCX.name)
    (folder / V1_2_NAME).write_text(version_1_2_text(), encoding="utf-8")
    return folder
