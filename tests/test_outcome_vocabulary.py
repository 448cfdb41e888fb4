"""Tests for the curated outcome-measure vocabulary, patterns/outcomes.jsonl.

The file is data (DESIGN.md, "rules are data"); these tests hold it to its
contract: every rule is well formed, its example is matched by one of its own
surface forms, no surface form (normalized as SPEC.md section 5 normalizes
outcome names) points at two canonical names, and the forms behave as intended
on real strings. The table strings come from the seed documents
(``../shared/seeds``), the development corpus (``../shared/corpus/docs``) and
the EBM-NLP abstracts; the test id names the source where there is one.

Matching semantics tested here (and documented in the file's header): a
pattern matches case-insensitively on whole words, i.e. no letter or digit of a
non-CJK script may touch either end of the match; forms listed in
``case_sensitive`` match only in the exact case given; a form that starts or
ends with a CJK character has no boundary on that side, because Chinese text
has no spaces between words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Any

import pytest

from extract.evaluate import normalize_name
from extract.patterns import load_patterns

CATEGORIES = {
    "scale", "physiology", "lab", "imaging", "adverse_events", "survival",
    "quality_of_life", "pharmacokinetics", "other",
}
KEYS = ("id", "label", "category", "pattern", "zh", "case_sensitive", "example")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_ID = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")

RULES: tuple[dict[str, Any], ...] = load_patterns("outcomes")


def _is_word_char(c: str) -> bool:
    """A letter or digit of a non-CJK script (it may not touch a match's ends)."""
    return c.isalnum() and not _CJK_CHAR.match(c)


class _Form:
    """One surface form: a literal search plus a whole-word check at each end.

    The check is done in Python rather than with a lookaround over a large
    Unicode class, which would make compiling ~18,000 case-insensitive
    patterns take minutes.
    """

    __slots__ = ("rx", "left", "right")

    def __init__(self, form: str, case_sensitive: bool) -> None:
        self.rx = re.compile(re.escape(form), 0 if case_sensitive else re.IGNORECASE)
        self.left = not _CJK_CHAR.match(form[0])
        self.right = not _CJK_CHAR.match(form[-1])

    def search(self, text: str) -> bool:
        for m in self.rx.finditer(text):
            s, e = m.span()
            if self.left and s > 0 and _is_word_char(text[s - 1]):
                continue
            if self.right and e < len(text) and _is_word_char(text[e]):
                continue
            return True
        return False


@lru_cache(maxsize=None)
def _compiled() -> dict[str, tuple[_Form, ...]]:
    out = {}
    for rule in RULES:
        cs = set(rule["case_sensitive"])
        forms = [_Form(p, p in cs) for p in rule["pattern"]]
        forms += [_Form(z, False) for z in rule["zh"]]
        out[rule["id"]] = tuple(forms)
    return out


def _rule_matches(rule_id: str, text: str) -> bool:
    return any(f.search(text) for f in _compiled()[rule_id])


def labels_in(text: str) -> set[str]:
    """Every canonical label with at least one form matching ``text``."""
    by_id = {r["id"]: r["label"] for r in RULES}
    return {by_id[ident] for ident, forms in _compiled().items() if any(f.search(text) for f in forms)}


# --------------------------------------------------------------------- shape

def test_file_loads_with_unique_ids() -> None:
    ids = [r["id"] for r in RULES]
    assert len(ids) == len(set(ids))


def test_at_least_300_entries() -> None:
    assert len(RULES) >= 300


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r["id"])
def test_rule_shape(rule: dict[str, Any]) -> None:
    assert set(KEYS) <= set(rule), f"missing {set(KEYS) - set(rule)}"
    assert isinstance(rule["id"], str) and _ID.fullmatch(rule["id"]), "id must be snake_case"
    assert isinstance(rule["label"], str) and rule["label"].strip() == rule["label"] and rule["label"]
    assert rule["category"] in CATEGORIES
    for key in ("pattern", "zh", "case_sensitive"):
        assert isinstance(rule[key], list) and all(isinstance(s, str) for s in rule[key]), key
    assert rule["pattern"], "a rule needs at least one English surface form"
    forms = rule["pattern"] + rule["zh"]
    assert all(f and f == f.strip() for f in forms), "empty or padded surface form"
    assert all(normalize_name(f) for f in forms), "a form that normalizes to nothing can never be scored"
    assert len(forms) == len(set(forms)), "duplicate surface form"
    assert set(rule["case_sensitive"]) <= set(rule["pattern"]), "case_sensitive forms must be patterns"
    # Forms that match case-insensitively must not repeat each other up to case.
    folded = [p.casefold() for p in rule["pattern"] if p not in rule["case_sensitive"]]
    assert len(folded) == len(set(folded)), "pattern repeated up to case"
    assert all(_CJK_CHAR.search(z) for z in rule["zh"]), "zh forms must contain Chinese characters"
    assert isinstance(rule["example"], str) and rule["example"].strip()


