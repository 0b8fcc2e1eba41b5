"""Loading articles: encodings, metadata (front matter, bylines, sidecars), HTML, errors."""

from __future__ import annotations

import codecs
import json
import re
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from opencc import OpenCC  # type: ignore[import-untyped]

from kg.config import BuildConfig
from kg.encoding import COMMON_HANZI, chinese_score, decode
from kg.errors import InputError
from kg.load import find_articles, load_article, read_meta


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- text


def test_load_utf8_with_bom_is_read_without_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "luoyang.txt"
    path.write_bytes("\ufeff洛阳工业稳中向好\n正文。".encode())
    doc = load_article(path)
    assert doc.text == "洛阳工业稳中向好\n正文。"
    assert doc.meta.title == "洛阳工业稳中向好"


def test_load_id_and_source_come_from_the_file_name(tmp_path: Path) -> None:
    doc = load_article(_write(tmp_path, "xiangyang 2021-06-08.txt", "襄阳汽车产业\n正文。"))
    assert doc.id == "xiangyang-2021-06-08"
    assert doc.meta.source_path == "xiangyang 2021-06-08.txt"


def test_load_crlf_line_ends_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("绵阳电子信息产业\r\n2022年3月5日\r\n正文。".encode())
    doc = load_article(path)
    assert doc.text == "绵阳电子信息产业\n2022年3月5日\n正文。"
    assert doc.meta.published == date(2022, 3, 5)


