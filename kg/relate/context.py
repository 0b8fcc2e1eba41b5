"""What every relation rule reads: the sentence, its mentions, and shared helpers."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from kg.recognise.lexicon import Lexicon
from kg.records import Document, EntityType, Fact, Mention, Relation, Sentence, Span
from kg.relate.lists import (
    Item,
)
from kg.relate.quantities import find_periods

PLACE_TYPES = (EntityType.CITY, EntityType.DISTRICT, EntityType.PROVINCE)
#: 这家企业, 该公司, 这家光伏龙头: the company the paragraph named last; so is the owner in
#: 它的研发中心 and 其产品, and of a bare plant that is all a clause names (…，工厂获评…)
COMPANY_ANAPHOR = re.compile(
    r"(?:这家|该)[\u4e00-\u9fff]{0,4}?(?:企业|公司|龙头)"
    r"|它的|其(?!中|他|余|实)"
    r"(?=“|[\u4e00-\u9fff“”]{0,16}?(?:产品|工厂|厂区|车间|中心|研究院|研究所|实验室|生产线))"
    r"|新?(?:工厂|厂区|车间|研发中心|技术中心|生产线)(?:去年|今年|也|还|已)?$"
)
#: the marks before a bulleted line (▶ 386.2亿元, ◆ 2个主导产业：…)
BULLETS = "▶►◆◇●○■□★☆•·"
DATE_IN_TEXT = re.compile(r"(?:(?P<y>(?:19|20)\d\d)年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日")


@dataclass(frozen=True, slots=True)
class SentenceContext:
    document: Document
    sentence: Sentence
    mentions: tuple[Mention, ...]  # recognised mentions inside the sentence, in text order
    lexicon: Lexicon
    year_hint: str | None = None  # the last year the article named before this sentence
    period_hint: str | None = None  # the last period it named (2020-01/2020-09)
    reference: date | None = None  # the article's date, or an assumed one (see relate)
    # the last company the paragraph named before this sentence: who 这家企业 or 该公司 is
    earlier_company: Mention | None = None
    # on the line under a card's heading (★ X公司 / 2020年入选…): the company or cluster it names
    heading: Mention | None = None

    @property
    def text(self) -> str:
        return self.sentence.normalised

    @property
    def base(self) -> int:
        return self.sentence.span.start

    def span(self, start: int, end: int) -> Span:
        return Span(self.base + start, self.base + end)

    def within(self, start: int, end: int) -> list[Mention]:
        """Recognised mentions inside [start, end) of the sentence text."""
        lo, hi = self.base + start, self.base + end
        return [m for m in self.mentions if lo <= m.span.start and m.span.end <= hi]

    def company_referred_to(self, start: int, end: int) -> Mention | None:
        """The company 这家企业 (该公司, 这家光伏龙头) at ``start`` stands for: the last one named
        before it, in this sentence or earlier in its paragraph."""
        if not COMPANY_ANAPHOR.match(self.text, start, end):
            return None
        named = [
            m
            for m in self.mentions
            if m.type is EntityType.COMPANY and m.span.end <= self.base + start
        ]
        return named[-1] if named else self.earlier_company

    def mention_for(
        self, item: Item, type_: EntityType, rule: str, *, or_as: tuple[EntityType, ...] = ()
    ) -> Mention:
        """The mention an enumeration item stands for: one recognised there as ``type_`` (or
        as one of ``or_as``), else a new one of ``type_``."""
        for mention in self.within(item.start, item.end):
            if mention.span == self.span(item.start, item.end) and (
                mention.type == type_ or mention.type in or_as
            ):
                return mention
        entry = self.lexicon.lookup(item.text)
        key = None
        canonical = None
        if entry is not None and entry.type == type_:
            file = entry.source.split(".", 1)[0]
            key, canonical = f"{file}:{entry.id}", entry.label
        return Mention(self.span(item.start, item.end), item.text, type_, key, rule, canonical)


Rule = Callable[[SentenceContext], Iterator[Fact]]


def last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]``."""
    found = None
    for found in pattern.finditer(text, start, end):  # noqa: B007 - the last one is wanted
        pass
    return found


def make_fact(
    ctx: SentenceContext,
    relation: Relation,
    subject: Mention | None,
    obj: Mention,
    rule: str,
    *qualifiers: tuple[str, str],
    extra: tuple[Mention, ...] = (),
) -> Fact:
    kept = tuple(q for q in qualifiers if q[1])
    return Fact(relation, subject, obj, ctx.sentence.span, rule, kept, extra)


def once_each(facts: Iterable[Fact]) -> Iterator[Fact]:
    """The facts, each (subject, object) pair of mentions once: several shapes of one sentence
    may find the same investor or programme."""
    seen: set[tuple[Span | None, Span]] = set()
    for fact in facts:
        assert isinstance(fact.object, Mention)
        key = (fact.subject.span if fact.subject else None, fact.object.span)
        if key not in seen:
            seen.add(key)
            yield fact


ORIGIN_CUES = ("来自", "源自", "来源于")


def place_before(ctx: SentenceContext, clause_start: int, position: int) -> Mention | None:
    """The first place named before ``position``; of 深圳市南山区, the district. A place
    something comes from (来自江苏的…) is not where the clause is."""
    places = [
        m
        for m in ctx.within(clause_start, position)
        if m.type in PLACE_TYPES and not ctx.text.endswith(ORIGIN_CUES, 0, m.span.start - ctx.base)
    ]
    if not places:
        return None
    place = places[0]
    for following in places[1:]:
        if following.span.start != place.span.end:
            break
        place = following
    return place


def level_of(name: str) -> str:
    if name.startswith(("国家", "全国", "中国")):
        return "national"
    if name.startswith(("省", "全省")) or re.match(r"[\u4e00-\u9fff]{2,3}省", name):
        return "provincial"
    if name.startswith(("市级", "市")):
        return "municipal"
    return ""


def date_of(ctx: SentenceContext) -> str:
    """The date a sentence states (2023年1月16日), else its first period that is a single
    year or month; a day no calendar has (2023年2月30日, 13月1日) is no date."""
    published = ctx.reference
    for match in DATE_IN_TEXT.finditer(ctx.text):
        year = match["y"] or (str(published.year) if published else None)
        if year is None:
            return ""
        month, day = int(match["m"]), int(match["d"])
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(int(year), month)[1]:
            return f"{year}-{month:02d}-{day:02d}"
    periods = [p for p in find_periods(ctx.text, published, ctx.year_hint) if not p.is_base]
    return periods[0].period if periods and "/" not in periods[0].period else ""
