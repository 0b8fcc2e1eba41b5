"""Relate mentions into facts: the registered rules, each run over every sentence."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date

from kg.recognise.lexicon import Lexicon
from kg.records import Document, EntityType, Fact, Mention, Quantity, Relation, Sentence
from kg.relate.awards import heading_holder
from kg.relate.context import Rule, SentenceContext
from kg.relate.quantities import find_periods, plausible
from kg.relate.rules import RULES, TRIGGERS
from kg.segment import normalise

#: 分产业看，… / 从企业看，… / 主要工业产品产量中，…: a paragraph that breaks down the figures
#: of the one before, and so speaks of their time
BREAKDOWN = re.compile(
    r"\s*(?:(?:分|从|按)[\u4e00-\u9fff]{1,6}看|主要[\u4e00-\u9fff]{2,10}中)[，,]"
)

#: 一、2025年工作回顾 / 二、2026年主要任务: a numbered section heading naming the year its
#: section speaks of (a line of its own, no sentence in it)
SECTION_HEADING = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)[^\n。；;，,]{0,36}$",
    re.MULTILINE,
)

#: The built-in rules; added rule sets register the same way.
DEFAULT_RULES: dict[str, Rule] = RULES


def relate(
    doc: Document,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    lexicon: Lexicon,
    *,
    rules: dict[str, Rule] | None = None,
) -> tuple[Fact, ...]:
    """Facts of the article, each with the sentence it was read from, in text order."""
    active = [
        (rule, TRIGGERS.get(rule)) for rule in (DEFAULT_RULES if rules is None else rules).values()
    ]
    starts = [m.span.start for m in mentions]
    facts: list[Fact] = []
    year_hint: str | None = None
    period_hint: str | None = None
    reference = doc.published or _assumed_date(sentences)
    title = normalise(doc.meta.title)
    company: Mention | None = None  # the last company named before the sentence
    heading: tuple[Sentence, Mention] | None = None  # the last card heading, and whom it names
    seen = 0
    for sentence in sentences:
        if sentence.normalised == title:
            continue  # a headline restates the body, often loosely (多个国家级专项资金)
        lo = bisect.bisect_left(starts, sentence.span.start)
        hi = bisect.bisect_left(starts, sentence.span.end)
        for mention in mentions[seen:lo]:
            if mention.type is EntityType.COMPANY:
                company = mention
        seen = max(seen, lo)
        paragraph = doc.text.rfind("\n", 0, sentence.span.start)
        earlier = company if company is not None and company.span.start > paragraph else None
        inside = tuple(m for m in mentions[lo:hi] if m.span.end <= sentence.span.end)
        under_heading = (
            heading is not None
            and doc.text.count("\n", heading[0].span.end, sentence.span.start) == 1
        )
        ctx = SentenceContext(
            doc,
            sentence,
            inside,
            lexicon,
            year_hint,
            period_hint,
            reference,
            earlier,
            heading[1] if heading is not None and under_heading else None,
        )
        text = sentence.normalised
        for rule, needs in active:
            if needs is None or needs.search(text):
                facts.extend(rule(ctx))
        if (holder := heading_holder(ctx)) is not None:
            heading = (sentence, holder)
        explicit = [p for p in find_periods(text, None) if not p.is_base]
        if explicit:
            year_hint, period_hint = explicit[-1].period[:4], explicit[-1].period
    return tuple(_usable_figures(reference, doc, facts))


def _assumed_date(sentences: tuple[Sentence, ...]) -> date | None:
    """For an undated article, the end of the first year it names: news leads with the
    current year, so 今年 and a bare 前三季度 are read against it."""
    for sentence in sentences:
        years = [p.period[:4] for p in find_periods(sentence.normalised, None) if not p.is_base]
        if years:
            return date(int(years[0]), 12, 31)
    return None


def _section_years(doc: Document) -> list[tuple[int, str | None]]:
    """(start, year) of each numbered section heading of the body; the year is None where
    the heading names none (the section after it is of no year the heading gives)."""
    sections: list[tuple[int, str | None]] = []
    for heading in SECTION_HEADING.finditer(doc.text, doc.body_start):
        found = find_periods(normalise(heading.group()), None)
        years = [p.period[:4] for p in found if not p.is_base]
        sections.append((heading.start(), years[0] if years else None))
    return sections


def _section_year(sections: list[tuple[int, str | None]], position: int) -> str | None:
    before = [year for start, year in sections if start < position]
    return before[-1] if before else None


def _usable_figures(reference: date | None, doc: Document, facts: list[Fact]) -> list[Fact]:
    """The facts, each figure with a period: its own, else that of the paragraph's last figure
    (or, in a paragraph breaking down the one before, of that one's last figure), else the year
    its section's heading names (一、2025年工作回顾), else the year of the article's date
    (``reference``: published, or assumed).

    A figure whose period is still unknown is dropped: an article with no date that names no
    year gives no period to read it against, and a figure of no known time is no usable
    statistic (queries compare figures by period). So is a figure beyond any statistic
    (``plausible``): more digits before the point than any real one has.
    """
    usable: list[Fact] = []
    last: tuple[str, int] | None = None  # (period, paragraph start)
    sections = _section_years(doc)
    for fact in facts:
        if fact.relation is Relation.OBSERVATION and isinstance(fact.object, Quantity):
            paragraph = doc.text.rfind("\n", 0, fact.evidence.start)
            q = fact.object
            if q.period is None:
                if last is not None and (
                    last[1] == paragraph or BREAKDOWN.match(doc.text, paragraph + 1)
                ):
                    q = replace(q, period=last[0])
                elif section := _section_year(sections, fact.evidence.start):
                    q = replace(q, period=section)
                elif reference is not None:
                    q = replace(q, period=str(reference.year))
                fact = replace(fact, object=q)
            if q.period is None:
                continue
            last = (q.period, paragraph)
            if not plausible(q.value):
                continue
        usable.append(fact)
    return usable
