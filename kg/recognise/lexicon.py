"""Lexicons: domain vocabulary as TSV data, one row per thing, aliases grouped by id."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.errors import LexiconError
from kg.records import EntityType, Mention, Span
from kg.segment import normalise

#: Lexicon files that name entities, and the entity type each row type stands for.
ENTITY_FILES = ("industries", "divisions", "bodies", "designations", "programmes", "organizations")
#: Files of grammar-like vocabulary: combined with text by patterns, not matched as entities.
SUPPORT_FILES = ("body_suffixes", "tiers", "company_suffixes")
_REQUIRED = ("id", "label", "type", "aliases")


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    id: str  # unique within its file; the key shared by all names of the thing
    label: str
    type: str
    aliases: tuple[str, ...]
    fields: tuple[tuple[str, str], ...]  # the file's further columns (en, gbt4754, level, ...)
    source: str  # "divisions.tsv:14"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)

    def field(self, name: str) -> str:
        return next((value for key, value in self.fields if key == name), "")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All lexicon files of a build, indexed for matching."""

    files: dict[str, tuple[LexiconEntry, ...]]
    by_name: dict[str, tuple[LexiconEntry, ...]]  # normalised name -> entries naming it
    max_name_length: int
    #: every name of a file, with its entry, longest first (computed once, at load)
    aliases: dict[str, tuple[tuple[str, LexiconEntry], ...]]
    #: the rest is derived at load, so that matching does no work a load can do once:
    #: first two chars -> the lengths of the names in ``by_name`` that start with them
    prefixes: dict[str, tuple[int, ...]]
    #: normalised name -> (type, key, rule, canonical) of each mention ``match`` makes of it
    found_as: dict[str, tuple[tuple[EntityType, str, str, str], ...]]
    name_sets: dict[str, frozenset[str]]  # file -> every name of it
    ids: dict[str, dict[str, LexiconEntry]]  # file -> id -> entry
    named: dict[str, dict[str, LexiconEntry]]  # file -> name -> its first entry, longest first
    finders: dict[str, re.Pattern[str]]  # file -> where its names begin (see ``finder``)

    def entries(self, file: str) -> tuple[LexiconEntry, ...]:
        return self.files.get(file, ())

    def names(self, file: str) -> frozenset[str]:
        """Every name (labels and aliases) of a file's entries."""
        return self.name_sets.get(file, frozenset())

    def longest_first(self, file: str) -> tuple[tuple[str, LexiconEntry], ...]:
        """(name, entry) for every name of a file, longest name first."""
        return self.aliases.get(file, ())

    def entry_named(self, file: str, name: str) -> LexiconEntry:
        """The entry of a file a name (as listed) stands for: the first in ``longest_first``.

        Raises:
            KeyError: no entry of the file has that name.
        """
        return self.named[file][name]

    def finder(self, file: str) -> re.Pattern[str]:
        """A pattern matching (empty) at every position where a name of the file begins; its
        group 1 is the longest name there, as ``longest_first`` would try them.

        >>> lexicon = load_lexicon(Path("data/lexicons"))
        >>> [(m.start(), m[1]) for m in lexicon.finder("tiers").finditer("发展战略性新兴产业")]
        [(2, '战略性新兴产业'), (5, '新兴产业')]
        """
        return self.finders.get(file, _NOTHING)

    def get(self, file: str, entry_id: str) -> LexiconEntry | None:
        return self.ids.get(file, {}).get(entry_id)

    def lookup(self, name: str, file: str | None = None) -> LexiconEntry | None:
        """The entry a name (as written or normalised) stands for, if any."""
        for entry in self.by_name.get(normalise(name), ()):
            if file is None or entry.source.startswith(file + "."):
                return entry
        return None

    def match(self, normalised: str, offset: int = 0) -> Iterator[Mention]:
        """Every lexicon name occurring in ``normalised`` text, as mentions (overlaps kept)."""
        n = len(normalised)
        prefixes, found_as = self.prefixes, self.found_as
        for start in range(n - 1):
            for length in prefixes.get(normalised[start : start + 2], ()):
                end = start + length
                surface = normalised[start:end]
                found = found_as.get(surface) if end <= n else None
                if found is None or normalised.startswith("市场", end - 1):
                    continue  # 绵阳市场主体 is 绵阳 + 市场, not 绵阳市 + 场
                for type_, key, rule, canonical in found:
                    yield Mention(
                        Span(offset + start, offset + end), surface, type_, key, rule, canonical
                    )