def test_load_control_characters_become_spaces_one_for_one(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("云岭市工业提速\n\x0c正文\x1b[0m。\x1a".encode())
    assert load_article(path).text == "云岭市工业提速\n 正文 [0m。 "


def test_load_title_of_a_text_without_line_breaks_is_its_first_sentence(tmp_path: Path) -> None:
    text = "云岭市新能源汽车产业链加快集聚。" + "全市新能源汽车产业规模突破500亿元，" * 20
    doc = load_article(_write(tmp_path, "a.txt", text))
    assert doc.meta.title == "云岭市新能源汽车产业链加快集聚。"


@pytest.mark.parametrize(
    "chrome",
    [
        "首页 > 政务公开 > 政策解读",
        "大众日报　2022年1月10日　星期一　第01版：要闻",
        "来源：某某投资促进网　　发布时间：2020-06-18",
        "证券代码：688417　　证券简称：诺川智能",
        "━━━━━━━━━━",
    ],
)
def test_load_title_skips_the_page_chrome_above_the_headline(tmp_path: Path, chrome: str) -> None:
    text = f"{chrome}\n\n# 云岭市入选国家物流枢纽建设名单\n云岭市工业增长5%。"
    doc = load_article(_write(tmp_path, "a.txt", text))
    assert doc.meta.title == "云岭市入选国家物流枢纽建设名单"


def test_load_text_without_chinese_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no Chinese text"):
        load_article(_write(tmp_path, "a.txt", "Access denied\n2024-03-18"))


# ----------------------------------------------------------------------------- encodings

ARTICLE = (
    "云岭市新能源汽车产业链加快集聚\n2024年3月18日\n"
    "东澜智能装备股份有限公司项目投产，总投资约32亿元。"
)
TRADITIONAL = "汐川市半導體產業園首期項目竣工\n2023年11月6日\n雁湖微電子股份有限公司將率先進駐。"

#: (case, bytes of the file, the codec recorded, the text read)
ENCODED = [
    ("utf-8", ARTICLE.encode(), "utf-8", ARTICLE),
    ("utf-8 BOM", codecs.BOM_UTF8 + ARTICLE.encode(), "utf-8-sig", ARTICLE),
    ("utf-16le BOM", ARTICLE.encode("utf-16"), "utf-16", ARTICLE),
    ("utf-16be BOM", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16", ARTICLE),
    ("utf-16le", ARTICLE.encode("utf-16-le"), "utf-16-le", ARTICLE),
    ("utf-16be", ARTICLE.encode("utf-16-be"), "utf-16-be", ARTICLE),
    ("gb2312", ARTICLE.encode("gb2312"), "gb2312", ARTICLE),
    ("gbk", (ARTICLE + "朱镕基").encode("gbk"), "gbk", ARTICLE + "朱镕基"),
    ("gb18030", (ARTICLE + "𠮷").encode("gb18030"), "gb18030", ARTICLE + "𠮷"),
    ("big5", TRADITIONAL.encode("big5"), "big5", TRADITIONAL),
    ("cp950", (TRADITIONAL + "€").encode("cp950"), "cp950", TRADITIONAL + "€"),
]


@pytest.mark.parametrize(("case", "data", "codec", "text"), ENCODED, ids=[c[0] for c in ENCODED])
def test_load_encoding_is_detected_and_recorded(
    tmp_path: Path, case: str, data: bytes, codec: str, text: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    doc = load_article(path)
    assert (doc.text, doc.meta.encoding) == (text, codec)
    assert data.decode(codec) == text  # the recorded codec reads the file again


def test_load_encoding_short_gbk_and_big5_texts_are_told_apart() -> None:
    for text in ("产业", "新能源汽车", "集聚发展"):
        assert decode(text.encode("gbk")).text == text
    for text in ("產業", "新能源汽車", "集聚發展"):
        assert decode(text.encode("big5")).text == text


def test_load_encoding_score_counts_common_chinese_in_either_script() -> None:
    assert chinese_score("云岭市产业") == chinese_score("雲嶺市產業") == 1.0
    assert chinese_score("abc 123") == 1.0  # nothing to judge
    assert chinese_score("娲涢槼鈥") < 0.5  # UTF-8 read as GBK


def test_load_encoding_common_hanzi_table_is_derived_from_jieba() -> None:
    """The table's recipe (see kg.encoding.COMMON_HANZI), run again."""
    jieba = pytest.importorskip("jieba")
    counts: Counter[str] = Counter()
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as words:
        for line in words:
            word, count, *_ = line.split()
            for ch in word:
                counts[ch] += int(count)

    def level1(ch: str) -> bool:
        data = ch.encode("gb2312", "ignore")
        return len(data) == 2 and 0xB0 <= data[0] <= 0xD7

    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    assert "".join([ch for ch, _ in ranked if level1(ch)][:2500]) == COMMON_HANZI


_TO_TRADITIONAL = OpenCC("s2t")
_PUNCTUATION = ["", "", "", "，", "。", "、", "\n", "2024", "年"]
_SIMPLIFIED = list(COMMON_HANZI)
_TRADITIONAL = sorted(
    {
        t
        for t in map(_TO_TRADITIONAL.convert, _SIMPLIFIED)
        if len(t) == 1 and t.encode("big5", "ignore")
    }
)


def _chinese(characters: list[str], min_size: int) -> st.SearchStrategy[str]:
    """Text of distinct common characters with punctuation between: Chinese as written.

    Legacy readings are told apart statistically; from a dozen characters on the wrong one
    never won in 200,000 tries.
    """
    pieces = st.tuples(st.sampled_from(characters), st.sampled_from(_PUNCTUATION))
    texts = st.lists(pieces, min_size=min_size, max_size=80, unique_by=lambda p: p[0])
    return texts.map(lambda ps: "".join(ch + sep for ch, sep in ps))


_EXT_B = st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF)
#: Any hanzi (rare ones and those beyond the BMP too), ASCII and Chinese punctuation.
_ANY_TEXT = st.text(
    st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        _EXT_B,
        st.sampled_from(list("abcXYZ 0123456789.,:;!?\n\t，。、：；！？（）《》“”【】…—")),
    ),
    max_size=200,
)


def _round_trip(data: bytes) -> tuple[str, str | None]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.txt"
        path.write_bytes(data)
        doc = load_article(path)
        return doc.text, doc.meta.encoding


@given(text=_ANY_TEXT, lead=st.sampled_from(_SIMPLIFIED))
@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be+BOM"])
def test_load_any_chinese_text_round_trips_through_unicode_encodings(
    codec: str, text: str, lead: str
) -> None:
    text = lead + text  # a text with Chinese in it
    if codec == "utf-16-be+BOM":
        data, codec = codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "utf-16"
    else:
        data = text.encode(codec)
    assert _round_trip(data) == (text, codec)


@given(text=_chinese(_SIMPLIFIED, 1))
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_load_chinese_text_round_trips_through_utf16_without_a_bom(codec: str, text: str) -> None:
    text += "\n"  # an ASCII character: a NUL byte that tells UTF-16
    assert _round_trip(text.encode(codec)) == (text, codec)


@given(text=_chinese(_SIMPLIFIED, 12), rare=st.lists(_EXT_B, max_size=2))
@pytest.mark.parametrize("codec", ["gb2312", "gbk", "gb18030"])
def test_load_chinese_text_round_trips_through_gb_encodings(
    codec: str, text: str, rare: list[str]
) -> None:
    if codec == "gb18030":
        text += "".join(rare)  # four-byte characters
    read, recorded = _round_trip(text.encode(codec))
    assert read == text
    assert recorded in ("gb2312", "gbk", "gb18030")


@given(text=_chinese(_TRADITIONAL, 12))
@pytest.mark.parametrize("codec", ["big5", "cp950"])
def test_load_traditional_text_round_trips_through_big5(codec: str, text: str) -> None:
    read, recorded = _round_trip(text.encode(codec))
    assert read == text
    assert recorded in ("big5", "cp950")


# ----------------------------------------------------------------------------- front matter

FRONT_MATTER = (
    "---\n"
    "title: 株洲轨道交通产业集群迈向世界级\n"
    "outlet: 株洲日报\n"
    "published: 2024-03-18\n"
    "author: 王晓明, 刘芳\n"
    "editors: 陈思远\n"
    "---\n"
    "株洲轨道交通产业集群迈向世界级\n"
    "近日，株洲召开大会。"
)


def test_load_front_matter_gives_every_field() -> None:
    meta, _ = read_meta(FRONT_MATTER)
    assert meta.title == "株洲轨道交通产业集群迈向世界级"
    assert meta.outlet == "株洲日报"
    assert meta.published == date(2024, 3, 18)
    assert meta.authors == ("王晓明", "刘芳")
    assert meta.editors == ("陈思远",)


@pytest.mark.parametrize(
    ("authors", "editors"),
    [
        ("authors: 王晓明, 刘芳", "editor: 陈思远"),
        ("Author: 王晓明、刘芳", "Editors: 陈思远"),
        ("authors: [王晓明, 刘芳]", 'editors: ["陈思远"]'),
    ],
)
def test_load_front_matter_names_people_in_singular_plural_or_list_form(
    authors: str, editors: str
) -> None:
    text = FRONT_MATTER.replace("author: 王晓明, 刘芳", authors).replace("editors: 陈思远", editors)
    meta, _ = read_meta(text)
    assert (meta.authors, meta.editors) == (("王晓明", "刘芳"), ("陈思远",))


def test_load_body_starts_after_the_front_matter(tmp_path: Path) -> None:
    doc = load_article(_write(tmp_path, "zhuzhou.md", FRONT_MATTER))
    assert doc.text[doc.body_start :].startswith("株洲轨道交通产业集群迈向世界级\n近日")
    assert "---" not in doc.text[doc.body_start :]


BAD_FRONT_MATTER = [
    ("unclosed", "---\ntitle: 云岭市工业提速\n云岭市工业提速\n正文。", "never closed"),
    ("no colon", "---\ntitle: 云岭市工业提速\n作者 周明远\n---\n正文。", "line 3: '作者 周明远'"),
    ("list item", "---\nauthor:\n  - 周明远\n---\n正文。", "lists go on one line"),
    ("no date", "---\npublished: 2024-02-30\n---\n正文。", "'2024-02-30' is not a date"),
    ("no date either", "---\ndate: 上周五\n---\n正文。", "'上周五' is not a date"),
]


@pytest.mark.parametrize(
    ("case", "text", "message"), BAD_FRONT_MATTER, ids=[c[0] for c in BAD_FRONT_MATTER]
)
def test_load_malformed_front_matter_is_an_input_error(
    tmp_path: Path, case: str, text: str, message: str
) -> None:
    path = _write(tmp_path, "a.md", text)
    with pytest.raises(InputError, match=re.escape(message)) as info:
        load_article(path)
    assert str(info.value).startswith(f"{path}: front matter")


def test_load_front_matter_may_be_empty_and_hold_comments_and_quotes() -> None:
    assert read_meta("---\n---\n云岭市工业提速\n正文。")[0].title == "云岭市工业提速"
    meta, _ = read_meta('---\n# 自动生成\n\ntitle: "云岭市工业提速"\n---\n正文。')
    assert meta.title == "云岭市工业提速"


def test_load_a_markdown_rule_that_is_not_first_is_text() -> None:
    meta, body_start = read_meta("云岭市工业提速\n---\n正文。")
    assert (meta.title, body_start) == ("云岭市工业提速", 0)


# ----------------------------------------------------------------------------- bylines

BYLINE_DATES = [
    ("襄阳新能源汽车产业提速\n2021-06-08 09:30\n正文。", date(2021, 6, 8)),
    ("襄阳新能源汽车产业提速\n2021年6月8日 09:30\n正文。", date(2021, 6, 8)),
    ("襄阳新能源汽车产业提速\n16.01.2023\n正文。", date(2023, 1, 16)),
    ("襄阳新能源汽车产业提速\n发布时间：2021/6/8\n正文。", date(2021, 6, 8)),
    ("襄阳新能源汽车产业提速\n正文没有日期。", None),
]


@pytest.mark.parametrize(("text", "published"), BYLINE_DATES)
def test_load_byline_date_forms(text: str, published: date | None) -> None:
    assert read_meta(text)[0].published == published


def test_load_byline_gives_outlet_author_and_footer_editor() -> None:
    text = (
        "绵阳打造电子信息产业高地\n【绵阳日报记者 张晓东】近日，绵阳召开大会。\n"
        "正文。\n【责任编辑:李红 】"
    )
    meta, _ = read_meta(text)
    assert meta.title == "绵阳打造电子信息产业高地"
    assert meta.outlet == "绵阳日报"
    assert meta.authors == ("张晓东",)
    assert meta.editors == ("李红",)


def test_load_source_line_gives_the_outlet() -> None:
    meta, _ = read_meta("洛阳工业提速\n来源：洛阳日报 2022-11-20\n正文。")
    assert meta.outlet == "洛阳日报"
    assert meta.published == date(2022, 11, 20)


def test_load_byline_role_words_are_not_authors() -> None:
    meta, _ = read_meta("株洲工业再提速\n【株洲日报记者 王晓明 通讯员 刘芳】近日，株洲召开大会。")
    assert meta.authors == ("王晓明", "刘芳")


def test_load_byline_of_a_paper_speaking_of_itself() -> None:
    """本报记者 … 本报通讯员 …: 本报 names no outlet, and 本报通讯员 is no person."""
    meta, _ = read_meta(
        "潍坊氢能再提速\n本报记者　孙立新　本报通讯员　高雅楠　刘晓峰\n本报潍坊1月9日讯　正文。"
    )
    assert meta.authors == ("孙立新", "高雅楠", "刘晓峰")
    assert meta.outlet != "本报"


def test_load_headline_period_is_not_the_publication_date() -> None:
    meta, _ = read_meta("洛阳2022年1-10月工业增加值增长6.8%\n来源：洛阳日报 2022-11-20\n正文。")
    assert meta.published == date(2022, 11, 20)


# ----------------------------------------------------------------------------- HTML


def test_load_html_is_reduced_to_text(tmp_path: Path) -> None:
    page = (
        "<html><head><title>网页标题</title><style>p { color: red }</style></head><body>"
        "<script>var city = '不是正文';</script>"
        "<h1>襄阳汽车产业提速</h1><p>襄阳汽车产业产值增长&amp;提速。</p>"
        "<div>第二段</div></body></html>"
    )
    doc = load_article(_write(tmp_path, "xiangyang.html", page))
    assert doc.text == "襄阳汽车产业提速\n襄阳汽车产业产值增长&提速。\n第二段"
    assert doc.meta.title == "襄阳汽车产业提速"


def test_load_html_without_text_is_an_input_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "empty.htm", "<html><script>var x = 1;</script></html>")
    with pytest.raises(InputError, match="empty.htm"):
        load_article(path)


