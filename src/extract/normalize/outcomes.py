"""Find outcome measures: a curated vocabulary, abbreviations, and cues.

Pure functions (regex and the vocabulary in ``patterns/outcomes.jsonl``; no
spaCy). The spaCy component ``trial_outcomes`` wraps :func:`find_outcomes`
and passes it scispaCy's abbreviation pairs.

1. **Vocabulary.** Every alias of every entry is indexed by its normalized
   key (SPEC section 5: NFKC, casefold, Greek letters to names, letters and
   digits only), so ``TNF-α``, ``TNF-alpha`` and ``TNFα`` are one key. The
   text is read as words; runs of up to ``max_words`` words joined only by
   hyphens, slashes, brackets or spaces are looked up, longest first.
   Short aliases that are also ordinary words (``CK``, ``VAS``, ``OS``) match
   only in the case the vocabulary gives.
2. **Abbreviations.** A long form and its short form (``ALS functional rating
   scale-revised (ALSFRS)``) are one outcome: when either is in the
   vocabulary, both take its canonical name; when neither is but the long
   form is named as an outcome by a cue, the short form joins it.
3. **Cues.** Outcomes not in the vocabulary are read from how trial reports
   name them: ``the primary outcome was X``, ``secondary outcomes included
   X, Y and Z``, ``X was measured/assessed/evaluated``, registry ``Primary
   Outcome Measure`` fields. Bare ``safety``, ``efficacy``, ``feasibility``
   and ``clinical symptoms`` are never outcomes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from extract.patterns import load_patterns

GREEK_NAMES = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta", "η": "eta",
    "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi",
    "ο": "omicron", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau", "υ": "upsilon",
    "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
}
_NON_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")


def normalize_key(name: str, casefold: bool = True) -> str:
    """The SPEC section 5 normalization of a name (optionally keeping case)."""
    if name.isascii():
        return _NON_ALNUM.sub("", name.lower() if casefold else name)
    s = unicodedata.normalize("NFKC", name)
    if casefold:
        s = s.casefold()
    s = "".join(GREEK_NAMES.get(c.lower(), c) if c.lower() in GREEK_NAMES else c for c in s)
    return _NON_ALNUM.sub("", s)


@dataclass(frozen=True, slots=True)
class OutcomeMatch:
    """One outcome mention (offsets into the text passed in)."""

    name: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class _Entry:
    label: str
    case_sensitive: frozenset[str]  # case-kept keys that must match exactly
    spaced: bool = True  # some alias of this key is written with spaces


class Vocabulary:
    """The outcome vocabulary, indexed by normalized key."""

    def __init__(self, rules: tuple[dict, ...]) -> None:
        self.index: dict[str, _Entry] = {}
        # Every leading part of every alias key: the scan extends a candidate run of
        # words only while its key is still the start of some alias key.
        self.prefixes: set[str] = set()
        self.max_words = 1
        # The longer words of each entry's names: a document that spells an entry's abbreviation out as
        # something sharing none of them uses the letters for something else ("hydrochlorothiazide (HCT)").
        self.words: dict[str, set[str]] = {}
        zh: dict[str, str] = {}
        for rule in rules:
            label = rule["label"]
            self.words.setdefault(label, set()).update(
                w.lower()[:5] for a in (label, *rule.get("pattern", [])) for w in _WORD.findall(a) if len(w) >= 4)
            cs_forms = {normalize_key(f, casefold=False) for f in rule.get("case_sensitive", [])}
            # The label is matched only when it is also a pattern: some labels are
            # words that usually mean something else when bare (insulin, AIS, MAS).
            for alias in rule.get("pattern", []):
                key = normalize_key(alias)
                if not key:
                    continue
                if _SHORT_CAPS.fullmatch(alias):
                    # "AIMS", "ACT", "MALE": an all-capital short alias is an abbreviation, not the word
                    cs_forms.add(normalize_key(alias, casefold=False))
                cs = frozenset(f for f in cs_forms if f.casefold() == key)
                if key in self.index and self.index[key].label != label:
                    continue  # first entry wins; the vocabulary test forbids such clashes
                prev = self.index.get(key)
                spaced = prev.spaced if prev else False
                self.index[key] = _Entry(label, cs | (prev.case_sensitive if prev else frozenset()),
                                         spaced or bool(regex.search(r"\s", alias)))
                self.max_words = max(self.max_words, len(_WORD.findall(alias)))
                self.prefixes.update(key[:k] for k in range(1, len(key) + 1))
            for alias in rule.get("zh", []):
                zh.setdefault(alias, label)
        self.max_words = min(self.max_words, 10)
        # Chinese has no spaces between words: its aliases are found as substrings.
        self.zh = zh
        self._zh_re: regex.Pattern[str] | None = None

    @property
    def zh_re(self) -> regex.Pattern[str] | None:
        """One alternation of the Chinese aliases, longest first; compiled on the first Chinese text
        (it is large, and most runs never need it)."""
        if self._zh_re is None and self.zh:
            self._zh_re = regex.compile("|".join(regex.escape(a) for a in sorted(self.zh, key=len, reverse=True)))
        return self._zh_re

    def lookup(self, surface: str) -> str | None:
        """The canonical name for a surface form, or None."""
        key = normalize_key(surface)
        entry = self.index.get(key)
        if entry is None:
            return None
        if entry.case_sensitive and normalize_key(surface, casefold=False) not in entry.case_sensitive:
            return None
        if not entry.spaced and _SPACE.search(surface):
            return None  # "Kim 1" is not KIM-1, "AC T" is not ACT
        if surface.count("(") != surface.count(")"):
            return None  # "ALSFRS-R) score": a name does not cross a bracket it did not open
        return entry.label


# Words of Latin-script names; a run of Chinese characters is not a word here
# (Chinese aliases are found as substrings), so "相比ALB、TBIL" still yields ALB.
_WORD = regex.compile(r"[\p{Latin}\p{Greek}\p{N}]+(?:['’]\p{Latin}+)?")
# What may join two words of one name: spaces, hyphens, slashes, brackets, plus signs, dots in "25(OH)D".
_JOINER = regex.compile(r"[ \-‐/()+·.,']{0,3}")
_HAN = regex.compile(r"\p{Han}")
_SPACE = regex.compile(r"\s")
_TWO_LETTERS = regex.compile(r"\p{L}{2}")
_AND = regex.compile(r"\band\b")
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
_ACRONYM = regex.compile(r"[A-Z0-9][A-Za-z0-9αβγδκ+/-]*[A-Z0-9][A-Za-z0-9αβγδκ+/-]*")
_SHORT_CAPS = regex.compile(r"[A-Z]{2,5}")
_HARD_STOP = regex.compile(r"[.,;:!?]\s|[;:!?]")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shared vocabulary, loaded once."""
    return Vocabulary(load_patterns("outcomes"))


# --------------------------------------------------------------------------- cues

