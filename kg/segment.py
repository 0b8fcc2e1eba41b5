"""Split a document into sentences and normalise them for matching, one char per char."""

from __future__ import annotations

import re
import unicodedata

from opencc import OpenCC  # type: ignore[import-untyped]

from kg.numerals import CN_DIGITS, chinese_number
from kg.records import Document, Sentence, Span

_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』)）]*|\n+")
_T2S = OpenCC("t2s")
# A gloss in English after a name or figure (Hainan Yefeng Foods Co., Ltd.), (RMB 1.5 billion):
# a bracket of Latin words, one level of brackets inside it allowed
_LATIN = r"[A-Za-z0-9.,'&/:;%+\-–— ]"
_BRACKETED_LATIN = re.compile(rf"\((?:{_LATIN}|\({_LATIN}*\))*\)")
_WORDS = re.compile(r"[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}")  # two words: a gloss, not a code


def segment(doc: Document) -> tuple[Sentence, ...]:
    """Sentence spans over the article body; blank runs between sentences are skipped.

    >>> from kg.records import ArticleMeta
    >>> doc = Document("d", "郑州發展。好！\\n\\n第三句", ArticleMeta("t"))
    >>> [(doc.text[s.span.start:s.span.end], s.normalised) for s in segment(doc)]
    [('郑州發展。', '郑州发展。'), ('好！', '好!'), ('第三句', '第三句')]
    """
    sentences: list[Sentence] = []
    start = doc.body_start
    text = doc.text
    for match in _SENTENCE_END.finditer(text, doc.body_start):
        end = match.end() if match.group().strip() else match.start()
        _append(sentences, text, start, end)
        start = match.end()
    _append(sentences, text, start, len(text))
    return tuple(sentences)


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        normalised = _arabic_figures(_without_glosses(_without_markup(normalise(text[start:end]))))
        sentences.append(Sentence(Span(start, end), normalised))


#: Markdown's emphasis (**首位产业：**), and a list's or a heading's mark at a line's start
_MARKUP = re.compile(r"\*\*|__|^(?:[-*+]|#{1,6})(?=\s)")


def _without_markup(normalised: str) -> str:
    """The sentence with Markdown marks blanked (same length): ``- **首位产业：**新材料`` reads as
    ``首位产业：新材料``."""
    if "*" not in normalised and "_" not in normalised and normalised[:1] not in "-+#":
        return normalised
    return _MARKUP.sub(lambda m: "\u3000" * len(m.group()), normalised)


def _without_glosses(normalised: str) -> str:
    """The sentence with English glosses blanked (same length, so offsets hold): rules read
    ``海南椰风食品有限公司（Hainan Yefeng Foods Co., Ltd.）入选…`` as the name and its verb, and
    ``15亿元（RMB 1.5 billion）`` as one figure."""
    if "(" not in normalised:
        return normalised
    return _BRACKETED_LATIN.sub(
        lambda m: "\u3000" * len(m.group()) if _WORDS.search(m.group()) else m.group(), normalised
    )


def normalise(text: str) -> str:
    """Fold width and script for matching; the result has exactly one char per input char."""
    return text.translate(_FOLDS)


class _Folds(dict[int, str]):
    """Code point -> its folded char, each worked out the first time ``str.translate`` asks."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold(chr(code))
        return folded


_FOLDS = _Folds()


def _fold(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        folded = ch
    simplified = _T2S.convert(folded)
    return simplified if len(simplified) == 1 else folded


_CN_DIGIT = "".join(CN_DIGITS)
_CN_NUMBER = f"[{_CN_DIGIT}十百千]+(?:点[{_CN_DIGIT}]+)?"
_CN_NUMERAL_CHAR = re.compile(f"[{_CN_DIGIT}十]")  # in every figure _CN_FIGURE rewrites
#: 一千零八十六亿元, 四十八点六万吨, 一百二十六家, 百分之十一点四, 二〇二三年: figures and years
#: written in Chinese numerals (a lone digit before its unit, 三家, stays: it reads as a word)
_CN_FIGURE = re.compile(
    rf"百分之(?P<percent>{_CN_NUMBER})"
    rf"|(?P<year>[{_CN_DIGIT}]{{4}})(?=年)"
    rf"|(?P<number>{_CN_NUMBER})(?=[万亿]|元|吨|平方米|千瓦|家|个|项|户|人|辆|台|件|座|条)"
)


def _arabic_figures(normalised: str) -> str:
    """Figures in Chinese numerals written in digits, right-aligned in their own width with
    U+3000 before them (offsets hold): 一千零八十六亿元 → ``  1086亿元``, 百分之十一点四 →
    ``  11.4%``. A run of one char (三家) or an impossible numeral stays as written."""
    if not _CN_NUMERAL_CHAR.search(normalised):
        return normalised
    return _CN_FIGURE.sub(_in_digits, normalised)


def _in_digits(match: re.Match[str]) -> str:
    written = match.group()
    if match["year"]:
        return "".join(str(CN_DIGITS[ch]) for ch in written)
    number = match["percent"] or match["number"]
    value = _chinese_value(number) if len(number) >= 2 else None
    digits = (value or "") + ("%" if match["percent"] else "")
    if value is None or len(digits) > len(written):
        return written  # no numeral, or one its digits would not fit (二千 in 一万二千)
    return "\u3000" * (len(written) - len(digits)) + digits


def _chinese_value(number: str) -> str | None:
    """一千零八十六 → 1086, 十一点四 → 11.4; None for a run that is no numeral (一二三点十)."""
    whole, _, fraction = number.partition("点")
    if any(ch not in CN_DIGITS for ch in fraction):
        return None
    value = str(chinese_number(whole))
    return f"{value}.{''.join(str(CN_DIGITS[ch]) for ch in fraction)}" if fraction else value
