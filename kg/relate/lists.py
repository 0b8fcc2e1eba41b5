"""Clauses and enumerations: ``发展A、B、C等5个新兴产业`` gives items A, B, C and count 5."""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from kg.relate.quantities import COUNT_DIGITS, parse_number

CLAUSE_BREAK = re.compile(r"[,，;；:：。!！?？\n]")
QUOTES = "“”\"'‘’「」『』《》"
#: Words after which the first item of an enumeration begins (verbs and function words).
LEAD_CUES = (
    "以及",
    "集聚",
    "聚集",
    "汇聚",
    "突出打造",
    "着力发展",
    "前瞻布局",
    "高位嫁接",
    "成功引进",
    "重点发展",
    "加快发展",
    "大力发展",
    "培育壮大",
    "发展壮大",
    "做大做强",
    "做强做优",
    "发展",
    "打造",
    "布局",
    "嫁接",
    "培育",
    "壮大",
    "聚焦",
    "形成",
    "引进",
    "引入",
    "招引",
    "签约",
    "包括",
    "涵盖",
    "拥有",
    "新增",
    "建设",
    "推动",
    "提升",
    "做强",
    "做大",
    "做优",
    "获得",
    "享受",
    "围绕",
    "瞄准",
    "构建",
    "其中",
    "加快",
    "支持",
    "如",
    "以",
    "获",
    "是",
    "为",
    "将",
    "对",
    "坚持",
    "推进",
    "依托",
    "培育",
    "大力培育",
    "把",
    "将",
    "现已",
    "已",
    "共",
    "的",
)
COUNT_AFTER = re.compile(
    rf"等(?P<n>{COUNT_DIGITS}|[一二两三四五六七八九十]+)(?P<unit>个|家|项|条|大|类|批|所)"
)
LEADING_QUANTITY = re.compile(r"^(?P<q>\d+(?:\.\d+)?(?:万亿|亿|万)?元?|[百千]亿(?:元)?)")


@dataclass(frozen=True, slots=True)
class Item:
    start: int  # offsets into the sentence's text
    end: int
    text: str
    size: str | None = None  # a figure written before the item (5500亿电子信息)


@dataclass(frozen=True, slots=True)
class Enumeration:
    items: tuple[Item, ...]
    count: int | None  # the count the text declares (等6个): may differ from len(items)
    end: int  # where the list ends in the sentence text


BRACKETED = re.compile(r"\([^()]*\)")


def clauses(text: str) -> Iterator[tuple[int, int]]:
    """Clause spans of a sentence, split at commas, semicolons, colons and stops."""
    return iter(_clauses(text))


@lru_cache(maxsize=8)  # every rule asks for the clauses of the sentence at hand
def _clauses(text: str) -> tuple[tuple[int, int], ...]:
    found = []
    start = 0
    # （以下简称“鹿城稀土”，股票代码：600927）: a comma inside brackets ends no clause
    inside = [m.span() for m in BRACKETED.finditer(text)] if "(" in text else []
    for match in CLAUSE_BREAK.finditer(text):
        if any(s < match.start() < e for s, e in inside):
            continue
        if match.start() > start:
            found.append((start, match.start()))
        start = match.end()
    if start < len(text):
        found.append((start, len(text)))
    return tuple(found)


