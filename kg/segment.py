"""Split a document into sentences and normalise them for matching, one char per char."""

from __future__ import annotations

import re
import unicodedata

from opencc import OpenCC  # type: ignore[import-untyped]

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
        sentences.append(Sentence(Span(start, end), _without_glosses(normalise(text[start:end]))))


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