def test_load_html_drops_comments_navigation_and_resolves_entities_once(tmp_path: Path) -> None:
    page = (
        "<html><body><nav>首页 | 新闻</nav><!-- 不是正文 --><aside>相关阅读</aside>"
        "<article><h1>云岭市工业提速</h1><p>A&amp;B 写作 &amp;lt;b&amp;gt; 与&nbsp;&#x4E91;岭</p>"
        "</article><footer>版权所有</footer></body></html>"
    )
    doc = load_article(_write(tmp_path, "a.html", page))
    assert doc.text == "云岭市工业提速\nA&B 写作 &lt;b&gt; 与\xa0云岭"


def test_load_html_meta_charset_decides_between_gbk_and_big5(tmp_path: Path) -> None:
    text = "備產"  # its Big5 bytes read as GBK too (称玻), and as common characters
    page = f'<html><head><meta charset="big5"></head><body><p>{text}</p></body></html>'
    path = tmp_path / "a.html"
    path.write_bytes(page.encode("big5"))
    doc = load_article(path)
    assert (doc.text, doc.meta.encoding) == (text, "big5")
    assert decode(text.encode("big5")).text == "称玻"  # without the hint, GB wins the tie


def test_load_html_in_a_text_file_is_known_by_its_start(tmp_path: Path) -> None:
    page = '<!DOCTYPE html>\n<html><head><meta charset="gb2312"><title>网站</title></head>'
    path = tmp_path / "saved.txt"
    path.write_bytes((page + "<body><p>云岭市工业提速</p></body></html>").encode("gb2312"))
    assert load_article(path).text == "云岭市工业提速"


