"""The observation rule: every figure of a sentence with its indicator, period, rank and bound."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from kg.numerals import chinese_number
from kg.records import EntityType, Fact, Mention, Quantity, Relation, Span
from kg.relate.context import BULLETS, PLACE_TYPES, SentenceContext
from kg.relate.lists import clauses
from kg.relate.quantities import (
    COUNT_UNITS,
    QUANTITY,
    RANK,
    PeriodMatch,
    find_periods,
    normalised_unit,
    parse_number,
    rank_of,
)
from kg.segment import normalise

NAME_BREAKS = ",，;；:：。、\n"  # where an indicator's name ends
LAST_BREAK = re.compile(f"[{NAME_BREAKS}][^{NAME_BREAKS}]*$")
LEADING_NOISE = re.compile(
    r"^(?:连续[一二三四五六七八九十\d]+年|同比|比上年|较上年|环比|其中|同时|此外|另外|截至目前|截至|目前|至今|累计|共计|总计|共有|共|已经|已|均|全市|全省|全区|全州|全县|"
    r"全国|我市|该市|本市|市县两级|市级|再|新增|还|并|且|的|较|比|由|从|在|对|将|也|都|以来|"
    r"年度|全年|当年|期间|之间)+"
)
# TRAILING_WORDS and VERBS are written out as tuples too, so that a name ending in none of
# the one or holding none of the other is not searched (VERB_CUT backtracks at every start).
TRAILING_WORDS = (
    "的", "由", "从", "增至", "增加至", "减至", "降至", "达到了", "达到", "达", "为", "是",
    "有", "至", "到", "跃升至", "提升至", "提高至", "提高到", "增加到", "增加至", "下降至",
    "下降到", "降至", "升至", "突破", "超过", "超", "近", "逾", "约", "实现", "完成", "建成",
    "累计", "总计", "共计", "共", "已", "占比为", "规模", "分别为", "分别",
)  # fmt: skip
TRAILING_NOISE = re.compile("(?:" + "|".join(TRAILING_WORDS) + ")+$")
VERBS = (
    "建成", "建有", "培育", "汇聚", "汇集", "谋划新建", "新建", "认定", "集聚", "落实",
    "实现", "完成", "推动", "编制", "引进", "抓好", "通过", "依托", "连续三年获评", "获评",
)  # fmt: skip
VERB = re.compile("|".join(VERBS))
#: 汽车产业集群(全年)实现产值…: whose measure a bare 产值 is
SUBJECT_BEFORE_VERB = re.compile(
    r"(?P<subject>[\u4e00-\u9fff]{2,12}(?:产业集群|产业|集群|行业|板块))"
    r"(?:全年|上半年|前三季度)?共?(?:实现|完成)$"
)
MEASURE = re.compile(r"总产值|产值|营业收入|营收|增加值|产量|销售收入|主营业务收入|利润|税收")
VERB_CUT = re.compile(".*(?:" + "|".join(VERBS) + r")(?=[\u4e00-\u9fffA-Za-z0-9])")
AFTER_STOP = re.compile(r"(?:入选|成为|获评|实现|达到|被|获|以上|左右|位次)")
CLUSTER_SIZE_BEFORE = re.compile(
    r"集群(?:规模)?(?:均|都)?(?:已|已经)?(?:突破|超过|超|达到|达|近)?$"
)
TARGET = re.compile(r"力争|确保|目标|预计|计划到|到20\d\d年|将达到|有望|争取")
DESIGNATION_AFTER = re.compile(r"(?:企业)?(?:获评|入选|被认定为|认定为|荣获|荣列|被评为|成为)")
FALL = re.compile(r"(?:下降|减少|下滑|回落|降低)$")
COMPARISON = re.compile(
    r"(?:同比|环比|(?:比|较)(?:上年|去年|上半年|一季度|年初|上月|上年同期|去年同期)(?:同期)?)"
)
LIST_HEAD = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:产业集群|集群|产业|行业|领域)")
GENERIC_NAMES = ("增速", "增幅", "降幅", "总量", "总数", "占比", "比重")
CHANGE_WORDS = ("提升", "提高", "下降", "增加", "减少", "增长", "回落", "上升")
LIST_COUNT = re.compile(r"等$")
MODIFIER_AFTER = re.compile(r"^(?:级|以上|以下|量级|规模以上)")
# The patterns of the helpers below, compiled once (each helper runs for every figure).
# 超十亿元项目, 10亿元以上或1亿美元以上重大产业项目: a size class of projects, no figure
SIZE_CLASS_AFTER = re.compile(
    r"(?:或[^，,。；;]{1,12}?)?(?:重大|重点|产业|工业|制造业)*(?:项目|企业|工程|产业|大项目)"
)
COMPARISON_GAP = re.compile(r"(?:比|较)\u3000+(?:同期)?")
HAN = re.compile(r"[\u4e00-\u9fff]")
NAME_AFTER_CUT = re.compile(r"包联|覆盖|入选|成为|获评|实现|达到|实行|的|中")
BRACKETED_END = re.compile(r"[(（][^()（）]*[)）]?$|^[^()（）]*[)）]")
LETTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")
RANGE_END_CUE = re.compile(r"(?:至|到)$")
OPEN_BRACKET = re.compile(r"\s*[(（]\s*")
QUOTED_NAME = re.compile(r"“[^“”]{1,20}”|《[^《》]{1,60}》|「[^「」]{1,20}」")


def observations(ctx: SentenceContext) -> Iterator[Fact]:
    """Each figure of the sentence as an observation of the article's city (or a named area)."""
    text = ctx.text
    periods = find_periods(text, ctx.reference, ctx.year_hint)
    masked = _mask(text, [(p.start, p.end) for p in periods])
    ranks = list(RANK.finditer(masked))
    masked = _mask(masked, [(m.start(), m.end()) for m in ranks])
    previous: Quantity | None = None
    facts: list[tuple[Fact, int]] = []
    floor = 0  # text before this was used by an earlier figure
    places = tuple(m.surface for m in ctx.mentions if m.type in PLACE_TYPES)
    target = TARGET.search(masked)  # 力争到2025年，…增长5%: what follows the cue is a target
    cluster_named = "集群" in masked  # else no CLUSTER_SIZE_BEFORE search can succeed
    named: list[str] = []  # indicators of the sentence so far, for 分别
    distributed: list[str] = []  # names waiting for the figures of a 分别 clause
    quoted = [m.span() for m in QUOTED_NAME.finditer(masked)]
    for match in QUANTITY.finditer(masked):
        if not (match["mag"] or match["unit"]):
            continue
        if any(start < match.start() < end for start, end in quoted):
            continue  # “惠企20条”, 《…60条》: a number inside a name is no figure
        if target is not None and match.start() >= target.start():
            continue
        if cluster_named and CLUSTER_SIZE_BEFORE.search(masked, 0, match.start()):
            continue  # a cluster's size: the cluster rule states it
        if _is_modifier(masked, match) or DESIGNATION_AFTER.match(masked, match.end()):
            continue  # 15家入选…: the designation rule counts the holders
        if _counts_a_list(masked, match):
            continue  # 绿色石化、汽车2个万亿级产业集群: the list's declared count
        value = parse_number(match["num"])
        unit = normalised_unit(match["mag"], match["unit"])
        name_start, name = _indicator_before(masked, match.start(), floor, places)
        floor = match.end()
        if name is None:
            continue  # a list's declared count (A、B等6家企业)
        after = (
            _indicator_after(masked, match.end())
            if (match["unit"] or "-") in COUNT_UNITS and match["unit"] != "位"  # 位 is a rank
            else ""
        )
        if after and (not name or _noun_follows(masked, match.end())):
            name, floor = after, match.end() + len(after)
        if name and "分别" in name:  # 原油加工量…，乙烯产量…，同比分别增长4.8%和9.1%
            verb = name.replace("分别", "")
            size = _figures_in_clause(masked, match)
            distributed = [n + verb for n in named[-size:]] if len(named) >= size else []
        if distributed:
            name = distributed.pop(0)
        if name and (fall := FALL.search(name)) and value > 0:
            value, name = -value, name[: fall.start()]  # 同比下降1.9% is a change of -1.9%
        if previous is not None and name.startswith(GENERIC_NAMES):
            name = normalise(previous.indicator) + name  # 增速比一季度提高: of the figure before
        if name in CHANGE_WORDS and previous is not None:
            name = normalise(previous.indicator) + name
        if not name and previous is not None:
            name = normalise(previous.indicator)
        if not name:
            continue
        period = _period_at(periods, match.start(), text)
        period = _range_end(periods, match.start(), masked, period)
        rank = rank_of(value) if match["unit"] == "位" else None
        if match["unit"] == "位" and rank is None:
            continue  # 第0位, 第0.5位: no place in a ranking, and 位 counts nothing else here
        approximation = match["pre"] or match["post"] or match["trail"]
        written = _as_written(ctx, name, match.start())
        quantity = Quantity(
            value, unit, period, written, ctx.span(match.start(), match.end()), approximation, rank
        )
        previous = quantity
        named.append(normalise(written))
        area = _area(ctx, name_start, match.start())
        fact = Fact(Relation.OBSERVATION, area, quantity, ctx.sentence.span, "rule:figures")
        facts.append((fact, match.end()))
    for rank_match in ranks:
        facts = _attach_rank(ctx, facts, rank_match, text, periods)
    for fact, _ in facts:
        yield fact