def read_tsv(path: Path) -> tuple[LexiconEntry, ...]:
    """Read one lexicon file.

    Raises:
        LexiconError: the file is missing, lacks a required column, or has a bad row.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc})") from exc
    numbered = [(i, ln) for i, ln in enumerate(lines, 1) if ln.strip() and not ln.startswith("#")]
    if not numbered:
        raise LexiconError(f"{path}: empty lexicon; expected a header line: {' '.join(_REQUIRED)}")
    header_line, header = numbered[0]
    columns = next(csv.reader([header], delimiter="\t"))
    missing = [c for c in _REQUIRED if c not in columns]
    if missing:
        raise LexiconError(f"{path}:{header_line}: header lacks column(s) {', '.join(missing)}")
    entries: list[LexiconEntry] = []
    seen: set[str] = set()
    for number, line in numbered[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) > len(columns):
            raise LexiconError(f"{path}:{number}: {len(cells)} cells, header has {len(columns)}")
        row = dict(zip(columns, cells + [""] * (len(columns) - len(cells)), strict=True))
        where = f"{path.name}:{number}"
        if not row["id"] or not row["label"]:
            raise LexiconError(f"{path}:{number}: id and label must not be empty")
        if row["id"] in seen:
            raise LexiconError(f"{path}:{number}: id {row['id']!r} is used twice")
        seen.add(row["id"])
        if row["type"] not in EntityType.__members__.values() and path.stem in ENTITY_FILES:
            valid = ", ".join(t.value for t in EntityType)
            raise LexiconError(f"{path}:{number}: unknown type {row['type']!r}; valid: {valid}")
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        extra = tuple((k, v.strip()) for k, v in row.items() if k not in _REQUIRED)
        entries.append(
            LexiconEntry(row["id"], row["label"].strip(), row["type"], aliases, extra, where)
        )
    return tuple(entries)


@cache
def load_lexicon(directory: Path) -> Lexicon:
    """Load every lexicon file of ``directory`` (cached per directory).

    Raises:
        LexiconError: a file is missing or malformed.
    """
    files: dict[str, tuple[LexiconEntry, ...]] = {}
    for name in ENTITY_FILES + SUPPORT_FILES:
        path = directory / f"{name}.tsv"
        if not path.is_file():
            raise LexiconError(f"{path}: lexicon file missing (expected {name}.tsv)")
        files[name] = read_tsv(path)
    by_name: dict[str, list[LexiconEntry]] = {}
    for name in ENTITY_FILES:
        for entry in files[name]:
            names = entry.names
            if entry.type == EntityType.DISTRICT:
                names = (entry.label,)  # short district names are too often ordinary words
            for alias in names:
                key = normalise(alias)
                if len(key) >= 2 and entry not in by_name.setdefault(key, []):
                    by_name[key].append(entry)
    longest = max((len(k) for k in by_name), default=1)
    aliases = {
        file: tuple(
            sorted(((n, e) for e in entries for n in e.names), key=lambda pair: -len(pair[0]))
        )
        for file, entries in files.items()
    }
    prefixes: dict[str, set[int]] = {}
    for key in by_name:  # every key has two chars or more
        prefixes.setdefault(key[:2], set()).add(len(key))
    found_as = {
        key: tuple(_found_as(entry) for entry in entries) for key, entries in by_name.items()
    }
    named: dict[str, dict[str, LexiconEntry]] = {}
    for file, pairs in aliases.items():
        for name, entry in pairs:
            named.setdefault(file, {}).setdefault(name, entry)
    return Lexicon(
        files,
        {k: tuple(v) for k, v in by_name.items()},
        longest,
        aliases,
        {start: tuple(sorted(found, reverse=True)) for start, found in prefixes.items()},
        found_as,
        {file: frozenset(name for name, _ in pairs) for file, pairs in aliases.items()},
        {file: {e.id: e for e in entries} for file, entries in files.items()},
        named,
        {file: _starts_of([name for name, _ in pairs]) for file, pairs in aliases.items()},
    )


def _found_as(entry: LexiconEntry) -> tuple[EntityType, str, str, str]:
    file = entry.source.split(".", 1)[0]
    return EntityType(entry.type), f"{file}:{entry.id}", f"lexicon:{file}", entry.label


_NOTHING = re.compile(r"(?!)")


def _starts_of(names: list[str]) -> re.Pattern[str]:
    """Every position where one of ``names`` begins: a lookahead, so that names overlapping
    one found are found too; alternatives are tried in order, so longest first."""
    if not names:
        return _NOTHING
    ordered = sorted(set(names), key=lambda name: (-len(name), name))
    # the class of first chars up front lets the engine pass over most positions at once
    initials = "".join(sorted({re.escape(n[0]) for n in ordered}))
    return re.compile(f"(?=[{initials}])(?=(" + "|".join(re.escape(n) for n in ordered) + "))")
