"""Learning outcomes and assessment criteria, in whatever layout they are printed.

Outcomes and criteria are known by their numbers, not by their column: "1.", "1", "LO1",
"Learning Outcome 1:" open an outcome; "1.1" or "AC1.1" a criterion, which belongs to the
outcome its number names. A table row may hold an outcome, a criterion number and its text
in separate cells (ISP), an outcome beside all its criteria in one cell, several outcomes in
one cell, or one criterion per column (a grid). Text that carries no number continues the
entry before it in the same cell; list items with no number after an outcome are that
outcome's criteria, numbered n.k in order (``printed`` False).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..blocks import Cell, Location
from ..textutil import fold

OUTCOME = re.compile(
    r"^(?:(?:learning\s+outcome|outcome|LO)\s*(\d+)(?!\.\d)\s*[:.\-\u2013)]?|(\d+)(?!\.\d)[.)]?)\s+([A-Za-z\u2018\u201c\"'(].*)$",
    re.IGNORECASE | re.DOTALL,
)
STRONG_OUTCOME = re.compile(
    r"^(?:learning\s+outcome|outcome|LO)\s*(\d+)(?!\.\d)\s*[:.\-\u2013)]?\s*(.*)$", re.IGNORECASE | re.DOTALL
)
UNNUMBERED_OUTCOME = re.compile(r"^(?:learning\s+outcome|LO)\s*[:\-\u2013]\s*([A-Za-z].*)$", re.IGNORECASE | re.DOTALL)
BARE_OUTCOME = re.compile(r"^(?:(?:learning\s+outcome|outcome|LO)\s*)?(\d+)\.?$", re.IGNORECASE)
CRITERION = re.compile(r"^(?:AC\s*)?(\d+)\.(\d+)\.?(?:(?:\s+|(?=[A-Za-z]))(\S.*))?$", re.IGNORECASE | re.DOTALL)
LISTED = re.compile(r"^(\d+)[.)]\s+(\S.*)$", re.DOTALL)  # "2. Pack goods", an ordered list's item as text
BARE_CRITERION = re.compile(r"^(?:AC\s*)?(\d+)\.(\d+)$", re.IGNORECASE)


@dataclass
class CriterionDraft:
    outcome: int
    number: str | None
    text: str
    where: list[Location]


@dataclass
class OutcomeDraft:
    text: str
    where: list[Location]
    printed: bool = True


@dataclass
class Outcomes:
    """What a unit printed of its outcomes and criteria, in reading order."""

    outcomes: dict[int, OutcomeDraft] = field(default_factory=dict)
    criteria: list[CriterionDraft] = field(default_factory=list)
    duplicates: list[tuple[int, OutcomeDraft, OutcomeDraft]] = field(default_factory=list)
    content: list[tuple[int, list[str], list[Location]]] = field(default_factory=list)
    current: int | None = None
    pending: int | None = None  # an outcome number printed alone, its text to follow
    listed: bool = False

    def outcome(self, number: int, text: str, where: Location) -> None:
        """An outcome; the same outcome printed again (a cell spanning rows) is not a new one."""
        self.current = number
        known = self.outcomes.get(number)
        if known is None:
            self.outcomes[number] = OutcomeDraft(text, [where])
        elif fold(known.text) != fold(text):
            self.duplicates.append((number, known, OutcomeDraft(text, [where])))

    def unnumbered_outcome(self, text: str, where: Location) -> None:
        """An outcome printed without a number: the next number, marked as not printed."""
        number = max(self.outcomes, default=0) + 1
        self.outcomes[number] = OutcomeDraft(text, [where], printed=False)
        self.current = number

    def criterion(self, outcome: int, number: str | None, text: str, where: Location) -> None:
        self.criteria.append(CriterionDraft(outcome, number, text, [where]))
        self.current = outcome

    def unnumbered(self, text: str, where: Location) -> bool:
        """A criterion printed without a number, under the current outcome (False if there is none)."""
        if self.current is None or not text:
            return False
        self.criterion(self.current, None, text, where)
        return True

    def extend_last(self, text: str, where: Location) -> bool:
        """Text that continues the last criterion (a cell cut by a page break, a wrapped line)."""
        if not self.criteria or not text:
            return False
        last = self.criteria[-1]
        last.text = fold(f"{last.text} {text}")
        last.where.append(where)
        return True

    # -- blocks outside tables -----------------------------------------------------------

    def line(self, text: str, where: Location, kind: str) -> bool:
        """A heading, paragraph or list item inside the outcomes part; False if it is none of ours.

        Numbered list items are outcomes while the outcomes themselves are listed (no outcome yet,
        or the outcome before came from a list item); after an outcome heading they are criteria.
        """
        text, is_item = text.strip(), kind == "item"
        criterion = CRITERION.match(text)
        if criterion and criterion.group(3):
            self.criterion(int(criterion.group(1)), f"{criterion.group(1)}.{criterion.group(2)}", criterion.group(3), where)
            return True
        if self.pending is not None:
            number, self.pending = self.pending, None
            self.outcome(number, text, where)
            return True
        bare = BARE_OUTCOME.match(text)
        if bare and kind == "heading":
            self.pending = int(bare.group(1))
            return True
        strong = STRONG_OUTCOME.match(text)
        if strong and strong.group(2):
            self.outcome(int(strong.group(1)), strong.group(2), where)
            self.listed = False
            return True
        unnumbered = UNNUMBERED_OUTCOME.match(text)
        if unnumbered and not is_item:
            self.unnumbered_outcome(unnumbered.group(1), where)
            self.listed = False
            return True
        outcome = OUTCOME.match(text)
        if outcome and (not is_item or self.current is None or self.listed):
            self.outcome(int(outcome.group(1) or outcome.group(2)), outcome.group(3), where)
            self.listed = is_item
            return True
        if is_item:
            return self.unnumbered(outcome.group(3) if outcome else text, where)
        return False

    # -- table rows ----------------------------------------------------------------------

    def row(self, cells: list[Cell], where: Location, roles: list[str] | None) -> bool:
        """A row of an outcomes table; False when it holds no outcome or criterion."""
        texts = [c.text for c in cells]
        filled = [i for i, t in enumerate(texts) if t]
        if not filled:
            return True
        first = filled[0]
        if not any(_numbered(t) for t in texts) and roles is not None and len(roles) == len(cells):
            return self._by_roles(cells, roles, where)
        if not _numbered(texts[first]):
            if first > 0 and not _has_role(roles, len(cells), first, "content"):
                return self.extend_last(" ".join(t for t in texts[first:] if t), where)
            return False
        index, criteria_seen, outcome_cell = 0, False, False
        while index < len(cells):
            text = texts[index]
            if not text:
                index += 1
                continue
            following = texts[index + 1 :]
            if _has_role(roles, len(cells), index, "content") and criteria_seen:
                self._content(cells[index], where)
                index += 1
                continue
            bare_criterion = BARE_CRITERION.match(text)
            if bare_criterion:
                rest = _until_numbered(following)
                number = f"{bare_criterion.group(1)}.{bare_criterion.group(2)}"
                self.criterion(int(bare_criterion.group(1)), number, " ".join(t for t in rest if t), where)
                criteria_seen = True
                index += 1 + len(rest)
                continue
            bare_outcome = BARE_OUTCOME.match(text)
            if bare_outcome and following and following[0] and not _numbered(following[0]):
                self.outcome(int(bare_outcome.group(1)), following[0], cells[index].location)
                index += 2
                continue
            listed = _listed(cells[index]) if outcome_cell and not criteria_seen else None
            if listed is not None:
                for text, part in zip(listed, cells[index].parts, strict=True):
                    criteria_seen = self.unnumbered(text, part.location) or criteria_seen
            else:
                outcomes_before = len(self.outcomes) + len(self.duplicates)
                criteria_seen = self._cell(cells[index], where, criteria_seen) or criteria_seen
                outcome_cell = outcome_cell or len(self.outcomes) + len(self.duplicates) > outcomes_before
            index += 1
        return True

    def _by_roles(self, cells: list[Cell], roles: list[str], where: Location) -> bool:
        """A row of a table headed by outcomes and criteria whose entries carry no numbers."""
        read = False
        for cell, role in zip(cells, roles):
            if not cell.text:
                continue
            if role == "outcomes":
                self.unnumbered_outcome(cell.text, cell.location)
                read = True
            elif role == "criteria":
                for part in cell.parts:
                    read = self.unnumbered(part.text, where) or read
            elif role == "content":
                self._content(cell, where)
        return read

    def _cell(self, cell: Cell, where: Location, after_outcome: bool) -> bool:
        """The parts of one cell: outcomes, criteria, their continuations. True if criteria were read."""
        last: str | None = None
        read = False
        numbered_cell = any(_numbered(p.text) for p in cell.parts)
        for part in cell.parts:
            text = part.text.strip()
            if not text:
                continue
            criterion = CRITERION.match(text)
            outcome = OUTCOME.match(text) or STRONG_OUTCOME.match(text)
            if criterion and criterion.group(3):
                self.criterion(int(criterion.group(1)), f"{criterion.group(1)}.{criterion.group(2)}", criterion.group(3), where)
                last, read = "criterion", True
            elif outcome and not read and (outcome.groups()[-1] or "").strip():
                groups = outcome.groups()
                number = next(g for g in groups[:-1] if g)
                self.outcome(int(number), groups[-1], cell.location)
                last = "outcome"
            elif last == "criterion":
                self.extend_last(text, where)
            elif last == "outcome" and self.current is not None:
                drafted = self.outcomes[self.current]
                drafted.text = f"{drafted.text} {text}"
            elif not numbered_cell and (after_outcome or self.current is not None):
                read = self.unnumbered(text, part.location) or read
        return read

    def _content(self, cell: Cell, where: Location) -> None:
        """Content printed beside an outcome's criteria: one section per outcome, rows in order."""
        items = [p.text for p in cell.parts if p.text]
        if self.current is None or not items:
            return
        if self.content and self.content[-1][0] == self.current:
            self.content[-1][1].extend(items)
            self.content[-1][2].append(where)
        else:
            self.content.append((self.current, items, [where]))


def _numbered(text: str) -> bool:
    text = text.strip()
    return bool(CRITERION.match(text) or OUTCOME.match(text) or BARE_OUTCOME.match(text) or STRONG_OUTCOME.match(text))


def _listed(cell: Cell) -> list[str] | None:
    """The texts of a cell whose parts are numbered 1., 2., 3. ... in order (an ordered list
    printed as text), without their numbers; None if the cell is not such a list. Beside an
    outcome these are its criteria, as the items of an ordered list are."""
    texts = []
    for n, part in enumerate(cell.parts, start=1):
        listed = LISTED.match(part.text.strip())
        if listed is None or int(listed.group(1)) != n:
            return None
        texts.append(listed.group(2))
    return texts or None


def _until_numbered(texts: list[str]) -> list[str]:
    taken = []
    for text in texts:
        if text and _numbered(text):
            break
        taken.append(text)
    return taken


def _has_role(roles: list[str] | None, width: int, index: int, role: str) -> bool:
    """Whether column ``index`` is headed ``role`` (only when header and row have the same columns)."""
    if roles is None or len(roles) != width:
        return False
    return roles[index] == role