def _counts_a_list(text: str, match: re.Match[str]) -> bool:
    if match["unit"] not in ("个", "大"):
        return False
    clause_start = max((s for s, _ in clauses(text) if s <= match.start()), default=0)
    return (
        "、" in text[clause_start : match.start()]
        and LIST_HEAD.match(text, match.end()) is not None
    )


def _figures_in_clause(text: str, match: re.Match[str]) -> int:
    clause_end = next((e for s, e in clauses(text) if s <= match.start() < e), len(text))
    return sum(
        1 for m in QUANTITY.finditer(text, match.start(), clause_end) if m["unit"] or m["mag"]
    )


def _as_written(ctx: SentenceContext, name: str, before: int) -> str:
    """The indicator in the article's own script (names are found in normalised text)."""
    index = ctx.text.rfind(name, 0, before)
    if index < 0:
        index = ctx.text.find(name)
    if index >= 0:
        return ctx.document.text[ctx.base + index : ctx.base + index + len(name)]
    # joined from several places of the sentence (汽车产业 + 产值 + 增长): each piece as written
    pieces, start = [], 0
    while start < len(name):
        end = next((e for e in range(len(name), start, -1) if name[start:e] in ctx.text), start)
        if end == start:
            return name
        pieces.append(_as_written(ctx, name[start:end], before))
        start = end
    return "".join(pieces)


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text  # most sentences name no period and no rank
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = "\u3000"
    return "".join(chars)