_NOT_OUTCOMES = frozenset(
    normalize_key(w) for w in (
        "safety", "efficacy", "feasibility", "tolerability", "clinical symptoms", "symptoms", "outcome", "outcomes",
        "parameters", "data", "results", "effect", "effects", "efficacy and safety", "safety and efficacy",
        "patients", "the study", "treatment", "therapy", "benefit", "clinical outcome", "clinical outcomes",
        "primary outcome", "secondary outcomes", "response", "changes", "change", "the effect", "improvement",
        "difference", "differences", "variables", "endpoints", "end points", "measures", "the primary endpoint",
        "clinical efficacy", "safety profile", "clinical benefit", "efficacy outcomes", "safety outcomes",
        "this", "it", "they", "these", "both", "all", "each", "assessment", "which", "that", "who", "those", "them",
        "primary", "secondary",
    )
)
_CUE_LIST = regex.compile(
    r"\b(?:primary|secondary|main|co-?primary|principal|key\s+secondary|exploratory|other)\s+"
    r"(?:efficacy\s+|safety\s+)?(?:outcomes?|end\s?-?points?|outcome\s+measures?|measures?|parameters?|variables?)"
    r"(?:\s+measures?)?(?:\s*\(s\))?\s*(?:was|were|will\s+be|will\s+include|included|includes?|is|are|comprised|"
    r"consisted\s+of|:|as)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?P<list>[^.;\n]{3,250})",
    regex.I,
)
# The same lists without "primary"/"secondary": "Outcome measures included X, Y and Z", "Child outcomes
# included ...", "Clinical measures assessed were ...", and the structured-abstract header "MAIN OUTCOME
# MEASURE(S) X, Y, Z". A bare "outcomes were" is left out: "Outcomes were similar in both groups".
_CUE_LIST_BARE = regex.compile(
    r"(?:\b(?:outcome\s+measures?|(?:child|clinical|study|maternal|neonatal|infant|patient|health|functional)\s+"
    r"(?:outcome\s+measures?|measures?(?:\s+(?:assessed|evaluated|used|recorded|measured))?))(?:\s*\(s\))?"
    r"\s*(?:was|were|will\s+be|will\s+include|included|includes?|comprised|consisted\s+of|:)|"
    r"\b(?:child|clinical|study|maternal|neonatal|infant|patient|health|functional)\s+outcomes\s*"
    r"(?:will\s+be|will\s+include|included|includes?|comprised|consisted\s+of|:)|"
    r"(?-i:\b(?:MAIN\s+)?OUTCOME\s+MEASURES?(?:\s*\(S\))?|\bMAIN\s+OUTCOMES?(?:\s+(?:AND\s+)?MEASURES?)?(?:\s*\(S\))?)(?=\s*:?\s+\p{Lu}))"
    r"\s*:?\s+(?:the\s+|a\s+|an\s+)?(?P<list>[^.;\n]{3,250})",
    regex.I,
)
# "X was measured": found from the verb (cheap to scan for), then the noun
# phrase is read backwards from it; one regex over every position would backtrack.
_CUE_MEASURED_VERB = regex.compile(
    r"\s+(?:was|were)\s+(?:also\s+)?(?:measured|assessed|evaluated|recorded|determined|monitored|quantified|"
    r"analy[sz]ed|examined)\b",
    regex.I,
)
_NP_BEFORE = regex.compile(r"(?:[\p{L}\p{N}][\p{L}\p{N}'+-]*\s+){0,4}[\p{L}\p{N}][\p{L}\p{N}'+-]*$")
# "The following outcomes were assessed using an isokinetic dynamometer as markers of ...: A, B, C": the list
# after the colon; "The most common adverse events were A, B and C".
_CUE_FOLLOWING = regex.compile(
    r"\bfollowing\s+(?:\w+\s+){0,2}?(?:outcomes?|measures?|variables?|parameters?|end\s?-?points?)\s+"
    r"(?:were|was|will\s+be)\s+(?:\w+\s+)?(?:assessed|measured|evaluated|recorded|collected|examined|determined|"
    r"analy[sz]ed|used|compared)\b[^:.;]{0,150}:\s*(?P<list>[^.;\n]{3,250})|"
    r"\b(?:most\s+(?:common|frequent|frequently\s+reported|prevalent)|commonest)\s+(?:\w+\s+)?"
    r"(?:adverse\s+(?:events?|effects?|reactions?)|side[\s-]effects?|complications?|toxicit(?:y|ies)|(?-i:T?E?AEs|ADRs|SAEs))\s+"
    r"(?:were|was|included|includes?|:)\s+(?P<list>[^.;\n()]{3,200})",
    regex.I,
)
# "with dizziness the most common adverse event", "Fatigue ... was the most prevalent chronic side effect".
_MOST_COMMON_AE = regex.compile(
    r"(?:\s+(?:was|were))?\s+(?:being\s+)?the\s+(?:most\s+(?:common|frequent|frequently\s+reported|prevalent)|commonest)"
    r"\s+(?:\w+\s+)?(?:adverse\s+(?:events?|effects?|reactions?)|side[\s-]effects?|complications?|toxicit(?:y|ies))\b",
    regex.I,
)
_CUE_REGISTRY = regex.compile(
    r"(?:Primary|Secondary)\s+Outcome\s+Measures?\s*[:\n]\s*(?:Name\s+Time\s+Method\s+)?(?P<list>[^\n]{3,250})",
    regex.I,
)
# An objective naming what an intervention acts on: "To assess the effects of synthetic GLP-1 on fundus tone
# and volume waves, gastric compliance, and perception of gastric distension", "we compared the effect of A
# and B on growth and micronutrient status". The list after "on" is what was measured. Found from "effect(s)
# of" (cheap to look for); the objective verb must come before it in the same sentence.
_EFFECT_ON = regex.compile(
    r"\beffects?\s+of\s+(?:[^.;:\n](?!\bon\b)){1,120}?[^.;:\n]\s+on\s+(?:the\s+|their\s+|its\s+)?(?P<list>[^.;:\n()]{3,200})",
    regex.I,
)
_OBJECTIVE_BEFORE = regex.compile(
    r"\b(?:to\s+(?:assess|evaluate|investigate|examine|determine|compare|study|test|explore|measure|establish|"
    r"clarify|quantify|characteri[sz]e|describe|document)|(?:we|study|trial|studies|trials)\s+(?:assessed|evaluated|investigated|examined|"
    r"determined|compared|studied|tested|explored|measured)|(?:aims?|objectives?|purpose|goals?)\s+(?:of\s+[^.;]{0,60}?)?"
    r"(?:was|were|is|are)\s+to\s+\w+|(?:AIMS?|OBJECTIVES?|PURPOSE)\s*:?)\s+(?:\w+\s+){0,3}?(?:the\s+)?"
    r"(?:\w+\s+){0,2}?$",
    regex.I,
)
# "The effect of the micronutrients on the outcome variables growth, ... and bone health were assessed."
_ASSESSED_AFTER = regex.compile(
    r"\s+(?:was|were)\s+(?:also\s+)?(?:assessed|measured|evaluated|examined|studied|investigated|determined|compared)\b",
    regex.I,
)
_ITEM_SPLIT = regex.compile(r"\s*(?:,\s*(?:and|or)\s+|,|;|\band\b|\bor\b|\bas\s+well\s+as\b)\s*", regex.I)
_ITEM_TRIM_AFTER = regex.compile(
    r"\s+(?:at|after|during|from|by|using|over|within|before|between|in\s+(?:the|both|each|all|patients)|"
    r"on\s+day|measured|assessed|evaluated|was|were|which|that|compared|versus|vs\.?|for\s+\d|up\s+to|every|nor|"
    r"of\s+(?:the|all|these)\s+(?:[\w-]+\s+){0,3}(?:members|patients|participants|subjects|children|women|"
    r"men|infants|adults|residents|users)|"
    r"[(\[]|\d)\b.*$",
    regex.I,
)
_ITEM_TRIM_BEFORE = regex.compile(
    r"^(?:the|a|an|changes?\s+(?:from\s+baseline\s+)?in|change\s+of|improvements?\s+in|reductions?\s+in|"
    r"(?:lower|higher|reduced|increased|greater|less|more)\s+(?:incidence|rates?|risk|number|frequency)\s+of|"
    r"development\s+of|"
    r"increases?\s+in|decreases?\s+in|mean|median|overall|total|incidence\s+of|occurrence\s+of|number\s+of|"
    r"rates?\s+of|levels?\s+of|serum|plasma|effect\s+of|effects\s+of|assessment\s+of|evaluation\s+of|suppression\s+of|"
    r"(?:subjective\s+|objective\s+)?measures?\s+of|(?:\w+/)?\w+\s+reports?\s+of)\s+",
    regex.I,
)
# "these outcomes", "Primary efficacy endpoints", "five outcomes": words about outcomes, naming none.
_GENERIC_ITEM = regex.compile(
    r"(?:(?:this|these|those|the|all|following|other|several|both|each|some|many|two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+|primary|secondary|major|main|key|co-?primary|principal|exploratory|"
    r"efficacy|safety|study|trial)\s+)*"
    r"(?:outcomes?|end\s?-?points?|outcome\s+measures?|measures?|variables?|parameters?)",
    regex.I,
)
# "assessment by the Digit Symbol Substitution Test": the instrument is the measure (read before the
# words after "by" are cut off).
_ITEM_INSTRUMENT = regex.compile(r"^(?:the\s+)?(?:assessments?|evaluation|measurement)\s+(?:by|with|using)\s+(?:the\s+|a\s+)?", regex.I)
# "Aldrete score = 9", "NIHSS ≥ 4": a threshold after the name is not part of it.
_ITEM_THRESHOLD = regex.compile(r"\s*(?:[=<>≤≥]|<\s*or\s*=|>\s*or\s*=).*$")


# Times, visits and procedure words are not measures ("at 6 months", "12th", "every 6 months").
_NOT_AN_ITEM = regex.compile(
    r"^(?:at|every|each|in|on|by|from|to|after|before|up|of|with|for|\d|confirmed|defined|measured|assessed|placebo|"
    r"safety|efficacy|feasibility|tolerability|(?:primary|secondary|main)?\s*outcomes?)\b|^\d|"
    r"(?:months?|weeks?|days?|years?|hours?|wks?|yrs?|baseline|visits?|"
    r"\d+(?:st|nd|rd|th))\b|[\[\]]|^\S{1,2}$",
    regex.I,
)


def _clean_item(item: str) -> str | None:
    item = item.strip(" \t\"'()[]")
    if item[:1] in "aAeEmMtT":
        item = _ITEM_INSTRUMENT.sub("", item)
    if any(c in item for c in "=<>≤≥"):
        item = _ITEM_THRESHOLD.sub("", item)
    item = _ITEM_TRIM_AFTER.sub("", item)
    for _ in range(3):
        new = _ITEM_TRIM_BEFORE.sub("", item)
        if new == item:
            break
        item = new
    item = item.strip(" \t\"'()[],.")
    words = item.split()
    if not words or len(words) > 6 or len(item) < 3:
        return None
    if _NOT_AN_ITEM.search(item) or item.count("(") != item.count(")"):
        return None
    if normalize_key(item) in _NOT_OUTCOMES or not _TWO_LETTERS.search(item) or _GENERIC_ITEM.fullmatch(item):
        return None
    return item


# --------------------------------------------------------------------------- where outcomes are not named

