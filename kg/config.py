"""BuildConfig: every default of a build, written once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: Namespace of the ontology's terms and of the resources kg mints (see docs/decisions.md).
ONTOLOGY_NS = "https://w3id.org/kg-cnip/ontology#"
RESOURCE_NS = "https://w3id.org/kg-cnip/id/"
#: The graph of a store's build manifest (source path and digest per article).
MANIFEST_GRAPH = f"{RESOURCE_NS}build/manifest"


@dataclass(frozen=True, slots=True)
class BuildConfig:
    """Where a build reads its vocabulary from and what it writes."""

    lexicon_dir: Path = PROJECT_ROOT / "data" / "lexicons"
    ontology_path: Path = PROJECT_ROOT / "ontology.ttl"
    shapes_path: Path = PROJECT_ROOT / "shapes.ttl"
    #: Articles larger than this are rejected (bytes).
    max_article_bytes: int = 2_000_000
    #: Article file suffixes picked up when a folder is given.
    article_suffixes: tuple[str, ...] = field(default=(".txt", ".md", ".html", ".htm"))
    #: Check each article's graph against shapes.ttl; one that does not conform is not written.
    validate: bool = True
