"""Outcome finder: vocabulary, abbreviations, cues and the places that name no outcome (real strings)."""

from __future__ import annotations

import pytest

from extract.ingest.clean import normalize_chars
from extract.normalize.outcomes import find_outcomes, normalize_key


def names(text: str, abbreviations: list[tuple[int, int, int, int]] | None = None) -> set[str]:
    return {m.name for m in find_outcomes(normalize_chars(text), abbreviations)}


@pytest.mark.parametrize("text,expected", [
    # seeds and corpus documents
    ("Clinical assessment using ALS functional rating scale-revised (ALSFRS) and forced vital capacity (FVC) values",
     {"ALSFRS-R", "FVC"}),
    ("TNF-α levels in the CSF showed a significant decrease at month three", {"TNF-α"}),
    ("tumor necrosis factor-alpha (TNF-α), neurofilament light chain (NFL), and glial-cell-derived neurotrophic factor "
     "(GDNF) levels", {"TNF-α", "NfL", "GDNF"}),
    ("iron (Fe), ferritin, total-iron-binding capacity (TIBC), transferrin, and creatine kinase (CK)",
     {"iron", "ferritin", "TIBC", "transferrin", "CK"}),
    ("The primary outcome was change in hematoma volume (HV) by computed tomography", {"hematoma volume"}),
    ("Secondary outcomes included the Barthel Index at the 8th week", {"Barthel Index"}),
    ("The mean daily frequency of urinary incontinence episodes was significantly lower", {"urinary incontinence episodes"}),
    ("Primary outcome measure was the duration of diarrhoea.", {"duration of diarrhoea"}),
    ("No serious adverse effects were reported during the study.", {"serious adverse events"}),
    ("mean serum 25(OH)D levels increased from 21.2 ± 8.2 to 30.6 ± 8.8 ng/mL", {"25(OH)D"}),
    ("All-cause mortality was significantly reduced with tranexamic acid", {"mortality"}),
    ("与对照组相比ALB、TBIL、PTA及MELD评分差异无统计学意义(P>0.05)", {"ALB", "TBIL", "PTA", "MELD"}),
])
def test_finds_outcomes(text: str, expected: set[str]) -> None:
    found = names(text)
    assert expected <= {n for n in found} or {normalize_key(e) for e in expected} <= {normalize_key(n) for n in found}, found


@pytest.mark.parametrize("text", [
    "This study aims to evaluate the safety and efficacy of repeated transplantation.",  # "aims" is not AIMS
    "The safety, feasibility, and efficacy of the treatment were assessed.",
    "leading to improvement in clinical symptoms",
    "Major inclusion criteria included NIHSS score of ≥10 on day 7 after stroke.",
    "Exclusion criteria: Body mass index above 30 kg/m2; Use of medications affecting serum lipids",
    "Which biomarkers (e.g., neurofilament light chain) correlate with MSC treatment response?",
    "at a dose of 8 mg per kilogram of body weight",
    "The expression of anti-VEGF agents and interleukin-6 receptor antagonists",
    "100 mL infusion bag of 0.9% sodium chloride",
    "Hyun Young Kim 1,2, Seong-il Oh 4",
])
def test_names_no_outcome(text: str) -> None:
    assert names(text) == set()


def test_abbreviation_pairs_fold_to_one_name() -> None:
    text = "Markwalder grading scale (MGS) improved; the MGS fell further by week 8."
    ls, le = 0, len("Markwalder grading scale")
    ss = text.index("MGS")
    found = find_outcomes(text, [(ls, le, ss, ss + 3)])
    assert {m.name for m in found} == {found[0].name}
    assert len(found) == 3


def test_background_before_methods_is_not_an_outcome() -> None:
    text = ("Chronic subdural hematoma carries a significant risk of recurrence and death. "
            "METHODS: We randomized 200 patients. The primary outcome was hematoma volume.")
    assert names(text) == {"hematoma volume"}


def test_registry_outcome_fields_and_times_are_not_items() -> None:
    text = ("- Secondary Outcome Measures\nName Time Method FVC (forced vital capacity)and ALSFRS score before "
            "transplantation and at 6 months, 12months, 18 months and 24 months after transplantation")
    found = names(text)
    assert "FVC" in found and not any("month" in n for n in found)


@pytest.mark.parametrize("text,word", [
    ("FVC and FVC, xFVC FVC1 (FVC)", "FVC"),
    ("A-A-A-A", "A-A"),
    ("IL-6 IL-6IL-6", "IL-6"),
    ("α-TNF α-TNF", "α-TNF"),
    ("aa aaa a", "a"),
    ("6MWT at 6MWT16MWT; 6MWT", "6MWT"),
])
def test_whole_word_uses_match_the_boundary_regex(text: str, word: str) -> None:
    """The str.find scan for later uses of a short form gives what the regex it replaced gave."""
    import regex

    from extract.normalize.outcomes import _whole_word_uses

    want = [m.span() for m in regex.finditer(r"(?<![\p{L}\p{N}])" + regex.escape(word) + r"(?![\p{L}\p{N}])", text)]
    assert list(_whole_word_uses(text, word)) == want