# A "?" that stands for a lost "±" ("34.7 ? 9.9%") or another lost symbol before a number or a
# lower-case word ("decreased ? power") does not end a sentence.
# A "." before a digit is a decimal point ("an ejection fraction less than 0.40 were excluded"), not an end.
_SENTENCE = regex.compile(r"[^.!?。\n]+(?:\.(?=\d)[^.!?。\n]*)*(?:[.!?。]+|\n|$)")
_LOST_SYMBOL_AFTER = regex.compile(r"\s?[\d\p{Ll}]")


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence; a piece ending in a "?" that stands for a lost symbol joins the next."""
    start = None
    for m in _SENTENCE.finditer(text):
        if start is None:
            start = m.start()
        if m.group().endswith("?") and (_LOST_SYMBOL_AFTER.match(text, m.end()) or m.group().endswith("-?")):
            # "tumor necrosis factor-?": a "?" glued to a hyphen is a lost Greek letter
            continue
        yield start, m.end()
        start = None
    if start is not None:
        yield start, len(text)
_CRITERIA = regex.compile(
    r"\b(?:inclusion|exclusion)\s+criteri\w+|\beligib\w+|\bwere\s+excluded\b|\bexclud\w+\s+if\b|"
    r"\bpatients\s+with\b[^.]{0,60}\bwho\s+were\s+scheduled\b|\bincluded\s+patients\s+with\b",
    regex.I,
)
_CRITERIA_HEADER = regex.compile(r"(?m)^\W*(?:Inclusion|Exclusion|Eligibility)\s+Criteria\b.*$", regex.I)
_SECTION_HEADER = regex.compile(
    r"(?m)^\W*(?:Study\s*&?\s*Design|Study\s+Type|Arms?\b|Interventions?|Primary\s+Outcome|Secondary\s+Outcome|"
    r"Outcome\s+Measures?|Recruitment|Trial\s+Locations?|Locations?|Sponsor|Conditions?|Related\s+Research|"
    r"Brief\s+Summary|Detailed\s+Description|Results?|Participant\s+Flow|Baseline)\b"
)
_METHODS_MARK = regex.compile(
    r"\b(?:METHODS?|Methods?\s*[:.]|Materials\s+and\s+methods|PATIENTS\s+AND\s+METHODS|Patients\s+and\s+methods|"
    r"DESIGN|Design\s*[:,]|We\s+(?:enrolled|randomi[sz]ed|conducted|performed|included|recruited|designed|studied)|"
    r"In\s+(?:this|a)\s+(?:\w+[\s,-]+){0,5}(?:study|trial)|This\s+(?:\w+[\s,-]+){0,5}(?:study|trial)\s+(?:was|is|"
    r"determined|evaluated|assessed|examined|investigated|compared|tested)|"
    r"were\s+randomi[sz]ed|were\s+enrolled|were\s+included|MÉTODOS|Métodos|Material\s+y\s+métodos)"
)
_BACKGROUND_HEADER = regex.compile(
    r"\b(?:SUMMARY\s+OF\s+BACKGROUND\s+DATA|BACKGROUND(?:\s+AND\s+(?:AIMS?|PURPOSE|OBJECTIVES?))?|INTRODUCTION)\b")
_NEXT_HEADER = regex.compile(
    r"\b(?:METHODS?|OBJECTIVES?|AIMS?|PURPOSE|DESIGN|RESULTS?|PATIENTS|MATERIALS?|SETTING|PARTICIPANTS|"
    r"INTERVENTIONS?|CONCLUSIONS?|FINDINGS)\b")
_OBJECTIVE = regex.compile(
    r"\b(?:aims?\s+(?:to|of|was)|aimed|objectives?|purpose|goal|to\s+(?:evaluate|assess|determine|investigate|"
    r"compare|examine|verify|test)|we\s+(?:evaluated|assessed|investigated|compared|examined|hypothesi[sz]ed))\b",
    regex.I,
)
# Baseline characteristics describe who was enrolled, not what was measured.
_CRITERIA_WORDS = ("criteri", "eligib", "exclud", "scheduled", "included")
_BASELINE_WORDS = ("age", "baseline", "demographic")
_BASELINE = regex.compile(r"\bmean\s+(?:\(s\.?d\.?\)\s+)?age\b|\bbaseline\s+characteristics\b|\bdemographic", regex.I)
# Background sentences state no numbers; a sentence with digits or Chinese before
# an English "Methods" is a result (a bilingual page puts its Chinese abstract first).
_RESULT_LIKE = regex.compile(r"\d|\p{Han}")
# A name that is a drug target or a vehicle here, not a measure.
_NOT_BEFORE = regex.compile(
    r"(?:\banti-?\s?|\bprogrammed\s+|\b(?:kg|kilogram|kilograms)\s+of\s+|/kg\s+of\s+|"
    r"\bdiagnos\w*\s+(?:via|by|with|on)\s+(?:a\s+|an\s+)?|\bconfirmed\s+(?:by|with)\s+|\bguided\s+by\s+)$",
    regex.I,
)
_NOT_AFTER = regex.compile(
    r"\s?-?(?:receptors?|inhibitors?|antagonists?|antibod\w+|blockers?|chloride|injections?|infusions?|solution|"
    r"-?1\s+monotherapy|pathway|therapy|agonists?|absorptiometry|workload)\b",
    regex.I,
)


def skip_zones(text: str) -> list[tuple[int, int]]:
    """Stretches of text that name measures without reporting them as outcomes.

    Eligibility criteria (sentences and registry sections), questions
    (registry pages list "related research" questions), and background
    sentences before the methods of a document that has a methods part.
    """
    zones: list[tuple[int, int]] = []
    for h in _CRITERIA_HEADER.finditer(text):
        nxt = _SECTION_HEADER.search(text, h.end())
        zones.append((h.start(), nxt.start() if nxt else min(len(text), h.end() + 1500)))
    methods = _METHODS_MARK.search(text)
    # A BACKGROUND section after an early "STUDY DESIGN" or "OBJECTIVE" header is background all the same.
    background = []
    if methods and ("BACKGROUND" in text or "INTRODUCTION" in text):
        for h in _BACKGROUND_HEADER.finditer(text, methods.end()):
            nxt = _NEXT_HEADER.search(text, h.end())
            background.append((h.start(), nxt.start() if nxt else len(text)))
    lowered = text.lower()
    same_length = len(lowered) == len(text)
    for a, b in _sentences(text):
        sent = text[a:b]
        low = lowered[a:b] if same_length else sent.lower()
        # the words each pattern needs, tested first (a regex search of every sentence costs more)
        if ((any(w in low for w in _CRITERIA_WORDS) and _CRITERIA.search(sent))
                or (any(w in low for w in _BASELINE_WORDS) and _BASELINE.search(sent)) or sent.rstrip().endswith("?")):
            zones.append((a, b))
        elif ((methods and b <= methods.start()
               or any(bs <= a + len(sent) - len(sent.lstrip()) and b <= be for bs, be in background))
              and not _OBJECTIVE.search(sent) and not _RESULT_LIKE.search(sent)):
            zones.append((a, b))
    return zones


def _in_zones(start: int, end: int, zones: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in zones)


# "patients with length of stay < 3 days", "women with an HbA1c of ≥ 7%": a threshold on a measure after
# "with" says who took part, not what was measured.
_WITH_BEFORE = regex.compile(r"\bwith\s+(?:an?\s+|the\s+)?$", regex.I)
_SHARE_WITH = regex.compile(r"\b(?:proportion|percentage|number|rate|share)\s+of\s+(?:\w+\s+){1,3}with\s+(?:an?\s+|the\s+)?$", regex.I)
# "at 50% VO2 peak workload", "70% of VO2max", "20 +/- 7% body fat": a share of a measure sets an exercise
# intensity or describes who took part; the measure itself is not what was compared.
_PERCENT_OF = regex.compile(
    r"\d\s*%\s*of\s+(?:the\s+|their\s+|each\s+)?$|(?:\bat\s+|±\s*|\+/-\s*)\d+(?:\.\d+)?\s*%\s*$")
# "subjects with impaired glucose tolerance", "patients with high blood pressure": a condition of who took part.
_CONDITION_BEFORE = regex.compile(
    r"\b(?:with|had|having)\s+(?:an?\s+)?(?:impaired|abnormal|elevated|high|low|raised|reduced|poor|preserved)\s+$",
    regex.I,
)
_CONDITION_WORDS = frozenset("impaired abnormal elevated high low raised reduced poor preserved".split())
# "Adults with systolic BP 120-159 mm Hg": a range after the measure says who was eligible.
_RANGE_AFTER = regex.compile(r"\s*(?:of\s+)?\d+(?:\.\d+)?\s*(?:-|–|to)\s*\d")
_THRESHOLD_AFTER = regex.compile(r"\s*(?:of\s+)?(?:[<>≤≥]|<\s*or\s*=|>\s*or\s*=)\s*\d")


def _excluded_here(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20):start]
    if _NOT_BEFORE.search(before) or _NOT_AFTER.match(text, end):
        return True
    if "%" in before and _PERCENT_OF.search(before):
        return True
    last = before.rsplit(None, 1)[-1].lower() if before[-1:] == " " and before.strip() else ""
    if last in _CONDITION_WORDS and _CONDITION_BEFORE.search(text[max(0, start - 40):start]):
        return True
    if _RANGE_AFTER.match(text, end) and _WITH_BEFORE.search(before):
        return True
    if not (_THRESHOLD_AFTER.match(text, end) and _WITH_BEFORE.search(before)):
        return False
    return not _SHARE_WITH.search(text[max(0, start - 60):start])


# --------------------------------------------------------------------------- finding


def _vocab_mentions(text: str, vocab: Vocabulary) -> list[OutcomeMatch]:
    """Longest vocabulary matches, left to right, over runs of joined words."""
    words = list(_WORD.finditer(text))
    # A word of ASCII letters and digits is its own key once lower-cased; only
    # the others need the full normalization.
    keys = [w.lower() if w.isascii() and w.isalnum() else normalize_key(w) for w in (m.group() for m in words)]
    n_words = len(words)
    prefixes, index = vocab.prefixes, vocab.index
    out: list[OutcomeMatch] = []
    i = 0
    while i < n_words:
        key = keys[i]
        if not key or key not in prefixes:
            i += 1
            continue
        candidates = []
        j = i
        while True:
            if key in index:
                candidates.append(j)
            if j + 1 >= n_words or j - i + 1 >= vocab.max_words:
                break
            longer = key + keys[j + 1]
            # The set lookup first: it rules out most pairs before the gap regex runs.
            if longer not in prefixes or not _gap_ok(text[words[j].end():words[j + 1].start()]):
                break
            key = longer
            j += 1
        best = None
        for j in reversed(candidates):  # longest first; a longer one may fail its case check
            label = vocab.lookup(text[words[i].start():words[j].end()])
            if label is not None:
                best = (j, label)
                break
        if best is None:
            i += 1
            continue
        j, label = best
        out.append(OutcomeMatch(label, words[i].start(), words[j].end(), "vocabulary"))
        i = j + 1
    return out


def _gap_ok(gap: str) -> bool:
    """True when two words are joined by name-internal separators only."""
    return len(gap) <= 3 and "\n" not in gap and not _HARD_STOP.search(gap) and bool(_JOINER.fullmatch(gap))


def _cue_mentions(text: str, vocab: Vocabulary) -> list[OutcomeMatch]:
    out: list[OutcomeMatch] = []
    lowered = text.lower()
    for pat, rule in ((_CUE_LIST, "cue_list"), (_CUE_LIST_BARE, "cue_list"), (_CUE_REGISTRY, "cue_registry"),
                      (_CUE_FOLLOWING, "cue_list")):
        if pat is _CUE_FOLLOWING:
            matches = _following_cues(text, lowered)
        elif pat is _CUE_LIST_BARE:
            matches = _bare_cues(text)
        elif pat is _CUE_LIST:
            matches = _list_cues(text, lowered)
        else:
            matches = list(pat.finditer(text))
        for m in matches:
            base = m.start("list")
            for part in _split_items(m.group("list")):
                item = _clean_item(part[0])
                if item is None:
                    continue
                pos = text.find(item, base + part[1])
                if pos < 0:
                    continue
                out.append(OutcomeMatch(_cue_name(item, vocab), pos, pos + len(item), rule))
    pos = lowered.find("effect")
    while pos >= 0:
        m = _EFFECT_ON.match(text, pos)
        if m is not None and (_OBJECTIVE_BEFORE.search(text, max(0, _sentence_start(text, pos), pos - 200), pos)
                              or _ASSESSED_AFTER.search(text, m.start("list"), m.end())):
            out.extend(_effect_on_items(text, m, vocab))
        pos = lowered.find("effect", pos + 6)
    for word, verb in ((" was the ", 5), (" was a ", 5), (" was an ", 5), (" was our ", 5), (" were the ", 6),
                       (" was used ", 5), (" were used ", 6)):
        pos = lowered.find(word)
        while pos >= 0:
            if _ROLE_AFTER.match(text, pos + verb):
                m = _role_subject(text, pos, vocab)
                if m is not None:
                    out.append(m)
            pos = lowered.find(word, pos + len(word))
    pos = lowered.find(" the most ")
    while pos >= 0:
        out.extend(_most_common_subject(text, pos, vocab))
        pos = lowered.find(" the most ", pos + 10)
    for verb in _CUE_MEASURED_VERB.finditer(text):
        np_start = max(0, verb.start() - 80)
        m = _NP_BEFORE.search(text, np_start, verb.start())
        if m is None:
            continue
        if _AND.search(m.group()):
            # "Ease of insertion, quality of airway seal and fibre-optic view were examined": a list
            # that is the whole subject of its sentence gives each of its items.
            out.extend(_measured_list(text, verb.start(), vocab))
            continue
        # The noun phrase must be the subject: "patients who had no metastases at the time of random
        # assignment were analyzed" names no measure.
        before = text[max(0, m.start() - 30):m.start()]
        if before[-1:].isspace() and _last_word(before) in _PREP_BEFORE:
            continue
        item = _clean_item(m.group())
        if item is None or _AND.search(item) or _last_word(item) in _PEOPLE:
            continue
        pos = text.find(item, m.start())
        if pos >= 0:
            out.append(OutcomeMatch(_cue_name(item, vocab), pos, pos + len(item), "cue_measured"))
    return out


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (after the last ". ", "; " or line break before it)."""
    ends = [i + len(mark) for mark in (". ", "; ", "\n") if (i := text.rfind(mark, 0, pos)) >= 0]
    return max(ends, default=0)


