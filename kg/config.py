"""BuildConfig: every default of a build, written once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: The ontology, shapes, lexicons and competency questions the package reads. In the source
#: tree these are links to the top-level files (ontology.ttl, data/lexicons, …), resolved
#: here so messages name those; an installed wheel holds copies.
RESOURCES = Path(__file__).resolve().parent / "resources"


def resource(name: str) -> Path:
    return (RESOURCES / name).resolve()


#: Namespace of the ontology's terms and of the resources kg mints (see docs/decisions.md).
ONTOLOGY_NS = "https://w3id.org/kg-cnip/ontology#"
RESOURCE_NS = "https://w3id.org/kg-cnip/id/"
#: The graph of a store's build manifest (source path and digest per article).
MANIFEST_GRAPH = f"{RESOURCE_NS}build/manifest"


@dataclass(frozen=True, slots=True)
class BuildConfig:
    """Where a build reads its vocabulary from and what it writes."""

    lexicon_dir: Path = resource("lexicons")
    ontology_path: Path = resource("ontology.ttl")
    shapes_path: Path = resource("shapes.ttl")
    #: Articles larger than this are rejected (bytes).
    max_article_bytes: int = 2_000_000
    #: Article file suffixes picked up when a folder is given.
    article_suffixes: tuple[str, ...] = field(default=(".txt", ".md", ".html", ".htm"))
    #: Check each article's graph against shapes.ttl; one that does not conform is not written.
    validate: bool = True
