"""Find sample sizes: participant counts of the study population.

Pure functions (regex and the numbers reader; no spaCy). The spaCy
component ``trial_sample_sizes`` wraps :func:`find_sample_sizes`.

How trial reports state a sample size, and the rule for each:

- a count before a participant noun, up to five words apart
  (``twenty-one confirmed ALS patients``, ``64 participants``,
  ``20 211 adult trauma patients``, ``96 mildly to moderately demented
  patients``, ``Fifty-one pairs of ... twins``; the animals of a veterinary
  trial count too: ``Sixty Holstein calves``); its kind comes from the verb
  of its clause (randomized, enrolled, analysed, completed, withdrew, planned);
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
``two of the eight male patients``, ``improved in 22 patients``, ``42
patients in the control group had cough``, ``one patient`` with no flow
verb), reasons broken down by ``n =`` (``because of bleeding events (n =
4)``), densities (``90 steers/pen``), people screened, approached, assessed
or excluded before enrollment (``Of the 50 women assessed for the trial``),
ages, years, doses, centres, and counts from other studies in background
sentences.

The Chinese words are data, in ``patterns/zh/sample_sizes.jsonl`` (one word
per line, with an ``id``, a ``label``, the word as ``pattern``, an
``example`` and its ``expect``): the classifiers (``例``, ``名``), the words
that, right after a classifier, make it a tally rather than a head count
(``例次``), the arm words (``组``), the event words (``死亡``, ``生存``...:
an outcome count, skipped) and the rank words (``第一名``, skipped). They are
compiled into regexes at import and checked there: unknown labels or keys,
duplicate ids or words, an example its own word does not act on, or an
example that does not yield its ``expect`` raise
:class:`~extract.patterns.PatternError` at start-up. The Chinese numerals
(the characters :func:`~extract.normalize.numbers.parse_chinese_numeral`
reads), the sentence stops and the windows stay here: they are how the words
are applied, not which words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from extract.normalize.numbers import Number, numbers_in, parse_chinese_numeral
from extract.patterns import PatternError, check_expectations, check_rules, literal_alternation, load_patterns


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
    r"soldiers|runners|teenagers|twins|dyads|trainees|learners|pupils|humans|parturients|primiparas|multiparas|"
    # veterinary trials: the animals are the study population ("Sixty Holstein calves (30 bulls, 30 heifers)")
    r"calves|cows|heifers|steers|dogs|cats|horses|ponies|pigs|piglets|sows|sheep|ewes|lambs|goats|"
    r"pacientes|participantes|sujetos|niños|doentes|indivíduos)"
)
# Up to five modifier words between the count and the noun ("twenty-one confirmed
# ALS patients"); never a function word, a verb, a pronoun or a unit, and no comma.
_NOT_MODIFIER = (
    r"(?:of|in|to|and|or|with|were|was|had|has|have|who|which|whom|per|at|for|from|by|each|than|the|a|an|we|they|"
    r"it|this|that|these|those|are|is|be|been|being|years?|yr|months?|weeks?|days?|hours?|h|min|times|doses?|"
    r"cycles?|sessions?|mg|g|ml|kg|trials?|studies|study|randomly|were|after|before|during|all|"
    r"groups|arms|cent(?:er|re)s|sites|hospitals|clinics|practices|schools|countries|communities|their|its|our)"
)
# An age written as a modifier ("Eleven 5-7 year-old children", "40 8- to 12-year-old boys") and the
# name of the anaesthesia risk scale ("80 American Society of Anesthesiologists grade I-II patients"):
# modifiers that hold a digit or a function word.
_AGE_MODIFIER = (r"(?:\d{1,2}(?:\.\d)?(?:-?\s?(?:-|to)\s?\d{1,2}(?:\.\d)?)?[\s-]?(?:years?|yr|months?|weeks?|days?)[\s-]old\s+"
                 r"|American\s+Society\s+of\s+Anesthesiolog\w*\s+(?:\(ASA\)\s+)?)")
# A modifier is a word ("confirmed"), or a word led by a digit and a hyphen ("type 1-infected"); modifiers
# may be joined by "and"/"or" ("uncomplicated and parasitologically confirmed cases", "ASA physical status
# I and II patients") and a degree by "to" ("mildly to moderately demented patients"). A count of pairs
# or sets counts the pairs ("Fifty-one pairs of premenarcheal female twins").
_MODIFIER = (r"(?!" + _NOT_MODIFIER + r"\b)(?:[\p{L}][\p{L}\d'+-]*|\d+-[\p{L}][\p{L}-]*)\s+"
             r"(?:(?:and|or)\s+(?=\p{L})|(?<=(?:ly|mild|moderate)\s+)to\s+)?")
_NOUN_AFTER = regex.compile(
    r"\s*(?:\)\s*)?(?:(?:pairs|sets)\s+of\s+)?(?:" + _AGE_MODIFIER + r"|" + _MODIFIER + r"){0,5}?(?P<noun>" + _PARTICIPANT + r")\b",
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
    r"present|reported|detected|documented|improvement|decrease|increase|disappeared|developed|"
    r"times|episodes?|occasions)\b[^.;]{0,40}\b(?:in|among)\s+$"
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
    ("withdrawn", regex.compile(r"\b(?:withdr[ae]w\w*|dropped\s+(?:out|from\s+the\s+study)|taken\s+off\s+(?:the\s+)?study|drop-?outs?|lost\s+to\s+follow|discontinued|did\s+not\s+complete|not\s+completed?|"
                              r"did\s+not\s+receive\s+(?:the\s+)?allocated)\b", regex.I)),
    ("randomized", regex.compile(r"\b(?:randomi[sz]\w*|randomly\s+(?:assign(?:ed)?|allocated|divided|distributed|chosen|selected)|(?:assigned|allocated)\s+at\s+random|were\s+allocated|were\s+assigned)\b", regex.I)),
    ("analyzed", regex.compile(r"\b(?:analy[sz]ed|analysis|evaluable|assessable)\b", regex.I)),
    ("completed", regex.compile(r"\b(?:completed|finished|participated\s+in\s+(?:the\s+)?(?:[\w-]+\s+)?follow-?up)\b", regex.I)),
    ("enrolled", regex.compile(
        r"\b(?:enrolled|included|recruited|entered|underwent|received|receiving|treated|were\s+given|"
        r"were\s+administered|were\s+studied|participated|took\s+part|were\s+followed|were\s+investigated|"
        r"were\s+evaluated|were\s+examined|were\s+infused|were\s+injected|were\s+transplanted|"
        r"were\s+divided|were\s+allocated|were\s+assigned|was\s+performed|were\s+performed|"
        r"were\s+included|were\s+used|enrolment|enrollment)\b", regex.I)),
]
# Counts of people screened or turned away before enrollment, and events.
_NOT_AFTER = regex.compile(
    r"^[^.;]{0,60}?\b(?:were\s+screened|screened|approached|assessed\s+for\s+(?:eligibility|(?:the\s+|this\s+)?(?:trial|study|inclusion))|were\s+assessed\s+for|declined|refused|"
    r"were\s+ineligible|were\s+not\s+eligible|did\s+not\s+meet|died|deaths?|dead|experienced|developed|had\s+(?:a|an|no|mild|severe)|"
    r"showed|suffered|presented\s+with|reported|complained|required|needed|achieved|reached|responded|survived|"
    r"relapsed|recovered|improved|worsened|progressed|failed|were\s+cured|became|remained|still|crossed\s+over|requested|asked\s+for)\b",
    regex.I,
)
# An outcome class given to the counted people: "Eleven patients in the riluzole group and five patients in
# the placebo group were classified as responders".
_OUTCOME_CLASS_AFTER = regex.compile(
    r"^[^.;]{0,120}?\b(?:were|was)\s+(?:classified|considered|categori[sz]ed|defined|rated|judged)\s+as\s+(?:\w+\s+){0,2}?"
    r"(?:responders?|non-?responders?|remitters?|remission|treatment\s+failures?|failures?|successes|cured|improved)\b"
    r"|^[^.;]{0,60}?\b(?:were|was)\s+(?:\w+\s+){0,2}?(?:responders|non-?responders|remitters)\b",
    regex.I,
)
# A breakdown by sex inside the parenthesis after a count: "(22 men, 4 women; mean age 54)", "(46 boys)".
_SEX_NOUN = regex.compile(r"men|women|males?|females?|boys|girls|heifers|cows|ewes|sows", regex.I)
_OPEN_PAREN_BEFORE = regex.compile(r"[(\[][^()\[\]]*$")
_GROUP_IN_PAREN = regex.compile(r"[(\[][^()\[\]]*\b(?:group|arm|cohort)\b", regex.I)
# An event of the counted people, said right after them: "In one patient in group II the IJV and CA
# could not be distinguished", "361 cases of prostate cancer were diagnosed" (but not "Of the 60
# children, 4 could not be evaluated", "In the 1202 men studied, 361 cases ... were diagnosed").
# "had" right after the counted people of one arm (not "had been", "had complete data"): what they had
# is an outcome ("42 patients in the control group had cough"); without an arm it may describe the whole
# population ("Thirty-nine subjects (...) had autism diagnosed"), so it is not read there.
_HAD_AFTER = regex.compile(r"\s*(?:[(\[][^()\[\]]*[)\]]\s*)?had\s+(?!been\b|complete|full|data\b|follow)", regex.I)
# Before a count with no verb of its own: a study still to be run.
# "2618 (86%) of 3049 women in the intervention group had": the count is the arm, not the ones who had it.
_DENOMINATOR_OF_BEFORE = regex.compile(r"\bof\s+$", regex.I)
# Before a count with no verb of its own: the analysis it entered ("data were analyzed on 39 patients").
_ANALYZED_BEFORE = regex.compile(r"\banaly[sz]ed\s+(?:on|in|for|from)\s+$", regex.I)
_PLANNED_BEFORE = regex.compile(r"\b(?:is|are)\s+planned\b|\bwill\b|\bplan\s+to\b", regex.I)
_NOT_AFTER_NEAR = regex.compile(r"^[^,.;]{0,50}?\b(?:could\s+not\s+be|were\s+diagnosed(?!\s+with))\b", regex.I)
# Cheap literal tests before the costlier patterns above (most texts and clauses have none of these words).
# "in the ketorolac group and 17 patients in the pethidine group" before the verb the
# counts share: skipped so that the verb is read for the first count too.
_GROUP_PHRASE_AFTER = regex.compile(
    r"^\s*(?:in|of)\s+the\s+[^.;,()]{0,40}?\b(?:group|arm)\b"
    r"(?:\s*,?\s+and\s+[\p{L}\d-]+\s+(?:[\p{L}-]+\s+){0,2}?(?:in|of)\s+the\s+[^.;,()]{0,40}?\b(?:group|arm)\b)?",
    regex.I)
# A count followed by a sex word ("thirty-one female patients", "25 men"); both sexes counted in
# one sentence make a breakdown of the population, not sample sizes, when another count is found.
_SEX_AFTER_COUNT = regex.compile(r"\s+(?:[\p{L}-]+\s+)?(?:(?P<f>females?|women|girls)|(?P<m>males?|men|boys))\b", regex.I)
_OUTCOME_CLASS_HINT = regex.compile(r"respon|remi[st]|failure|success|cured|improved", regex.I)
_NOT_AFTER_NEAR_HINT = regex.compile(r"could\s+not|diagnosed", regex.I)
_TURNED_AWAY_AFTER = regex.compile(
    r"\s*(?:who\s+were\s+|were\s+)?(?:screened|assessed\s+for|approached|invited|identified\s+as\s+eligible)\b", regex.I)
_PRE_ENROLLMENT_MODIFIER = regex.compile(r"\b(?:eligible|screened|potentially|assessed|approached|invited|consecutive\s+eligible)\b", regex.I)
# A count with no noun, right before a flow verb: "of whom 92 enrolled", "; 63 were randomly
# assigned", "62 finished the study", "and 5 dropped out", "one was lost to follow-up".
_COUNT_THEN_VERB = regex.compile(
    r"\s*(?:[(\[]\s*\d+(?:[.,·]\d+)?\s?%\s*[)\]]\s*)?"
    # "36 met ICD-10 depression criteria and were randomised"
    r"(?:met\s+(?:the\s+|all\s+)?[^.;,]{0,40}?\bcriteria\s+and\s+)?(?:were|was|had|have)?\s*(?:clinically\s+|subsequently\s+|then\s+)?"
    r"(?P<verb>enrolled|randomi[sz]ed|randomly\s+(?:assigned|allocated)|(?:assigned|allocated)\s+(?:at\s+random|randomly)|"
    r"included|recruited|evaluable|analy[sz]ed|"
    r"completed|finished|withdrew|withdrawn|dropped\s+out|discontinued|lost\s+to\s+follow)\b"
    # "two randomized trials": an adjective, not a verb
    r"(?!\s+(?:controlled|trials?|studies|study|clinical|double|placebo|phase|cross-?over|parallel|comparisons?|"
    r"(?:[\w-]+\s+)?(?:regimens?|arms?|groups?|treatments?|therapies|conditions|interventions|sequences?|orders?)\b))",
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
# Only a count or a quantifier makes "K of N" a subset: "trial of 300 patients", "analysis of
# 87 children", "a sample of 450 adults" name the study population itself.
_NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|hundred|thousand)"
)
_SUBSET_WORD = r"(?:\d+|" + _NUMBER_WORD + r"|all|most|some|many|several|few|half|none|majority|minority)"
# The pattern is anchored at the end and its longest match ("seventy-seven out of these ") is well
# under this many characters: only the tail of the sentence is searched.
_SUBSET_REACH = 48
_SUBSET_BEFORE = regex.compile(r"\b" + _SUBSET_WORD + r"\s+(?:of|out\s+of)\s+(?:the\s+|these\s+|those\s+|all\s+)?$", regex.I)
_SUBSET_AFTER = regex.compile(r"\s*(?:of|out\s+of)\s+(?:the\s+|these\s+|those\s+)?(?:\d+|[a-z]+(?:-[a-z]+)?)\b", regex.I)
# A numerator's denominator and its noun: "Nine [of 10 patients] completed", "87 [of 124 families (70.2%)]".
_OF_DENOMINATOR = regex.compile(
    r"\s*(?:of|out\s+of)\s+(?:the\s+|these\s+|those\s+|all\s+)?(?:\d{1,3}(?:,\d{3})+|\d+|" + _NUMBER_WORD + r")(?=\s)",
    regex.I)
# The main verb of a flow right after a noun (an optional share between): "... completed", "(70.2%) participated in the follow-up".
# A participle right after the noun ("patients randomized to CBT were responders") is not the main verb:
# it may be skipped ("209 of the 212 patients randomized were included in the analyses"), never taken.
_FLOW_VERB_AFTER = regex.compile(
    r"\s*(?:[(\[][^()\[\]]{0,30}[)\]]\s*)?,?\s*(?:(?:initially\s+)?(?:randomi[sz]ed|enrolled|included|recruited)\s+(?=were\b|was\b))?"
    r"(?:(?:had|have)\s+)?(?:\w+ly\s+)?"
    r"(?:completed|finished|withdrew|dropped\s+out|discontinued|(?:were|was)\s+lost\s+to\s+follow|"
    r"participated\s+in\s+(?:the\s+)?(?:[\w-]+\s+)?follow-?up|(?:were|was)\s+(?:\w+ly\s+)?(?:randomi[sz]ed|analy[sz]ed|evaluable|"
    r"included\s+in\s+the\s+(?:final\s+|primary\s+)?analys[ie]s))\b",
    regex.I)
# A denominator whose noun names its arm or a flow step: "59 of the 405 infants (15 percent) in the
# vitamin A group", "6 of 334 patients) in the warfarin group", "109 of 211 warfarin recipients",
# "820 of 919 patients enrolled".
_DENOMINATOR_ARM = regex.compile(
    r"\s*(?:[(\[][^()\[\]]{0,30}[)\]]\s*)?\)?\s*(?:in|of)\s+(?:the|each)\s+(?:[\w+/-]+\s+){0,4}?(?:group|arm)s?\b",
    regex.I)
_DENOMINATOR_PARTICIPLE = regex.compile(
    r"\s*(?:who\s+were\s+)?(?:initially\s+|originally\s+)?(?P<verb>enrolled|randomi[sz]ed|included|recruited|analy[sz]ed|evaluated)\b"
    r"(?!\s+(?:with|by|for|at|in\s+the\s+\w+\s+group))", regex.I)
# "previous" names another study, not a time window of an eligibility criterion ("bed rest for 2 days
# or more within the previous month", "in the previous 6 months").
_BACKGROUND = regex.compile(
    r"\b(?:previous(?:ly)?\b(?!\s+(?:[\w-]+\s+)?(?:days?|weeks?|months?|years?|night)\b)|prior\s+stud\w+|earlier\s+stud\w+|meta-?analys[ie]s|systematic\s+review|have\s+been\s+reported|"
    r"were\s+reported\s+in|other\s+stud\w+|literature|worldwide|each\s+year|per\s+year|annually|million\s+people|prevalence|incidence)\b",
    regex.I,
)
# Allocation to one named group: the count is that arm's size ("Twenty patients were assigned to the
# resection group", "21 were assigned at random to the MI group"); not "to two groups", "to the X or Y group".
_TO_ONE_ARM = regex.compile(
    r"\s*(?:patients\s+|participants\s+|subjects\s+)?(?:were|was)\s+(?:\w+ly\s+)?(?:randomi[sz]ed|assigned|allocated)"
    r"(?:\s+at\s+random)?\s+to\s+(?:receive\s+)?(?:the\s+)?(?:(?!or\b|and\b|either\b|two\b|three\b|four\b|both\b|one\s+of\b)"
    r"[\w+/-]+\s+){0,4}?(?:group|arm)\b(?!s)", regex.I)
_OBJECTIVE_WORD = regex.compile(r"prevalence|incidence", regex.I)
_OWN_FLOW_VERB = regex.compile(
    r"^[^.;]{0,80}?\b(?:were|was|had\s+been)\s+(?:\w+ly\s+)?(?:randomi[sz]ed|enrolled|recruited|included|allocated|assigned)\b"
    r"|^\s*(?:randomi[sz]ed|enrolled)\b", regex.I)
_STUDY_CUE = regex.compile(
    r"\b(?:study|studies|studied|trial|randomi\w+|enrol\w+|includ\w+|recruit\w+|treated|received|cohort|underwent|undergoing|administered|"
    r"evaluat\w+|retrospective|prospective|assigned|allocated|investigat\w+|examined|total|we|this|pilot|phase|open-label|"
    r"double-blind|single-arm|one-arm|group|groups|consecutive|planned|estudi\w*|estudo|inclu[íi]d\w*|aleatori\w*|ensayo)\b",
    regex.I,
)
# A structured abstract's section heading right before the count's sentence ("PATIENTS 670 consecutive
# patients who had knee arthroplasty", "SUBJECTS 66 patients with ...", "METHODS ... in 90 patients").
_HEADING_CUE = regex.compile(r"(?:^|[.:]\s|\n)\s*(?:PATIENTS|PARTICIPANTS|SUBJECTS|POPULATION|SAMPLE|METHODS?|"
                             r"(?:PATIENTS|MATERIALS?)\s+AND\s+METHODS?|DESIGN|SETTING|STUDY\s+DESIGN)\b(?:\s*[:.]\s*|\s+)")
# Modifiers of the participant noun that place the count in the study ("670 consecutive patients").
_STUDY_MODIFIER = regex.compile(r"\b(?:consecutive|randomi[sz]ed|enrolled|evaluable|eligible\s+and\s+consenting)\b", regex.I)
# Before a count with no verb of its own, words that make it the study population: the subject of
# the sentence named as such ("The participants were 294 men and women", "The sample consisted of
# 120 nurses") or a measurement made in the counted people ("were measured in 26 infants",
# "The study was performed in 21 patients"; not "Reoperation was performed in 3 patients").
# Events seen in people (_EVENT_BEFORE) are refused before this.
_POPULATION_BEFORE = regex.compile(
    r"\b(?:(?:participants|subjects|sample|population|study\s+group|cohort)\s+(?:were|was|comprised|consisted\s+of|included)"
    r"|(?:measured|tested|studied|investigated)\s+(?:[\w-]+\s+){0,2}?(?:in|on|among)"
    r"|\b(?:data|samples?|measurements|recordings)\s+(?:were|was)\s+(?:obtained|collected|gathered|recorded)\s+(?:in|from|on)"
    r"|\b(?:study|trial|experiment|investigation|measurements?|assessments?|examinations?|tests?|imaging|scans?)\s+"
    r"(?:(?:was|were|has\s+been|have\s+been)\s+)?(?:\w+ly\s+)?(?:performed|conducted|carried\s+out|done)\s+(?:in|on|among))\s+$",
    regex.I)
_YEARLIKE = regex.compile(r"\b(?:in|since|during|from|until|by|between|of)\s*$", regex.I)

_N_EQUALS = regex.compile(r"(?<![\p{L}\d])(?:[nN]|no\.)\s?[=:]\s?(?P<num>\d{1,6}(?:[ ,]\d{3})*)(?!\s?[.,]\d)(?!\s?%)(?P<each>\s+(?:each|per\s+(?:group|arm)|in\s+each))?")
# n= right after a reason or an event: a breakdown of people who had it, not a group of the study.
_REASON_BEFORE_N = regex.compile(
    r"(?:\b(?:because\s+of|due\s+to|owing\s+to)\b[^.;()\[\]]{0,40}|\b(?:events?|effects?|deaths?|complications?)\s*)[(\[,]\s*$",
    regex.I)
# n= among the statistics of a result ("(123 +/- 11 vs. 160 +/- 10 mg/dl, n = 25, P < 0.005)"): the
# number analysed for it.
_RESULT_PAREN_BEFORE = regex.compile(r"\(\s*[^()]{0,50}?(?:\+/-|±)[^()]*$")
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
# Withdrawals listed by arm: "(dropouts: placebo = 4, riluzole = 5)", "withdrawals: A=3, B=2".
_WITHDRAWN_BY_ARM = regex.compile(
    r"\b(?:drop-?outs?|withdrawals?|discontinuations?|losses\s+to\s+follow-?up|lost\s+to\s+follow-?up)\s*[:(]\s*"
    r"(?P<items>(?:[\p{L}][\w+/-]*(?:\s[\p{L}][\w+/-]*){0,2}\s?[=:]\s?\d{1,4}(?![\d.,]\d)(?:\s*(?:,|;|and)\s*|\s*(?=\))|$)){1,6})",
    regex.I)
_WITHDRAWN_HINT = regex.compile(r"drop-?out|withdrawal|discontinuation|lost\s+to|losses", regex.I)
_ARM_ITEM = regex.compile(r"[=:]\s?(?P<num>\d{1,4})")
_GROUP_WORDS = regex.compile(r"\b(?:patients|participants|subjects|groups?|arms?)\b", regex.I)
# A short label with a capital right before a bare one-digit parenthesis, not a unit after a
# number and not named as a group ("T (4)", "rT (3)", "CO (2)"): a subscript lost in conversion.
_SUBSCRIPT_LABEL_BEFORE = regex.compile(
    r"(?<!\b(?:group|arm|cohort|regimen|treatment|schedule|level|dose|drug|protocol|condition|phase)\s+)"
    r"(?<![\p{L}\d-]|\d\s?)(?=[\p{L}]{0,2}\p{Lu})[\p{L}]{1,3}\s?$",
    regex.I)
_RANDOMIZATION = regex.compile(r"\b(?:randomi[sz]\w*|allocated|assigned)\b", regex.I)
_ALLOCATED_TO_REST = regex.compile(r"\band\s+(?P<num>\d{1,3}(?:[ ,]\d{3})*|\d+)\s+(?:[(\[]\s*\d+(?:[.,·]\d+)?\s?%\s*[)\]]\s+)?to\s+(?:the\s+)?(?:placebo|control|usual|standard|\p{L}+)", regex.I)
# The second of two parallel counts with one verb: "143 patients received 30% oxygen and 148 received 80%".
_PARALLEL_VERB = r"(?:received|were\s+given|underwent|were\s+treated\s+with)"
_PARALLEL_COUNT = regex.compile(
    r"(?:\band|,\s+and|\bwhile|\bwhereas)\s+(?P<num>\d{1,3}(?:,\d{3})+|\d{1,6})\s+(?P<verb>" + _PARALLEL_VERB + r")\b"
    r"(?!\s+(?:no|any|additional|rescue|other)\b)", regex.I)
_PARALLEL_HINT = regex.compile(r"\d\s+(?:received|were\s+given|underwent|were\s+treated)\b", regex.I)
_FIRST_PARALLEL = regex.compile(
    r"(?:\d+|\b" + _NUMBER_WORD + r")\s+(?:[\w-]+\s+){0,3}?" + _PARTICIPANT + r"\s+(?:\([^()]*\)\s*)?" + _PARALLEL_VERB + r"\b",
    regex.I)
_COUNT_WORD = regex.compile(r"\b" + _NUMBER_WORD + r"\b", regex.I)
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

# --------------------------------------------------------------------------- Chinese: rules as data

#: The Chinese words, one per line: patterns/zh/sample_sizes.jsonl.
ZH_RULE_FILE = "zh/sample_sizes"
_ZH_SOURCE = f"{ZH_RULE_FILE}.jsonl"
#: What a word does (the ``label`` of its line); see the module docstring.
ZH_LABELS = ("classifier", "unit_after", "arm", "event", "rank")
# Keys besides id, label, pattern and example ("expect" is required: checked below).
_ZH_EXTRA_KEYS = ("expect", "comment", "source")
# A count in Chinese numerals: the characters parse_chinese_numeral reads, less 万 and 〇/零.
_ZH_NUMERAL_CHARS = "[一二两三四五六七八九十百千]"
_ZH_NUMERAL = _ZH_NUMERAL_CHARS + "{1,6}"
_ZH_STOP = regex.compile(r"[。；！？;!?\n]")
# The words around a count that may make it an arm (not past a sentence stop),
# and the reach of an event word; in characters.
_ZH_ARM_BEFORE, _ZH_ARM_AFTER = 8, 6
_ZH_EVENT_REACH = 4


@dataclass(frozen=True, slots=True)
class ZhVocabulary:
    """The Chinese words of :data:`ZH_RULE_FILE`, compiled.

    Attributes:
        classifiers: the classifier words.
        count: a number (digits or a Chinese numeral, group ``num``) and a
            classifier (group ``cls``) not followed by a ``unit_after`` word.
        arm: any arm word.
        event: any event word.
        rank: the rank words; one right before a Chinese numeral count makes
            it a place, not a count.
    """

    classifiers: tuple[str, ...]
    count: regex.Pattern[str]
    arm: regex.Pattern[str]
    event: regex.Pattern[str]
    rank: tuple[str, ...]


def _zh_fail(rid: object, message: str) -> PatternError:
    return PatternError(f"{_ZH_SOURCE}: rule {rid!r}: {message}")




def _zh_around(text: str, m: regex.Match[str]) -> str:
    """The count with the words around it, not past a sentence stop ("共纳入21例患者。每组…")."""
    return (_ZH_STOP.split(text[max(0, m.start() - _ZH_ARM_BEFORE):m.start()])[-1] + m.group()
            + _ZH_STOP.split(text[m.end():m.end() + _ZH_ARM_AFTER])[0])


def _zh_event_window(text: str, m: regex.Match[str]) -> str:
    """Where an event word makes the count an outcome ("死亡7例")."""
    return text[max(0, m.start() - _ZH_EVENT_REACH):m.end() + _ZH_EVENT_REACH]


def _zh_is_rank(vocab: ZhVocabulary, text: str, m: regex.Match[str]) -> bool:
    """A rank word right before a count in Chinese numerals ("第一名")."""
    return not m.group("num").isdigit() and text.endswith(vocab.rank, 0, m.start())


def _zh_acts_on_example(vocab: ZhVocabulary, label: str, word: str, example: str) -> bool:
    """Whether ``word`` does its job (``label``) somewhere in ``example``."""
    counts = list(vocab.count.finditer(example))
    if label == "classifier":
        return any(m.group("cls") == word for m in counts)
    if label == "unit_after":
        # "48例次": the word right after a counted classifier (which the count pattern then refuses).
        tally = rf"(?:\d|{_ZH_NUMERAL_CHARS})\s?(?:{literal_alternation(vocab.classifiers)})\s?{regex.escape(word)}"
        return regex.search(tally, example) is not None
    if label == "arm":
        return any(word in _zh_around(example, m) for m in counts)
    if label == "event":
        return any(word in _zh_event_window(example, m) for m in counts)
    return any(not m.group("num").isdigit() and example.endswith(word, 0, m.start()) for m in counts)


def _compile_zh(rules: Sequence[Mapping[str, Any]]) -> ZhVocabulary:
    """Check the Chinese words and compile them.

    Args:
        rules: the lines of :data:`ZH_RULE_FILE` (or rules built in memory).

    Returns:
        The compiled vocabulary.

    Raises:
        PatternError: naming the rule, on a missing, unknown or ill-typed
            key, a duplicate id, a label outside :data:`ZH_LABELS`, a word
            listed twice, no classifier at all, or an example its own word
            does not act on.
    """
    check_rules(rules, _ZH_SOURCE, optional=_ZH_EXTRA_KEYS)
    words: dict[str, list[str]] = {label: [] for label in ZH_LABELS}
    for rule in rules:
        rid, label, word = rule["id"], rule["label"], rule["pattern"]
        if label not in ZH_LABELS:
            raise _zh_fail(rid, f"label {label!r} is not one of {list(ZH_LABELS)}")
        if word != word.strip():
            raise _zh_fail(rid, f"the word {word!r} has spaces around it")
        if word in words[label]:
            raise _zh_fail(rid, f"the {label} word {word!r} is listed twice")
        expect = rule.get("expect")
        if not isinstance(expect, list) or not all(
            isinstance(e, list) and len(e) == 2 and isinstance(e[0], int) and not isinstance(e[0], bool)
            and isinstance(e[1], str) for e in expect
        ):
            raise _zh_fail(rid, "'expect' must be a list of [value, kind] pairs")
        for key in ("comment", "source"):
            if key in rule and (not isinstance(rule[key], str) or not rule[key].strip()):
                raise _zh_fail(rid, f"{key!r} must be a non-empty string")
        words[label].append(word)
    if not words["classifier"]:
        raise PatternError(f"{_ZH_SOURCE}: no classifier")
    tally = rf"(?!\s?(?:{literal_alternation(words['unit_after'])}))" if words["unit_after"] else ""
    vocab = ZhVocabulary(
        classifiers=tuple(words["classifier"]),
        count=regex.compile(
            rf"(?P<num>\d{{1,5}}|{_ZH_NUMERAL})\s?(?P<cls>{literal_alternation(words['classifier'])}){tally}"),
        arm=regex.compile(literal_alternation(words["arm"])),
        event=regex.compile(literal_alternation(words["event"])),
        rank=tuple(words["rank"]),
    )
    for rule in rules:
        if not _zh_acts_on_example(vocab, rule["label"], rule["pattern"], rule["example"]):
            raise _zh_fail(rule["id"], f"its {rule['label']} word {rule['pattern']!r} does not act on its "
                                       f"example {rule['example']!r}")
    return vocab


_ZH = _compile_zh(load_patterns(ZH_RULE_FILE))


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
    sex_breakdown: list[tuple[int, int]] = []
    for n in numbers:
        value = _int(n)
        if value is None:
            continue
        # What follows the number decides first: most numbers are doses, times
        # or statistics with neither a noun nor a verb of counting after them.
        share_kind = _SHARE_THEN_KIND.match(text, n.end)
        noun = None if share_kind else _NOUN_AFTER.match(text, n.end)
        if not share_kind and not noun:
            numerator = _OF_DENOMINATOR.match(text, n.end) if "of" in text[n.end:n.end + 9] else None
            if numerator:
                # "Nine of 10 patients completed the trial": the numerator of a flow step
                denominator_noun = _NOUN_AFTER.match(text, numerator.end())
                flow = denominator_noun and _FLOW_VERB_AFTER.match(text, denominator_noun.end())
                if flow and not _NAMING_BEFORE.search(text[max(0, n.start - 30):n.start]):
                    kind = "analyzed" if regex.search(r"analys[ie]s\s*$", flow.group()) else _kind_from(flow.group(), "other")
                    add(value, kind, n.start, flow.end(), "count_of_noun_verb")
            continue
        before = _sentence_before(text, n.start)
        if _NAMING_BEFORE.search(before) or _TURNED_AWAY_BEFORE.search(before) or _EVENT_BEFORE.search(before):
            continue
        if share_kind:
            # "Of these, 200 (78.7%) were enrolled"
            verb = share_kind.group("verb") or share_kind.group("verb2")
            add(value, _kind_from(verb, "enrolled"), n.start, share_kind.end(), "count_share_verb")
            continue
        if _SEX_NOUN.fullmatch(noun.group("noun")):
            paren = _OPEN_PAREN_BEFORE.search(text, max(0, n.start - 40), n.start)
            if paren and not _GROUP_IN_PAREN.match(text, paren.start()):
                continue  # "26 patients (22 men, 4 women; ...)": a breakdown of the population, not a sample size
        if _PRE_ENROLLMENT_MODIFIER.search(text[n.end:noun.start("noun")]) or _TURNED_AWAY_AFTER.match(text, noun.end()):
            # "132 eligible patients", "254 screened patients", "Of the 50 women assessed for the trial, 36 ...
            # were randomised": counted before enrollment, whatever verb the clause has later
            continue
        if text.startswith("/", noun.end()):
            continue  # "90 steers/pen", "12 patients/day": a density or a rate, not a sample size
        if _YEARLIKE.search(before) and 1900 <= value <= 2100 and not n.words:
            continue  # "in 2010 patients": a year, most likely
        subset = _SUBSET_BEFORE.search(before, max(0, len(before) - _SUBSET_REACH))
        if subset or _SUBSET_AFTER.match(text, n.end):
            # "two of the eight male patients" (a subset with an event); but "Nine of 10
            # patients completed" names the group and the ones who completed.
            noun = _NOUN_AFTER.match(text, n.end)
            if not (subset and noun):
                continue
            participle = _DENOMINATOR_PARTICIPLE.match(text, noun.end())
            if participle:
                # "received by 820 of 919 patients enrolled": the denominator is the flow step named after it
                verb = participle.group("verb").lower()
                kind = ("randomized" if verb.startswith("randomi") else "analyzed" if verb.startswith(("analy", "evalu"))
                        else "enrolled")
                add(value, kind, n.start, participle.end(), "count_noun:denominator_participle")
                continue
            words = text[n.end:noun.start("noun")].split()
            if _DENOMINATOR_ARM.match(text, noun.end()) or (
                    words and noun.group("noun").lower().startswith(("recipient", "user"))):
                # "59 of the 405 infants (15 percent) in the vitamin A group", "109 of 211 warfarin recipients"
                add(value, "arm", n.start, noun.end(), "count_noun:denominator_arm")
                continue
            flow = _kind_from(_clause_after(text, noun.end()), "")
            if flow in ("completed", "withdrawn", "analyzed", "randomized") or _FLOW_VERB_AFTER.match(text, noun.end()):
                add(value, "enrolled", n.start, noun.end(), "count_noun:denominator")
            continue
        after = _clause_after(text, noun.end())
        sentence = before + text[n.start:noun.end()] + after
        background = _BACKGROUND.search(sentence)
        if background and not (_OBJECTIVE_WORD.fullmatch(background.group())
                               and _OWN_FLOW_VERB.match(after)):
            # "the incidence of acute GVHD ..., 224 patients ... were randomized": an objective naming
            # its outcome, not an epidemiology figure, when the count has a flow verb of its own
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
        group_phrase = _GROUP_PHRASE_AFTER.match(after) if kind in ("", "enrolled") else None
        if kind in ("", "enrolled") and (
                _NOT_AFTER.match(after)
                or (group_phrase and _HAD_AFTER.match(after, group_phrase.end())
                    and not _DENOMINATOR_OF_BEFORE.search(before))
                or (group_phrase and _NOT_AFTER.match(after[group_phrase.end():]))
                or (_OUTCOME_CLASS_HINT.search(after) and _OUTCOME_CLASS_AFTER.match(after))
                or (_NOT_AFTER_NEAR_HINT.search(after) and _NOT_AFTER_NEAR.match(after))):
            continue
        if not kind:
            if value == 1:
                continue  # one person and no flow verb: a case or an event ("In one patient this was incapacitating")
            # No verb of its own: a count in a methods-like sentence ("in 15 confirmed patients").
            if not (_STUDY_CUE.search(before + after) or _STUDY_MODIFIER.search(text, n.end, noun.start("noun"))
                    or _POPULATION_BEFORE.search(before)
                    or _HEADING_CUE.search(text[max(0, n.start - len(before) - 3):n.start])):
                continue
            kind = ("planned" if _PLANNED_BEFORE.search(before)
                    else "analyzed" if _ANALYZED_BEFORE.search(before) else "enrolled")
        if kind == "randomized" and _TO_ONE_ARM.match(after):
            kind = "arm"
        if _SEX_AFTER_COUNT.match(text, n.end) and _both_sexes_counted(text, numbers, n.start - len(before),
                                                                        noun.end() + len(after)):
            sex_breakdown.append((n.start, noun.end()))
        add(value, kind, n.start, noun.end(), "count_noun")

    taken = [(m.start, m.end) for m in found.values()]
    for n in numbers:
        value = _int(n)
        if value is None or any(a <= n.start < b for a, b in taken):
            continue
        m = _COUNT_THEN_VERB.match(text, n.end)
        if not m:
            continue
        if "\n" in text[n.end:m.start("verb")] and text[m.start("verb")].isupper():
            continue  # "Started 30 30 30\nCompleted 27 28 29": the next row's label, not this count's verb
        before = _sentence_before(text, n.start)
        if _NAMING_BEFORE.search(before) or _BACKGROUND.search(before) \
                or _SUBSET_BEFORE.search(before, max(0, len(before) - _SUBSET_REACH)):
            continue
        kind = _kind_from(m.group("verb"), "enrolled")
        if kind == "randomized" and _TO_ONE_ARM.match(text, n.end, n.end + 120):
            kind = "arm"
        add(value, kind, n.start, m.end(), "count_verb")

    for m in _VERB_THEN_COUNT.finditer(text):
        add(_parse_int(m.group("num")), _kind_from(m.group("verb"), "enrolled"), m.start("num"), m.end("num"), "verb_count")

    for m in _IN_GROUP.finditer(text):
        before = _sentence_before(text, m.start())
        if _EVENT_BEFORE.search(before) or _SUBSET_BEFORE.search(before, max(0, len(before) - _SUBSET_REACH)) \
                or regex.search(r"%\s*$|\bof\s*$", before):
            continue
        clause = _clause_after(text, m.end())
        if _NOT_AFTER.match(clause) or _HAD_AFTER.match(clause):
            continue  # "10 patients in the control group failed", "42 patients in the control group had cough": events
        add(int(m.group("num")), "arm", m.start("num"), m.end(), "in_group")

    for m in _N_EQUALS.finditer(text):
        value = _parse_int(m.group("num"))
        before = text[max(0, m.start() - 60):m.start()]
        if _REASON_BEFORE_N.search(before):
            continue  # "discontinued because of bleeding events (n = 4), possible side effects (n = 2)": reasons, not arms
        kind = "analyzed" if (_ANALYSIS_SET.search(before) or _RESULT_PAREN_BEFORE.search(before)) \
            and not m.group("each") else "arm"
        add(value, kind, m.start(), m.end(), "n_equals")

    for m in _WITHDRAWN_BY_ARM.finditer(text) if _WITHDRAWN_HINT.search(text) else ():
        pos = m.start("items")
        for item in _ARM_ITEM.finditer(m.group("items")):
            add(int(item.group("num")), "withdrawn", pos + item.start("num"), pos + item.end("num"), "withdrawn_by_arm")

    for m in _GROUPS_OF.finditer(text):
        g = "num" if m.group("num") else "num2"
        add(int(m.group(g)), "arm", m.start(), m.end(), "per_group")

    for m in _BARE_PAREN_ARM.finditer(text):
        if len(m.group("num")) == 1 and _SUBSCRIPT_LABEL_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "free T (4) and T (3)": a subscript lost in conversion, not an arm's size
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
        if _RANDOMIZATION.search(sentence) and (regex.search(r"\d", sentence) or _COUNT_WORD.search(sentence)):
            add(_parse_int(m.group("num")), "arm", m.start("num"), m.end(), "allocated_to_rest")

    for m in _PARALLEL_COUNT.finditer(text) if _PARALLEL_HINT.search(text) else ():
        first = _FIRST_PARALLEL.search(_sentence_before(text, m.start(), 250))
        if first and regex.sub(r"\s+", " ", m.group("verb").lower()) in regex.sub(r"\s+", " ", first.group().lower()):
            add(_parse_int(m.group("num")), "arm", m.start("num"), m.end("verb"), "parallel_count")

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

    for m in _ZH.count.finditer(text) if not text.isascii() else ():
        if _ZH.event.search(_zh_event_window(text, m)):
            continue  # "死亡7例": an outcome, not a sample size
        kind = "arm" if _ZH.arm.search(_zh_around(text, m)) else "enrolled"
        num = m.group("num")
        value = int(num) if num.isdigit() else parse_chinese_numeral(num)
        if value is None or _zh_is_rank(_ZH, text, m):
            continue  # "第一名": a rank, not a count
        add(value, kind, m.start(), m.end(), "zh_classifier")

    if sex_breakdown and len(found) > len(sex_breakdown):
        for key in sex_breakdown:
            found.pop(key, None)
    return sorted(found.values(), key=lambda s: (s.start, s.end))


def _both_sexes_counted(text: str, numbers: Sequence[Number], start: int, end: int) -> bool:
    """Whether counts of both sexes stand in ``text[start:end]`` ("31 female ... and 25 male patients")."""
    sexes = set()
    for n in numbers:
        if start <= n.start < end:
            m = _SEX_AFTER_COUNT.match(text, n.end)
            if m:
                sexes.add("f" if m.group("f") else "m")
    return len(sexes) == 2


# Every Chinese word proved on its example: find_sample_sizes gives its ``expect``.
check_expectations(load_patterns(ZH_RULE_FILE), _ZH_SOURCE, lambda example: [[m.value, m.kind] for m in find_sample_sizes(example)])
