"""The label vocabulary: which field of a unit specification a printed label names.

The labels are data (``vocabulary.toml`` in this package, extended by a user's file); this
module only normalises and matches them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import InputError

PARENTHESISED = re.compile(r"\([^)]*\)")
NON_WORD = re.compile(r"[^0-9a-z]+")
PREFIX_MARK = "..."
LABEL_VALUE = re.compile(r"^([^:]{1,80}):\s*(.*)$", re.DOTALL)


def normalise_label(text: str) -> str:
    """'Guided Learning Hours (GLH):' -> 'guided learning hours'."""
    return NON_WORD.sub(" ", PARENTHESISED.sub(" ", text.lower())).strip()


@dataclass(frozen=True)
class Vocabulary:
    """Normalised labels and the field each names."""

    exact: dict[str, str]
    prefixes: tuple[tuple[str, str], ...]
    quadrants: dict[str, str]
    front: dict[str, dict[str, list[str]]]

    def field_of(self, text: str) -> str | None:
        """The field a label cell names, or None."""
        key = normalise_label(text)
        if not key:
            return None
        if key in self.exact:
            return self.exact[key]
        for label, name in self.prefixes:
            if key.startswith(label + " "):
                return name
        return None

    def split_label(self, text: str) -> tuple[str, str] | None:
        """'Unit No: J/504/8733' -> ('reference', 'J/504/8733') when the part before the colon is a label."""
        match = LABEL_VALUE.match(text.strip())
        if not match:
            return None
        name = self.exact.get(normalise_label(match.group(1)))  # no prefix labels: a sentence is no label
        return (name, match.group(2).strip()) if name else None

    def extended(self, labels: dict[str, list[str]]) -> Vocabulary:
        """This vocabulary with more labels (fields must be ones it already knows)."""
        known = set(self.exact.values())
        exact, prefixes = dict(self.exact), list(self.prefixes)
        for name, printed in labels.items():
            if name not in known:
                raise InputError(f"vocabulary: unknown field '{name}' (known: {', '.join(sorted(known))})")
            if not isinstance(printed, list) or not all(isinstance(p, str) for p in printed):
                raise InputError(f"vocabulary: the labels of '{name}' must be a list of strings")
            _add(exact, prefixes, name, printed)
        return Vocabulary(exact, tuple(prefixes), self.quadrants, self.front)


def _add(exact: dict[str, str], prefixes: list[tuple[str, str]], name: str, printed: list[str]) -> None:
    for label in printed:
        key = normalise_label(label.removesuffix(PREFIX_MARK))
        if not key:
            continue
        exact.setdefault(key, name)
        if label.endswith(PREFIX_MARK) and (key, name) not in prefixes:
            prefixes.append((key, name))


def _parse(text: str, source: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{source}: not a TOML vocabulary ({exc})") from exc


def default_vocabulary() -> Vocabulary:
    """The package's vocabulary."""
    data = _parse(resources.files(__package__).joinpath("vocabulary.toml").read_text(encoding="utf-8"), "vocabulary.toml")
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for name, printed in data["labels"].items():
        _add(exact, prefixes, name, printed)
    return Vocabulary(exact, tuple(prefixes), dict(data["isp"]["quadrants"]), data["front"])


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """The package's vocabulary, extended by the ``[labels]`` of the TOML file at ``path``."""
    vocabulary = default_vocabulary()
    if path is None:
        return vocabulary
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the vocabulary file ({exc})") from exc
    labels = _parse(text, str(path)).get("labels")
    if not isinstance(labels, dict) or not labels:
        raise InputError(f"{path}: a vocabulary file needs a [labels] table (field = [\"label\", ...])")
    return vocabulary.extended(labels)


VOCABULARY = default_vocabulary()
ISP_QUADRANTS = VOCABULARY.quadrants
QUADRANT_NAMES = "|".join(ISP_QUADRANTS)
FRONT_TABLES = VOCABULARY.front
