"""SPARQL as text: a tokenizer that knows strings, IRIs and comments, for the two things kg
does to a query it did not write: find keywords (``kg serve`` refuses SERVICE) and bind
variables for a remote endpoint (a VALUES block of escaped literals, never spliced text).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import QueryError

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<word>[A-Za-z_][\w-]*(?::[\w.-]*)?|:[\w.-]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # comment, string, iri, var, word, other
    text: str
    start: int


def tokens(query: str) -> Iterator[Token]:
    """The tokens of a query, whitespace dropped.

    >>> [t.text for t in tokens('SELECT ?x { ?x <a:b> "SERVICE" } # SERVICE')]
    ['SELECT', '?x', '{', '?x', '<a:b>', '"SERVICE"', '}', '# SERVICE']
    """
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup
        assert kind is not None
        if kind != "space":
            yield Token(kind, match.group(), match.start())


def keywords(query: str) -> set[str]:
    """The upper-cased bare words of a query (not inside strings, IRIs or comments).

    >>> sorted(keywords('SELECT * { service <x:y> { ?s ?p "LOAD" } }'))
    ['SELECT', 'SERVICE']
    """
    return {t.text.upper() for t in tokens(query) if t.kind == "word"}


def bind_values(query: str, bindings: Mapping[str, str]) -> str:
    """The query with each binding as a one-row VALUES block opening its WHERE clause.

    This is how kg binds variables for a remote endpoint, where pyoxigraph's substitution is
    not available: the values are serialised literals, so no value can become query text.

    >>> bind_values('SELECT ?city WHERE { ?s ?p ?city }', {"city": 'x" } DROP ALL {'})
    'SELECT ?city WHERE { VALUES (?city) { ("x\\\\" } DROP ALL {") } ?s ?p ?city }'

    Raises:
        QueryError: the query has no group pattern to bind into.
    """
    used = {t.text[1:] for t in tokens(query) if t.kind == "var"}
    chosen = {name: value for name, value in bindings.items() if name in used}
    if not chosen:
        return query
    found = list(tokens(query))
    where = next(
        (i for i, t in enumerate(found) if t.kind == "word" and t.text.upper() == "WHERE"), -1
    )
    brace = next((t for t in found[where + 1 :] if t.text == "{"), None)
    if brace is None:
        raise QueryError("the query has no WHERE { … } to bind variables into")
    names = " ".join(f"?{name}" for name in chosen)
    values = " ".join(str(ox.Literal(unicodedata.normalize("NFC", v))) for v in chosen.values())
    block = f" VALUES ({names}) {{ ({values}) }}"
    cut = brace.start + 1
    return query[:cut] + block + query[cut:]
