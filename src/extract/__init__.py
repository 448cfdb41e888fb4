"""trial-extract: rule-based extraction of clinical-trial facts.

Public API::

    import extract
    record = extract.extract("... P = 0.036 ... NCT02116634 ...", id="doc1")
    records = extract.extract_file("seeds/000_b5a3d23ea323b22b.txt")
    for record in extract.extract_many(["text one", "text two"]):
        ...
    nlp = extract.load_pipeline()   # the spaCy Language, for your own pipelines

Every call returns :class:`extract.models.TrialRecord` objects, the SPEC.md
output record; a document that cannot be read gives a record with ``error``
set, never an exception.

The API is imported lazily, so ``import extract.normalize.numbers`` (pure
functions) does not pay for importing spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["TrialRecord", "extract", "extract_documents", "extract_file", "extract_many", "load_pipeline"]
__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from extract.api import extract, extract_documents, extract_file, extract_many, load_pipeline
    from extract.models import TrialRecord


def __getattr__(name: str) -> Any:
    if name == "TrialRecord":
        from extract.models import TrialRecord

        return TrialRecord
    if name in __all__:
        from extract import api

        return getattr(api, name)
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