def _effect_on_items(text: str, m: regex.Match[str], vocab: Vocabulary) -> list[OutcomeMatch]:
    """The measures listed after "the effect(s) of X on": not people or settings ("on patients with ...")."""
    out = []
    base = m.start("list")
    listed = m.group("list")
    lead = _EFFECT_LIST_LEAD.match(listed)
    if lead is not None:  # "on the outcome variables growth, biochemical status, ..."
        listed, base = listed[lead.end():], base + lead.end()
    assessed = _ASSESSED_AFTER.search(listed)
    if assessed is not None:
        listed = listed[:assessed.start()]  # "... and bone health were assessed"
    cut = _EFFECT_SUBGROUPS.search(listed)
    if cut is not None:
        listed = listed[:cut.start()]  # "on death according to time to treatment, severity of ...": subgroups follow
    for part, offset in _split_items(listed):
        item = _clean_item(_EFFECT_TAIL.sub("", part))
        if item is None or item.split()[0].lower() in _PEOPLE or _last_word(item) in _PEOPLE:
            continue
        item = _EFFECT_GERUND.sub("", item)  # "on reducing oxidative damage"
        words = item.split()
        first = words[0].lower()
        if first in _PREP_BEFORE or first in _EFFECT_NOT_FIRST or _last_word(item) in _EFFECT_NOT_LAST:
            continue  # "during abdominal aneurysm resection", "the preweaning and postweaning periods"
        if len(words) == 1 and (first in _SPECIMENS or _ADJECTIVE_ONLY.fullmatch(first)):
            continue  # "on systolic and diastolic blood pressure", "in human tears and saliva"
        if _ADJECTIVE_LAST.fullmatch(words[-1]):
            continue  # "muscle Electromyographic (EMG) patterns", "cutaneous and muscle pain models": cut off
        pos = text.find(item, base + offset)
        if pos >= 0:
            out.append(OutcomeMatch(_cue_name(item, vocab), pos, pos + len(item), "cue_effect"))
    return out


_EFFECT_LIST_LEAD = regex.compile(
    r"(?:(?:primary|secondary|main)\s+)?(?:outcome\s+(?:variables|measures|parameters)|outcomes|end\s?points|variables|"
    r"parameters)\s+(?:of\s+)?",
    regex.I,
)
_EFFECT_SUBGROUPS = regex.compile(
    r"\s+(?:according\s+to|stratified\s+by|depending\s+on|in\s+relation\s+to|with\s+respect\s+to|by\s+(?:subgroups?|"
    r"baseline|time|age|sex|severity))\b",
    regex.I,
)
_EFFECT_NOT_LAST = frozenset("period periods phase phases day days week weeks month months year years time times "
                             "session sessions visit visits stage stages model models study trial design aspects "
                             "parameters variables".split())
_EFFECT_NOT_FIRST = frozenset("under other treatment management therapy prevention use".split())
_SPECIMENS = frozenset("saliva urine blood serum plasma tears sputum stool feces faeces tissue tissues".split())
_ADJECTIVE_ONLY = regex.compile(r"\p{L}+(?:ic|al|ive|ous|ary)", regex.I)
_ADJECTIVE_LAST = regex.compile(r"\p{L}+(?:ic|ous|ive)", regex.I)
_EFFECT_GERUND = regex.compile(r"^(?:reducing|improving|increasing|decreasing|preventing|lowering|enhancing|"
                               r"promoting|raising|changing|modifying)\s+(?=\S+)", regex.I)
# What ends a measure named after "effect of X on": the population or setting, or a purpose clause.
_EFFECT_TAIL = regex.compile(
    r"\s+(?:in|among|for|within|following|after|during|when|while|to|through|across)\s+"
    r"(?=(?:[\w-]+\s+){0,3}(?:patients?|subjects?|participants?|children|adults?|women|men|infants?|volunteers?|"
    r"people|individuals?|rats?|mice|dogs?|elderly|smokers|users|residents|students|workers|healthy|those|"
    r"schoolchildren|pupils|girls|boys|mothers|neonates|newborns|pregnan\w*|persons|populations?|cohorts?|"
    r"survivors|athletes|nurses|physicians|families|cases|outpatients|inpatients)\b).*$"
    r"|\s+(?:in|during|after|following|at)\s+(?:\w+\s+){0,2}(?:surgery|pregnancy|hospitali[sz]ation|ICU|hospital|"
    r"school|home|practice|settings?)\b.*$"
    r"|\s+of\s+(?:the\s+|these\s+|our\s+)?(?:[\w-]+\s+)?(?:patients?|subjects?|participants?|children|adults?|women|men|"
    r"infants?|volunteers?|people|individuals?|smokers|users|residents|students|workers|schoolchildren|pupils|girls|boys|"
    r"mothers|neonates|newborns)\b.*$"
    r"|\s+(?:as|by|using|with|via|when|while|if|because|and\s+to|compared)\s+.*$",
    regex.I,
)


# A word that makes the noun phrase after it the object of a preposition or a relative clause.
_PREP_BEFORE = frozenset(
    "at of in on for with without to from by into during among between than who whom whose which that had have "
    "has not".split()
)
# People and groups are who was assessed, not what was measured ("Age-matched typical children were also assessed").
_PEOPLE = frozenset(
    "children child patient patients subject subjects participant participants volunteer volunteers women men "
    "infant infants adult adults control controls group groups individual individuals person persons people cases "
    "mother mothers neonate neonates student students respondent respondents sample samples specimen specimens".split()
)


def _last_word(s: str) -> str:
    """The last space-separated word of ``s``, lower-cased ("" when none)."""
    parts = s.rsplit(None, 1)
    return parts[-1].lower() if parts else ""
# Heads that name a class of measures, not one: "Respiratory markers ... and specific serum cytokines were assessed".
_VAGUE_HEAD = regex.compile(
    r"\b(?:markers?|parameters?|variables?|indicators?|indices|characteristics|measures?|cytokines|data|"
    r"findings|tests?|outcomes?|function)$",
    regex.I,
)
_HEADING_WORD = regex.compile(
    r"\b(?:METHODS?|RESULTS?|DESIGN|SETTING|PATIENTS|PARTICIPANTS|INTERVENTIONS?|BACKGROUND|OBJECTIVES?|"
    r"CONCLUSIONS?|MEASUREMENTS|MATERIALS?)\b"
)
_FINITE_VERB = regex.compile(r"\b(?:was|were|is|are|had|has|have|been|be)\b", regex.I)


# A leading time or circumstance phrase, up to the last comma before a final "A and B".
_INTRO_PHRASE = regex.compile(
    r"\s*(?:After|At|In|During|On|Before|Then|Thereafter|Subsequently|Additionally|Also|Finally|Every|Each|Within)"
    r"\b[^;]*,\s+(?=[^,]*\band\b[^,]*$)"
)


def _measured_list(text: str, verb_start: int, vocab: Vocabulary) -> list[OutcomeMatch]:
    """The items of "A, B and C were measured" when the list runs from the start of its sentence."""
    sent_start = max(text.rfind(". ", 0, verb_start), text.rfind("\n", 0, verb_start), text.rfind("; ", 0, verb_start))
    sent_start = 0 if sent_start < 0 else sent_start + 1
    if verb_start - sent_start > 200:
        return []
    chunk = text[sent_start:verb_start]
    intro = _INTRO_PHRASE.match(chunk)
    if intro is not None:
        # "After 10, 20, 60, 150 and 240 min, nasal itching and nasal obstruction were assessed": the list
        # starts after the introductory phrase
        sent_start += intro.end()
        chunk = text[sent_start:verb_start]
    parts = [p for p in _split_items(chunk) if p[0].strip()]
    if len(parts) < 2 or _FINITE_VERB.search(chunk) or _HEADING_WORD.search(chunk):
        return []
    items = []
    for part, off in parts:
        item = _clean_item(part)
        if item is None or len(item.split()) > 5 or _last_word(item) in _PEOPLE or _VAGUE_HEAD.search(item):
            return []
        if " " not in item and not _is_acronym(item) and vocab.lookup(item) is None:
            return []  # "Pain and function were assessed using VAS and WOMAC": the instruments name the measures
        items.append((item, sent_start + off))
    out = []
    for item, off in items:
        pos = text.find(item, off)
        if pos >= 0:
            out.append(OutcomeMatch(_cue_name(item, vocab), pos, pos + len(item), "cue_measured"))
    return out


# "suppression of serum thromboxane B (2) (TXB (2)) was a secondary endpoint", "Twenty-four-hour urinary
# norepinephrine excretion (24-h NE) was used as an estimate of sympathetic nervous system activity".
_ROLE_AFTER = regex.compile(
    r"(?:the|a|an|our)\s+(?:primary|secondary|main|principal|co-?primary|key)\s+(?:efficacy\s+)?"
    r"(?:end\s?-?points?|outcomes?(?:\s+measures?)?)\b|"
    r"used\s+(?:as\s+)?(?:an?\s+)?(?:estimate|measure|index|marker|indicator|surrogate)\s+of\b",
    regex.I,
)


def _role_subject(text: str, verb: int, vocab: Vocabulary) -> OutcomeMatch | None:
    """The subject of "X was a secondary endpoint", read back to the start of its clause."""
    start = max(text.rfind(". ", 0, verb) + 2, text.rfind("; ", 0, verb) + 2, text.rfind("\n", 0, verb) + 1, 0)
    head = text[start:verb]
    if len(head) > 150:
        return None
    head = _CLAUSE_LEAD.sub("", _LAST_THE.sub("", head.strip()))
    item = _clean_item(head)
    if (item is None or _FINITE_VERB.search(item) or _PEOPLE_OR_CLAUSE & set(item.lower().split())
            or _HEADING_WORD.search(item)):
        return None
    pos = text.find(item, start, verb)
    if pos < 0:
        return None
    return OutcomeMatch(_cue_name(item, vocab), pos, pos + len(item), "cue_measured")


_MOST_COMMON_LEAD = regex.compile(r".*(?:\bwith\s+|[,;:(]\s*|^\s*)", regex.S)


def _most_common_subject(text: str, pos: int, vocab: Vocabulary) -> list[OutcomeMatch]:
    """The event named before "(was) the most common adverse event"."""
    head_end = pos
    m = _MOST_COMMON_AE.match(text, pos)
    if m is None:
        wm = regex.compile(r"\s+(?:was|were)$").search(text, max(0, pos - 6), pos)
        if wm is None or _MOST_COMMON_AE.match(text, wm.start()) is None:
            return []
        head_end = wm.start()
    else:
        back = regex.compile(r"\s+(?:was|were)$").search(text, max(0, pos - 6), pos)
        if back is not None:
            head_end = back.start()
    sent_start = max(text.rfind(". ", 0, head_end) + 2, text.rfind("\n", 0, head_end) + 1, 0)
    head = text[sent_start:head_end]
    lead = _MOST_COMMON_LEAD.match(head)
    subj = head[lead.end():] if lead else head
    subj = _CLAUSE_LEAD.sub("", _LAST_THE.sub("", subj))
    item = _clean_item(subj)
    if (item is None or len(item.split()) > 4 or _FINITE_VERB.search(item) or _AND.search(item)
            or _PEOPLE_OR_CLAUSE & set(item.lower().split()) or _NOT_RESULT_ITEM.search(item)):
        return []
    start = text.rfind(item, sent_start, head_end)
    if start < 0:
        return []
    return [OutcomeMatch(_cue_name(item, vocab), start, start + len(item), "cue_measured")]


def _cue_name(item: str, vocab: Vocabulary) -> str:
    """The canonical name of a cue item: the vocabulary's (also for a plural, "Procedure times"), else the item."""
    name = vocab.lookup(item)
    if name is None and len(item) > 4 and item.endswith("s") and not item.endswith("ss"):
        name = vocab.lookup(item[:-1])
    if name is not None:
        return name
    return item if _is_acronym(item) else item.lower()


