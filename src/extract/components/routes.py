"""The route component: routes of administration in ``doc.spans["routes"]``.

Matching is :func:`extract.normalize.routes.find_routes`, whose rules are data
in ``patterns/routes.jsonl`` (controlled names of SPEC section 4, their
adjectival, adverbial and abbreviated forms, and the false-route traps).
"""

# No `from __future__ import annotations`: spaCy validates factory signatures
# with pydantic, which needs real (not string) annotations here.

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.base import add_mention, doc_text, ensure_group
from extract.normalize.routes import find_routes

GROUP = "routes"


class RouteComponent:
    """Find routes of administration."""

    def __init__(self, name: str = "trial_routes") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ensure_group(doc, GROUP)
        for m in find_routes(doc_text(doc)):
            add_mention(doc, GROUP, m.start, m.end, {"route": m.route}, m.rule)
        return doc


@Language.factory("trial_routes")
def make_routes(nlp: Language, name: str) -> RouteComponent:
    """spaCy factory: ``nlp.add_pipe("trial_routes")``."""
    return RouteComponent(name)
