"""Find sample sizes: participant counts of the study population.

Pure functions (regex and the numbers reader; no spaCy). The spaCy
component ``trial_sample_sizes`` wraps :func:`find_sample_sizes`.

How trial reports state a sample size, and the rule for each:

- a count before a participant noun, up to five words apart
  (``twenty-one confirmed ALS patients``, ``64 participants``,
  ``20 211 adult trauma patients``); its kind comes from the verb of its
  clause (randomized, enrolled, analysed, completed, withdrew, planned);
- ``n = 120``, ``N=45``, ``(n = 30 per group)``, ``n = 51 each``: a group's
  size, or the analysis set's when one is named before it;
- per-arm sizes in bare parentheses after the arms of a randomization
  (``onabotulinumtoxinA 300 U (28) or placebo (29)``), ``2 groups of 35``,
  ``30 per group``, the second count of ``A patients were allocated to X and
  B to Y``, and ``of whom A and B, respectively, were analysed``;
- registry fields: ``Enrollment: 40 (Anticipated)``, ``Target
  Recruitment: 307``, ``Target sample size``, participant-flow rows
  (``Started 16 18``, ``Completed 14 18``, ``Not Completed 2 0``);
- Chinese classifiers ``27例``, ``18 名`` (``组`` nearby makes it an arm).

Not sample sizes: counts of events or subsets (``three patients died``,
``two of the eight male patients``, ``improved in 22 patients``), people
screened, approached or excluded before enrollment, ages, years, doses,
centres, and counts from other studies in background sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extract.normalize.numbers import Number, numbers_in, parse_chinese_numeral


@dataclass(frozen=True, slots=True)
class SampleSizeMatch:
    """One sample size (offsets into the text passed in)."""

    value: int
    kind: str
    start: int
    end: int
    rule: str


_PARTICIPANT = (
    r"(?:patients?|participants?|subjects?|adults?|children|child|infants?|neonates?|newborns?|adolescents?|"
    r"women|men|males?|females?|mothers?|volunteers?|individuals?|people|persons?|cases|outpatients|inpatients|"
    r"students?|athletes?|smokers?|veterans?|residents?|elderly|survivors?|recipients?|donors?|"
    r"nurses|controls|girls|boys|physicians|doctors|caregivers|parents|couples|families|workers|employees|"
    r"soldiers|runners|teenagers|twins|dyads|"
    r"pacientes|participantes|sujetos|niños|doentes|indivíduos)"
)
# Up to five modifier words between the count and the noun ("twenty-one confirmed
# ALS patients"); never a function word, a verb, a pronoun or a unit, and no comma.
_NOT_MODIFIER = (
    r"(?:of|in|to|and|or|with|were|was|had|has|have|who|which|whom|per|at|for|from|by|each|than|the|a|an|we|they|"
    r"it|this|that|these|those|are|is|be|been|being|years?|yr|months?|weeks?|days?|hours?|h|min|times|doses?|"
    r"cycles?|sessions?|mg|g|ml|kg|trials?|studies|study|randomly|were|after|before|during|all)"
)
_NOUN_AFTER = regex.compile(
    r"\s*(?:\)\s*)?(?:(?!" + _NOT_MODIFIER + r"\b)[\p{L}][\p{L}\d'+-]*\s+){0,5}?(?P<noun>" + _PARTICIPANT + r")\b",
    regex.I,
)
# "phase 3 trial", "stage 2", "1/2": numbers that name, not count.
_NAMING_BEFORE = regex.compile(
    r"(?:\b(?:phase|stage|grade|type|class|step|day|week|month|year|visit|cycle|group|arm|cohort|part|version|level|"
    r"figure|table|model)\s*(?:[IVX\d]+\s?/\s?)?|/\s?)$",
    regex.I,
)
_TURNED_AWAY_BEFORE = regex.compile(r"\b(?:screened|approached|assessed\s+for\s+eligibility|invited|contacted|identified|excluded|declined)\s+(?:\w+\s+){0,2}$", regex.I)
_EVENT_BEFORE = regex.compile(
    r"\b(?:events?|reactions?|effects?|complications?|infections?|deaths?|toxicit\w+|occurred|observed|seen|found|noted|"
    r"present|reported|detected|documented|improvement|decrease|increase|disappeared)\b[^.;]{0,40}\b(?:in|among)\s+$"
    r"|\b(?:noted|reported|observed|experienced|seen|found|described|complained)\s+by\s+$",
    regex.I,
)
_SHARE_AFTER = regex.compile(r"\s*[(\[]\s*\d+(?:[.,·]\d+)?\s?%")
_SHARE_THEN_KIND = regex.compile(
    r"\s*[(\[]\s*\d+(?:[.,·]\d+)?\s?%\s*[)\]]\s*(?:were|was|had\s+been)\s+(?P<verb>enrolled|randomi[sz]ed|included|recruited|analy[sz]ed|allocated|assigned)\b"
    r"|\s*[(\[]\s*\d+(?:[.,·]\d+)?\s?%\s*[)\]]\s*(?P<verb2>completed|withdrew|dropped\s+out|discontinued)\b",
    regex.I,
)
_CLAUSE_END = regex.compile(r"[.;:!?]\s|\n|\bwhereas\b|\bwhile\b|\bbut\b")

# Kinds, from the words of the clause after the count (first match wins, in this order).
_KIND_AFTER: list[tuple[str, regex.Pattern[str]]] = [
    ("planned", regex.compile(r"\b(?:will\s+be|to\s+be\s+(?:enrolled|recruited|randomi[sz]ed)|are\s+planned|is\s+planned)\b", regex.I)),
    ("withdrawn", regex.compile(r"\b(?:withdr[ae]w\w*|dropped\s+out|drop-?outs?|lost\s+to\s+follow|discontinued|did\s+not\s+complete|not\s+completed?)\b", regex.I)),
    ("randomized", regex.compile(r"\b(?:randomi[sz]\w*|randomly\s+(?:assigned|allocated|divided|distributed|chosen|selected)|were\s+allocated|were\s+assigned)\b", regex.I)),
    ("analyzed", regex.compile(r"\b(?:analy[sz]ed|analysis|evaluable|assessable)\b", regex.I)),
    ("completed", regex.compile(r"\b(?:completed|finished)\b", regex.I)),
    ("enrolled", regex.compile(
        r"\b(?:enrolled|included|recruited|entered|underwent|received|receiving|treated|were\s+given|"
        r"were\s+administered|were\s+studied|participated|took\s+part|were\s+followed|were\s+investigated|"
        r"were\s+evaluated|were\s+examined|were\s+infused|were\s+injected|were\s+transplanted|"
        r"were\s+divided|were\s+allocated|were\s+assigned|was\s+performed|were\s+performed|"
        r"were\s+included|enrolment|enrollment)\b", regex.I)),
]
# Counts of people screened or turned away before enrollment, and events.
_NOT_AFTER = regex.compile(
    r"^[^.;]{0,60}?\b(?:were\s+screened|screened|approached|assessed\s+for\s+eligibility|were\s+assessed\s+for|declined|refused|"
    r"were\s+ineligible|were\s+not\s+eligible|did\s+not\s+meet|died|deaths?|dead|experienced|developed|had\s+(?:a|an|no|mild|severe)|"
    r"showed|suffered|presented\s+with|reported|complained|required|needed|achieved|reached|responded|survived|"
    r"relapsed|recovered|improved|worsened|progressed|failed|were\s+cured|became|remained|still|crossed\s+over)\b",
    regex.I,
)
_PRE_ENROLLMENT_MODIFIER = regex.compile(r"\b(?:eligible|screened|potentially|assessed|approached|invited|consecutive\s+eligible)\b", regex.I)
# A count with no noun, right before a flow verb: "of whom 92 enrolled", "; 63 were randomly
# assigned", "62 finished the study", "and 5 dropped out", "one was lost to follow-up".
_COUNT_THEN_VERB = regex.compile(
    r"\s*(?:[(\[]\s*\d+(?:[.,·]\d+)?\s?%\s*[)\]]\s*)?(?:were|was|had|have)?\s*(?:clinically\s+|subsequently\s+|then\s+)?"
    r"(?P<verb>enrolled|randomi[sz]ed|randomly\s+(?:assigned|allocated)|included|recruited|evaluable|analy[sz]ed|"
    r"completed|finished|withdrew|withdrawn|dropped\s+out|discontinued|lost\s+to\s+follow)\b"
    # "two randomized trials": an adjective, not a verb
    r"(?!\s+(?:controlled|trials?|studies|study|clinical|double|placebo|phase|cross-?over|parallel|comparisons?))",
    regex.I,
)
# The verb before the count: "enrolled 156", "randomized 90 patients" (nouned ones are read anyway).
_VERB_THEN_COUNT = regex.compile(
    r"\b(?P<verb>enrolled|randomi[sz]ed|recruited|included|studied)\s+(?:a\s+total\s+of\s+)?(?P<num>\d{1,3}(?:[ ,]\d{3})+|\d{1,6})\b"
    r"(?!\s*(?:[:/%]|mg|g\b|ml|mL|kg|years?|months?|weeks?|days?|hours?|times|to\s+\d|or\s+\d|and\s+\d|-))",
    regex.I,
)
# "31 in the control group", "24 in each arm".
_IN_GROUP = regex.compile(
    r"(?<![\d.,])(?P<num>\d{1,5})\s+(?:patients\s+|participants\s+|subjects\s+)?in\s+(?:the\s+|each\s+)?"
    r"(?:[\w+-]+\s+){0,3}?(?:group|arm)\b",
    regex.I,
)
_EXCLUDED = regex.compile(r"^[^.;]{0,40}?\bwere\s+excluded\b", regex.I)
_AFTER_ALLOCATION = regex.compile(r"\b(?:from\s+each\s+group|after\s+randomi[sz]ation|post-?randomi[sz]ation|from\s+the\s+(?:analysis|study))\b", regex.I)
# Before the count: a subset ("two of the eight", "in 22 of 24"), a share.
# "two of the eight male patients", "17 of 56 patients": the count after "of" is a denominator.
_SUBSET_BEFORE = regex.compile(r"(?:\b(?!(?:total|sample|samples|group|groups|cohort|cohorts|consisted|consisting|comprised|comprising|composed|series|population|number|consist|enrollment|enrolment|recruitment|size|results|methods|findings|design|setting|participants|analysis|analyses)\b)(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:of|out\s+of)\s+(?:the\s+|these\s+|those\s+|all\s+)?$)", regex.I)
_SUBSET_AFTER = regex.compile(r"\s*(?:of|out\s+of)\s+(?:the\s+|these\s+|those\s+)?(?:\d+|[a-z]+(?:-[a-z]+)?)\b", regex.I)
_BACKGROUND = regex.compile(
    r"\b(?:previous(?:ly)?|prior\s+stud\w+|earlier\s+stud\w+|meta-?analys[ie]s|systematic\s+review|have\s+been\s+reported|"
    r"were\s+reported\s+in|other\s+stud\w+|literature|worldwide|each\s+year|per\s+year|annually|million\s+people|prevalence|incidence)\b",
    regex.I,
)
_STUDY_CUE = regex.compile(
    r"\b(?:study|studies|trial|randomi\w+|enrol\w+|includ\w+|recruit\w+|treated|received|cohort|underwent|administered|"
    r"evaluat\w+|retrospective|prospective|assigned|allocated|investigat\w+|examined|total|we|this|pilot|phase|open-label|"
    r"double-blind|single-arm|one-arm|group|groups|consecutive|estudi\w*|estudo|inclu[íi]d\w*|aleatori\w*|ensayo)\b",
    regex.I,
)
_YEARLIKE = regex.compile(r"\b(?:in|since|during|from|until|by|between|of)\s*$", regex.I)

_N_EQUALS = regex.compile(r"(?<![\p{L}\d])[nN]\s?[=:]\s?(?P<num>\d{1,6}(?:[ ,]\d{3})*)(?!\s?[.,]\d)(?!\s?%)(?P<each>\s+(?:each|per\s+(?:group|arm)|in\s+each))?")
_ANALYSIS_SET = regex.compile(r"\b(?:analysis\s+set|analy[sz]ed|ITT|intention[\s-]to[\s-]treat|per[\s-]protocol|safety\s+(?:set|population)|full\s+analysis)\b[^()]{0,25}\(?$", regex.I)
_GROUPS_OF = regex.compile(
    r"\b(?:groups?|arms?)\s+of\s+(?P<num>\d{1,5})\b"
    r"|\b(?P<num2>\d{1,5})\s+(?:patients\s+|participants\s+|subjects\s+)?(?:(?:per|in\s+each|each)\s+(?:group|arm)\b|each\s+in\s+the\b)",
    regex.I)
# "drug 300 U (28) or placebo (29)": a bare count in parentheses after an arm.
_BARE_PAREN_ARM = regex.compile(
    r"(?<=[\p{L}%\]]\s?)(?<!\b(?:cm|mm|m|km|kg|mg|ml|mL|J|s|h|min|L|g)\s?)\((?P<num>\d{1,5})\)(?=\s*(?:,|or\b|and\b|vs\.?|versus\b|\)|;|\.|were\b))"
    r"|(?<=\b(?:or|and|vs\.?|versus)\s+[\p{L}][\p{L}\d-]*(?:\s+[\p{L}][\p{L}\d-]*){0,2}\s?)\((?P<num>\d{1,5})\)",
    regex.I)
# "TMR+BMSCs = 10, CABG+BMSCs = 4": named groups with their sizes, two or more in a sentence.
_NAMED_GROUP_SIZE = regex.compile(r"(?<![\p{L}\d])(?P<name>[A-Z][\w+/-]{1,30})\s?=\s?(?P<num>\d{1,4})(?!\d|[.,]\d)")
_GROUP_WORDS = regex.compile(r"\b(?:patients|participants|subjects|groups?|arms?)\b", regex.I)
_RANDOMIZATION = regex.compile(r"\b(?:randomi[sz]\w*|allocated|assigned)\b", regex.I)
_ALLOCATED_TO_REST = regex.compile(r"\band\s+(?P<num>\d{1,3}(?:[ ,]\d{3})*|\d+)\s+to\s+(?:the\s+)?(?:placebo|control|usual|standard|\p{L}+)", regex.I)
_RESPECTIVELY = regex.compile(
    r"\b(?:of\s+whom|of\s+these|of\s+them)\s+(?P<a>\d{1,3}(?:[ ,]\d{3})*|\d+)\s+and\s+(?P<b>\d{1,3}(?:[ ,]\d{3})*|\d+),?\s+respectively,?\s+(?:were\s+|had\s+been\s+)?(?P<verb>\w+)",
    regex.I,
)
# Registry fields.
_ENROLLMENT_FIELD = regex.compile(
    r"\b(?P<label>Enrollment|Enrolment|Target\s+Recruitment|Target\s+sample\s+size|Sample\s+size|Actual\s+Enrollment|Estimated\s+Enrollment|Anticipated\s+Enrollment)\b"
    r"\s*(?:\([^)\n]{0,20}\))?\s*[:：]?\s*\n?\s*(?P<num>\d{1,6})\b(?P<tail>[^\n]{0,30})",
    regex.I,
)
_FLOW_ROW = regex.compile(r"(?m)^\s*(?P<label>STARTED|Started|COMPLETED|Completed|NOT\s+COMPLETED|Not\s+Completed)\s*[:\t ]\s*(?P<nums>\d{1,6}(?:[\t ]+\d{1,6}){0,5})\s*$")
_ZH_COUNT = regex.compile(r"(?P<num>\d{1,5}|[一二两三四五六七八九十百千]{1,6})\s?(?P<cls>例|名)(?!\s?[次天月年周])")
_ZH_ARM = regex.compile(r"组|每组")
_ZH_STOP = regex.compile(r"[。；！？;!?\n]")
_ZH_NOT = regex.compile(r"(?:死亡|生存|存活|移植|好转|治愈|发生|出现|不良)")


_PARENS = regex.compile(r"\([^()\n]*\)|\[[^\[\]\n]*\]")


def _clause_after(text: str, end: int, limit: int = 200) -> str:
    """The rest of the clause; punctuation inside brackets does not end it."""
    window = text[end:end + limit]
    masked = _PARENS.sub(lambda m: " " * len(m.group()), window)
    m = _CLAUSE_END.search(masked)
    return window[: m.start()] if m else window


def _sentence_before(text: str, start: int, limit: int = 200) -> str:
    window = text[max(0, start - limit):start]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("; "))
    return window[cut + 1:] if cut >= 0 else window


def _kind_from(words: str, default: str) -> str:
    """The kind named earliest in the words ("completed ..., and 5 dropped out" is completed)."""
    best: tuple[int, int, str] | None = None
    for rank, (kind, pat) in enumerate(_KIND_AFTER):
        m = pat.search(words)
        if m and (best is None or (m.start(), rank) < best[:2]):
            best = (m.start(), rank, kind)
    return best[2] if best else default


def _int(n: Number) -> int | None:
    if n.low is not None or n.spread is not None or n.inferred_exponent:
        return None
    v = n.value
    if v != int(v) or v < 1 or v > 10_000_000:
        return None
    return int(v)


def _parse_int(s: str) -> int:
    return int(regex.sub(r"[ ,]", "", s))


def find_sample_sizes(text: str) -> list[SampleSizeMatch]:
    """Every sample-size mention in the text, in order (see the module docstring)."""
    found: dict[tuple[int, int], SampleSizeMatch] = {}

    def add(value: int, kind: str, start: int, end: int, rule: str) -> None:
        if value < 1:
            return
        key = (start, end)
        if key in found or any(m.value == value and m.start < end and start < m.end for m in found.values()):
            return  # the same count read by two rules ("randomized 40" and "40 patients")
        found[key] = SampleSizeMatch(value, kind, start, end, rule)

    numbers = numbers_in(text)
    for n in numbers:
        value = _int(n)
        if value is None:
            continue
        # What follows the number decides first: most numbers are doses, times
        # or statistics with neither a noun nor a verb of counting after them.
        share_kind = _SHARE_THEN_KIND.match(text, n.end)
        noun = None if share_kind else _NOUN_AFTER.match(text, n.end)
        if not share_kind and not noun:
            continue
        before = _sentence_before(text, n.start)
        if _NAMING_BEFORE.search(before) or _TURNED_AWAY_BEFORE.search(before) or _EVENT_BEFORE.search(before):
            continue
        if share_kind:
            # "Of these, 200 (78.7%) were enrolled"
            verb = share_kind.group("verb") or share_kind.group("verb2")
            add(value, _kind_from(verb, "enrolled"), n.start, share_kind.end(), "count_share_verb")
            continue
        if _PRE_ENROLLMENT_MODIFIER.search(text[n.end:noun.start("noun")]):
            continue  # "132 eligible patients", "254 screened patients": counted before enrollment
        if _YEARLIKE.search(before) and 1900 <= value <= 2100 and not n.words:
            continue  # "in 2010 patients": a year, most likely
        subset = _SUBSET_BEFORE.search(before)
        if subset or _SUBSET_AFTER.match(text, n.end):
            # "two of the eight male patients" (a subset with an event); but "Nine of 10
            # patients completed" names the group and the ones who completed.
            noun = _NOUN_AFTER.match(text, n.end)
            flow = _kind_from(_clause_after(text, noun.end()) if noun else "", "")
            if subset and noun and flow in ("completed", "withdrawn", "analyzed", "randomized"):
                add(value, "enrolled", n.start, noun.end(), "count_noun:denominator")
            continue
        after = _clause_after(text, noun.end())
        sentence = before + text[n.start:noun.end()] + after
        if _BACKGROUND.search(sentence):
            continue
        excluded = _EXCLUDED.match(after)
        if excluded:
            if _AFTER_ALLOCATION.search(after):
                add(value, "withdrawn", n.start, noun.end(), "count_noun:excluded_after_allocation")
            continue
        share = _SHARE_AFTER.match(text, noun.end()) or _SHARE_AFTER.match(text, n.end)
        if share and not _SHARE_THEN_KIND.match(text, share.start()):
            continue  # "Eleven patients (11.2%) who ...", "169 men [86.2%]": a share of a larger group
        kind_words = after[:120]
        kind = _kind_from(kind_words, "")
        if _NOT_AFTER.match(after) and kind in ("", "enrolled"):
            continue
        if not kind:
            # No verb of its own: a count in a methods-like sentence ("in 15 confirmed patients").
            if not _STUDY_CUE.search(before + after):
                continue
            kind = "enrolled"
        add(value, kind, n.start, noun.end(), "count_noun")

    taken = [(m.start, m.end) for m in found.values()]
    for n in numbers:
        value = _int(n)
        if value is None or any(a <= n.start < b for a, b in taken):
            continue
        m = _COUNT_THEN_VERB.match(text, n.end)
        if not m:
            continue
        before = _sentence_before(text, n.start)
        if _NAMING_BEFORE.search(before) or _BACKGROUND.search(before) or _SUBSET_BEFORE.search(before):
            continue
        add(value, _kind_from(m.group("verb"), "enrolled"), n.start, m.end(), "count_verb")

    for m in _VERB_THEN_COUNT.finditer(text):
        add(_parse_int(m.group("num")), _kind_from(m.group("verb"), "enrolled"), m.start("num"), m.end("num"), "verb_count")

    for m in _IN_GROUP.finditer(text):
        before = _sentence_before(text, m.start())
        if _EVENT_BEFORE.search(before) or _SUBSET_BEFORE.search(before) or regex.search(r"%\s*$|\bof\s*$", before):
            continue
        if _NOT_AFTER.match(_clause_after(text, m.end())):
            continue  # "10 patients in the control group failed": an event
        add(int(m.group("num")), "arm", m.start("num"), m.end(), "in_group")

    for m in _N_EQUALS.finditer(text):
        value = _parse_int(m.group("num"))
        before = text[max(0, m.start() - 60):m.start()]
        kind = "analyzed" if _ANALYSIS_SET.search(before) and not m.group("each") else "arm"
        add(value, kind, m.start(), m.end(), "n_equals")

    for m in _GROUPS_OF.finditer(text):
        g = "num" if m.group("num") else "num2"
        add(int(m.group(g)), "arm", m.start(), m.end(), "per_group")

    for m in _BARE_PAREN_ARM.finditer(text):
        sentence = _sentence_before(text, m.start(), 250) + _clause_after(text, m.end(), 120)
        if _RANDOMIZATION.search(sentence):
            add(int(m.group("num")), "arm", m.start(), m.end(), "arm_parenthesis")

    for para in regex.finditer(r"[^.\n]+", text):
        items = list(_NAMED_GROUP_SIZE.finditer(text, para.start(), para.end()))
        if len(items) >= 2 and _GROUP_WORDS.search(para.group()) and not any(i.group("name").upper() in ("P", "N", "OR", "HR", "RR", "CI") for i in items):
            for i in items:
                add(int(i.group("num")), "arm", i.start(), i.end(), "named_group_size")

    for m in _ALLOCATED_TO_REST.finditer(text):
        sentence = _sentence_before(text, m.start(), 250)
        if _RANDOMIZATION.search(sentence) and regex.search(r"\d", sentence):
            add(_parse_int(m.group("num")), "arm", m.start("num"), m.end(), "allocated_to_rest")

    for m in _RESPECTIVELY.finditer(text):
        kind = _kind_from(m.group("verb"), "other")
        add(_parse_int(m.group("a")), kind, m.start("a"), m.end("a"), "respectively")
        add(_parse_int(m.group("b")), kind, m.start("b"), m.end("b"), "respectively")

    lowered = text.lower()
    has_field = any(w in lowered for w in ("enrol", "recruitment", "sample"))
    for m in _ENROLLMENT_FIELD.finditer(text) if has_field else ():
        label = m.group("label").lower()
        tail = m.group("tail").lower()
        planned = "target" in label or "estimated" in label or "anticipated" in label or "anticipated" in tail or "estimated" in tail
        add(int(m.group("num")), "planned" if planned else "enrolled", m.start(), m.end("num"), "registry_field")

    for m in _FLOW_ROW.finditer(text) if ("started" in lowered or "completed" in lowered) else ():
        label = m.group("label").lower()
        kind = "withdrawn" if label.startswith("not") else "completed" if label.startswith("completed") else "arm"
        pos = m.start("nums")
        for num in regex.finditer(r"\d+", m.group("nums")):
            add(int(num.group()), kind, pos + num.start(), pos + num.end(), "participant_flow")

    for m in _ZH_COUNT.finditer(text) if not text.isascii() else ():
        # The words around the count, not past a sentence stop ("共纳入21例患者。每组…").
        around = _ZH_STOP.split(text[max(0, m.start() - 8):m.start()])[-1] + m.group() \
            + _ZH_STOP.split(text[m.end():m.end() + 6])[0]
        if _ZH_NOT.search(text[max(0, m.start() - 4):m.end() + 4]):
            continue
        kind = "arm" if _ZH_ARM.search(around) else "enrolled"
        num = m.group("num")
        value = int(num) if num.isdigit() else parse_chinese_numeral(num)
        if value is None or (not num.isdigit() and text[max(0, m.start() - 1):m.start()] in ("第", "前")):
            continue  # "第一名": a rank, not a count
        add(value, kind, m.start(), m.end(), "zh_classifier")

    return sorted(found.values(), key=lambda s: (s.start, s.end))
