"""Tests for extract.normalize.registries: trial registry ids in real text.

Cases are real strings wherever one exists, cut from the seeds
(``seeds/NNN``), the development corpus (``dNN``) and the EBM-NLP abstracts
(``pmid_N``, text rebuilt from tokens, hence spaces such as ``NCT 00011193``).
Registries that occur nowhere in those get constructed sentences, marked
``constructed``.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from extract.normalize import registries
from extract.normalize.registries import RULE_FILE, RegistryMatch, find_registrations
from extract.patterns import PatternError, load_patterns

Expected = list[tuple[str, str, str]]  # (registry, id, evidence text)


def found(text: str) -> Expected:
    """What the extractor returns, as (registry, id, text[start:end])."""
    return [(m.registry, m.id, text[m.start : m.end]) for m in find_registrations(text)]


# --------------------------------------------------------------------------- positives: real strings

REAL: list[tuple[str, str, Expected]] = [
    # seeds
    ("seed002", "Trial Registration: This study performed as a phase I clinical trial (code IRCT20200828048551N1).",
     [("IRCT", "IRCT20200828048551N1", "IRCT20200828048551N1")]),
    ("seed004", "The survival rate of the patients is more than IV autologous MSCs (Registration number: "
     "IRCT20080728001031N26).",
     [("IRCT", "IRCT20080728001031N26", "IRCT20080728001031N26")]),
    ("seed003", "Registration Number\n- NCT02116634\n",
     [("ClinicalTrials.gov", "NCT02116634", "NCT02116634")]),
    # development corpus
    ("d01", "Clinical Trial Registration: www.ClinicalTrials.gov, identifier: NCT04823000.",
     [("ClinicalTrials.gov", "NCT04823000", "NCT04823000")]),
    ("d11", "In a phase 2 randomized controlled trial (NCT01363401), 64 participants with ALS were randomly assigned",
     [("ClinicalTrials.gov", "NCT01363401", "NCT01363401")]),
    ("d12", "similar to those observed in the previous European study. ClinicalTrials.gov number, NCT03706456.",
     [("ClinicalTrials.gov", "NCT03706456", "NCT03706456")]),
    ("d17", '<AbstractText Label="Trial Registration">ClinicalTrials.gov Identifier: NCT02024373.</AbstractText>',
     [("ClinicalTrials.gov", "NCT02024373", "NCT02024373")]),
    ("d20", "<AccessionNumber>NCT02060188</AccessionNumber>",
     [("ClinicalTrials.gov", "NCT02060188", "NCT02060188")]),
    ("d23", "after the whole-course vaccination. Trial registration: www.chictr.org.cn #ChiCTR2000031809. FINDINGS:",
     [("ChiCTR", "ChiCTR2000031809", "ChiCTR2000031809")]),
    ("d24", "by increasing the concentration of Bifidobacterium. Trial registration UMIN000049636 Foundation Nissin "
     "Sugar Co., Ltd.(Jpn Pharmacol Ther 2024;52:19‒29)",
     [("UMIN-CTR", "UMIN000049636", "UMIN000049636")]),
    ("d28", "led to substantial, sustained weight loss over 104\"‰weeks versus placebo. NCT03693430.",
     [("ClinicalTrials.gov", "NCT03693430", "NCT03693430")]),
    ("d31", "The trial is registered as ISRCTN86750102, ClinicalTrials.gov NCT00375258, and South African Clinical "
     "Trial Register/Department of Health DOH-27-0607-1919. Findings 10 096 patients",
     [("ISRCTN", "ISRCTN86750102", "ISRCTN86750102"),
      ("ClinicalTrials.gov", "NCT00375258", "NCT00375258"),
      ("South African DOH", "DOH-27-0607-1919", "DOH-27-0607-1919")]),
    ("d32", "This trial was registered with Current Controlled Trials, ISRCTN11225767, and ClinicalTrials.gov, "
     "NCT01658124.",
     [("ISRCTN", "ISRCTN11225767", "ISRCTN11225767"), ("ClinicalTrials.gov", "NCT01658124", "NCT01658124")]),
    ("d38", "IRCT registration information\nIRCT registration number: IRCT20250407065246N1\nRegistration date: "
     "2025-05-11, 1404/02/21",
     [("IRCT", "IRCT20250407065246N1", "IRCT20250407065246N1")]),
    ("d39", "ChiCTR-ONRC-12002929 版本V1.2 版本创建时间2016/01/01 21:56:37 中国临床试验注册中心",
     [("ChiCTR", "ChiCTR-ONRC-12002929", "ChiCTR-ONRC-12002929")]),
    ("d40", "Interventions\nRegistration Number\nNCT02348216\nLead Sponsor",
     [("ClinicalTrials.gov", "NCT02348216", "NCT02348216")]),
    # EBM-NLP abstracts
    ("pmid_18523583", "TRIAL REGISTRATION Clinicaltrials.gov NCT 00011193.",
     [("ClinicalTrials.gov", "NCT00011193", "NCT 00011193")]),
    ("pmid_21576129", "The trial is registered under ClinicalTrials.gov # NCT 00174785.",
     [("ClinicalTrials.gov", "NCT00174785", "NCT 00174785")]),
    ("pmid_23386127", "This trial was registered at www.clinicaltrials.gov as # NCT00003389.",
     [("ClinicalTrials.gov", "NCT00003389", "NCT00003389")]),
    ("pmid_21599896", "TRIAL REGISTRATION ClinicalTrials.gov: NCT00678405ISRCTN: ISRCTN04119516.",
     [("ClinicalTrials.gov", "NCT00678405", "NCT00678405"), ("ISRCTN", "ISRCTN04119516", "ISRCTN04119516")]),
    ("pmid_24138011", "Registry: www.clinicaltrials.gov. Identifiers: NCT00332241 and NCT00337571.",
     [("ClinicalTrials.gov", "NCT00332241", "NCT00332241"), ("ClinicalTrials.gov", "NCT00337571", "NCT00337571")]),
    ("pmid_25304364", "TRIAL REGISTRATION Primary registration: (NCT01954550; date of registration: 20 September "
     "2013).",
     [("ClinicalTrials.gov", "NCT01954550", "NCT01954550")]),
    ("pmid_25403582", "CLINICALTRIALSGOV NCT00295646 (http: //www.clinicaltrials.gov/ct2/results ? term=00295646).",
     [("ClinicalTrials.gov", "NCT00295646", "NCT00295646")]),
    ("pmid_24549163", "(NRES Committee London West London: 07/Q0603/76). TRIAL REGISTRATION http: "
     "//clincialtrials.gov (NCT00765453).",
     [("ClinicalTrials.gov", "NCT00765453", "NCT00765453")]),
    ("pmid_27532829", "(Funded by Intercept Pharmaceuticals; POISE ClinicalTrials.gov number, NCT01473524; Current "
     "Controlled Trials number, ISRCTN89514817.).",
     [("ClinicalTrials.gov", "NCT01473524", "NCT01473524"), ("ISRCTN", "ISRCTN89514817", "ISRCTN89514817")]),
    ("pmid_17046466", "This trial is registered with the International Standard Randomised Controlled Number "
     "26727615 with the name ALL97. FINDINGS After a median follow",
     [("ISRCTN", "ISRCTN26727615", "26727615")]),
    ("pmid_18681363", "This study was registered with the Dutch Trial Register and has the International Standard "
     "Randomised Clinical Trial number ISRCTN72675518.",
     [("ISRCTN", "ISRCTN72675518", "ISRCTN72675518")]),
    ("pmid_23782653", "TRIAL REGISTRATION ISRCTN ISRCTN56716589.",
     [("ISRCTN", "ISRCTN56716589", "ISRCTN56716589")]),
    ("pmid_25552279", "TRIAL REGISTRATION NUMBER ISRCTN 76597892.",
     [("ISRCTN", "ISRCTN76597892", "ISRCTN 76597892")]),
    ("pmid_26122982", "Trial is registered with the ISRTCN registry at isrtcn.com; Trial number ISRCTN60041127. "
     "Date of registration",
     [("ISRCTN", "ISRCTN60041127", "ISRCTN60041127")]),
    ("pmid_25519880", "TRIAL REGISTRATION ISRCTN99401114 (date assigned: 12 November 2014).",
     [("ISRCTN", "ISRCTN99401114", "ISRCTN99401114")]),
    ("pmid_19563641", "exercise modalities on treatment side-effects in men receiving therapy for prostate cancer; "
     "ACTRN12609000200280.",
     [("ANZCTR", "ACTRN12609000200280", "ACTRN12609000200280")]),
    ("pmid_24554519", "with maintenance of benefits 1 year later. ACTRN 12611000460909",
     [("ANZCTR", "ACTRN12611000460909", "ACTRN 12611000460909")]),
    ("pmid_26037484", "TRIAL REGISTRATION Australian and New Zealand Clinical Trials Registry ACTRN12610000032055 "
     "(12 January 2010).",
     [("ANZCTR", "ACTRN12610000032055", "ACTRN12610000032055")]),
    ("pmid_23874533", "Chinese Clinical Trial Registry; Registration No.: ChiCTR-TRC-12002561; URL: www.chictr.org.",
     [("ChiCTR", "ChiCTR-TRC-12002561", "ChiCTR-TRC-12002561")]),
    ("pmid_24292519", "This study was registered at http: //www.chictr.org as No. ChiCTR-TRC-11001761.",
     [("ChiCTR", "ChiCTR-TRC-11001761", "ChiCTR-TRC-11001761")]),
    ("pmid_25887586", "TRIAL REGISTRATION ChiCTR-OOC-15005904; date: 2015-01-30.",
     [("ChiCTR", "ChiCTR-OOC-15005904", "ChiCTR-OOC-15005904")]),
    ("pmid_26058489", "TRIAL REGISTRATION Chinese Clinical Trial Registry: ChiCTR-TRC-14005156 (28 August 2014).",
     [("ChiCTR", "ChiCTR-TRC-14005156", "ChiCTR-TRC-14005156")]),
    ("pmid_22782459", "irritability, social withdrawal, and stereotypy of children with autism. (Registration, "
     "www.irct.ir; IRCT138711091556N2).",
     [("IRCT", "IRCT138711091556N2", "IRCT138711091556N2")]),
    ("pmid_26527417", "Clinical Trial registration EudraCT 2013-001175-21.",
     [("EudraCT", "2013-001175-21", "2013-001175-21")]),
    ("pmid_22638779", "Study registration was in the UMIN Clinical Trial Registry (UMIN 000001497), and the "
     "institutional trial number was KDOG 0801.",
     [("UMIN-CTR", "UMIN000001497", "UMIN 000001497")]),
    ("pmid_24090047", "TRIAL REGISTRATION UMIN Clinical Trials Registry 000007942.",
     [("UMIN-CTR", "UMIN000007942", "000007942")]),
    ("pmid_24352377", "TRIAL REGISTRATION umin.ac.jp/ctr Identifier: UMIN000002241 and UMIN000004393.",
     [("UMIN-CTR", "UMIN000002241", "UMIN000002241"), ("UMIN-CTR", "UMIN000004393", "UMIN000004393")]),
    ("pmid_25963425", "The SOFT trial (JapicCTI-090699) was a randomized Phase III trial",
     [("JapicCTI", "JapicCTI-090699", "JapicCTI-090699")]),
    ("pmid_26129831", "TRIAL REGISTRATION Dutch Trial Register NTR5069. Registered 20 April 2015.",
     [("Netherlands Trial Register", "NTR5069", "NTR5069")]),
    ("pmid_20594308", "for patients with GOA. TRIAL REGISTRATION Dutch Trial Register NTR2137.",
     [("Netherlands Trial Register", "NTR2137", "NTR2137")]),
]

# --------------------------------------------------------------------------- positives: constructed

CONSTRUCTED: list[tuple[str, str, Expected]] = [
    ("nct-hash", "Registered at ClinicalTrials.gov (NCT#02116634).",
     [("ClinicalTrials.gov", "NCT02116634", "NCT#02116634")]),
    ("isrctn-colon", "ISRCTN: 12345678 and ISRCTN : 87654321",
     [("ISRCTN", "ISRCTN12345678", "ISRCTN: 12345678"), ("ISRCTN", "ISRCTN87654321", "ISRCTN : 87654321")]),
    ("chictr-new", "Chinese Clinical Trial Registry (ChiCTR2000029990) and #ChiCTR2000031735.",
     [("ChiCTR", "ChiCTR2000029990", "ChiCTR2000029990"), ("ChiCTR", "ChiCTR2000031735", "ChiCTR2000031735")]),
    ("chictr-ior", "注册号：ChiCTR-IOR-17011562", [("ChiCTR", "ChiCTR-IOR-17011562", "ChiCTR-IOR-17011562")]),
    ("irct-gregorian", "Iranian Registry of Clinical Trials IRCT2013062713731N1.",
     [("IRCT", "IRCT2013062713731N1", "IRCT2013062713731N1")]),
    ("eudract-glued", "EudraCT number: 2004-002714-11; EUCTR2004-002714-11-GB.",
     [("EudraCT", "2004-002714-11", "2004-002714-11"),
      ("EU Clinical Trials Register", "EUCTR2004-002714-11-GB", "EUCTR2004-002714-11-GB")]),
    ("eudract-lowercase", "Eudract no. 2010-020343-33",
     [("EudraCT", "2010-020343-33", "2010-020343-33")]),
    ("ctis", "EU CT number 2022-500024-30-00", [("EU CTIS", "2022-500024-30-00", "2022-500024-30-00")]),
    ("ctri-both", "CTRI/2018/01/011234 (earlier CTRI/2009/091/000123)",
     [("CTRI", "CTRI/2018/01/011234", "CTRI/2018/01/011234"), ("CTRI", "CTRI/2009/091/000123", "CTRI/2009/091/000123")]),
    ("drks", "German Clinical Trials Register: DRKS00012345.", [("DRKS", "DRKS00012345", "DRKS00012345")]),
    ("jprn-umin", "JPRN-UMIN000012345", [("UMIN-CTR", "JPRN-UMIN000012345", "JPRN-UMIN000012345")]),
    ("jprn-japic", "JPRN-JapicCTI-111452 (JapicCTI-111452)",
     [("JapicCTI", "JPRN-JapicCTI-111452", "JPRN-JapicCTI-111452"), ("JapicCTI", "JapicCTI-111452", "JapicCTI-111452")]),
    ("jrct-both", "jRCT2031190000; jRCTs031180000",
     [("jRCT", "jRCT2031190000", "jRCT2031190000"), ("jRCT", "jRCTs031180000", "jRCTs031180000")]),
    ("cris", "Clinical Research Information Service (KCT0001234)", [("CRiS", "KCT0001234", "KCT0001234")]),
    ("pactr", "PACTR201509001234567", [("PACTR", "PACTR201509001234567", "PACTR201509001234567")]),
    ("ntr-nl", "Netherlands Trial Register (trialregister.nl), NL1234",
     [("Netherlands Trial Register", "NL1234", "NL1234")]),
    ("tctr", "Thai Clinical Trials Registry TCTR20200101001", [("TCTR", "TCTR20200101001", "TCTR20200101001")]),
    ("rebec", "ReBEC: RBR-7bqxm2.", [("ReBEC", "RBR-7bqxm2", "RBR-7bqxm2")]),
    ("slctr", "Sri Lanka Clinical Trials Registry SLCTR/2012/001.", [("SLCTR", "SLCTR/2012/001", "SLCTR/2012/001")]),
    ("rpcec", "registered in RPCEC (RPCEC00000123)", [("RPCEC", "RPCEC00000123", "RPCEC00000123")]),
]


# Known misses, kept as strict xfails so that a fix shows up. None of these
# occurs in the seeds, the corpus docs or the EBM-NLP abstracts; they document
# limits of the rules.
KNOWN_MISSES: list[tuple[str, str, Expected, str]] = [
    ("nct-lowercase-url", "https://clinicaltrials.gov/ct2/show/nct01234567",
     [("ClinicalTrials.gov", "nct01234567", "nct01234567")],
     "only upper-case NCT: the cue 'nct' would be in every text with 'function'"),
    ("nct-without-prefix", "ClinicalTrials.gov identifier: 02116634",
     [("ClinicalTrials.gov", "NCT02116634", "02116634")],
     "a bare 8-digit number is taken only after the ISRCTN name"),
    ("ntr-short", "Netherlands Trial Register NTR76",
     [("Netherlands Trial Register", "NTR76", "NTR76")],
     "NTR with 1-2 digits is left out (NTR1, NTR2 are neurotensin receptors)"),
    ("id-split-by-line-break", "ClinicalTrials.gov NCT0211-\n6634",
     [("ClinicalTrials.gov", "NCT02116634", "NCT0211-\n6634")],
     "hyphenation across lines is not undone"),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in REAL])
def test_real_strings(text: str, expected: Expected) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in CONSTRUCTED])
def test_constructed_strings(text: str, expected: Expected) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(t, e, id=i, marks=pytest.mark.xfail(reason=why, strict=True)) for i, t, e, why in KNOWN_MISSES],
)
def test_known_misses(text: str, expected: Expected) -> None:
    assert found(text) == expected


# --------------------------------------------------------------------------- negatives

NEGATIVE: list[tuple[str, str]] = [
    # real
    ("seed001-doi", "Diseases. 2024 May 12;12(5):99. doi: 10.3390/diseases12050099."),
    ("d09-pmcid-pmid", "PMCID: PMC8045460  NIHMSID: NIHMS1544312  PMID: 31526779"),
    ("d17-issn", '<ISSN IssnType="Electronic">2168-6157</ISSN>'),
    ("d20-pmid-xml", '<PMID Version="1">29355075</PMID>'),
    ("d27-doi", "N Engl J Med 2021;384:1503-16. DOI: 10.1056/NEJMoa2028700 Copyright © 2021"),
    ("d23-sha", "sha: 3edf4f65b08f3d7c70c7262d2979a955362f74d4 doc_id: 10493"),
    ("d21-provider", "PROVIDER: S-EPMC3846150 | biostudies-literature | 2013"),
    ("d38-dates", "Registration date: 2025-05-11, 1404/02/21\nRegistration timing: prospective"),
    ("d39-labels", "The registration number of the Partner Registry or other register:\n\n申请注册联系人:"),
    ("d39-date", "注册时间:\n\nDate of Registration:\n\n2012-12-05 00:00:00 "),
    ("d40-sponsor-id", "complete the remainder of the 15 year follow-up assessments in a separate long-term "
     "follow-up study, KT-US-982-5968."),
    ("pmid_16257339", "This study has been submitted for registration with ClinicalTrials.gov, number 1839IL/709."),
    ("pmid_16889080", "It is registered by Roszdravnadzor (certificate N LC-000859 of 03.11.2005)"),
    ("pmid_24549163-ethics", "(NRES Committee London West London: 07/Q0603/76)"),
    ("pmid_15476575", "during androgen ablation. INTRODUCTION Androgen-deprivation therapy (ADT) is a cornerstone of "
     "treatment for advanced prostate cancer."),
    # constructed
    ("grants", "Supported by NIH grants R01 NS012345 and U01-AI-12345."),
    ("isbn-orcid", "ISBN 978-3-16-148410-0; ORCID 0000-0002-1825-0097"),
    ("phone", "Tel: +27 21 406 6788, fax (021) 406-6788"),
    ("postcode", "Cambridge CB2 0QQ, UK; 10115 Berlin; London SW1A 1AA"),
    ("nct-in-word", "PNCT12345678 and XNCT02116634 are lot codes"),
    ("kct-in-word", "SKCT0001234 MKCT1234567"),
    ("bare-eudract", "the batch number was 2004-002714-11"),
    ("eudract-too-far", "EudraCT was not required for this observational study, which ran in 12 centres between "
     "2004 and 2006 (protocol 2004-002714-11)"),
    ("ntr-gene", "neurotensin receptor 1 (NTR1) and NTR2 expression; CONTROL 1234; INTRODUCTION 2019"),
    ("nl-ethics", "approved by the ethics committee (NL12345.078.10) and registered in the Netherlands Trial "
     "Register"),
    ("nl-no-context", "Vestiging NL1234 in Utrecht"),
    ("nct-nine-digits", "NCT021166341"),
    ("umin-no-number", "registered in the UMIN Clinical Trials Registry on 1 April 2010"),
    ("rbr-ligase", "Parkin is an RBR-ligase; RBR-containing E3 enzymes"),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NEGATIVE])
def test_not_a_registry_id(text: str) -> None:
    assert found(text) == []


# --------------------------------------------------------------------------- rules are data


RULES = load_patterns(RULE_FILE)


def test_rule_ids_unique() -> None:
    ids = [r["id"] for r in RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", RULES, ids=[r["id"] for r in RULES])
def test_rule_example_yields_expect(rule: dict[str, object]) -> None:
    example = rule["example"]
    assert isinstance(example, str)
    hits = [(m.rule, m.registry, m.id) for m in find_registrations(example)]
    assert (rule["id"], rule["label"], rule["expect"]) in hits


@pytest.mark.parametrize("rule", RULES, ids=[r["id"] for r in RULES])
def test_rule_cue_occurs_in_its_example(rule: dict[str, object]) -> None:
    cues = rule["cues"]
    assert isinstance(cues, list) and any(c in str(rule["example"]) for c in cues)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"pattern": "NCT(\\d{8}"}, "bad pattern"),
        ({"context": "(EudraCT"}, "bad context"),
        ({"cues": []}, "'cues'"),
        ({"cues": "NCT"}, "'cues'"),
        ({"colour": "red"}, "unknown keys"),
        ({"window": 0, "context": "x"}, "'window'"),
        ({"window": 10}, "'window' without 'context'"),
        ({"label": ""}, "'label'"),
    ],
)
def test_bad_rule_fails_loudly(change: dict[str, object], message: str) -> None:
    raw = {"id": "x", "label": "X", "pattern": "NCT\\d{8}", "example": "NCT02116634", "expect": "NCT02116634",
           "cues": ["NCT"], **change}
    with pytest.raises(PatternError, match=message):
        registries._compile(raw, 0)


# --------------------------------------------------------------------------- invariants


def test_empty_and_plain_text() -> None:
    assert find_registrations("") == []
    assert find_registrations("No registry here, only 12345678 and 2004-002714-11.") == []


def test_match_is_frozen() -> None:
    (m,) = find_registrations("NCT02116634")
    assert m == RegistryMatch("ClinicalTrials.gov", "NCT02116634", 0, 11, "nct")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.id = "x"  # type: ignore[misc]


def test_offsets_follow_the_text() -> None:
    text = "Trial registration: www.chictr.org.cn #ChiCTR2000031809."
    (m,) = find_registrations(text)
    assert (m.start, m.end) == (39, 55)
    assert text[m.start : m.end] == "ChiCTR2000031809"


def _corpus_texts() -> list[tuple[str, str]]:
    """Texts of the shared development corpus, when it is present."""
    root = Path(os.environ.get("TRIAL_EXTRACT_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    texts: list[tuple[str, str]] = []
    abstracts = root / "corpus" / "ebm_nlp_rct_abstracts.jsonl"
    if abstracts.is_file():
        with abstracts.open(encoding="utf-8") as fh:
            texts += [(r["id"], r["text"]) for r in map(json.loads, fh)]
    for folder in (root / "corpus" / "docs", root / "seeds"):
        if folder.is_dir():
            texts += [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in sorted(folder.iterdir())]
    return texts


def test_corpus_invariants() -> None:
    """On every corpus text: sorted, no overlaps, evidence consistent, and the cues lose nothing."""
    texts = _corpus_texts()
    if not texts:
        pytest.skip("shared corpus not available")
    total = 0
    for name, text in texts:
        matches = find_registrations(text)
        assert matches == registries._find_without_cues(text), name
        for a, b in zip(matches, matches[1:]):
            assert a.end <= b.start, name
        for m in matches:
            assert 0 <= m.start < m.end <= len(text)
            assert m.id.replace("-", "").replace("/", "").isalnum(), (name, m)
        total += len(matches)
    assert total >= 160  # 138 in the EBM-NLP abstracts, the rest in seeds and docs