def _list_cues(text: str, lowered: str) -> list[regex.Match[str]]:
    """Matches of ``_CUE_LIST``, tried only where one of its first words stands (what ``finditer`` gives)."""
    starts: list[int] = []
    for word in ("primary", "secondary", "main", "principal", "exploratory", "other", "key", "coprimary", "co-primary"):
        pos = lowered.find(word)
        while pos >= 0:
            if pos == 0 or not lowered[pos - 1].isalnum():
                starts.append(pos)
            pos = lowered.find(word, pos + len(word))
    out: list[regex.Match[str]] = []
    end = -1
    for pos in sorted(starts):
        if pos < end:
            continue
        m = _CUE_LIST.match(text, pos)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def _following_cues(text: str, lowered: str) -> list[regex.Match[str]]:
    """Matches of ``_CUE_FOLLOWING``, tried only where its first word stands."""
    out: list[regex.Match[str]] = []
    for word in ("following", "most ", "commonest"):
        pos = lowered.find(word)
        while pos >= 0:
            m = _CUE_FOLLOWING.match(text, pos)
            if m is not None:
                out.append(m)
            pos = lowered.find(word, pos + len(word))
    return out


def _bare_cues(text: str) -> list[regex.Match[str]]:
    """Matches of ``_CUE_LIST_BARE``, searched only near the words it needs ("outcome", "measure"): one
    scan of the whole text with its leading alternation costs more than the rest of the cue rules."""
    lowered = text.lower()
    out: list[regex.Match[str]] = []
    for word in ("outcome", "measure"):
        pos = lowered.find(word)
        while pos >= 0:
            after = lowered[pos + len(word):pos + len(word) + 1]
            if after in ("d", "m"):  # "measured", "measurement", "outcomed" name no list
                pos = lowered.find(word, pos + len(word))
                continue
            # The cue starts at the word or at the qualifier before it ("Child outcomes", "MAIN OUTCOME").
            prev_end = len(text[:pos].rstrip())
            prev_start = prev_end - len(lowered[:prev_end].rsplit(None, 1)[-1]) if prev_end else pos
            for start in (prev_start, pos):
                m = _CUE_LIST_BARE.match(text, start, min(len(text), pos + 340))
                if m is not None:
                    if all(m.start() != o.start() for o in out):
                        out.append(m)
                    break
            pos = lowered.find(word, pos + len(word))
    return sorted(out, key=lambda m: m.start())


def _is_acronym(s: str) -> bool:
    return bool(_ACRONYM.fullmatch(s)) and sum(c.isupper() for c in s) >= 2


def _split_items(s: str) -> list[tuple[str, int]]:
    items = []
    pos = 0
    for m in _ITEM_SPLIT.finditer(s):
        items.append((s[pos:m.start()], pos))
        pos = m.end()
    items.append((s[pos:], pos))
    return items


def find_outcomes(text: str, abbreviations: list[tuple[int, int, int, int]] | None = None) -> list[OutcomeMatch]:
    """Every outcome mention, in order, with canonical names.

    Args:
        text: the cleaned document text.
        abbreviations: ``(long_start, long_end, short_start, short_end)``
            pairs (scispaCy's abbreviation detector), offsets into ``text``.
    """
    vocab = vocabulary()
    zones = skip_zones(text)
    found = _vocab_mentions(text, vocab)
    if vocab.zh and _HAN.search(text) and vocab.zh_re is not None:
        found.extend(OutcomeMatch(vocab.zh[m.group()], m.start(), m.end(), "vocabulary_zh") for m in vocab.zh_re.finditer(text))
    found = [m for m in found if not _in_zones(m.start, m.end, zones) and not _excluded_here(text, m.start, m.end)]
    redefined = _redefined_abbreviations(text, found, vocab)
    if redefined:
        found = [m for m in found if text[m.start:m.end] not in redefined]
    found = _qualified_variants(text, found, vocab)
    cues = [c for c in _cue_mentions(text, vocab) if not _in_zones(c.start, c.end, zones)]
    if ", " in text and "(" in text:
        cues.extend(c for c in _p_list_mentions(text, vocab) if not _in_zones(c.start, c.end, zones))
    cues.extend(c for c in _p_name_mentions(text, vocab) if not _in_zones(c.start, c.end, zones))
    cues.extend(c for c in _marker_mentions(text, vocab) if not _in_zones(c.start, c.end, zones))
    cues.extend(c for c in _result_mentions(text, vocab) if not _in_zones(c.start, c.end, zones))
    found = _cues_naming_more(text, found, cues)
    taken = [(m.start, m.end) for m in found]
    for c in cues:
        if not any(s < c.end and c.start < e for s, e in taken):
            found.append(c)
            taken.append((c.start, c.end))
    # Abbreviations: a short form takes the name of its long form (or the reverse).
    if abbreviations:
        by_span = {(m.start, m.end): m for m in found}
        for ls, le, ss, se in abbreviations:
            long_m = _covering(found, ls, le)
            short_m = by_span.get((ss, se)) or _covering(found, ss, se)
            name = long_m.name if long_m else short_m.name if short_m else None
            if name is None:
                continue
            short_text = text[ss:se]
            if short_m is None:
                found.append(OutcomeMatch(name, ss, se, "abbreviation"))
            # later bare uses of the short form
            for start, end in _whole_word_uses(text, short_text):
                if start > se and not _covering(found, start, end):
                    found.append(OutcomeMatch(name, start, end, "abbreviation"))
            # the long form takes the name too, when only the short form was known
            if long_m is None and short_m is not None:
                found.append(OutcomeMatch(name, ls, le, "abbreviation"))
        found = _one_name_per_pair(text, found, abbreviations)
    found = _propagate_cue_names(text, found)
    # One canonical name per document for mentions whose name differs only by case.
    found.sort(key=lambda m: (m.start, -m.end))
    out: list[OutcomeMatch] = []
    last_end = -1
    for m in found:
        if m.start < last_end:
            continue
        out.append(m)
        last_end = m.end
    return out


def _one_name_per_pair(text: str, found: list[OutcomeMatch],
                       abbreviations: list[tuple[int, int, int, int]]) -> list[OutcomeMatch]:
    """A long form and its short form name one outcome: "straight leg raise (SLR)" then "SLR increased
    significantly" and "Straight leg raise was higher" are one measure, under the long form's name."""
    rename: dict[str, str] = {}
    # lower-cased surfaces (not the full normalization: this runs for every mention of most documents)
    by_surface: dict[str, list[OutcomeMatch]] = {}
    for m in found:
        by_surface.setdefault(text[m.start:m.end].lower(), []).append(m)
    for ls, le, ss, se in abbreviations:
        long_key = text[ls:le].lower()
        short_key = text[ss:se].lower()
        both = by_surface.get(long_key, []) + by_surface.get(short_key, [])
        names = _distinct_names(m.name for m in both)
        if len(names) < 2:
            continue
        # the vocabulary's canonical name first, else the long form's
        target = next((m.name for m in both if m.rule.startswith("vocabulary")),
                      next((m.name for m in by_surface.get(long_key, [])), names[0]))
        for n in names:
            if n != target:
                rename.setdefault(n, target)
    if not rename:
        return found
    return [OutcomeMatch(rename.get(m.name, m.name), m.start, m.end, m.rule) for m in found]


