"""Read articles from disk into ``Document`` records.

The text is kept as written: only line ends and stray control characters are evened out
(one character for one), and an HTML page is reduced to its text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from kg.byline import byline
from kg.config import BuildConfig
from kg.encoding import CONTROL, declared_charset, decode, looks_like_html
from kg.errors import InputError
from kg.records import ArticleMeta, Document
from kg.segment import normalise

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:(?P<body>.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*(?:\r?\n|\Z)")
#: A first line longer than this is no headline (a file without line breaks).
_TITLE_MAX = 120
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)年\s*(?P<m>\d{1,2})月\s*(?P<d>\d{1,2})日"),
    re.compile(
        r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
    ),
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)(?!\d)"),
)


def find_articles(inputs: Iterable[Path], config: BuildConfig) -> list[Path]:
    """Expand files and folders into a sorted list of article files.

    Raises:
        InputError: an input does not exist, or a folder holds no articles.
    """
    found: set[Path] = set()
    for path in inputs:
        if path.is_dir():
            matches = [p for p in path.rglob("*") if p.suffix.lower() in config.article_suffixes]
            if not matches:
                suffixes = ", ".join(config.article_suffixes)
                raise InputError(f"{path}: no articles ({suffixes}) in this folder")
            found.update(p for p in matches if p.is_file())
        elif path.is_file():
            found.add(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return sorted(found)


def load_article(
    path: Path, config: BuildConfig | None = None, *, doc_id: str | None = None
) -> Document:
    """Read one article: text or HTML in UTF-8, UTF-16, GB18030 (GBK, GB2312) or Big5.

    The encoding is detected (``kg.encoding.decode``; an HTML page's ``<meta charset>`` is a
    hint) and kept in ``meta.encoding``. Line ends become ``\\n`` and stray control
    characters spaces, one for one; nothing else of the text is changed.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_text("合肥发布新政\\n2021年6月8日\\n正文。", encoding="gbk")
    >>> doc = load_article(p)
    >>> doc.id, doc.meta.title, doc.meta.published, doc.meta.encoding
    ('a', '合肥发布新政', datetime.date(2021, 6, 8), 'gb2312')

    Raises:
        InputError: naming the file and its problem: missing, empty or blank, too large,
            binary, in no supported encoding, without Chinese text, or with malformed
            front matter or ``NAME.meta.json``.
    """
    config = config or BuildConfig()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    if not raw:
        raise InputError(f"{path}: the file is empty (0 bytes)")
    if len(raw) > config.max_article_bytes:
        raise InputError(
            f"{path}: {len(raw)} bytes is more than the limit of {config.max_article_bytes} "
            "(BuildConfig.max_article_bytes); split the file"
        )
    is_html = path.suffix.lower() in (".html", ".htm") or looks_like_html(raw)
    try:
        decoded = decode(raw, declared=declared_charset(raw) if is_html else None)
        text = _clean(decoded.text)
        if not text.strip():
            raise InputError("the file is blank (only whitespace)")
        if is_html:
            text = html_to_text(text)
            if not text.strip():
                raise InputError("no article text: the page is only markup")
        if not _HAN.search(text):
            raise InputError(
                f"no Chinese text (read as {decoded.encoding}); kg reads Chinese articles: "
                "is this the article, or an error page?"
            )
        meta, body_start = read_meta(text)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from exc
    meta = _with_sidecar(meta, path)
    if meta.published is None:  # undated text: a date in the file name (city-2023-01-16.txt)
        meta = replace(meta, published=_parse_date(path.stem))
    return Document(
        id=doc_id or article_id(path),
        text=text,
        meta=replace(meta, source_path=path.name, encoding=decoded.encoding),
        body_start=body_start,
    )


def _clean(text: str) -> str:
    """Line ends as ``\\n``; other control characters (form feeds, escapes, DOS end-of-file
    marks) as spaces, one for one, so no stage or RDF writer meets them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL.sub(" ", text)


def _with_sidecar(meta: ArticleMeta, path: Path) -> ArticleMeta:
    """Metadata from ``NAME.meta.json`` beside the article wins over what the text gives."""
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.is_file():
        return meta
    try:
        data = json.loads(decode(sidecar.read_bytes()).text)
        published = data.get("published")
        outlet = data.get("outlet")
        return ArticleMeta(
            title=str(data.get("title") or meta.title),
            outlet=str(outlet) if outlet else meta.outlet,
            published=date.fromisoformat(published) if published else meta.published,
            authors=_name_list(data.get("authors"), meta.authors),
            editors=_name_list(data.get("editors"), meta.editors),
        )
    except (OSError, InputError, ValueError, TypeError, AttributeError) as exc:
        raise InputError(
            f"{path}: its metadata {sidecar.name} is not valid ({exc}); expected a JSON object "
            'like {"title": "…", "published": "2023-01-16", "authors": ["…"]}'
        ) from exc