def test_labels_are_unique() -> None:
    labels = [r["label"] for r in RULES]
    dups = sorted({lab for lab in labels if labels.count(lab) > 1})
    assert not dups, f"one label per entry: {dups}"


def test_categories_all_used() -> None:
    assert {r["category"] for r in RULES} == CATEGORIES


# ------------------------------------------------------------------ examples

@pytest.mark.parametrize("rule", RULES, ids=lambda r: r["id"])
def test_example_matches_own_rule(rule: dict[str, Any]) -> None:
    assert _rule_matches(rule["id"], rule["example"]), rule["example"]


# --------------------------------------------------------- alias uniqueness

def test_no_surface_form_points_at_two_labels() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for rule in RULES:
        for form in [rule["label"], *rule["pattern"], *rule["zh"]]:
            owners[normalize_name(form)].add(rule["label"])
    clashes = {norm: sorted(labels) for norm, labels in owners.items() if len(labels) > 1}
    assert not clashes, clashes


# ------------------------------------------------- behaviour on real strings

@pytest.mark.parametrize("text,label", [
    pytest.param("Clinical assessment using ALS functional rating scale-revised (ALSFRS)", "ALSFRS-R", id="seed000-alsfrs"),
    pytest.param("forced vital capacity (FVC) values", "FVC", id="seed000-fvc"),
    pytest.param("tumor necrosis factor-alpha (TNF-α)", "TNF-α", id="seed001-tnf"),
    pytest.param("neurofilament light chain (NFL)", "NfL", id="seed001-nfl"),
    pytest.param("total-iron-binding capacity (TIBC)", "TIBC", id="seed001-tibc"),
    pytest.param("creatine kinase (CK)", "CK", id="seed001-ck"),
    pytest.param("肿瘤坏死因子-α(TNF-α)", "TNF-α", id="seed001-zh-tnf"),
    pytest.param("神经丝轻链(NFL)", "NfL", id="seed001-zh-nfl"),
    pytest.param("serum cytokine levels of IL-6, IFN-g, TNF-α, IL-17 A", "IFN-γ", id="d03-ifng"),
    pytest.param("serum cytokine levels of IL-6, IFN-g, TNF-α, IL-17 A", "IL-17A", id="d03-il17a"),
    pytest.param("serum cytokine levels of TGF-B, IL-1B and IL-10", "IL-1β", id="d03-il1b"),
    pytest.param("serum cytokine levels of TGF-B, IL-1B and IL-10", "TGF-β", id="d03-tgfb"),
    pytest.param("significant improvement in SPO2/FIO2 ratio and serum CRP levels", "SpO2/FiO2", id="d03-sf"),
    pytest.param("Markwalder grading scale/Glasgow Coma Scale and the Barthel Index", "MGS", id="d17-mgs"),
    pytest.param("Markwalder grading scale/Glasgow Coma Scale and the Barthel Index", "GCS", id="d17-gcs"),
    pytest.param("change in hematoma volume (HV) by computed tomography", "hematoma volume", id="d17-hv"),
    pytest.param("ALB、TBIL、PTA及MELD评分情况", "PTA", id="d05-zh-pta"),
    pytest.param("ALB、TBIL、PTA及MELD评分情况", "MELD", id="d05-zh-meld"),
    pytest.param("血清白蛋白升高、总胆红素降低", "TBIL", id="d05-zh-tbil"),
    pytest.param("谷草转氨酶降低、胆碱酯酶升高", "CHE", id="d05-zh-che"),
    pytest.param("ankle-brachial pressure index (ABI), and digital plethysmography", "ABI", id="d13-abi"),
    pytest.param("investigator-assessed ORR was 55%", "ORR", id="d20-orr"),
    pytest.param("Median duration of response was not reached", "DOR", id="d20-dor"),
    pytest.param("central retinal thickness [CRT] ≥300 μm", "CRT", id="d33-crt"),
    pytest.param("the mean duration of diarrhoea in the treated group", "duration of diarrhoea", id="d35-duration"),
    pytest.param("rate and severity of cytokine release syndrome (CRS) and neurologic toxicities", "CRS", id="d40-crs"),
    pytest.param("rate and severity of cytokine release syndrome (CRS) and neurologic toxicities", "neurotoxicity", id="d40-neurotox"),
    pytest.param("退热时间及退热率、中医证候积分", "time to fever resolution", id="d26-zh-fever"),
    pytest.param("intraoperative blood loss were recorded", "blood loss", id="pmid-blood-loss"),
    # EBM-NLP audit sample (random.Random(1127)), standard measure names
    pytest.param("Postanesthesia Discharge Scoring System = 7", "PADSS", id="pmid_16413892-padss"),
    pytest.param("There were no toxic effects.", "adverse events", id="pmid_8132701-toxic-effects"),
    pytest.param("increased median CD34+ cell yield/pheresis", "CD34+ cell yield", id="pmid_12813449-cd34-yield"),
    pytest.param("resulted in gains in IQ, language, and adaptive behavior", "IQ", id="pmid_23101741-iq"),
    pytest.param("resulted in gains in IQ, language, and adaptive behavior", "adaptive behavior", id="pmid_23101741-adaptive"),
    pytest.param("EEG activity (event-related potentials and spectral power)", "ERP", id="pmid_23101741-erp"),
    pytest.param("Airway seal pressure (cm H (2) O) for LTS and PLMA", "oropharyngeal leak pressure", id="pmid_17608965-seal"),
    pytest.param("Ease of insertion, quality of airway seal", "ease of insertion", id="pmid_17608965-ease"),
    pytest.param("Only hoarseness was more frequent in the LTS group.", "hoarseness", id="pmid_17608965-hoarse"),
    pytest.param("the arteriovenous difference of oxygen (AVDO2)", "AVDO2", id="pmid_8884623-avdo2"),
    pytest.param("revised Chinese version of Psycho-Educational Profile", "PEP", id="pmid_17722829-pep"),
    pytest.param("calcium, and calcium x phosphorus (Ca x P) product levels", "Ca×P product", id="pmid_15960148-caxp"),
    pytest.param("serum soluble ICAM-1 (sICAM-1) concentrations", "ICAM-1", id="pmid_23562192-icam"),
    pytest.param("94% of cycles were free of flushing (vs. 31% for control, P < 0.01)", "flushing", id="pmid_8015504-flushing"),
    pytest.param("96% of cycles were free of vaginal bleeding", "vaginal bleeding", id="pmid_8015504-bleeding"),
    pytest.param("whereas glucose tolerance was unchanged", "glucose tolerance", id="pmid_8015504-glucose-tolerance"),
    pytest.param("erythema, scaling and pruritus which were evaluated", "pruritus", id="pmid_15541087-pruritus"),
    pytest.param("increase in IL-1beta receptor antagonist (p = 0.057)", "IL-1Ra", id="pmid_18948032-il1ra"),
    pytest.param("inhibition of T1 (EC50) were 1.41 +/- 0.45", "EC50", id="pmid_16879519-ec50"),
    pytest.param("contact detection, two-point discrimination, and", "two-point discrimination", id="pmid_17525360-2pd"),
    pytest.param("HBB did not improve polyp detection rate (0.89 vs 0.91, p = 0.90)", "polyp detection rate", id="pmid_26554619-pdr"),
    pytest.param("more often tachycardia (17.6 vs 0%, p < 0.001)", "tachycardia", id="pmid_26554619-tachycardia"),
    pytest.param("Insulin, T, DHEAS, FSH, LH", "DHEA-S", id="pmid_11779598-dheas"),
    pytest.param("LH level, LH/FSH ratio, insulin resistance", "LH/FSH ratio", id="pmid_11779598-lhfsh"),
    pytest.param("There was no significant difference in Qs/Qt and PaO2", "Qs/Qt", id="pmid_25555877-qsqt"),
])
def test_real_strings_find_their_label(text: str, label: str) -> None:
    assert label in labels_in(text)