def _is_modifier(text: str, match: re.Match[str]) -> bool:
    after = text[match.end() : match.end() + 4]
    if MODIFIER_AFTER.match(after):
        return True
    if (match["unit"] or "").endswith("元") and SIZE_CLASS_AFTER.match(text, match.end()):
        return True  # 超十亿元项目: a size class, not a figure
    if match["unit"] == "个" and after.startswith("月"):
        return True  # 连续4个月: a duration
    if (
        match["unit"] in ("G", None)
        and after[:1]
        and ("\u4e00" <= after[0] <= "\u9fff" or after[0].isalnum())
    ):
        return match["unit"] == "G" or not match["unit"]
    return bool(match["unit"] == "%" and after.startswith("的"))


def _indicator_before(
    text: str, end: int, floor: int, places: tuple[str, ...]
) -> tuple[int, str | None]:
    start = end  # the name starts after the last break before end, and not before floor
    if floor < end:
        last_break = LAST_BREAK.search(text, floor, end)
        start = last_break.start() + 1 if last_break else floor
    raw = COMPARISON_GAP.sub("", text[start:end]).replace("\u3000", "")
    if LIST_COUNT.search(raw):
        return start, None
    if (index := raw.rfind("等")) >= 0:
        raw = raw[index + 1 :]
    return start, _clean(raw, places)


def _noun_follows(text: str, end: int) -> bool:
    return bool(HAN.match(text, end, end + 1)) and not AFTER_STOP.match(text, end)


