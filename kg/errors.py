"""Errors raised by kg. Library code raises these; only ``kg.cli`` prints them.

::

    KgError                 anything kg reports to a user
    ├── InputError          an article cannot be read (encoding, empty, too large, not text)
    ├── LexiconError        a lexicon file is malformed (file:line named)
    ├── OntologyError       the ontology and the code disagree
    ├── QueryError          a query cannot be parsed or run, or its data cannot be loaded
    └── ValidationError     a graph to validate cannot be loaded, or the shapes cannot be run
"""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error kg reports to a user."""


class InputError(KgError):
    """An input article cannot be read or is not usable."""


class LexiconError(KgError):
    """A lexicon file is malformed."""


class OntologyError(KgError):
    """The ontology is missing or does not declare a term the code uses."""


class QueryError(KgError):
    """A SPARQL query or the data it runs on is unusable."""


class ValidationError(KgError):
    """The data to validate cannot be loaded, or shapes.ttl cannot be loaded or run.

    A graph that breaks the shapes is no error: it gets a report (kg.validate).
    """