@pytest.mark.parametrize("text,label", [
    # Case-sensitive abbreviations do not fire on ordinary words or other cases.
    pytest.param("the ck was not measured", "CK", id="cs-ck-lowercase"),
    pytest.param("the os calcis was fractured", "overall survival", id="cs-os-lowercase"),
    pytest.param("the figures were presented in a pr release", "PR", id="cs-pr-lowercase"),
    pytest.param("this study aims to compare two doses", "AIMS", id="aims-word"),
    pytest.param("educational package where these worms are endemic", "WORMS", id="pmid-worms"),
    pytest.param("2019 Sep 14;109(4):1142-1149", "SSEP", id="d08-sep-date"),
    # Forms left out because they mostly mean something else.
    pytest.param("HR 0.72; 95% CI 0.60-0.86", "heart rate", id="hazard-ratio"),
    pytest.param("a mandibular advancement splint (MAS)", "MAS", id="pmid-mas-splint"),
    pytest.param("maximal expiratory pressure (MEP)", "MEP", id="pmid-mep-pressure"),
    pytest.param("chemotherapy dose-intensity (CDI)", "C. difficile infection", id="pmid-cdi-dose"),
    pytest.param("patients with acute ischemic stroke (AIS)", "AIS", id="ais-stroke"),
    pytest.param("1 g galactooligosaccharide (GOS) per day", "GOS", id="d24-gos"),
    pytest.param("anti-TNF therapy", "TNF-α", id="anti-tnf"),
    pytest.param("Ringer's lactate solution", "lactate", id="ringer-lactate"),
    pytest.param("intravenous immune globulin", "globulin", id="immune-globulin"),
    pytest.param("cholinesterase inhibitors such as donepezil", "CHE", id="che-inhibitors"),
    # A whole-word boundary: a form does not match inside a longer token.
    pytest.param("serum IL-21 levels", "IL-2", id="il21-not-il2"),
    pytest.param("白细胞介素-21", "IL-2", id="zh-il21-not-il2"),
    pytest.param("TNF-RI and -RII", "TNF-α", id="tnf-receptor"),
    # EBM-NLP audit: bare abbreviations with another common sense are not forms
    pytest.param("post-exposure prophylaxis (PEP) was offered", "PEP", id="pep-prophylaxis"),
    pytest.param("proliferative diabetic retinopathy (PDR)", "polyp detection rate", id="pdr-retinopathy"),
    pytest.param("an adverse drug reaction (ADR) was reported", "adenoma detection rate", id="adr-reaction"),
    pytest.param("oral lichen planus (OLP)", "oropharyngeal leak pressure", id="olp-lichen"),
    pytest.param("发热、头痛、全身酸痛、咽痛、咳嗽等消失率", "sore throat", id="d26-zh-symptom"),
])
def test_forms_do_not_fire_out_of_sense(text: str, label: str) -> None:
    assert label not in labels_in(text)


def test_brief_canonical_names_exist() -> None:
    # The canonical names the project's gold files and SPEC use.
    wanted = {
        "ALSFRS-R", "FVC", "TNF-α", "IL-1β", "IFN-γ", "NfL", "CRP", "CK", "ferritin", "TIBC", "GDNF",
        "adverse events", "serious adverse events", "overall survival", "mortality", "survival",
        "quality of life", "hematoma volume", "MGS", "GCS", "Barthel Index", "EDSS", "WOMAC", "VAS",
        "MELD", "ALB", "TBIL", "AST", "CHE", "PTA", "ORR", "DCR", "PFS", "LVEF", "BMD", "25(OH)D",
        "miR-206", "miR-133a-3p", "miR-338-3p", "CD4+ T cells", "Tregs", "infusion-related reactions",
        "CRS", "mYPAS", "Ramsay sedation scale", "ICIQ", "I-QOL", "clinical status", "urinary incontinence episodes",
    }
    labels = {r["label"] for r in RULES}
    assert wanted <= labels, sorted(wanted - labels)
