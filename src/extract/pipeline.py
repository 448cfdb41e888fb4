"""Build the spaCy pipeline, in a fixed and documented order.

    tokenizer      scispaCy's combined_rule_tokenizer (biomedical text)
    trial_sentences  sentence boundaries (punctuation and line breaks)
    abbreviation_detector  scispaCy: long form <-> short form pairs
    trial_sample_sizes  participant counts and their kind
    trial_doses      doses with Pint-normalized units
    trial_routes     routes of administration
    trial_outcomes   outcome measures (vocabulary, abbreviations, cues)
    trial_p_values   p-values (regex on the text, mapped to token spans)
    trial_registrations  registry ids
    trial_linking    each p-value's outcome

No trained weights are loaded (none can be downloaded here); the pipeline is
``spacy.blank("en")`` plus rules, and needs no network.
"""

from __future__ import annotations

import spacy
from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  (registers "abbreviation_detector")
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.language import Language

import extract.components.doses  # noqa: F401  (registers the factories)
import extract.components.linking  # noqa: F401
import extract.components.outcomes  # noqa: F401
import extract.components.p_values  # noqa: F401
import extract.components.routes  # noqa: F401
import extract.components.sample_sizes  # noqa: F401
import extract.components.registrations  # noqa: F401
import extract.components.sentences  # noqa: F401
import extract.extensions  # noqa: F401

#: Components after the tokenizer, in order.
PIPE_ORDER = (
    "trial_sentences",
    "abbreviation_detector",
    "trial_sample_sizes",
    "trial_doses",
    "trial_routes",
    "trial_outcomes",
    "trial_p_values",
    "trial_registrations",
    "trial_linking",
)


def build_pipeline() -> Language:
    """A new English pipeline with every trial-extract component."""
    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    for name in PIPE_ORDER:
        nlp.add_pipe(name)
    return nlp