def _distinct_names(names: Iterator[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        if n not in out:
            out.append(n)
    return out


# Cue rules name measures the vocabulary does not know; what they name once is that measure wherever the
# document writes it again ("nasal obstruction were assessed ... Nasal obstruction was also beneficially
# affected (P < 0.05)"). Only names of two words or more: one word is too often something else.
_CUE_RULES = frozenset({"cue_list", "cue_measured", "cue_result", "cue_p_name", "cue_p_list", "cue_registry",
                        "cue_effect"})


_MODIFIER_WORD = regex.compile(r"\p{L}+-\p{L}+|\p{L}+(?:ed|al|ive|ic|ous)", regex.I)


def _propagate_cue_names(text: str, found: list[OutcomeMatch]) -> list[OutcomeMatch]:
    names: dict[str, str] = {}
    for m in found:
        if m.rule in _CUE_RULES:
            surface = text[m.start:m.end]
            if " " in surface and len(surface) >= 6:
                names.setdefault(surface.lower(), m.name)
                # "self-evaluated future work ability" is later "their future work ability": a name of three
                # words or more recurs without its first modifier
                first, _, rest = surface.partition(" ")
                if rest.count(" ") >= 1 and len(rest) >= 8 and _MODIFIER_WORD.fullmatch(first):
                    names.setdefault(rest.lower(), m.name)
    if not names:
        return found
    lowered = text.lower()
    taken = sorted((m.start, m.end) for m in found)
    extra: list[OutcomeMatch] = []
    for surface, name in names.items():
        for s, e in _whole_word_uses(lowered, surface):
            if not any(a < e and s < b for a, b in taken):
                extra.append(OutcomeMatch(name, s, e, "cue_repeat"))
                taken.append((s, e))
    return found + extra


_NOT_IN_LONG = regex.compile(r"[()\[\];:,.]")
_GROUP_SIZE_AFTER = regex.compile(r",\s*[nN]\s*=\s*\d")


def _spells(short: str, long: str) -> bool:
    """True when ``long`` can be the expansion of ``short``: it starts with the short form's first letter
    and holds its letters in order (the usual test for an abbreviation defined in the text)."""
    letters = [c.lower() for c in short if c.isalpha()]
    low = long.lower()
    if not letters or not low or low[0] != letters[0]:
        return False
    pos = 0
    for c in letters:
        pos = low.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def _redefined_abbreviations(text: str, found: list[OutcomeMatch], vocab: Vocabulary) -> set[str]:
    """Short forms the vocabulary knows that this document defines as something else.

    "25 mg hydrochlorothiazide (HCT)": HCT is a drug here, not the haematocrit. A vocabulary short form
    written in brackets right after words that spell it out, when those words are no outcome the
    document names and share no word with the entry's own names, means something else in this document,
    and none of its uses is that outcome.
    """
    out: set[str] = set()
    spans: list[tuple[int, int]] | None = None
    for m in found:
        # cheap first: most mentions are not written "(SHORT)"
        if m.start < 2 or text[m.start - 1] != "(":
            continue
        if text[m.end:m.end + 1] != ")" and not _GROUP_SIZE_AFTER.match(text, m.end):
            continue  # "(TG, n = 52)": a group's short form, with its size
        short = text[m.start:m.end]
        if short in out or not _SHORT_CAPS.fullmatch(short.replace("-", "")):
            continue
        window = text[max(0, m.start - 81):m.start - 1]
        words = window.split()[-6:]
        # the long form does not reach back over a bracket or a clause mark
        cut = max((k for k, w in enumerate(words) if _NOT_IN_LONG.search(w)), default=-1)
        words = words[cut + 1:]
        if not words or window[-1:] not in (" ", "") and not window[-1:].isalnum():
            continue
        # the shortest run of last words that spells the short form out
        long = next((" ".join(words[k:]) for k in range(len(words) - 1, -1, -1) if _spells(short, " ".join(words[k:]))), None)
        if long is None:
            continue
        ls = window.rfind(long)
        if ls < 0:
            continue  # words joined by other spaces than one blank
        ls += max(0, m.start - 81)
        if spans is None:
            spans = [(f.start, f.end) for f in found]
        if any(s < ls + len(long) and ls < e for s, e in spans):
            continue  # the long form is an outcome too ("packed cell volume (HCT)")
        own = vocab.words.get(m.name, set())
        if any(w.lower()[:5] in own for w in _WORD.findall(long) if len(w) >= 4):
            continue
        out.add(short)
    return out


# "(scaling/hypertrophy, P = 0.0262; pain, P = 0.0238; itching, P = 0.0135)": a bracket that pairs
# names with p-values, item by item, names the measures tested.
# Found from the ", P =" after each name (cheap to scan for), then the name is read back to the "(" or ";".
_P_AFTER_NAME = regex.compile(r",\s*(?:[Pp]|-)\s*(?:value\s*)?(?:[=<>≤≥]|<\s*or\s*=)\s*0?\.\d")
_P_NAME_BEFORE = regex.compile(r"[(;]\s*(\p{L}[\p{L}\s/'-]{1,58}?)$")
_NOT_P_NAME = frozenset(
    "adjusted unadjusted overall total both all respectively two-tailed one-tailed two-sided one-sided log-rank "
    "logrank chi-square fisher wilcoxon anova ancova trend interaction difference differences significant "
    "nonsignificant not significant".split()
)


def _p_list_mentions(text: str, vocab: Vocabulary) -> list[OutcomeMatch]:
    """Names paired with p-values in one bracket, when the bracket pairs at least two."""
    out: list[OutcomeMatch] = []
    hits = []
    for p in _P_AFTER_NAME.finditer(text):
        m = _P_NAME_BEFORE.search(text, max(0, p.start() - 62), p.start())
        if m is not None:
            hits.append((m.start(1), m.group(1)))
    if len(hits) < 2:
        return out
    groups: dict[int, list[tuple[int, str]]] = {}
    for start, name in hits:
        opened = text.rfind("(", 0, start)
        closed = text.rfind(")", 0, start)
        if opened < 0 or closed > opened or start - opened > 400:
            continue
        groups.setdefault(opened, []).append((start, name))
    for group in groups.values():
        items = []
        for start, name in group:
            raw = name.strip()
            if raw.lower() in _NOT_P_NAME:
                continue
            item = _clean_item(raw)
            if item is not None and item == raw:
                items.append((item, start))
        if len({normalize_key(i) for i, _ in items}) < 2:
            continue
        out.extend(OutcomeMatch(_cue_name(item, vocab), pos, pos + len(item), "cue_p_list") for item, pos in items)
    return out


def _whole_word_uses(text: str, word: str) -> Iterator[tuple[int, int]]:
    r"""Where ``word`` stands in ``text`` with no letter or digit either side,
    left to right and not overlapping (what ``finditer`` of
    ``(?<![\p{L}\p{N}])word(?![\p{L}\p{N}])`` gives, without compiling a
    pattern for every short form of every document)."""
    if not word:
        yield from (m.span() for m in regex.finditer(r"(?<![\p{L}\p{N}])(?![\p{L}\p{N}])", text))
        return
    size = len(word)
    pos = text.find(word)
    while pos >= 0:
        end = pos + size
        if (pos == 0 or not _ALNUM.match(text, pos - 1)) and not _ALNUM.match(text, end):
            yield pos, end
            pos = text.find(word, end)
        else:
            pos = text.find(word, pos + 1)


def _covering(found: list[OutcomeMatch], start: int, end: int) -> OutcomeMatch | None:
    """A mention that is this span, or lies inside it and covers most of it.

    Not one that merely contains it: "ALS" inside "ALS Functional Rating Scale"
    does not make "amyotrophic lateral sclerosis (ALS)" an outcome.
    """
    for m in found:
        if start <= m.start and m.end <= end and m.end - m.start >= 0.6 * (end - start):
            return m
    return None


# --------------------------------------------------------------------------- result statements

# How results sentences name what was compared: "no significant differences between the groups in X",
# "a significant reduction of X", "significantly fewer X compared with", "had a higher X than",
# "superior to placebo with respect to X", "X was significantly higher", "The incidence of X was 11.8%".
# Read only in sentences that report a comparison (a p-value, "significant", or a comparison word).
_COMPARATIVE = (r"(?:fewer|more|higher|lower|greater|less|better|worse|shorter|longer|smaller|larger|reduced|improved|"
                r"increased|decreased|superior|inferior)")
_RESULT_OBJECT = regex.compile(
    r"\b(?:(?:differences?|reductions?|increases?|decreases?|improvements?|deteriorations?|declines?|changes?)\s+"
    r"(?:between\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:groups?|arms?)\s+)?(?:in|of)|"
    r"significantly\s+" + _COMPARATIVE + r"|"
    r"(?:had|showed)\s+(?:a\s+|an\s+)?(?:significantly\s+)?"
    + _COMPARATIVE + r"(?=\s[^.;]{2,80}?\b(?:than|compared|versus|vs)\b)|"
    r"respect\s+to|terms\s+of|"
    r"(?:[Tt]he\s+)?(?:incidence|frequency|prevalence|occurrence)\s+of(?=\s[^.;,]{2,60}?\s(?:was|were)\s[^.;]{0,25}?\d))"
    r"\s+(?:the\s+)?(?P<np>[^.;:,()\[\]]{2,90})"
)
_RESULT_SUBJECT_VERB = regex.compile(
    r"\s+(?:was|were)\s+(?:(?:also|not|statistically|significantly|markedly|slightly|much|further|similarly)\s+){0,3}"
    r"(?:higher|lower|greater|less|shorter|longer|better|worse|reduced|increased|decreased|improved|similar|"
    r"comparable|elevated|prolonged|smaller|larger)\b"
)
# Where the compared measure ends: a preposition, a comparison word, a clause.
_RESULT_NP_END = regex.compile(
    r"\s+(?:than|compared|versus|vs\.?|between|among|in|into|with|when|for|following|relative|across|throughout|"
    r"as|while|whereas|but|on|at|after|during|from|by|over|within|was|were|had|has|did|could|only|produced|observed|"
    r"seen|found|obtained|noted|reported|described|either|than|and\s+(?:a|an|the|"
    r"was|were|this|that|it|there|no|in)|which|that|or\s+in|respectively)\b.*$",
    regex.I,
)
_LEAD_OF = regex.compile(r"^(?:(?:in|of|the)\s+|(?:incidences|terms)\s+of\s+)+", regex.I)
# One word that is no noun: "significantly more frequent", "was initially", "toxic", "clinical", "effective".
_NOT_A_NOUN = regex.compile(
    r"^(?:\p{L}+(?:ly|ive|ic|al|ous|ent|ant|ful|less|able|ible|ed)|decreases?|increases?|improvements?|reductions?|"
    r"changes?|effects?|differences?|than|more|less|both|either|not|never|also|but)$", regex.I)
_LIST_IN = regex.compile(r"\b(and|or)\s+in\s+(?:the\s+)?")
_CLAUSE_LEAD = regex.compile(
    r"^(?:(?:and|but|whereas|while|although|however|also|the|mean|median|overall)(?:\s+|$))+", regex.I)
# "Results The efficacies were similar": a heading or other words before the article are not the subject.
_LAST_THE = regex.compile(r"^.*\b[Tt]he\s+(?=\S)")
# "A significant relationship between failure of the fixation and varus reduction": the first of the pair.
_RESULT_ASSOCIATION = regex.compile(
    r"\b(?:relationship|association|correlation)\s+between\s+(?:the\s+)?(?P<np>[^.;:,()\[\]]{3,60}?)\s+and\s")
# Baseline and demographic comparisons are not outcomes ("no significant differences in age, sex or BMI").
_DEMOGRAPHIC = frozenset(normalize_key(w) for w in (
    "age", "sex", "gender", "weight", "height", "body weight", "bmi", "body mass index", "race", "ethnicity",
    "demographics", "education", "duration of disease", "disease duration", "baseline", "characteristics",
    "the groups", "groups", "group", "placebo", "control", "controls", "the control group", "magnitude", "dose",
    "doses", "number", "proportion", "percentage", "rate", "rates", "level", "levels", "score", "scores",
    "values", "value", "time", "risk", "incidence", "frequency", "severity", "duration", "use", "variation",
    "variability", "efficacies", "outcome", "results", "findings", "effects", "differences", "changes", "change",
))
# Not a measure: a number or sign first ("-10.0 x:1.3 micrograms/min", "+/- standard deviation"), a dose
# ("piroxicam 20 mg"), words that qualify or point ("there", "their object manipulation", "any arthroplasty",
# "favor of the oxymizer", "moderate or severe"), a judgement ("protective role", "favourable effect").
_NOT_RESULT_ITEM = regex.compile(
    r"^[^\p{L}]|\d\s*(?:mg|g|ml|mL|µg|mcg|iu|IU|mmol|%)\b|^(?:there|their|its|his|her|our|any|both|often|favou?r|"
    r"means|moderate|mild|severe|combination|absolute|required|suppression|these|this|amount\s+of\s+increase)\b|"
    r"\b(?:significantly|even|used|may|might|would|could|likely|therefore|responders|results|measures)\b|^gains?$|"
    r"\b(?:role|effects?|manner|way|extent|degree|season|room|therapy|treatment|group)$",
    regex.I,
)
_PEOPLE_OR_CLAUSE = _PEOPLE | {"who", "whom", "whose", "which", "that", "those", "we", "they", "it", "this"}
# Heads a coordination shares: "pregnancy and delivery rates", "white cell and lymphocyte counts",
# "linear and angular displacements", "hematologic or hepatic toxicity".
_SHARED_HEAD = regex.compile(
    r"\s(?P<head>(?:rates?|counts?|levels?|scores?|concentrations?|toxicit(?:y|ies)|velocit(?:y|ies)|pressures?|"
    r"times?|values?|responsiveness|symptoms?|complications?|events?|volumes?|indices|index|infections?|"
    r"displacements?|errors?|durations?|intensit(?:y|ies)|frequenc(?:y|ies)|thickness|function|activit(?:y|ies)|"
    r"size|sizes|loss|length|angles?|outcomes?|performance|knowledge|satisfaction|quality))$",
    regex.I,
)


# "VO2max (ml.kg-1 min-1) was increased": a unit in brackets after the measure is no measure.
_UNIT_LIKE = regex.compile(r"\b(?:kg|min|ml|mg|h|s|m|g)\s?-\s?1\b|\bml\s?\.\s?kg\b|\b(?:mg|ml|µg|mcg)\s?/\s?(?:kg|dl|l|ml|min)\b",
                        regex.I)
# "tolerable and temporary acute toxicity": a judging adjective, not a kind of the measure.
_EVALUATIVE = regex.compile(r"(?:able|ible)$", regex.I)


def _coordinated(items: list[tuple[str, int]], vocab: Vocabulary) -> list[tuple[str, int, int]]:
    """``(name, offset, length)`` of each item; an earlier item of one or two words takes the head noun of
    the last item when that head is a measure word and the earlier item alone is no known outcome."""
    out = []
    last = items[-1][0] if items else ""
    shared = _SHARED_HEAD.search(last) if len(last.split()) >= 2 else None
    for k, (item, off) in enumerate(items):
        name = item
        if (shared is not None and k < len(items) - 1 and len(item.split()) <= 2 and vocab.lookup(item) is None
                and not _is_acronym(item) and not _SHARED_HEAD.search(" " + item) and not _EVALUATIVE.search(item)):
            name = f"{item} {shared.group('head')}"
        out.append((name, off, len(item)))
    return out


def _result_items(text: str, start: int, np: str, vocab: Vocabulary) -> list[OutcomeMatch]:
    # "in survival or in hematologic or hepatic toxicity": a repeated "in" is part of the list (blanked, so
    # that offsets stay)
    np = _LIST_IN.sub(lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))), np)
    np = _RESULT_NP_END.sub("", " " + np)[1:]
    lead = _CLAUSE_LEAD.match(np)
    base = start + (lead.end() if lead else 0)
    np = np[lead.end():] if lead else np
    if not np.strip():
        return []
    parts = [(p.strip(), off + (len(p) - len(p.lstrip()))) for p, off in _split_items(np) if p.strip()]
    cleaned = []
    for part, off in parts:
        part = _LEAD_OF.sub("", part)
        item = _clean_item(part)
        if (item is None or normalize_key(item) in _DEMOGRAPHIC or _PEOPLE_OR_CLAUSE & set(item.lower().split())
                or _NOT_RESULT_ITEM.search(item) or _UNIT_LIKE.search(item)):
            return []  # "reduction in patients who were taking atorvastatin"
        if len(item.split()) > 6 or _FINITE_VERB.search(item):
            return []
        pos = text.find(item, base + off)
        if pos < 0:
            return []
        cleaned.append((item, pos))
    out = []
    for name, pos, size in _coordinated(cleaned, vocab):
        if " " not in name and _NOT_A_NOUN.match(name) and vocab.lookup(name) is None and not _is_acronym(name):
            continue  # "tolerable and temporary acute toxicity", "significantly more frequent"
        out.append(OutcomeMatch(_cue_name(name, vocab), pos, pos + size, "cue_result"))
    return out