def enumeration_before(
    text: str, clause_start: int, end: int, *, max_item: int = 20, lead: bool = True
) -> Enumeration | None:
    """The list that ends at ``end`` (exclusive) within the clause starting at ``clause_start``;
    with ``lead=False`` the list starts there exactly (no verb like 发展 is looked for).

    >>> t = "着力发展新能源及智能网联汽车、高端装备、新材料等3个新兴产业"
    >>> e = enumeration_before(t, 0, t.index("等"))
    >>> [i.text for i in e.items]
    ['新能源及智能网联汽车', '高端装备', '新材料']
    """
    region = text[clause_start:end]
    if (cut := region.rfind("等")) > 0:
        region = region[:cut]  # 新型材料等5大先进制造业: the list ends at 等
    parts = region.split("、")
    first = parts[0]
    lead_end = _lead_end(first) if lead else 0
    offsets: list[tuple[int, str]] = []
    position = clause_start + lead_end
    offsets.append((position, first[lead_end:]))
    position = clause_start + len(first) + 1
    for part in parts[1:]:
        offsets.append((position, part))
        position += len(part) + 1
    items: list[Item] = []
    for start, raw in offsets:
        item = _clean_item(start, raw, max_item)
        if item is not None:
            items.append(item)
    if not items:
        return None
    count = None
    if match := COUNT_AFTER.match(text, end):
        count = int(parse_number(match["n"]))
    return Enumeration(tuple(items), count, end)


def _lead_end(segment: str) -> int:
    best = 0
    for cue in LEAD_CUES:
        index = segment.rfind(cue)
        if index >= 0 and index + len(cue) < len(segment):
            best = max(best, index + len(cue))
    if best and segment.startswith(("了", "着"), best) and best + 1 < len(segment):
        best += 1  # 形成了A、B: the aspect particle is no part of A
    return best


#: 中央预算内投资“产业转型升级示范区和重点园区建设”专项: a quoted name inside an item
QUOTED_INSIDE = r"[\u4e00-\u9fffA-Za-z0-9]+“[\u4e00-\u9fffA-Za-z0-9]+”[\u4e00-\u9fffA-Za-z0-9]+"
INNER_BRACKETS = re.compile(r"[(（][^()（）]+[)）][\u4e00-\u9fff]")


def _clean_item(start: int, raw: str, max_item: int) -> Item | None:
    text, offset = raw, 0
    while text and (text[0] in QUOTES or text[0].isspace()):
        text, offset = text[1:], offset + 1
    while text and (text[-1] in QUOTES or text[-1].isspace()):
        text = text[:-1]
    # vivo（维沃移动通信有限公司）: the name written before the brackets; a bracket inside a
    # name (工业转型升级（中国制造2025）资金, 首台（套）重大技术装备保险补偿) stays
    if not INNER_BRACKETS.search(text):
        text = re.split(r"[(（]", text, maxsplit=1)[0]
    size = None
    if match := LEADING_QUANTITY.match(text):
        size = match["q"]
        text, offset = text[match.end() :], offset + match.end()
    while text and text[0] in QUOTES:
        text, offset = text[1:], offset + 1
    if (
        len(text) < 2
        or len(text) > max_item
        or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9()（）+.]+|" + QUOTED_INSIDE, text)
    ):
        return None
    return Item(start + offset, start + offset + len(text), text, size)


def split_conjoined(item: Item, known: AbstractSet[str]) -> tuple[Item, ...]:
    """Split an item ``B和C`` in two unless the whole is a known name. 与 and 及 join one
    name (氢能与储能, 新能源及智能网联汽车) and are never split."""
    if item.text in known:
        return (item,)
    for joiner in ("以及", "和"):
        index = item.text.find(joiner)
        if item.text.rfind("“", 0, index) >= 0 and item.text.find("”", index) > index:
            continue  # 和 inside a quoted name joins one name
        if 2 <= index <= len(item.text) - len(joiner) - 2:
            left = Item(item.start, item.start + index, item.text[:index], item.size)
            right_start = item.start + index + len(joiner)
            right = Item(right_start, item.end, item.text[index + len(joiner) :])
            return (left, right)
    return (item,)


def split_items(enumeration: Enumeration, known: AbstractSet[str]) -> tuple[Item, ...]:
    """The items, ``B和C`` split in two, unless the declared count says the list is complete
    as written (食品和生物医药 is one of 六大支柱产业 when six are listed)."""
    if enumeration.count == len(enumeration.items):
        return enumeration.items
    return tuple(i for raw in enumeration.items for i in split_conjoined(raw, known))
