"""The static website: every page of the catalogue rendered from the series, as ``{relative path: text}``."""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from importlib.resources import files as package_files

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..diff.render_html import render_html_body, unit_changes_table
from ..diff.report import DiffReport
from ..model import SEVERITIES, Qualification, Specification, Unit, UnitListing
from .history import UnitHistory, history_of, unit_histories
from .versions import Series, Version, slugify, unique_slug

KIND_ORDER = {"award": 0, "certificate": 1, "diploma": 2, None: 3}
KIND_PLURAL = {"award": "awards", "certificate": "certificates", "diploma": "diplomas", None: "qualifications"}
QUADRANT_LABELS = {"business": "Business", "core": "Core", "leadership": "Leadership", "self": "Self", None: "Other"}
LEVEL_IN_TITLE = re.compile(r"\bLevel (\d+)\b")
ASSETS = ("site.css", "search.js")

_env = Environment(
    loader=PackageLoader("extractor.catalogue", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


@dataclass
class SeriesPages:
    """Where each page of one series lives (a reference or QAN printed twice gets a second, numbered page)."""

    series: Series
    histories: list[UnitHistory]

    def __post_init__(self) -> None:
        self.slugs: dict[int, str] = {}
        for version in self.series.versions:
            for elements in (version.spec.units, version.spec.qualifications):
                used: set[str] = set()
                for element in elements:
                    name = element.reference if isinstance(element, Unit) else element.qan or element.title
                    self.slugs[id(element)] = unique_slug(slugify(name), used)

    def version_dir(self, version: Version) -> str:
        return f"{self.series.slug}/{version.slug}"

    def version_page(self, version: Version) -> str:
        return f"{self.version_dir(version)}/index.html"

    def findings_page(self, version: Version) -> str:
        return f"{self.version_dir(version)}/findings.html"

    def qualification_page(self, version: Version, q: Qualification) -> str:
        return f"{self.version_dir(version)}/qualifications/{self.slugs[id(q)]}.html"

    def unit_page(self, version: Version, unit: Unit) -> str:
        return f"{self.version_dir(version)}/units/{self.slugs[id(unit)]}.html"

    def pair_page(self, old: Version, new: Version) -> str:
        return f"{self.series.slug}/changes/{old.slug}--{new.slug}.html"

    def rendering_page(self, version: Version, n: int) -> str:
        return f"{self.version_dir(version)}/renderings-{n}.html"


def link(page: str, target: str) -> str:
    """The relative address of ``target`` from ``page`` (both relative to the site root)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def render(template: str, page: str, **context: object) -> str:
    root = "../" * page.count("/")
    return _env.get_template(template).render(root=root, **context)


def build_site(series: list[Series]) -> dict[str, str]:
    """Every file of the website, by its path relative to the catalogue folder."""
    site = {f"assets/{name}": (package_files("extractor.catalogue") / "static" / name).read_text("utf-8")
            for name in ASSETS}
    all_pages = [SeriesPages(s, unit_histories(s)) for s in series]
    site["index.html"] = _index(all_pages)
    site["assets/search-index.js"] = _search_index(all_pages)
    for pages in all_pages:
        site.update(_series_pages(pages))
    return site


def qualification_level(q: Qualification, spec: Specification) -> int | None:
    """The level printed in the qualification's title, else the document's level."""
    match = LEVEL_IN_TITLE.search(q.title)
    return int(match.group(1)) if match else spec.document.level


def _index(all_pages: list[SeriesPages]) -> str:
    page = "index.html"
    items = []
    for pages in all_pages:
        s, latest = pages.series, pages.series.latest
        spec = latest.spec
        groups: dict[tuple[int, int], dict] = {}
        for q in spec.qualifications:
            level, kind = qualification_level(q, spec), q.kind
            heading = f"Level {level} {KIND_PLURAL[kind]}" if level is not None else KIND_PLURAL[kind].capitalize()
            group = groups.setdefault((level or 0, KIND_ORDER[kind]), {"heading": heading, "rows": []})
            group["rows"].append(_qualification_row(q, link(page, pages.qualification_page(latest, q))))
        items.append({
            "slug": s.slug,
            "title": s.title,
            "awarding_body": spec.document.awarding_body,
            "latest_label": latest.label,
            "latest_href": link(page, pages.version_page(latest)),
            "latest_date": spec.document.publication_date,
            "versions": [(v.label, link(page, pages.version_page(v))) for v in s.versions],
            "changes": [(f"{p.old.label} → {p.new.label}", link(page, pages.pair_page(p.old, p.new))) for p in s.pairs],
            "groups": [groups[key] for key in sorted(groups)],
        })
    return render("index.html", page, title="Qualification catalogue", crumbs=[], series=items)


def _qualification_row(q: Qualification, href: str) -> dict[str, object]:
    return {"qan": q.qan, "title": q.title, "kind": q.kind or "", "href": href,
            "credits": q.credits.printed, "glh": q.glh.printed, "tqt": q.tqt.printed}


def _search_index(all_pages: list[SeriesPages]) -> str:
    """The latest version of every series, as [kind, label, text, href] entries for search.js."""
    entries: list[list[str]] = []
    for pages in all_pages:
        latest = pages.series.latest
        for u in latest.spec.units:
            href = pages.unit_page(latest, u)
            entries.append(["unit", f"{u.reference} {u.title}", u.purpose or "", href])
            for lo in u.learning_outcomes:
                entries.append(["outcome", f"{u.reference} LO{lo.number}", lo.text, f"{href}#lo{lo.number}"])
                entries += [["criterion", f"{u.reference} {ac.number}", ac.text, f"{href}#ac{ac.number}"]
                            for ac in lo.assessment_criteria]
    return "window.QUALSPEC_SEARCH = " + json.dumps(entries, ensure_ascii=False, indent=0) + ";\n"


def _series_pages(pages: SeriesPages) -> dict[str, str]:
    site: dict[str, str] = {}
    s = pages.series
    for pair in s.pairs:
        site[pages.pair_page(pair.old, pair.new)] = _diff_page(
            pages, pages.pair_page(pair.old, pair.new), f"Changes from {pair.old.label} to {pair.new.label}",
            pair.report)
    for version in s.versions:
        context = _VersionContext(pages, version)
        site.update(context.render_all())
    return site


def _diff_page(pages: SeriesPages, page: str, title: str, report: DiffReport) -> str:
    crumbs = [(pages.series.title, link(page, pages.version_page(pages.series.latest)))]
    return render("diff.html", page, title=title, crumbs=crumbs, body=Markup(render_html_body(report)))


class _VersionContext:
    """The pages of one version: its summary, qualifications, units, findings and rendering diffs."""

    def __init__(self, pages: SeriesPages, version: Version) -> None:
        self.pages, self.version, self.spec = pages, version, version.spec
        self.index = pages.series.versions.index(version)
        self.overview_quadrant = {r.reference: r.quadrant for r in self.spec.units_overview}
        self.withdrawn = {
            u.reference: h.withdrawn_in.label
            for h in pages.histories
            if h.withdrawn_in is not None and (u := h.units.get(version.slug)) is not None
        }

    def crumbs(self, page: str, with_version: bool = True) -> list[tuple[str, str]]:
        crumbs = [(self.pages.series.title, link(page, self.pages.version_page(self.pages.series.latest)))]
        if with_version:
            crumbs.append((f"Version {self.version.label}", link(page, self.pages.version_page(self.version))))
        return crumbs

    def unit_links(self, page: str) -> dict[str, str]:
        links: dict[str, str] = {}
        for u in self.spec.units:
            href = link(page, self.pages.unit_page(self.version, u))
            links.setdefault(u.reference, href)
            links.setdefault(u.reference_printed, href)
        return links

    def unit_groups(self, rows: list[UnitListing]) -> list[tuple[str, list[UnitListing]]]:
        """Rows grouped by quadrant (as the units overview places them), in the order first printed."""
        groups: dict[str | None, list[UnitListing]] = {}
        for row in rows:
            groups.setdefault(row.quadrant or self.overview_quadrant.get(row.reference), []).append(row)
        return [(f"{QUADRANT_LABELS[q]} units", r) for q, r in groups.items()]

    def render_all(self) -> dict[str, str]:
        site = {self.pages.version_page(self.version): self._summary()}
        site[self.pages.findings_page(self.version)] = self._findings()
        for q in self.spec.qualifications:
            site[self.pages.qualification_page(self.version, q)] = self._qualification(q)
        for u in self.spec.units:
            site[self.pages.unit_page(self.version, u)] = self._unit(u)
        for n, d in enumerate(self.version.disagreements, start=1):
            page = self.pages.rendering_page(self.version, n)
            title = f"{d.other} against {d.shown} (version {self.version.label})"
            site[page] = _diff_page(self.pages, page, title, d.report)
        return site

    def _facts(self) -> list[tuple[str, object]]:
        d = self.spec.document
        sector = d.subject_sector.printed if d.subject_sector else None
        return [("Version", self.version.label), ("Published", d.publication_date), ("Awarding body", d.awarding_body),
                ("Level", d.level), ("Subject/sector", sector), ("Qualifications", len(self.spec.qualifications)),
                ("Units", len(self.spec.units))]

    def _disagreements(self, page: str) -> list[dict[str, object]]:
        return [{"shown": d.shown, "other": d.other, "count": d.differences,
                 "href": link(page, self.pages.rendering_page(self.version, n))}
                for n, d in enumerate(self.version.disagreements, start=1)]

    def _summary(self) -> str:
        page = self.pages.version_page(self.version)
        series = self.pages.series
        changes = [(f"Changes from {p.old.label} to {p.new.label}", link(page, self.pages.pair_page(p.old, p.new)))
                   for p in series.pairs if self.version in (p.old, p.new)]
        gone = []
        for h in self.pages.histories:
            when = h.withdrawn_in
            if when is not None and series.versions.index(when) <= self.index:
                last = [v for v in series.versions if v.slug in h.units][-1]
                unit = h.units[last.slug]
                gone.append((f"{unit.reference} {unit.title} ({last.label})",
                             link(page, self.pages.unit_page(last, unit)), when.label))
        return render(
            "version.html", page, title=f"{self.spec.document.title} — version {self.version.label}",
            crumbs=self.crumbs(page, with_version=False), fact_rows=self._facts(),
            finding_count=len(self.spec.findings), changes=changes,
            renderings=[{"name": r.path.name, "format": r.spec.source.format, "sha256": r.sha256}
                        for r in self.version.renderings],
            disagreements=self._disagreements(page),
            qualifications=[_qualification_row(q, link(page, self.pages.qualification_page(self.version, q)))
                            for q in self.spec.qualifications],
            unit_groups=self.unit_groups(self.spec.units_overview), unit_links=self.unit_links(page),
            withdrawn=self.withdrawn, withdrawn_later=gone,
        )

    def _findings(self) -> str:
        page = self.pages.findings_page(self.version)
        counts = {s: sum(f.severity == s for f in self.spec.findings) for s in SEVERITIES}
        return render(
            "findings.html", page, title=f"Findings in version {self.version.label}", crumbs=self.crumbs(page),
            counts=f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes.",
            findings=self.spec.findings, unit_links=self.unit_links(page), disagreements=self._disagreements(page),
        )

    def _qualification(self, q: Qualification) -> str:
        page = self.pages.qualification_page(self.version, q)
        facts = [("QAN", q.qan), ("Kind", q.kind), ("Level", qualification_level(q, self.spec)),
                 ("Credits", q.credits.printed), ("GLH", q.glh.printed), ("TQT", q.tqt.printed),
                 ("Structure heading", q.structure_title)]
        return render(
            "qualification.html", page, title=q.title, crumbs=self.crumbs(page), q=q, fact_rows=facts,
            unit_groups=self.unit_groups(q.units or self.spec.units_overview), unit_links=self.unit_links(page),
            withdrawn=self.withdrawn,
        )

    def _unit(self, u: Unit) -> str:
        page = self.pages.unit_page(self.version, u)
        history = history_of(self.pages.histories, self.version, u)
        when = history.withdrawn_in
        latest = self.pages.series.latest
        facts = [("Reference", u.reference), ("Printed as", u.reference_printed if u.reference_printed != u.reference else None),
                 ("UAN", u.uan), ("Level", u.level), ("Credits", u.credits), ("GLH", u.glh), ("TQT", u.tqt),
                 ("Quadrant", QUADRANT_LABELS[u.quadrant] if u.quadrant else None),
                 ("Subject/sector", u.sector.printed if u.sector else None), ("Version", self.version.label)]
        latest_unit = history.units.get(latest.slug)
        return render(
            "unit.html", page, title=f"{u.reference} {u.title}", crumbs=self.crumbs(page), u=u, fact_rows=facts,
            withdrawn_in={"label": when.label, "href": link(page, self.pages.version_page(when))} if when else None,
            is_latest=self.version is latest, version_label=self.version.label,
            latest_href=link(page, self.pages.unit_page(latest, latest_unit)) if latest_unit else "",
            findings=[f for f in self.spec.findings if f.unit in (u.reference, u.reference_printed)],
            events=self._events(page, history),
        )

    def _events(self, page: str, history: UnitHistory) -> list[dict[str, object]]:
        first = next(v for v in self.pages.series.versions if v.slug in history.units)
        events: list[dict[str, object]] = []
        if not history.events or history.events[0].kind != "added":
            events.append({"kind": "first", "heading": f"In {first.label}, the first version in this catalogue",
                           "table": None, "href": None})
        for e in history.events:
            old, new = e.pair.old.label, e.pair.new.label
            heading = {"added": f"Added in {new}", "changed": f"Changed from {old} to {new}",
                       "withdrawn": f"Withdrawn in {new}"}[e.kind]
            table = Markup(unit_changes_table(e.diff)) if e.diff is not None else None
            events.append({"kind": e.kind, "heading": heading, "table": table, "old": old, "new": new,
                           "href": link(page, self.pages.pair_page(e.pair.old, e.pair.new))})
        if len(history.events) == 0 and len(self.pages.series.versions) > 1:
            events[0]["heading"] = f"Unchanged from {first.label} to {self.pages.series.latest.label}"
        return events
