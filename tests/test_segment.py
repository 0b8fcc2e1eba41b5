"""Sentences and normalisation: offsets into the original text, one char per char."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.records import ArticleMeta, Document
from kg.segment import normalise, segment

#: Text as the genre writes it: CJK (simplified and traditional), full-width forms,
#: sentence punctuation, quotes, digits and line breaks, mixed with arbitrary characters.
GENRE_CHARS = st.sampled_from(
    list("洛阳襄阳绵阳株洲東莞產業發展億萬元製造電子資訊工业增长")
    + list("。！？!?，、；：“”‘’「」『』（）()《》【】％％０１２３４５６７８９ＡＢ　 \n\r\t.")
)
TEXT = st.lists(st.one_of(GENRE_CHARS, st.characters()), max_size=120).map("".join)
PROPERTY = settings(max_examples=300, deadline=None, database=None)


def _doc(text: str, body_start: int = 0) -> Document:
    return Document("t", text, ArticleMeta("t"), body_start=body_start)


@PROPERTY
@given(TEXT)
def test_segment_normalise_keeps_the_length(text: str) -> None:
    assert len(normalise(text)) == len(text)


@PROPERTY
@given(TEXT, st.integers(min_value=0, max_value=30))
def test_segment_sentences_are_ordered_non_empty_spans_of_the_body(
    text: str, body_start: int
) -> None:
    doc = _doc(text, min(body_start, len(text)))
    previous_end = doc.body_start
    for sentence in segment(doc):
        span = sentence.span
        assert previous_end <= span.start < span.end <= len(text)
        assert normalise(text[span.start : span.end]) == sentence.normalised
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
        previous_end = span.end


@PROPERTY
@given(TEXT, st.integers(min_value=0, max_value=30))
def test_segment_sentences_leave_out_only_whitespace(text: str, body_start: int) -> None:
    doc = _doc(text, min(body_start, len(text)))
    covered = {i for s in segment(doc) for i in range(s.span.start, s.span.end)}
    left_out = [text[i] for i in range(doc.body_start, len(text)) if i not in covered]
    assert all(ch.isspace() for ch in left_out)


FOLDS = [
    ("東莞", "东莞"),
    ("產業", "产业"),
    ("億元", "亿元"),
    ("製造業發展", "制造业发展"),
    ("（一）", "(一)"),
    ("增长５.２％", "增长5.2%"),
    ("ＧＤＰ，", "GDP,"),
    ("全角\u3000空格", "全角 空格"),
    ("洛阳。", "洛阳。"),  # the ideographic full stop has no half-width form: kept
]


@pytest.mark.parametrize(("written", "normalised"), FOLDS)
def test_segment_normalise_folds_script_and_width(written: str, normalised: str) -> None:
    assert normalise(written) == normalised


SPLITS = [
    ("洛阳工业增长。襄阳汽车提速！绵阳呢？", ["洛阳工业增长。", "襄阳汽车提速！", "绵阳呢？"]),
    ("他说：“株洲要做强。”随后离开。", ["他说：“株洲要做强。”", "随后离开。"]),
    ("第一段\n\n  第二段没有句号\n", ["第一段", "第二段没有句号"]),
    ("Really?! 好。", ["Really?!", "好。"]),
]


@pytest.mark.parametrize(("text", "sentences"), SPLITS)
def test_segment_splits_at_stops_and_line_breaks(text: str, sentences: list[str]) -> None:
    doc = _doc(text)
    assert [text[s.span.start : s.span.end] for s in segment(doc)] == sentences


def test_segment_starts_at_the_body() -> None:
    text = "---\ntitle: 洛阳。\n---\n正文第一句。正文第二句。"
    doc = _doc(text, text.index("正文"))
    assert [s.normalised for s in segment(doc)] == ["正文第一句。", "正文第二句。"]


def test_segment_traditional_sentence_keeps_offsets_into_the_original() -> None:
    text = "東莞製造業產值突破萬億元。"
    (sentence,) = segment(_doc(text))
    assert text[sentence.span.start : sentence.span.end] == text
    assert sentence.normalised == "东莞制造业产值突破万亿元。"


GLOSSES = [
    # an English gloss after a name, a figure or a title (with a bracket inside) is blanked
    (
        "海南椰风食品有限公司（Hainan Yefeng Foods Co., Ltd.）入选。",
        "海南椰风食品有限公司",
        "入选。",
    ),
    ("投资15亿元（RMB 1.5 billion）建设。", "投资15亿元", "建设。"),
    ("《方案》（Implementation Plan (2022-2025)）和", "《方案》", "和"),
]


@pytest.mark.parametrize(("text", "before", "after"), GLOSSES)
def test_segment_blanks_english_glosses_in_the_normalised_text_only(
    text: str, before: str, after: str
) -> None:
    (sentence,) = segment(_doc(text))
    assert sentence.normalised.startswith(before) and sentence.normalised.endswith(after)
    gap = sentence.normalised[len(before) : len(text) - len(after)]
    assert gap == "\u3000" * len(gap) and gap
    assert text[sentence.span.start : sentence.span.end] == text  # offsets still hold


@pytest.mark.parametrize(
    "text", ["特斯拉（Tesla）落户。", "国内生产总值（GDP）增长。", "（5G 基站）"]
)
def test_segment_keeps_a_single_latin_word_in_brackets(text: str) -> None:
    (sentence,) = segment(_doc(text))
    assert sentence.normalised == normalise(text)


CHINESE_FIGURES = [
    ("产值达到一千零八十六亿元", "产值达到\u3000\u30001086亿元"),
    ("同比增长百分之十一点四", "同比增长\u3000\u300011.4%"),
    ("二〇二三年，产量达到八点六万吨", "2023年,产量达到8.6万吨"),
    ("企业达到一百二十六家", "企业达到\u3000\u3000126家"),
    # one char before its unit reads as a word; a numeral whose digits would not fit stays
    ("三家企业、三大产业、第一汽车", "三家企业、三大产业、第一汽车"),
    ("一万二千吨", "一万二千吨"),
]


@pytest.mark.parametrize(("text", "normalised"), CHINESE_FIGURES)
def test_segment_writes_figures_in_chinese_numerals_in_digits(text: str, normalised: str) -> None:
    (sentence,) = segment(_doc(text))
    assert sentence.normalised == normalised
    assert text[sentence.span.start : sentence.span.end] == text


def test_segment_blanks_markdown_marks_in_the_normalised_text_only() -> None:
    text = "- **首位产业：**新材料。重点发展碳纤维（A*B型）。"
    first, second = segment(_doc(text))
    assert first.normalised == "\u3000 \u3000\u3000首位产业:\u3000\u3000新材料。"
    assert second.normalised == normalise("重点发展碳纤维（A*B型）。")  # a lone * stays
    assert text[first.span.start : first.span.end] == "- **首位产业：**新材料。"