def test_load_html_undecodable_page_names_the_charset_it_declares(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_bytes(b'<html><meta charset="euc-kr"><p>\xb0\xa1\xff</p></html>')
    with pytest.raises(InputError, match="declares charset=euc-kr, which kg does not read"):
        load_article(path)


# ----------------------------------------------------------------------------- errors


def _cp1252(byte: int) -> str:
    """A byte as Windows reads it, Latin-1 where cp1252 has no character."""
    return bytes([byte]).decode("cp1252", "ignore") or chr(byte)


BAD_FILES = [
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b" \n\t\r\n", "blank"),
    ("ideographic-blank.txt", "\u3000\n\u3000".encode(), "blank"),
    ("blank-utf16.txt", "\ufeff \n ".encode("utf-16-le"), "blank"),
    ("binary.txt", "洛阳\x00工业".encode(), "NUL"),
    ("jpeg.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
    ("controls.txt", "洛阳".encode() + bytes(range(1, 9)) * 4, "control characters"),
    ("invalid.txt", "洛阳".encode("gbk") + b"\xff\xfe", "not valid UTF-8, UTF-16, GB18030 or Big5"),
    ("large.txt", "洛阳工业稳中向好。".encode() * 20, "limit"),
    ("english.txt", b"Page not found", "no Chinese text"),
    ("mojibake.txt", "".join(map(_cp1252, "洛阳工业稳中向好".encode())).encode(), "twice"),
]


@pytest.mark.parametrize(("name", "data", "what"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_load_unusable_file_is_an_input_error_naming_it(
    tmp_path: Path, name: str, data: bytes, what: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=re.escape(what)) as info:
        load_article(path, BuildConfig(max_article_bytes=100))
    assert str(info.value).startswith(f"{path}: ")


def test_load_missing_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    with pytest.raises(InputError, match="missing.txt"):
        load_article(path)


# ----------------------------------------------------------------------------- folders


def test_load_find_articles_in_a_folder_sorted_and_filtered(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.html", "sub/d.htm", "notes.pdf", "b.meta.json"):
        _write(tmp_path, name, "洛阳\n正文。")
    found = find_articles([tmp_path], BuildConfig())
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.md",
        "b.txt",
        "c.html",
        "sub/d.htm",
    ]


def test_load_find_articles_takes_a_file_as_given(tmp_path: Path) -> None:
    path = _write(tmp_path, "one.txt", "绵阳\n正文。")
    assert find_articles([path, path], BuildConfig()) == [path]


def test_load_find_articles_in_an_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no articles"):
        find_articles([tmp_path], BuildConfig())


def test_load_find_articles_of_a_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nowhere"):
        find_articles([tmp_path / "nowhere"], BuildConfig())


# ----------------------------------------------------------------------------- sidecars


def test_load_sidecar_overrides_the_metadata_of_the_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "zhuzhou.txt", "株洲旧标题\n2021年6月8日\n正文。")
    sidecar = {"title": "株洲新标题", "outlet": "湖南日报", "published": "2022-01-02",
               "authors": ["赵六"], "editors": ["钱七"]}  # fmt: skip
    _write(tmp_path, "zhuzhou.meta.json", json.dumps(sidecar, ensure_ascii=False))
    meta = load_article(path).meta
    assert (meta.title, meta.outlet, meta.published) == ("株洲新标题", "湖南日报", date(2022, 1, 2))
    assert (meta.authors, meta.editors) == (("赵六",), ("钱七",))
    assert meta.source_path == "zhuzhou.txt"


def test_load_sidecar_keeps_what_it_does_not_set(tmp_path: Path) -> None:
    path = _write(tmp_path, "zhuzhou.txt", "株洲旧标题\n2021年6月8日\n正文。")
    _write(tmp_path, "zhuzhou.meta.json", '{"outlet": "湖南日报"}')
    meta = load_article(path).meta
    assert (meta.title, meta.outlet, meta.published) == ("株洲旧标题", "湖南日报", date(2021, 6, 8))


BAD_SIDECARS = [
    ("not-json", "{title: 株洲"),
    ("bad-date", '{"published": "2022-13-45"}'),
    ("not-an-object", '["株洲"]'),
]


@pytest.mark.parametrize(("case", "content"), BAD_SIDECARS, ids=[c[0] for c in BAD_SIDECARS])
def test_load_malformed_sidecar_is_an_input_error_naming_it(
    tmp_path: Path, case: str, content: str
) -> None:
    path = _write(tmp_path, "zhuzhou.txt", "株洲\n正文。")
    _write(tmp_path, "zhuzhou.meta.json", content)
    with pytest.raises(InputError, match="zhuzhou.meta.json"):
        load_article(path)


def test_load_sidecar_author_given_as_a_string_is_not_split_into_characters(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, "zhuzhou.txt", "株洲\n正文。")
    _write(tmp_path, "zhuzhou.meta.json", '{"authors": "张三"}')
    try:
        authors = load_article(path).meta.authors
    except InputError:
        return  # rejecting the sidecar is fine too
    assert authors == ("张三",)


def test_load_sidecar_in_gbk_or_with_a_bom_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "yunling.txt", "云岭市旧标题\n正文。")
    sidecar = tmp_path / "yunling.meta.json"
    for data in (
        '{"title": "云岭市新标题"}'.encode("gbk"),
        codecs.BOM_UTF8 + '{"title": "云岭市新标题"}'.encode(),
    ):
        sidecar.write_bytes(data)
        assert load_article(path).meta.title == "云岭市新标题"


def test_load_find_articles_whatever_the_case_of_the_suffix(tmp_path: Path) -> None:
    _write(tmp_path, "PAGE.HTM", "<p>云岭</p>")
    assert [p.name for p in find_articles([tmp_path], BuildConfig())] == ["PAGE.HTM"]