def _result_mentions(text: str, vocab: Vocabulary) -> list[OutcomeMatch]:
    """Measures named by how a results sentence compares them (see ``_RESULT_OBJECT``).

    The sentences are found from the words that say a comparison is reported, the places from the words
    the patterns start with, both with ``str.find`` on the lower-cased text (a regex scan of every
    position costs several times more); the patterns are then matched at those places only."""
    out: list[OutcomeMatch] = []
    lowered = text.lower()
    n = len(text)
    spans: set[tuple[int, int]] = set()
    for sig in _COMPARISON_WORDS:
        pos = lowered.find(sig)
        while pos >= 0:
            dot = text.rfind(". ", 0, pos)
            a = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, pos) + 1)
            e = text.find(". ", pos)
            e = n if e < 0 else e + 1
            nl = text.find("\n", pos, e)
            if nl >= 0:
                e = nl
            spans.add((a, e))
            pos = lowered.find(sig, e)
    for a, e in sorted(spans):
        sent = lowered[a:e]
        if "baseline" in sent or "demographic" in sent or "characteristic" in sent:
            continue
        significant = any(w in sent for w in _SIGNIFICANCE_WORDS)
        for word in (_RESULT_WORDS if significant else _RESULT_WORDS_BASE):
            pos = sent.find(word)
            while pos >= 0:
                at = a + pos
                pos = sent.find(word, pos + len(word))
                if word[0] == " ":
                    if word in (" was ", " were "):  # "X was significantly higher"
                        if _RESULT_SUBJECT_VERB.match(text, at) is not None:
                            m = _subject_before(text, a, at, vocab)
                            if m is not None:
                                out.append(m)
                        continue
                    if word in _ACTIVE_WORDS:  # "stiffness decreased significantly (p < 0.05)"
                        if _ACTIVE_VERB.match(text, at) is not None:
                            m = _subject_before(text, a, at, vocab, active=True)
                            if m is not None:
                                out.append(m)
                        continue
                    at += 1  # " had ": the pattern starts at the word
                elif at > 0 and lowered[at - 1].isalnum():
                    continue
                m = _RESULT_OBJECT.match(text, at) or _RESULT_ASSOCIATION.match(text, at)
                if m is None:
                    continue
                if m.re is _RESULT_ASSOCIATION and " " not in m.group("np").strip():
                    continue  # "between acute and late toxicity" pairs two adjectives
                items = _result_items(text, m.start("np"), m.group("np"), vocab)
                if len(items) > 1 and m.group()[:6].lower() == "change":
                    # "no significant changes in resting and exercise-induced mobilizations of ... and productions
                    # of cytokines": after "changes in" only a single measure is read (lists there elide heads)
                    continue
                out.extend(items)
    return out


_ACTIVE_WORDS = (" increased", " decreased", " improved", " declined", " reduced", " did not change")
_RESULT_WORDS_BASE = (
    "differen", "reduction", "increase", "decrease", "improvement", "deteriorat", "decline", "significantly ",
    "change in", "changes in",
    "respect to", "terms of", "incidence of", "frequency of", "prevalence of", "occurrence of", "relationship between",
    "association between", "correlation between", " had ", " showed ", " was ", " were ",
)
_RESULT_WORDS = (*_RESULT_WORDS_BASE, *_ACTIVE_WORDS)
# "Isometric muscle force significantly decreased after ...", "SLR increased significantly", "LDL particle score
# did not change": a measure as the subject of a change verb; only in a sentence that also says the change
# was significant or gives its p-value (the other words of _COMPARISON_WORDS fit sentences about treatments).
_ACTIVE_VERB = regex.compile(
    r"\s+(?:increased|decreased|improved|declined|reduced|did\s+not\s+change)"
    r"(?:\s+significantly)?"
    # used intransitively: "Tranexamic acid significantly reduced all-cause mortality" has an object, and its
    # subject is the treatment
    r"(?=\s*[,.;:(\[]|\s*$|\s+(?:after|in|from|by|at|during|with|compared|over|following|to|between|among|only|"
    r"more|less|than|slightly|markedly|significantly|from|and|but|whereas|while|when|for|across|throughout|"
    r"relative|versus|vs)\b)"
)
_SIGNIFICANCE_WORDS = ("signific", "p =", "p=", "p <", "p<", "p >", "p>", "p-value", "p value", "p less")
_SIGNIFICANCE = regex.compile(r"signific|\bp\s*(?:[=<>≤≥]|-?\s*value)", regex.I)
# An intervention or a group as the subject ("Exercise with or without CLA supplementation decreased insulin").
_ACTOR = regex.compile(
    r"\b(?:with|without|plus|versus|vs|therapy|treatment|supplementation|administration|intervention|training|"
    r"exercise|diet|placebo|regimen|injection|infusion|stretching|group|arm|drug|dose)\b",
    regex.I,
)
# Words that say a sentence reports a comparison: a p-value, "significant", "than", "compared", ...
_COMPARISON_WORDS = (
    "signific", "p =", "p=", "p <", "p<", "p >", "p>", "p-value", "p value", " than ", "compared", "versus", " vs",
    "relative to", "incidence of", "frequency of", "prevalence of", "occurrence of", "both groups", "between group",
    "between the group", "between the two group",
)


def _subject_before(text: str, a: int, verb: int, vocab: Vocabulary, active: bool = False) -> OutcomeMatch | None:
    """The subject of "X was significantly higher" (or, ``active``, "X decreased significantly"), read back to
    the start of its clause."""
    head = text[a:verb]
    if active and head.endswith(" significantly"):  # "Isometric muscle force significantly decreased"
        head = head[:-len(" significantly")]
    cut = max(head.rfind(", "), head.rfind("; "), head.rfind("("), head.rfind(": "))
    subj = head[cut + 1:] if cut >= 0 else head
    subj = _CLAUSE_LEAD.sub("", _LAST_THE.sub("", subj.strip()))
    if not subj or len(subj.split()) > 6 or _AND.search(subj) or subj[:1].isdigit():
        return None
    item = _clean_item(subj)
    if (item is None or normalize_key(item) in _DEMOGRAPHIC or _PEOPLE_OR_CLAUSE & set(item.lower().split())
            or _NOT_RESULT_ITEM.search(item) or _UNIT_LIKE.search(item)):
        return None
    if _FINITE_VERB.search(item) or _HEADING_WORD.search(item):
        return None
    if active and (_ACTOR.search(item) or _NOT_A_NAME_WORD.search(item) or item.lower().endswith("ing")
                   and " " not in item and vocab.lookup(item) is None):
        return None  # "increasing 5.4% oil DDGS decreased (linear, P < 0.01)"
    if " " not in item and _NOT_A_NOUN.match(item) and vocab.lookup(item) is None and not _is_acronym(item):
        return None
    pos = text.find(item, a + (cut + 1 if cut >= 0 else 0))
    if 0 <= pos < verb:
        return OutcomeMatch(_cue_name(item, vocab), pos, pos + len(item), "cue_result")
    return None


# --------------------------------------------------------------------------- qualified variants

# Words that make a kind of a measure a different outcome: its time course ("acute"/"late toxicity"), how it
# is counted ("continuous"/"point-prevalence abstinence"), or the organ system ("gastrointestinal"/
# "genitourinary toxicity"). Not specimens ("serum", "plasma"), which name the same measure.
_QUALIFIER_WORDS = (
    r"acute|late|early|chronic|delayed|continuous|sustained|point[\s-]?prevalence|prolonged|transient|"
    r"gastrointestinal|genitourinary|urinary|rectal|bladder|hematologic(?:al)?|haematologic(?:al)?|cardiac|"
    r"cardiovascular|renal|hepatic|pulmonary|respiratory|neurologic(?:al)?|cutaneous|skin|ocular|nasal|local|"
    r"locoregional|distant|systemic|infectious|wound|sexual|bowel"
)
_QUALIFIER_BEFORE = regex.compile(
    r"(?:\b(?P<q1>" + _QUALIFIER_WORDS + r")\s+(?:and|or|and/or)\s+)?\b(?P<q2>" + _QUALIFIER_WORDS + r")[\s-]+$",
    regex.I,
)
# The last word of each qualifier (a cheap test before the regex).
_QUALIFIER_SET = frozenset(
    "acute late early chronic delayed continuous sustained prevalence point-prevalence prolonged transient "
    "gastrointestinal genitourinary urinary rectal bladder hematologic hematological haematologic haematological "
    "cardiac cardiovascular renal hepatic pulmonary respiratory neurologic neurological cutaneous skin ocular nasal "
    "local locoregional distant systemic infectious wound sexual bowel".split()
)
_QUALIFIER_INSIDE = regex.compile(r"(?P<q>" + _QUALIFIER_WORDS + r")[\s-]+(?P<rest>\S.*)", regex.I)


