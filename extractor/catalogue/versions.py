"""Versions: documents of one specification grouped, ordered, and renderings of one version merged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import get_args

from ..diff import DiffReport, diff_specs, report_has_changes
from ..ids import assign_ids
from ..model import Specification
from ..readers import Format
from ..textutil import fold
from .sources import Extracted

FORMAT_PREFERENCE: dict[Format, int] = {"docx": 0, "html": 1, "markdown": 2, "text": 3, "pdf": 4}
"""Which rendering of a version the catalogue shows: the Word document, else a web page or Markdown copy,
else the text, else the PDF (the formats whose structure is most explicit first)."""
assert set(FORMAT_PREFERENCE) == set(get_args(Format)), "every format has a place in the preference"


@dataclass
class Rendering:
    """One file of a version."""

    path: Path
    sha256: str
    spec: Specification


@dataclass
class Disagreement:
    """Two renderings of one version whose contents differ."""

    shown: str
    other: str
    report: DiffReport

    @property
    def differences(self) -> int:
        """How many differences the report counts (its headline counts and change-log entries)."""
        return sum(self.report.summary.model_dump().values()) + len(self.report.document.change_log)


@dataclass
class Version:
    """One version of a specification, possibly read from several renderings (shown one first)."""

    label: str
    slug: str
    renderings: list[Rendering]
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def spec(self) -> Specification:
        return self.renderings[0].spec


@dataclass
class VersionPair:
    old: Version
    new: Version
    report: DiffReport

    @property
    def slug(self) -> str:
        return f"{self.old.slug}--{self.new.slug}"


@dataclass
class Series:
    """Every version of one specification, oldest first, and the diffs between consecutive ones."""

    title: str
    slug: str
    versions: list[Version]
    pairs: list[VersionPair]

    @property
    def latest(self) -> Version:
        return self.versions[-1]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-.") or "x"


def version_order(spec: Specification) -> tuple[tuple[int, ...], str]:
    """Ordering key: the numbers of the printed version, then the publication date."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", spec.document.version or ""))
    return numbers, spec.document.publication_date or ""


def group_series(extracted: list[Extracted]) -> list[Series]:
    """The specifications in ``extracted`` (failures aside) as series of versions, ordered by title.

    Each version shown carries the identifiers of the version before it (an element the diff
    pairs with one of the previous version keeps its id), so ids are stable across the series.
    """
    docs = [Rendering(e.path, e.sha256, e.spec) for e in extracted if e.spec is not None]
    series: list[Series] = []
    used: set[str] = set()
    for group in sorted(_groups(docs), key=lambda g: (fold(g[0].spec.document.title).casefold(), str(g[0].path))):
        versions = _versions(group)
        for previous, version in pairwise(versions):
            assign_ids(version.spec, previous.spec)
        title = versions[-1].spec.document.title or versions[-1].renderings[0].path.stem
        slug = unique_slug(slugify(title), used)
        pairs = [VersionPair(a, b, diff_specs(a.spec, b.spec)) for a, b in pairwise(versions)]
        series.append(Series(title, slug, versions, pairs))
    return series


def unique_slug(slug: str, used: set[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``... the first not in ``used`` (which it joins)."""
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug}-{n}", n + 1
    used.add(candidate)
    return candidate


def _groups(docs: list[Rendering]) -> list[list[Rendering]]:
    """Documents joined when they print the same title and awarding body, or share a QAN."""
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_of: dict[tuple[str, str], int] = {}
    for i, doc in enumerate(docs):
        spec = doc.spec
        keys = [("title", f"{fold(spec.document.title).casefold()}|{spec.document.awarding_body or ''}")]
        keys = keys if spec.document.title.strip() else []  # an untitled document joins others only by QAN
        keys += [("qan", q.qan) for q in spec.qualifications if q.qan]
        for key in keys:
            parent[root(i)] = root(first_of.setdefault(key, i))
    groups: dict[int, list[Rendering]] = {}
    for i, doc in enumerate(docs):
        groups.setdefault(root(i), []).append(doc)
    return list(groups.values())


def _versions(group: list[Rendering]) -> list[Version]:
    """One Version per printed version and publication date, oldest first, identical files once."""
    by_key: dict[tuple[str | None, str | None], list[Rendering]] = {}
    for doc in group:
        d = doc.spec.document
        by_key.setdefault((d.version, d.publication_date), []).append(doc)
    versions, used = [], set[str]()
    for (label, date), docs in sorted(by_key.items(), key=lambda kv: _order(kv[1])):
        renderings = _distinct(sorted(docs, key=lambda e: (FORMAT_PREFERENCE[e.spec.source.format], str(e.path))))
        name = label or date or "unversioned"
        version = Version(name, unique_slug(slugify(name), used), renderings)
        version.disagreements = _disagreements(version)
        versions.append(version)
    return versions


def _order(docs: list[Rendering]) -> tuple[tuple[tuple[int, ...], str], str]:
    return version_order(docs[0].spec), min(str(d.path) for d in docs)


def _distinct(docs: list[Rendering]) -> list[Rendering]:
    """The renderings with identical bytes kept once."""
    by_sha: dict[str, Rendering] = {}
    for doc in docs:
        by_sha.setdefault(doc.sha256, doc)
    return list(by_sha.values())


def _disagreements(version: Version) -> list[Disagreement]:
    shown = version.renderings[0]
    found = []
    for other in version.renderings[1:]:
        report = diff_specs(version.spec, other.spec)
        if report_has_changes(report):
            found.append(Disagreement(shown.path.name, other.path.name, report))
    return found