def article_ids(paths: list[Path]) -> dict[Path, str]:
    """Stable ids for a corpus: the file name, with its folder's name where two files share
    one (cases/hefei/article.txt and cases/xian/article.txt)."""
    stems: dict[str, int] = {}
    for path in paths:
        stems[article_id(path)] = stems.get(article_id(path), 0) + 1
    return {
        p: article_id(p)
        if stems[article_id(p)] == 1
        else article_id(p.parent / f"{p.parent.name}-{p.name}")
        for p in paths
    }


def article_id(path: Path) -> str:
    """A stable id from the file name: ``zhengzhou-2023-01-16.txt`` → ``zhengzhou-2023-01-16``."""
    return re.sub(r"[^\w.-]+", "-", path.stem).strip("-") or "article"


def read_meta(text: str) -> tuple[ArticleMeta, int]:
    """Article metadata from front matter, else from the byline conventions of the genre.

    Front matter is ``key: value`` lines between two ``---`` lines at the very top.

    Returns the metadata and the offset where the body begins.

    Raises:
        InputError: the front matter is not closed, has a line that is not ``key: value``,
            or a date that is not one.
    """
    fields, body_start = _front_matter(text)
    body = text[body_start:]
    head = body[:400]
    title = fields.get("title") or _title(body)
    published = _parse_date(fields.get("published") or fields.get("date") or head)
    found: dict[str, list[str]] = {"outlet": [], "author": [], "editor": []}
    for part in byline(normalise(text), body_start):
        written = text[part.span.start : part.span.end]
        if written not in found[part.role]:
            found[part.role].append(written)
    outlet = next(iter(found["outlet"]), None)
    authors, editors = tuple(found["author"]), tuple(found["editor"])
    meta = ArticleMeta(
        title=title, outlet=outlet, published=published, authors=authors, editors=editors
    )
    return meta, body_start


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    if not _FRONT_MATTER_OPEN.match(text):
        return {}, 0
    match = _FRONT_MATTER.match(text)
    if not match:
        raise InputError("front matter: the --- on line 1 is never closed by a --- line")
    fields: dict[str, str] = {}
    for number, line in enumerate((match["body"] or "").splitlines(), start=2):
        key, sep, value = line.partition(":")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not sep or not re.fullmatch(r"[\w-]+", key.strip()):
            raise InputError(
                f"front matter, line {number}: {line.strip()!r} is not 'key: value' "
                "(lists go on one line: author: 王一, 李二)"
            )
        fields[key.strip().lower()] = value.strip().strip("\"'")
    for key in ("published", "date"):
        if fields.get(key) and not _parse_date(fields[key]):
            raise InputError(
                f"front matter: {key} {fields[key]!r} is not a date (2023-01-16, 2023年1月16日)"
            )
    return fields, match.end()


#: a web page's or a paper's chrome above the headline: breadcrumbs (首页 > 政务公开), a
#: masthead (大众日报　2022年1月10日　星期一　第01版), field lines (来源：…　发布时间：…,
#: 证券代码：…), rules (━━━) and a Markdown heading's marks
_BREADCRUMB = re.compile(r"\S\s*[>＞›»]\s*\S")
_MASTHEAD = re.compile(r"(?:19|20)\d\d\s*年.{0,12}(?:星期|周[一二三四五六日])|第\s*\d+\s*版")
_FIELD_LINE = re.compile(
    r"^(?:来源|信息来源|文章来源|发布时间|发布日期|时间|日期|栏目|作者|编辑|责任编辑|责编|"
    r"本版责编|浏览次数|字号|证券代码|证券简称|股票代码|股票简称|公告编号)\s*[:：]"
)
_HEADING_MARKS = re.compile(r"^#{1,6}\s*")


def _is_page_chrome(line: str) -> bool:
    return bool(
        _BREADCRUMB.search(line)
        or _MASTHEAD.search(line)
        or _FIELD_LINE.match(line)
        or not re.search(r"[\w]", line)
    )


def _title(body: str) -> str:
    """The first line that is not page chrome (else the first line); its first sentence if
    the line is far too long for a headline (text without line breaks), so the title still
    quotes the text."""
    lines = [_HEADING_MARKS.sub("", ln.strip()) for ln in body.splitlines() if ln.strip()]
    line = next((ln for ln in lines if not _is_page_chrome(ln)), lines[0] if lines else "")
    if len(line) <= _TITLE_MAX:
        return line
    end = re.search(r"[。！？!?]", line)
    return line[: min(end.end() if end else _TITLE_MAX, _TITLE_MAX)]


def _name_list(value: object, fallback: tuple[str, ...]) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(n for n in re.split(r"[\s,，、;；]+", value) if n)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return fallback


def _parse_date(text: str) -> date | None:
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
    return None


class _TextExtractor(HTMLParser):
    _SKIP = {"script", "style", "nav", "header", "footer", "noscript", "head", "aside", "template"}
    _SKIP |= {"svg", "iframe", "object", "select", "button"}
    _BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "li", "tr", "section", "article", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Reduce an HTML page to its text, one block per line."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)  # entities are already resolved (convert_charrefs)
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