def _qualified_variants(text: str, found: list[OutcomeMatch], vocab: Vocabulary) -> list[OutcomeMatch]:
    """Kinds of one vocabulary measure that a document reports apart are separate outcomes.

    "acute toxicity ... late gastrointestinal and genitourinary toxicity", "Point-prevalence abstinence ...
    continuous abstinence": when a document qualifies one entry's measure in two or more ways (a qualifier
    word before a one-word match, or an alias that is a qualifier plus another alias of the same entry), each
    kind keeps its own name, and the bare mentions of the entry (the umbrella the kinds share) are dropped.
    A document with one kind only keeps the entry's canonical name throughout.
    """
    kinds: dict[int, list[tuple[str, int, int]]] = {}  # mention index -> (name, start, end)
    for k, m in enumerate(found):
        if m.rule != "vocabulary":
            continue
        surface = text[m.start:m.end]
        if " " not in surface and "-" not in surface:
            before = text[max(0, m.start - 40):m.start]
            last = before.rsplit(None, 1)[-1].lower() if before[-1:] in (" ", "-") and before.strip() else ""
            if last.rstrip("-") not in _QUALIFIER_SET and last.split("-")[-1] not in _QUALIFIER_SET:
                continue
            q = _QUALIFIER_BEFORE.search(text, max(0, m.start - 60), m.start)
            if q is not None:
                out = [(f"{q.group('q2')} {surface}", q.start("q2"), m.end)]
                if q.group("q1"):
                    out.append((f"{q.group('q1')} {surface}", q.start("q1"), q.end("q1")))
                kinds[k] = out
        else:
            q = _QUALIFIER_INSIDE.fullmatch(surface)
            if q is not None and vocab.lookup(q.group("rest")) == m.name:
                kinds[k] = [(surface, m.start, m.end)]
    if not kinds:
        return found
    by_label: dict[str, set[str]] = {}
    for k, variants in kinds.items():
        for name, _s, _e in variants:
            by_label.setdefault(found[k].name, set()).add(normalize_key(name))
    split = {label for label, names in by_label.items() if len(names) >= 2}
    if not split:
        return found
    out: list[OutcomeMatch] = []
    for k, m in enumerate(found):
        if m.name not in split or m.rule != "vocabulary":
            out.append(m)
        elif k in kinds:
            for name, s, e in kinds[k]:
                # "gastrointestinal toxicity" has an entry of its own; "continuous abstinence" is an alias of
                # the umbrella entry and keeps its own words
                label = vocab.lookup(name)
                out.append(OutcomeMatch(label if label not in (None, m.name) else name.lower(), s, e,
                                        "vocabulary_qualified"))
    return out


# --------------------------------------------------------------------------- names a p-value is written after

# "Leading edge voltage (p < 0.001) and shock impedance (p < 0.001) were also decreased", "[Children's
# Hospital of Eastern Ontario Pain Scale: P = 0.0007; GPs VAS (P < 0.0001)]": a noun phrase that fills its
# clause right up to "(P ..." or ": P ..." is the measure the p-value tests.
_P_RIGHT_AFTER = regex.compile(r"\(\s*[Pp]\s*(?:-?\s*value\s*)?(?:[=<>≤≥]|<\s*or\s*=)|:\s*[Pp]\s*(?:[=<>≤≥]|<\s*or\s*=)\s*0?\.\d")
_CLAUSE_MARK = regex.compile(r"[.;:(\[]\s*|,\s+|\b(?:and|or)\s+")
# Words that end a results verb phrase or start a prepositional one: what precedes the p-value is then no name.
_NOT_A_NAME_WORD = regex.compile(
    r"\b(?:increased|decreased|reduced|improved|changed|remained|declined|rose|fell|elevated|lowered|enhanced|"
    r"higher|lower|greater|smaller|better|worse|shorter|longer|faster|slower|fewer|more|less|comparable|"
    r"tests?|analys[ie]s|anova|regression|models?|strateg(?:y|ies)|modes?|"
    r"significant(?:ly)?|similar|different|compared|following|after|"
    r"before|versus|vs|than|alone|only|group|groups|arm|placebo|control|controls|treatment|therapy|both|"
    r"respectively|difference|differences|effect|effects|trend|overall|total)\b",
    regex.I,
)


_GOVERNED = regex.compile(r"\b(?:after|following|with|without|by|than|versus|vs|compared|receiving|given|plus|on|in)\b", regex.I)


# "glutamine caused prolongation of CRT (p=0.02)", "experienced no compromise in clinical outcomes (P = 0.05)":
# a verb in the words before the p-value makes them a clause, not a name (a hyphenated "self-reported" is no verb).
_PAST_VERB = regex.compile(
    r"(?<![\p{L}-])\p{L}{3,}(?<!e)ed\b(?!-)|\b(?:found|seen|shown|given|done|made|taken|noted|observed)\b", regex.I)
# "en la inducción (p < 0.001)": the rule reads English noun phrases only.
_ROMANCE_FUNCTION_WORD = regex.compile(r"\b(?:en|la|el|los|las|del|con|por|para|y|com|da|dos|das)\b")


_CHARACTERISTICS = regex.compile(r"baseline|demographic|characteristic", regex.I)


def _p_name_mentions(text: str, vocab: Vocabulary) -> list[OutcomeMatch]:
    """Noun phrases written right before a p-value, each alone in its clause."""
    out: list[OutcomeMatch] = []
    starts: list[int] = []
    for lead in ("(P", "(p", "( P", "( p", ": P", ": p", ":P", ":p"):
        pos = text.find(lead)
        while pos >= 0:
            starts.append(pos)
            pos = text.find(lead, pos + 2)
    for start in sorted(starts):
        p = _P_RIGHT_AFTER.match(text, start)
        if p is None:
            continue
        end = p.start()
        while end > 0 and text[end - 1] == " ":
            end -= 1
        lo = max(0, end - 80)
        chunk = text[lo:end]
        c = None
        for c in _CLAUSE_MARK.finditer(chunk):
            pass
        if c is None and lo > 0:
            continue
        raw = chunk[c.end():] if c is not None else chunk
        if c is not None and c.group()[:1] in "ao":
            # "after methylprednisolone and betamethasone (P < 0.05)": a conjunct of what a preposition governs
            hard = max(chunk.rfind(ch, 0, c.start()) for ch in ".;:([,")
            if _GOVERNED.search(chunk[hard + 1:c.start()]):
                continue
        lead = _CLAUSE_LEAD.match(raw)
        if lead:
            raw = raw[lead.end():]
        raw = raw.strip()
        if not raw or len(raw.split()) > 6 or not raw[:1].isalpha() or _NOT_A_NAME_WORD.search(raw):
            continue
        sent_start = max(text.rfind(". ", 0, end), 0)
        if _CHARACTERISTICS.search(text, sent_start, end):
            continue  # "clinical characteristics were not different except for age (P =.02) and graft numbers"
        if (_FINITE_VERB.search(raw) or _HEADING_WORD.search(raw) or raw.lower().split()[0] in _PREP_BEFORE
                or _ROMANCE_FUNCTION_WORD.search(raw) or _PAST_VERB.search(raw)):
            continue
        item = _clean_item(raw)
        if (item is None or item != raw.strip(" \t\"'()[],.") or normalize_key(item) in _DEMOGRAPHIC
                or _PEOPLE_OR_CLAUSE & set(item.lower().split()) or _NOT_RESULT_ITEM.search(item)
                or _UNIT_LIKE.search(item) or normalize_key(item) in _NOT_OUTCOMES):
            continue
        if " " not in item and _NOT_A_NOUN.match(item) and vocab.lookup(item) is None and not _is_acronym(item):
            continue
        pos = text.rfind(item, lo, end)
        if pos >= 0:
            out.append(OutcomeMatch(_cue_name(item, vocab), pos, pos + len(item), "cue_p_name"))
    return out



# --------------------------------------------------------------------------- a cue's name that says more

# Words around a vocabulary name that say nothing more about the measure ("serum ferritin levels").
_PLAIN_AROUND = frozenset(
    "serum plasma blood urinary urine salivary mean median total baseline overall average daily fasting the a an its "
    "their levels level concentration concentrations value values count counts activity activities rate rates status "
    "change changes measurement measurements production secretion expression excretion release titer titers titre "
    "titres score scores slope slopes trajectory trajectories index indices scale scales questionnaire test tests "
    "assessment peak peripheral maximum maximal minimum minimal".split()
)


_NOT_A_MODIFIER = frozenset(
    "of in on for to from at with by and or all any some no not than vs versus per each every other both "
    "decrease decreases increase increases reduction reductions change changes improvement improvements decline "
    "achievement progressive significant difference differences risk effect effects time times one two three four "
    "five six seven eight nine ten few many several single most these those this that temporary tolerable slight "
    "minor possible potential subsequent previous prior further new initial later first".split()
)


def _cues_naming_more(text: str, found: list[OutcomeMatch], cues: list[OutcomeMatch]) -> list[OutcomeMatch]:
    """A cue's name that holds a vocabulary name plus words naming a different measure replaces it.

    "LDL particle score did not change", "The alpha-tocopherol concentration in LDL increased significantly",
    "GPs VAS (P < 0.0001)": the vocabulary knows "LDL" and "VAS", but the measure is the longer name. Plain
    words around the vocabulary name ("serum ferritin levels") leave it the vocabulary's.
    """
    drop: set[int] = set()
    for c in cues:
        if c.rule not in _CUE_RULES or c.rule == "cue_registry":
            continue
        inside = [k for k, m in enumerate(found) if c.start <= m.start and m.end <= c.end and (m.start, m.end) != (c.start, c.end)]
        if len(inside) != 1 or any(m.start < c.end and c.start < m.end for k, m in enumerate(found) if k not in inside):
            continue
        m = found[inside[0]]
        if m.rule != "vocabulary":
            continue  # a qualified kind ("acute toxicity") is already the specific name
        extra = (text[c.start:m.start] + " " + text[m.end:c.end]).lower()
        words = _WORD.findall(extra)
        # one or two modifier or head nouns: no preposition, verb form or quantity word ("progressive decrease
        # in ALSFRS-R", "all deaths", "cytokine levels of TGF-b" are no names)
        if (not words or len(words) > 2 or all(w in _PLAIN_AROUND for w in words)
                or any(w in _NOT_A_MODIFIER or w.endswith(("ing", "ed", "ly")) or not w.isalpha() for w in words)):
            continue
        drop.add(inside[0])
    if not drop:
        return found
    return [m for k, m in enumerate(found) if k not in drop]



# "up-regulated co-stimulatory molecule CD28 expression", "depressed KLRG1 level": a marker's short name
# followed by the word for how much of it there is names the marker as a measure.
_MARKER_NAME = regex.compile(r"(?=[A-Za-z0-9-]*\d)[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*|[A-Z]{3,6}")
_MARKER_WORDS = (" expression", " level", " concentration", " activity", " production", " secretion")
_WORD_END = regex.compile(r"[\p{L}\p{N}]")


def _marker_mentions(text: str, vocab: Vocabulary) -> list[OutcomeMatch]:
    """Short names of markers written with "expression", "level(s)", "concentration(s)" after them.

    Found from the words after the name (``str.find``), then the name is the token before: a regex scan of
    every position for a capitalised token costs more than the rest of the cue rules."""
    out: list[OutcomeMatch] = []
    for word in _MARKER_WORDS:
        pos = text.find(word)
        while pos >= 0:
            after = pos + len(word)
            if after >= len(text) or not _WORD_END.match(text, after) or word in (" level", " concentration") and text[after] == "s" and (after + 1 >= len(text) or not _WORD_END.match(text, after + 1)):
                start = text.rfind(" ", 0, pos) + 1
                name = text[start:pos]
                if (name and _MARKER_NAME.fullmatch(name) and _is_acronym(name)
                        and normalize_key(name) not in _NOT_OUTCOMES and not _HEADING_WORD.fullmatch(name)):
                    out.append(OutcomeMatch(_cue_name(name, vocab), start, pos, "cue_result"))
            pos = text.find(word, after)
    out.sort(key=lambda m: m.start)
    return out
