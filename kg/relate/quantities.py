"""Figures in text: numbers (Arabic or Chinese), magnitudes, units, bounds, periods, ranks."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache

from kg.numerals import chinese_number

MAGNITUDES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4}

COUNT_UNITS = "家个项条座名人户件所批台辆套处只款张次位支"
APPROX_BEFORE = ("超过", "突破", "接近", "不足", "逾", "超", "近", "约", "多于", "大约")
APPROX_AFTER = ("余", "多")
APPROX_TRAILING = ("以上", "左右", "有余")

#: A count or a place in a ranking written in digits has at most this many: more is no count
#: (a trillion firms), and ``int()`` refuses a string of more than 4,300 digits.
COUNT_MAX_DIGITS = 12
#: Digits of a count in a pattern, never the tail of a longer run of digits.
COUNT_DIGITS = rf"(?<!\d)\d{{1,{COUNT_MAX_DIGITS}}}"
#: Digits of a place in a ranking (第3位): from 1, no leading zero, bounded as a count.
RANK_DIGITS = rf"[1-9]\d{{0,{COUNT_MAX_DIGITS - 1}}}"
#: A figure with more digits before the point is no statistic (10**30 yuan is far beyond
#: the world's output), and unbounded, its value in a base unit could pass what a Decimal
#: holds (10**999999).
FIGURE_MAX_DIGITS = 30

# Patterns that open with an optional group start with a lookahead for the chars a match can
# begin with: the regex engine then skips the other positions at once instead of trying
# every alternative at each of them (the sentence is mostly other characters).
QUANTITY = re.compile(
    r"(?=[\d零〇一二两三四五六七八九十百千超突接不逾近约大])"
    r"(?P<pre>超过|突破|接近|不足|逾|超|近|约|大约)?"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?=[万亿]))"
    r"(?P<mag>万亿|亿|万)?(?P<post>余|多)?"
    r"(?P<unit>美元|元|个百分点|百分点|个位次|%|万吨|吨|G|平方公里|平方米|亩|倍|千瓦时|千瓦|兆瓦|"
    r"公里|千米|立方米|标准箱|辆|[" + COUNT_UNITS + r"])?"
    r"(?P<trail>以上|左右)?"
)
RANK = re.compile(
    r"(?=[稳跃位居分排名列全])(?:"
    r"(?:稳居|跃居|位居|居于|位列|分列|排名|排在|名列|居|列)"
    r"(?P<scope>[\u4e00-\u9fff\d个]{0,12}?)(?:第(?P<rank>"
    + RANK_DIGITS
    + r"|[一二三四五六七八九十]+)(?:位|名|(?=[，。；,;）)]|$))(?!次)"
    r"|(?P<first>首位)(?!度|产业))"
    r"|(?P<scope3>(?:全国|全省|全球|全市|全区)[\u4e00-\u9fff\d个]{0,10}?)"
    r"第(?P<rank3>" + RANK_DIGITS + r"|[一二三四五六七八九十]+)(?:位|名)(?!次)"
    r"|(?P<scope2>全国|全省|全市|全区)(?P<first2>首位)(?!度|产业)"
    r")"
)

# Periods: the longest forms first. Each match gives (start, end) months or a single year.
# With each form, words one of which every match of it contains: a sentence without them is
# not searched for the form (most sentences name no period, and 13 searches of every
# sentence cost more than reading the periods found).
_YEAR = r"(?:(?P<y>(?:19|20)\d\d)年?|(?P<rel>今年|去年|上年|前年|当年|本年))"
_YEAR_STARTS = "12今去上前当本"  # the chars _YEAR can begin with
PERIODS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    (
        "range-years",
        ("年",),
        re.compile(r"(?P<y1>(?:19|20)\d\d)年?\s*[—–\-~～至到]+\s*(?P<y2>(?:19|20)\d\d)年"),
    ),
    (
        "months",
        ("月",),
        re.compile(
            rf"(?=[\d{_YEAR_STARTS}])(?:{_YEAR})?(?P<m1>\d{{1,2}})月?\s*[~～\-—–至到]\s*"
            r"(?P<m2>\d{1,2})月"
        ),
    ),
    ("quarters", ("季度",), re.compile(rf"(?=[{_YEAR_STARTS}])(?:{_YEAR})?(?:前三季度|前3季度)")),
    ("half", ("半年",), re.compile(rf"(?=[{_YEAR_STARTS}下])(?:{_YEAR})?(?P<half>上半年|下半年)")),
    (
        "quarter",
        ("季度",),
        re.compile(rf"(?=[{_YEAR_STARTS}]){_YEAR}(?:第?(?P<q>[一二三四1-4])季度)"),
    ),
    (
        "month",
        ("月",),
        re.compile(rf"(?=[{_YEAR_STARTS}]){_YEAR}(?P<m>\d{{1,2}})月(?!\d{{1,2}}日)"),
    ),
    ("year", ("年",), re.compile(r"(?P<y>(?:19|20)\d\d)年(?:底|末|全年|度)?")),
    ("quarter-bare", ("季度",), re.compile(r"第(?P<q>[一二三四])季度")),
    ("this-year", ("年",), re.compile(r"全年|年内")),
    (
        "month-end",
        ("截至",),
        re.compile(r"截至(?:(?P<y>(?:19|20)\d\d)年)?(?P<m>\d{1,2})月(?:底|末)"),
    ),
    ("year-end", ("截至",), re.compile(r"截至(?P<y>(?:19|20)\d\d)年(?:底|末)")),
    (
        "relative-year",
        ("年",),
        re.compile(r"(?P<rel>今年|去年|上年|前年|过去一年)(?:以来|全年|底|末)?"),
    ),
    ("as-of", ("目前", "至今"), re.compile(r"截至目前|目前|至今")),
)
_NEEDLES = frozenset(word for _, needles, _ in PERIODS for word in needles)
BASE_CUES = ("较", "比", "相比", "同比", "与")


@dataclass(frozen=True, slots=True)
class PeriodMatch:
    start: int
    end: int
    period: str
    start_period: str | None  # for year ranges: the first year
    is_base: bool  # 较2019年: a comparison base, not the figure's period
    kind: str = ""  # which form of PERIODS matched


def parse_number(text: str) -> Decimal:
    """Decimal value of an Arabic or Chinese numeral.

    >>> parse_number("2,418.6"), parse_number("百"), parse_number("三十五")
    (Decimal('2418.6'), Decimal('100'), Decimal('35'))
    """
    if text[0].isdigit():
        return Decimal(text.replace(",", ""))
    return chinese_number(text)


def rank_of(value: Decimal) -> int | None:
    """The place in a ranking a value states: a whole number from 1 up, of at most
    ``COUNT_MAX_DIGITS`` digits; anything else (第0位, 第0.5位, a longer run of digits) is none.

    >>> rank_of(Decimal("3")), rank_of(Decimal("0")), rank_of(Decimal("0.5"))
    (3, None, None)
    """
    if value != value.to_integral_value() or not 1 <= value < 10**COUNT_MAX_DIGITS:
        return None
    return int(value)


def plausible(value: Decimal) -> bool:
    """Whether a figure can be a statistic: at most ``FIGURE_MAX_DIGITS`` digits before the
    point, so its value in a base unit stays well inside what a Decimal holds.

    >>> plausible(Decimal("2418.6")), plausible(Decimal("1" + "0" * 30))
    (True, False)
    """
    return value.is_finite() and (value.is_zero() or value.adjusted() < FIGURE_MAX_DIGITS)


@lru_cache(maxsize=64)  # the rules of a sentence ask in turn; an article is read once
def find_periods(
    text: str, published: date | None, year_hint: str | None = None
) -> tuple[PeriodMatch, ...]:
    """Time expressions of a sentence, in text order, non-overlapping, longest form first.

    ``year_hint`` is the last year the article named before this sentence: a bare 第一季度 or
    全年 refers to it (a January report on 全年 means the year before), else to the year of
    publication. Cached: several rules read the periods of one sentence.
    """
    found: list[PeriodMatch] = []
    taken: list[tuple[int, int]] = []
    year_now = year_hint or (str(published.year) if published else None)
    present = {word for word in _NEEDLES if word in text}
    for kind, needles, pattern in PERIODS:
        if present.isdisjoint(needles):
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            period, first = _period_of(kind, m, year_now, published)
            if period is None:
                continue
            before = text[max(0, m.start() - 2) : m.start()]
            is_base = before.endswith(BASE_CUES)
            found.append(PeriodMatch(m.start(), m.end(), period, first, is_base, kind))
            taken.append((m.start(), m.end()))
    ordered = sorted(found, key=lambda p: p.start)
    for i, found_period in enumerate(ordered):  # 回看2022年，宁波全年…: the year just named
        if found_period.kind != "this-year":
            continue
        named = [p for p in ordered[:i] if not p.is_base and p.kind != "this-year"]
        if named:
            ordered[i] = replace(found_period, period=named[-1].period[:4])
    return tuple(ordered)


_RELATIVE = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "前年": -2}
_QUARTERS = "一二三四"


def _period_of(
    kind: str, m: re.Match[str], year_now: str | None, published: date | None
) -> tuple[str | None, str | None]:
    """The period a time expression names, and for year ranges the first year; none for a
    month that no year has (2023年13月, 0月)."""
    groups = m.groupdict()
    if kind == "range-years":
        return f"{m['y1']}/{m['y2']}", m["y1"]
    if kind == "as-of":
        return (published.isoformat() if published else None), None
    if kind == "this-year":
        return year_now, None
    first_month = {"months": "m1", "month": "m", "month-end": "m"}.get(kind)
    if kind in ("quarter", "quarter-bare"):
        q = int(m["q"]) if m["q"].isdigit() else _QUARTERS.find(m["q"]) + 1
        start_month, end_month = 3 * q - 2, 3 * q
    else:
        start_month = int(m[first_month]) if first_month else 1
        end_month = {
            "months": int(m["m2"]) if kind == "months" else 0,
            "quarters": 9,
            "half": 6 if groups.get("half") == "上半年" else 12,
        }.get(kind, start_month)
    if not 1 <= start_month <= 12 or not 1 <= end_month <= 12:
        return None, None  # 2023年13月, 1-13月: no month of any year
    year = _year(groups, end_month, published, year_now)
    if year is None:
        return None, None
    match kind:
        case "relative-year" | "year" | "year-end":
            return year, None
        case "months":
            return f"{year}-{int(m['m1']):02d}/{year}-{int(m['m2']):02d}", None
        case "quarters":
            return f"{year}-01/{year}-09", None
        case "half":
            first, last = ("01", "06") if m["half"] == "上半年" else ("07", "12")
            return f"{year}-{first}/{year}-{last}", None
        case "quarter" | "quarter-bare":
            return f"{year}-{start_month:02d}/{year}-{start_month + 2:02d}", None
        case "month" | "month-end":
            return f"{year}-{int(m['m']):02d}", None
    return None, None


def _year(
    groups: dict[str, str | None], end_month: int, published: date | None, fallback: str | None
) -> str | None:
    """The year a time expression names: written (2022年), relative (去年), or, when bare
    (截至11月底, 第一季度), the latest such period that has ended by the article's month."""
    if groups.get("y"):
        return groups["y"]
    if published is None:
        return fallback  # undated article: the last year it named
    if rel := groups.get("rel"):
        if rel == "过去一年":  # a year-start report looks back on the year before
            return str(published.year - (published.month <= 6))
        return str(published.year + _RELATIVE[rel])
    return str(published.year if end_month <= published.month else published.year - 1)


