"""Loading articles: encodings, metadata (front matter, bylines, sidecars), HTML, errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kg.config import BuildConfig
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


def test_load_body_starts_after_the_front_matter(tmp_path: Path) -> None:
    doc = load_article(_write(tmp_path, "zhuzhou.md", FRONT_MATTER))
    assert doc.text[doc.body_start :].startswith("株洲轨道交通产业集群迈向世界级\n近日")
    assert "---" not in doc.text[doc.body_start :]


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


# ----------------------------------------------------------------------------- errors

BAD_FILES = [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \n\t\r\n", "empty"),
    ("ideographic-blank.txt", "\u3000\n\u3000".encode(), "no article text"),
    ("binary.txt", "洛阳\x00工业".encode(), "NUL"),
    ("gbk.txt", "洛阳工业稳中向好".encode("gbk"), "not UTF-8.*iconv"),
    ("large.txt", "洛阳工业稳中向好。".encode() * 20, "limit"),
]


@pytest.mark.parametrize(("name", "data", "what"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_load_unusable_file_is_an_input_error_naming_it(
    tmp_path: Path, name: str, data: bytes, what: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=what) as info:
        load_article(path, BuildConfig(max_article_bytes=100))
    assert str(path) in str(info.value)


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