def _indicator_after(text: str, start: int) -> str:
    end = start
    while end < len(text) and text[end] not in NAME_BREAKS and not text[end].isdigit():
        end += 1
    raw = text[start:end].replace("\u3000", "")
    if AFTER_STOP.match(raw):
        return ""
    raw = NAME_AFTER_CUT.split(raw, maxsplit=1)[0]
    return _clean(raw, ())


def _clean(raw: str, places: tuple[str, ...]) -> str:
    name = COMPARISON.sub("", raw.strip(' “”"《》' + BULLETS))
    for _ in range(3):
        before = name
        name = LEADING_NOISE.sub("", name)
        for place in places:
            name = name.removeprefix(place)
        if VERB.search(name) and (cut := VERB_CUT.search(name)):
            head, name = name[: cut.end()], name[cut.end() :]
            if MEASURE.fullmatch(name) and (subject := SUBJECT_BEFORE_VERB.search(head)):
                name = subject["subject"] + name  # 汽车产业实现产值: the 产值 of 汽车产业
        if name.endswith(TRAILING_WORDS):
            name = TRAILING_NOISE.sub("", name)
        if name == before:
            break  # a round that changes nothing, the next would not either
    name = BRACKETED_END.sub("", name)
    name = name.replace("“", "").replace("”", "").strip("(（ ")
    if len(name) < 2 or not LETTER.search(name):
        return ""
    return name


def _range_end(
    periods: tuple[PeriodMatch, ...], position: int, text: str, period: str | None
) -> str | None:
    """In ``2019年—2021年,…由A跃升至B`` A is of the first year and B of the last."""
    ranges = [p for p in periods if p.start_period and p.end <= position and not p.is_base]
    if not ranges or period != ranges[-1].period:
        return period
    before = text[max(0, position - 4) : position]
    if before.endswith("由") or before.endswith("从"):
        return ranges[-1].start_period
    if RANGE_END_CUE.search(before):
        return period.split("/")[-1]
    return period


def _period_at(periods: tuple[PeriodMatch, ...], position: int, text: str) -> str | None:
    current: str | None = None
    for period in periods:
        if period.start >= position:
            # a bracketed figure right after 较2019年 belongs to that year: 较2019年(15位)
            break
        if period.is_base:
            between = text[period.end : position]
            if OPEN_BRACKET.fullmatch(between):
                return period.period
            continue
        current = period.period
    return current


def _area(ctx: SentenceContext, start: int, end: int) -> Mention | None:
    """The city or district a figure is about, when the clause names one as such: a full name
    (洛阳市) or a short one that opens the clause, not 宁德 inside 宁德时代."""
    for mention in ctx.within(start, end):
        if mention.type not in PLACE_TYPES or mention.type is EntityType.PROVINCE:
            continue
        if mention.surface.endswith(("市", "区", "县")) or mention.span.start - ctx.base == start:
            return mention
    return None


def _attach_rank(
    ctx: SentenceContext,
    facts: list[tuple[Fact, int]],
    rank_match: re.Match[str],
    text: str,
    periods: tuple[PeriodMatch, ...],
) -> list[tuple[Fact, int]]:
    """A rank (居全国第5位) qualifies the figure written just before it in the sentence."""
    number = rank_match["rank"] or rank_match["rank3"] or ""
    if rank_match["first"] or rank_match["first2"]:
        rank = 1
    else:  # RANK_DIGITS: from 1, at most COUNT_MAX_DIGITS digits; a Chinese numeral is >= 1
        rank = int(number) if number.isdigit() else int(chinese_number(number))
    scope = (
        rank_match["scope"] or rank_match["scope2"] or rank_match["scope3"] or ""
    ).strip() or None
    before = [(i, f) for i, (f, end) in enumerate(facts) if end <= rank_match.start()]
    clause_start = max((s for s, _ in clauses(text) if s <= rank_match.start()), default=0)
    places = tuple(m.surface for m in ctx.mentions if m.type in PLACE_TYPES)
    _, own_name = _indicator_before(text, rank_match.start(), clause_start, places)
    if own_name and own_name.startswith(GENERIC_NAMES):
        own_name = ""  # 增速居全省第1位: the rank of the figure before
    if before and own_name and facts[before[-1][0]][1] <= clause_start:
        before = []  # 家电…3200亿元，家用空调等产品产量居全国第1位: a rank of its own
    if before:
        index, fact = before[-1]
        assert isinstance(fact.object, Quantity)
        q = fact.object
        ranked = Quantity(
            q.value, q.unit, q.period, q.indicator, q.span, q.approximation, rank, scope
        )
        facts = list(facts)
        facts[index] = (
            Fact(fact.relation, fact.subject, ranked, fact.evidence, fact.rule),
            facts[index][1],
        )
        return facts
    name_start, name = _indicator_before(text, rank_match.start(), clause_start, places)
    if not name:
        return facts
    name = _as_written(ctx, name, rank_match.start())
    quantity = Quantity(
        Decimal(rank),
        "位",
        _period_at(periods, rank_match.start(), text),
        name,
        Span(ctx.base + rank_match.start(), ctx.base + rank_match.end()),
        None,
        rank,
        scope,
    )
    area = _area(ctx, name_start, rank_match.start())
    fact = Fact(Relation.OBSERVATION, area, quantity, ctx.sentence.span, "rule:figures-rank")
    return [*facts, (fact, rank_match.end())]


