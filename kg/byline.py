"""The byline conventions of the genre: who wrote, edited and published an article.

One reading serves two stages: ``load`` fills the article's metadata from it, and
``recognise`` turns the same spans into Person and Organization mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from kg.records import Span

Role = Literal["outlet", "author", "editor"]

#: 【大河财立方 记者 贾永标】, （记者 陈俊杰）, 【香港商报记者 陈嘉欣 东莞报道】
BRACKETED = re.compile(
    r"[【\[(（]\s*(?P<outlet>[^\s【】\[\]()（）]{2,12}?)?\s*(?:全媒体记者|首席记者|记者|通讯员)\s*"
    r"(?P<names>[^】\]()（）]+)[】\])）]"
)
#: 红星新闻记者 邓宇 实习生 周琳 (a line of its own)
BARE = re.compile(
    r"^(?P<outlet>[^\s【】\[\]()（）]{2,12}?)(?:全媒体记者|首席记者|记者)\s+(?P<names>[^\n]{2,30})$",
    re.M,
)
#: 中国宁波网讯（记者 …）
NEWS_FLASH = re.compile(
    r"(?P<outlet>(?!本报|本台|本刊|本网)[\u4e00-\u9fff]{2,10})讯\s*[（(【\[]\s*(?:记者|通讯员)"
)
#: 新华社南京11月28日电
DATELINE = re.compile(
    r"(?P<outlet>新华社|中新社|中新网|人民网|新华网|央视网)[\u4e00-\u9fff]{2,8}\d{1,2}月\d{1,2}日电"
)
#: 来源：佛山新闻网
SOURCE = re.compile(r"来源\s*[:：]\s*(?P<outlet>[^\s\u3000]{2,30})")
#: 【责任编辑:钱艳红 】, （编辑：梁颖）, 责任编辑：周海燕　审核：谭杰
ROLE = re.compile(
    r"(?:责任编辑|内容审核|总编辑|编辑|审核|校对|编审|监制|责编)\s*[:：]\s*"
    r"(?P<names>[\u4e00-\u9fff]{2,4}(?:[\s,，、]+[\u4e00-\u9fff]{2,4})*)"
)
#: 编辑 何先锋 (a line of its own)
ROLE_LINE = re.compile(
    r"^(?:编辑|责任编辑|责编|校对|审核)\s+(?P<names>[\u4e00-\u9fff]{2,4})\s*$", re.M
)
FRONT_MATTER = re.compile(
    r"^(?P<key>authors?|editors?|outlet|source)\s*:\s*(?P<value>.+)$", re.M | re.I
)
#: a value's items: split at commas and spaces, YAML's brackets and quotes left out
FRONT_ITEM = re.compile(r"[^,，、\s\[\]\"'“”]+")
PERSON_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
SELF_REFERENCE = ("本报", "本台", "本刊", "本网")  # the outlet speaking of itself: no name
ROLE_WORD = re.compile(
    "(?:" + "|".join(SELF_REFERENCE) + ")?(?:全媒体记者|首席记者|记者|通讯员|实习生|摄影)"
)
NOT_NAMES = (
    "报道",
    "摄影",
    "摄",
    "通讯员",
    "记者",
    "实习生",
    "编辑",
    "审核",
    "校对",
    "编审",
    "监制",
)
_FRONT_ROLES: dict[str, Role] = {
    "author": "author",
    "authors": "author",
    "editor": "editor",
    "editors": "editor",
    "outlet": "outlet",
    "source": "outlet",
}
#: How far into the body a byline may stand.
HEAD = 400


@dataclass(frozen=True, slots=True)
class BylinePart:
    role: Role
    span: Span
    text: str


def byline(text: str, body_start: int) -> list[BylinePart]:
    """The outlet, authors and editors an article names, in text order.

    ``text`` must be normalised (simplified, half-width; one char per char), so spans are
    offsets into the article as read.
    """
    parts: list[BylinePart] = []
    for match in FRONT_MATTER.finditer(text, 0, body_start):
        role = _FRONT_ROLES[match["key"].lower()]
        for value in FRONT_ITEM.finditer(match["value"]):
            start = match.start("value") + value.start()
            if role == "outlet" or PERSON_NAME.fullmatch(value.group()):
                parts.append(
                    BylinePart(role, Span(start, start + len(value.group())), value.group())
                )
    head_end = min(len(text), body_start + HEAD)
    for pattern in (BRACKETED, BARE):
        for match in pattern.finditer(text, body_start, head_end):
            if match["outlet"] and match["outlet"] not in SELF_REFERENCE:
                parts.append(_part("outlet", match, "outlet"))
            parts += _names("author", match, "names")
    for pattern in (DATELINE, SOURCE, NEWS_FLASH):
        parts += [
            _part("outlet", m, "outlet") for m in pattern.finditer(text, body_start, head_end)
        ]
    for pattern in (ROLE, ROLE_LINE):
        for match in pattern.finditer(text, body_start):
            parts += _names("editor", match, "names")
    return sorted(parts, key=lambda p: p.span)


def _part(role: Role, match: re.Match[str], group: str) -> BylinePart:
    return BylinePart(role, Span(match.start(group), match.end(group)), match[group])


def _names(role: Role, match: re.Match[str], group: str) -> Iterator[BylinePart]:
    offset = match.start(group)
    # 孙立新　本报通讯员　高雅楠: a role word between names is blanked, offsets kept
    names = ROLE_WORD.sub(lambda m: " " * len(m.group()), match[group])
    for name in PERSON_NAME.finditer(names):
        if not name.group().endswith(NOT_NAMES):
            span = Span(offset + name.start(), offset + name.end())
            yield BylinePart(role, span, name.group())