def normalised_unit(magnitude: str | None, unit: str | None) -> str:
    """The unit as written, magnitude included: 亿 + 元 → 亿元, 万 + 家 → 万家."""
    return f"{magnitude or ''}{unit or ''}"


def base_value(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """The value in a base unit (CNY, USD, %, t, count, G), or as written where no base is known.

    >>> base_value(Decimal("2418.6"), "亿元")
    (Decimal('241860000000.0'), 'CNY')
    """
    scale = Decimal(1)
    rest = unit
    for word, factor in MAGNITUDES.items():
        if rest.startswith(word):
            scale, rest = factor, rest[len(word) :]
            break
    if rest == "元":
        return value * scale, "CNY"
    if rest == "美元":
        return value * scale, "USD"
    if rest == "":
        return value * scale, "CNY" if unit in ("亿", "万亿") else "count"
    if rest in ("%", "个百分点", "百分点"):
        return value * scale, "%"
    if rest == "吨":
        return value * scale, "t"
    if rest == "G":
        return value * scale, "G"
    if rest == "倍":  # 增长1.3倍 is +130%, 是…的1.3倍 is 130% of it
        return value * scale * 100, "%"
    if rest == "位":
        return value, "rank"
    if rest == "个位次":
        return value, "count"
    if len(rest) == 1 and rest in COUNT_UNITS:
        return value * scale, "count"
    return value, unit  # no base known (亿千瓦时, 公里): the number and unit as written
