"""Recognise entity mentions: lexicon matches and patterns, overlaps settled by one policy."""

from __future__ import annotations

from dataclasses import replace

from kg.recognise.lexicon import Lexicon
from kg.recognise.overlaps import OverlapPolicy, longest_first
from kg.recognise.patterns import (
    body_mentions,
    byline_mentions,
    company_mentions,
    extend_designation,
    in_context,
    quoted_mentions,
    unquoted_policies,
    zone_mentions,
)
from kg.records import Document, EntityType, Mention, Sentence, Span
from kg.segment import normalise

PLACE_TYPES = (EntityType.CITY, EntityType.PROVINCE, EntityType.DISTRICT)


def _disambiguate_places(found: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """A place name several divisions share (南山区 in 深圳 and in 鹤岗) is the one whose parent
    the article names, else the first in the table."""
    named = {m.key for m in found if m.key and m.type in PLACE_TYPES}
    by_span: dict[tuple[int, int], list[Mention]] = {}
    for mention in found:
        if mention.rule == "lexicon:divisions":
            by_span.setdefault((mention.span.start, mention.span.end), []).append(mention)
    drop: set[int] = set()
    for candidates in by_span.values():
        if len(candidates) < 2:
            continue

        def parent_named(m: Mention) -> bool:
            entry = lexicon.get("divisions", (m.key or ":").split(":", 1)[1])
            return entry is not None and f"divisions:{entry.field('parent')}" in named

        keep = next((m for m in candidates if parent_named(m)), candidates[0])
        drop.update(id(m) for m in candidates if m is not keep)
    return [m for m in found if id(m) not in drop]


def _short_district_names(
    found: list[Mention], sentences: tuple[Sentence, ...], lexicon: Lexicon
) -> list[Mention]:
    """A district or county-level city the article writes in full (昆山市) is also found by its
    short name (昆山) in that article. The lexicon matches districts by their full names only,
    because short ones alone are too often ordinary words. A county-level city whose short
    name is such a word has no alias (安宁市: 安宁 is "peace"; 金山区), but in an article that
    writes 安宁市 the bare 安宁 is the city: its label without 市 (区, 县) counts too; not a
    新区's, whose stem (滨海新) is no name."""
    written = sorted(
        {
            m.key
            for m in found
            if m.key and m.type is EntityType.DISTRICT and m.rule == "lexicon:divisions"
        }
    )
    shorts: list[Mention] = []
    for key in written:
        entry = lexicon.get("divisions", key.split(":", 1)[1])
        if entry is None:
            continue
        shorts_of = list(entry.aliases)
        if (
            not shorts_of
            and len(entry.label) >= 3
            and entry.label.endswith(("市", "区", "县"))
            and not entry.label.endswith(("新区", "城区", "矿区", "郊区"))
        ):
            shorts_of.append(entry.label[:-1])
        for alias in shorts_of:
            short = normalise(alias)
            if len(short) < 2:
                continue
            for sentence in sentences:
                at = sentence.normalised.find(short)
                while at >= 0:
                    start = sentence.span.start + at
                    span = Span(start, start + len(short))
                    shorts.append(
                        Mention(span, short, EntityType.DISTRICT, key, "lexicon:divisions")
                    )
                    at = sentence.normalised.find(short, at + len(short))
    return shorts


def _declared_short_names(found: list[Mention], sentences: tuple[Sentence, ...]) -> list[Mention]:
    """A short name the article declares for a company (云南安磷新材料有限公司（简称“安磷新材”）)
    names that company wherever the article writes it after."""
    declared = {
        m.surface: m
        for m in found
        if m.rule == "pattern:company-short-name" and m.type is EntityType.COMPANY
    }
    again: list[Mention] = []
    for short, first in declared.items():
        for sentence in sentences:
            if sentence.span.end <= first.span.end:
                continue
            at = sentence.normalised.find(short, max(0, first.span.end - sentence.span.start))
            while at >= 0:
                start = sentence.span.start + at
                span = Span(start, start + len(short))
                again.append(replace(first, span=span))
                at = sentence.normalised.find(short, at + len(short))
    return again


def recognise(
    doc: Document,
    sentences: tuple[Sentence, ...],
    lexicon: Lexicon,
    *,
    overlaps: OverlapPolicy = longest_first,
) -> tuple[Mention, ...]:
    """Every entity mention of the article, overlaps settled by ``overlaps``.

    Surfaces are the normalised text of the span (full-width folded, simplified).
    """
    found: list[Mention] = list(byline_mentions(normalise(doc.text), doc.body_start))
    for sentence in sentences:
        matched = list(lexicon.match(sentence.normalised, sentence.span.start))
        places = [m for m in matched if m.type in PLACE_TYPES]
        lexical = [
            extend_designation(m, sentence, places)
            for m in matched
            if in_context(m, sentence, matched)
        ]
        found += lexical
        found += body_mentions(sentence, lexicon, places)
        found += zone_mentions(sentence, places)
        found += quoted_mentions(sentence)
        found += company_mentions(sentence)
        found += unquoted_policies(sentence)
    found = _disambiguate_places(found, lexicon)
    found += _short_district_names(found, sentences, lexicon)
    found += _declared_short_names(found, sentences)
    # places stay mentions inside longer names (河南省 in 河南省质量标杆, 郑州市 in 郑州市工信局),
    # except inside a company's legal or declared short name: 天津 in 天津中环瑞驰新能源科技有限
    # 公司, 吉隆 in 吉隆通达, is no place the sentence speaks of (a rule taking it would make
    # the company's figure 天津's)
    others = [m for m in found if not (m.type in PLACE_TYPES and m.rule == "lexicon:divisions")]
    company_names = [
        m.span
        for m in others
        if m.rule in ("pattern:company-legal-name", "pattern:company-short-name")
        and m.type is EntityType.COMPANY
    ]
    places = [
        m
        for m in found
        if m.type in PLACE_TYPES
        and m.rule == "lexicon:divisions"
        and not any(n.start <= m.span.start and m.span.end <= n.end for n in company_names)
    ]
    ordered = overlaps(others) + overlaps(places)
    return tuple(sorted(ordered, key=lambda m: (m.span.start, m.span.end, m.rule)))
