"""Read articles from disk into ``Document`` records; the text is never rewritten."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from kg.byline import byline
from kg.config import BuildConfig
from kg.errors import InputError
from kg.records import ArticleMeta, Document
from kg.segment import normalise

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
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
            matches = [p for p in path.rglob("*") if p.suffix in config.article_suffixes]
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
    """Read one article: UTF-8 text (a BOM is allowed), Markdown or HTML.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_text("合肥发布新政\\n2021年6月8日\\n正文。", encoding="utf-8")
    >>> doc = load_article(p)
    >>> doc.id, doc.meta.title, doc.meta.published
    ('a', '合肥发布新政', datetime.date(2021, 6, 8))

    Raises:
        InputError: the file is missing, empty, too large, binary or not UTF-8.
    """
    config = config or BuildConfig()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    if not raw.strip():
        raise InputError(f"{path}: the file is empty")
    if len(raw) > config.max_article_bytes:
        raise InputError(
            f"{path}: {len(raw)} bytes is more than the limit of {config.max_article_bytes}"
        )
    if b"\x00" in raw:
        raise InputError(f"{path}: binary content (NUL bytes); expected a UTF-8 text article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 (byte {exc.start}: {raw[exc.start : exc.start + 4]!r}); "
            "convert it, e.g. `iconv -f GB18030 -t UTF-8`"
        ) from exc
    if path.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{path}: no article text")
    meta, body_start = read_meta(text)
    meta = _with_sidecar(meta, path)
    if meta.published is None:  # undated text: a date in the file name (zhengzhou-2023-01-16.txt)
        meta = replace(meta, published=_parse_date(path.stem))
    return Document(
        id=doc_id or article_id(path),
        text=text,
        meta=ArticleMeta(
            title=meta.title,
            outlet=meta.outlet,
            published=meta.published,
            authors=meta.authors,
            editors=meta.editors,
            source_path=path.name,
        ),
        body_start=body_start,
    )


def _with_sidecar(meta: ArticleMeta, path: Path) -> ArticleMeta:
    """Metadata from ``NAME.meta.json`` beside the article wins over what the text gives."""
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.is_file():
        return meta
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
        published = data.get("published")
        return ArticleMeta(
            title=str(data.get("title") or meta.title),
            outlet=data.get("outlet") or meta.outlet,
            published=date.fromisoformat(published) if published else meta.published,
            authors=_name_list(data.get("authors"), meta.authors),
            editors=_name_list(data.get("editors"), meta.editors),
        )
    except (ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"{sidecar}: not valid article metadata ({exc})") from exc


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

    Returns the metadata and the offset where the body begins.
    """
    fields: dict[str, str] = {}
    body_start = 0
    if match := _FRONT_MATTER.match(text):
        for line in match.group("body").splitlines():
            key, sep, value = line.partition(":")
            if sep:
                fields[key.strip().lower()] = value.strip()
        body_start = match.end()
    body = text[body_start:]
    head = body[:400]
    title = fields.get("title") or next((ln.strip() for ln in body.splitlines() if ln.strip()), "")
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
    _SKIP = {"script", "style", "nav", "header", "footer", "noscript", "head"}
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
    text = html.unescape("".join(parser.parts))
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