TABLE_ROW = re.compile(
    r"\s*(?:其中[:：])?\s*(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff、()（）]{1,24}?)\s+"
    r"(?P<unit>万亿元|亿元|万元|元|万家|家|个|项|万吨|吨|%|万辆|辆|万人|人)\s+"
    r"(?P<value>-?\d[\d,]*(?:\.\d+)?|——|—|-)\s+(?P<growth>-?\d+(?:\.\d+)?|——|—|-)\s*$"
)


def table_rows(ctx: SentenceContext) -> Iterator[Fact]:
    """A pasted table row ``规模以上工业总产值  亿元  17256.3  -3.1``: the level and its growth
    (the column after the value), for the period named above the table."""
    match = TABLE_ROW.match(ctx.document.text, ctx.base, ctx.sentence.span.end)
    if match is None:
        return
    period = ctx.period_hint or ctx.year_hint
    name = match["name"]
    span = Span(match.start("value"), match.end("growth"))
    for column, unit in (("value", match["unit"]), ("growth", "%")):
        cell = match[column]
        if not re.match(r"-?\d", cell):
            continue
        quantity = Quantity(
            parse_number(cell.lstrip("-")) * (-1 if cell.startswith("-") else 1),
            unit,
            period,
            name,
            span,
        )
        yield Fact(Relation.OBSERVATION, None, quantity, ctx.sentence.span, "rule:table-row")


#: ▶ 386.2亿元 / 2020年全区规模以上工业总产值，…: a figure on a line of its own, its caption on
#: the next (an infographic's text version)
FIGURE_LINE = re.compile(rf"[{BULLETS}]?\s*")
CAPTION = re.compile(r"\n[ \t\u3000]*(?P<caption>[^\n]+)")


def captioned_figures(ctx: SentenceContext) -> Iterator[Fact]:
    """A line that is a figure and nothing else, read with the line after it: the caption
    names the indicator and the period (截至2020年底…, 2020年…)."""
    text = ctx.text
    lead = FIGURE_LINE.match(text)
    figure = QUANTITY.fullmatch(text, lead.end() if lead else 0)
    if figure is None or not (figure["mag"] or figure["unit"]) or figure["unit"] == "位":
        return
    caption = CAPTION.match(ctx.document.text, ctx.sentence.span.end)
    if caption is None:
        return
    label = normalise(caption["caption"])
    label = re.split(r"[，,；;。]", label, maxsplit=1)[0]  # the caption's first clause
    periods = [p for p in find_periods(label, ctx.reference, ctx.year_hint) if not p.is_base]
    name = _clean(_mask(label, [(p.start, p.end) for p in periods]).replace("\u3000", ""), ())
    if not name:
        return
    quantity = Quantity(
        parse_number(figure["num"]),
        normalised_unit(figure["mag"], figure["unit"]),
        periods[0].period if periods else None,
        name,
        ctx.span(figure.start(), figure.end()),
        figure["pre"] or figure["post"] or figure["trail"],
    )
    yield Fact(Relation.OBSERVATION, None, quantity, ctx.sentence.span, "rule:captioned-figure")
