"""ClinicalTrials.gov records: API v2 JSON and legacy XML, results included.

The fixtures in tests/data/ctgov/ are constructed records (see the README
there): one small completed three-arm trial with results, in both formats.
The tests check the labelled lines the readers write, what the extractor then
takes from them (sample sizes with their kinds, p-values linked to their
outcome measure, registrations), search-response wrappers and JSON Lines of
studies, and that records with fields of the wrong type never raise.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from extract.ingest.formats import read_path, read_text

DATA = Path(__file__).resolve().parent / "data" / "ctgov"
V2 = DATA / "v2_with_results.json"
LEGACY = DATA / "legacy_with_results.xml"
FIXTURES = [V2, LEGACY]


def _study() -> dict[str, Any]:
    return json.loads(V2.read_text(encoding="utf-8"))


def _one(text: str, stem: str = "rec"):
    docs = list(read_text(text, stem=stem))
    assert len(docs) == 1
    return docs[0]


# --------------------------------------------------------------------------- the lines written

@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.suffix)
def test_record_lines(path: Path) -> None:
    (doc,) = read_path(path)
    assert doc.error is None and doc.warnings == []
    lines = doc.text.splitlines()
    # title first, then the registry ids and the protocol
    assert lines[0] == "Drug X in Amyotrophic Lateral Sclerosis"
    assert lines[2] == "Registration Number: NCT09990001"
    assert "Org Study ID: DX-ALS-201" in lines
    assert "Conditions: Amyotrophic Lateral Sclerosis" in lines
    assert "Enrollment: 90 (Actual)" in lines
    # the participant flow as the table rows the rules read; reasons keep Started and Completed apart
    start = lines.index("Participant Flow, Overall Study: Drug X 50 mg | Drug X 100 mg | Placebo")
    assert lines[start + 1] == "Started 30 30 30"
    assert lines[start + 2].startswith("Reasons Not Completed: Adverse Event (1 | 1 | 0); ")
    assert lines[start + 3:start + 5] == ["Completed 27 28 29", "Not Completed 3 2 1"]
    assert "Baseline Analysis Population: Total 90 participants" in lines
    # each measure: its title, then its analyses (so their p-values link to it)
    head = lines.index("Primary Outcome Measure: Change From Baseline in ALSFRS-R Total Score at Week 24 "
                       "[Time Frame: Baseline and week 24]")
    assert lines[head + 1] == (
        "Statistical Analyses: Drug X 50 mg vs Placebo, ANCOVA, Mean Difference (Final Values) 2.1 (95% CI 0.4 to 3.8), "
        "P = 0.016 (Two-sided, not adjusted for multiplicity) | Drug X 100 mg vs Placebo, ANCOVA, "
        "Mean Difference (Final Values) 3.0 (95% CI 1.3 to 4.7), P < 0.001")
    assert "Statistical Analysis: Mixed Models Analysis, P = 0.23" in lines  # all groups compared: no "vs"
    # a measure with results is said once (the protocol's copy of it is dropped); one without stays
    assert doc.text.count("Change From Baseline in ALSFRS-R Total Score") == 1
    assert doc.text.count("higher scores mean better function") == 1
    assert "Other Outcome Measure: Serum Neurofilament Light Chain (NfL) Concentration [Time Frame: Week 24]" in lines
    # identical denominators are said once
    assert sum(line.startswith("Participants Analyzed: ") for line in lines) == 2
    assert lines[-1].startswith("Reported Adverse Events: Serious Adverse Events; Other (Not Including Serious)")
    # left out: eligibility criteria, keywords, baseline measures, adverse-event terms, analysis comments
    for absent in ("Creatinine", "10 mg/day", "Age, Continuous", "57.2", "Pneumonia", "Nausea", "alpha of 0.05"):
        assert absent not in doc.text


def test_v2_secondary_ids_name_their_registry() -> None:
    (doc,) = read_path(V2)
    assert "Secondary ID (EudraCT Number): 2020-001234-38" in doc.text
    assert "Secondary ID (ISRCTN): ISRCTN12345678" in doc.text
    assert "Intervention: Drug: Drug X: Oral tablets." in doc.text


# --------------------------------------------------------------------------- what the extractor takes

@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.suffix)
def test_extracted_results(path: Path) -> None:
    (rec,) = extract.extract_file(path)
    assert rec.error is None
    pairs = [(p.comparator, p.value, p.outcome) for p in rec.p_values]
    assert pairs == [("=", 0.016, "ALSFRS-R"), ("<", 0.001, "ALSFRS-R"), ("=", 0.23, "FVC"),
                     ("=", 0.62, "serious adverse events")]
    kinds = {(s.value, s.kind) for s in rec.sample_sizes}
    assert {(90, "enrolled"), (30, "arm"), (27, "completed"), (28, "completed"), (29, "completed"),
            (3, "withdrawn"), (2, "withdrawn"), (1, "withdrawn"), (27, "analyzed"), (28, "analyzed"),
            (29, "analyzed")} <= kinds
    names = {o.name for o in rec.outcomes}
    assert {"ALSFRS-R", "FVC", "NfL", "serious adverse events", "adverse events"} <= names
    regs = {r.id for r in rec.registrations}
    assert {"NCT09990001", "2020-001234-38"} <= regs
    assert {r.route for r in rec.routes} == {"oral"}


def test_v2_other_registry_ids() -> None:
    (rec,) = extract.extract_file(V2)
    assert {r.id for r in rec.registrations} == {"NCT09990001", "2020-001234-38", "ISRCTN12345678"}


# --------------------------------------------------------------------------- wrappers and ids

def _response(studies: list[Any]) -> str:
    return json.dumps({"studies": studies, "nextPageToken": "abc"})


def test_search_response_each_study_is_a_document(tmp_path: Path) -> None:
    a, b = _study(), _study()
    b["protocolSection"]["identificationModule"]["nctId"] = "NCT09990002"
    c = _study()
    del c["protocolSection"]["identificationModule"]["nctId"]
    p = tmp_path / "page1.json"
    p.write_text(_response([a, b, c]), encoding="utf-8")
    docs = list(read_path(p))
    assert [d.id for d in docs] == ["NCT09990001", "NCT09990002", "page1:3"]
    assert all(d.format == "ctgov_json" and d.error is None for d in docs)
    records = list(extract.extract_file(p))
    assert [r.id for r in records] == ["NCT09990001", "NCT09990002", "page1:3"]


def test_search_response_with_one_study_is_named_by_the_file() -> None:
    assert _one(_response([_study()]), stem="single").id == "single"


def test_search_response_bad_items_are_error_records() -> None:
    docs = list(read_text(_response([_study(), [1, 2], None]), stem="page"))
    assert [d.id for d in docs] == ["NCT09990001", "page:2", "page:3"]
    assert docs[0].error is None
    assert docs[1].error == ("invalid_json", "studies[1]: expected a JSON object (a study), got a list")
    assert docs[2].error is not None and docs[2].error[0] == "invalid_json"


def test_empty_search_response() -> None:
    doc = _one(_response([]), stem="none")
    assert doc.error == ("empty_document", "the ClinicalTrials.gov search response holds no studies")


def test_json_lines_of_studies(tmp_path: Path) -> None:
    a, b = _study(), _study()
    b["protocolSection"]["identificationModule"]["nctId"] = "NCT09990002"
    p = tmp_path / "studies.jsonl"
    p.write_text(json.dumps(a) + "\n" + json.dumps(b) + "\n", encoding="utf-8")
    docs = list(read_path(p))
    assert [(d.id, d.format) for d in docs] == [("NCT09990001", "ctgov_json"), ("NCT09990002", "ctgov_json")]
    assert "Started 30 30 30" in docs[1].text


# --------------------------------------------------------------------------- bad input is data

def _set(rec: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of the record with the value at a dotted path (list indices as numbers) replaced."""
    rec = copy.deepcopy(rec)
    *parents, last = path.split(".")
    node: Any = rec
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return rec


RS = "resultsSection"
OM0 = f"{RS}.outcomeMeasuresModule.outcomeMeasures.0"
# (path, value, whether a warning is due): numbers where text is expected, text where a number is,
# and one string where a list of strings is are read as meant; other wrong types are skipped and said.
BAD_FIELDS = [
    ("protocolSection", [], True),
    ("protocolSection", None, True),
    ("protocolSection", "NCT09990001", True),
    ("protocolSection.identificationModule", ["NCT09990001"], True),
    ("protocolSection.identificationModule.nctId", 9990001, False),
    ("protocolSection.identificationModule.briefTitle", {"text": "x"}, True),
    ("protocolSection.identificationModule.secondaryIdInfos", {"id": "2020-001234-38"}, True),
    ("protocolSection.identificationModule.secondaryIdInfos.0", "2020-001234-38", True),
    ("protocolSection.identificationModule.orgStudyIdInfo", "DX-ALS-201", True),
    ("protocolSection.conditionsModule.conditions", "Amyotrophic Lateral Sclerosis", False),
    ("protocolSection.conditionsModule", None, True),
    ("protocolSection.designModule.enrollmentInfo.count", "90", False),
    ("protocolSection.designModule.enrollmentInfo.count", [90], True),
    ("protocolSection.designModule.enrollmentInfo", 90, True),
    ("protocolSection.armsInterventionsModule.armGroups", {"label": "Placebo"}, True),
    ("protocolSection.armsInterventionsModule.interventions.0", None, True),
    ("protocolSection.outcomesModule.primaryOutcomes", "ALSFRS-R", True),
    ("protocolSection.descriptionModule.briefSummary", ["a", "b"], True),
    (RS, [], True),
    (RS, "none", True),
    (f"{RS}.participantFlowModule", None, True),
    (f"{RS}.participantFlowModule.periods", {"title": "Overall Study"}, True),
    (f"{RS}.participantFlowModule.periods.0.milestones.0.achievements.0.numSubjects", 30, False),
    (f"{RS}.participantFlowModule.periods.0.milestones.0.achievements.1.numSubjects", None, True),
    (f"{RS}.participantFlowModule.periods.0.milestones.1.achievements", "27 28 29", True),
    (f"{RS}.participantFlowModule.groups", [None, "FG001"], True),
    (f"{RS}.baselineCharacteristicsModule.denoms", {"units": "Participants"}, True),
    (f"{OM0}.analyses", None, True),
    (f"{OM0}.analyses.0.pValue", 0.016, False),
    (f"{OM0}.analyses.0.pValue", "NS", False),
    (f"{OM0}.analyses.0.groupIds", "OG000", False),
    (f"{OM0}.title", 42, False),
    (f"{OM0}.denoms.0.counts", [["OG000", "27"]], True),
    (f"{RS}.outcomeMeasuresModule.outcomeMeasures", {"title": "x"}, True),
    (f"{RS}.adverseEventsModule", [1], True),
]


@pytest.mark.parametrize("path,value,warned", BAD_FIELDS, ids=[f"{p}={json.dumps(v)}" for p, v, _ in BAD_FIELDS])
def test_wrong_types_never_raise(path: str, value: Any, warned: bool) -> None:
    doc = _one(json.dumps(_set(_study(), path, value)))
    if doc.error is not None:
        assert doc.error[0] == "empty_document" and doc.error[1]
        return
    assert doc.format == "ctgov_json" and doc.text
    said = [w for w in doc.warnings if w.startswith("ClinicalTrials.gov record: ") and "expected" in w]
    assert bool(said) == (warned and value is not None), doc.warnings  # a null is just absent


def test_wrong_type_warning_names_the_field() -> None:
    doc = _one(json.dumps(_set(_study(), "protocolSection.designModule.enrollmentInfo", 90)))
    assert "ClinicalTrials.gov record: designModule.enrollmentInfo is a number, expected an object; skipped" in doc.warnings
    assert "Enrollment:" not in doc.text


def test_numbers_as_numbers_are_read() -> None:
    rec = _set(_study(), f"{OM0}.analyses.0.pValue", 0.016)
    rec = _set(rec, f"{RS}.participantFlowModule.periods.0.milestones.0.achievements.0.numSubjects", 30)
    doc = _one(json.dumps(rec))
    assert doc.warnings == [] and "P = 0.016" in doc.text and "Started 30 30 30" in doc.text


def test_a_missing_count_keeps_the_row_out_of_the_table() -> None:
    doc = _one(json.dumps(_set(_study(), f"{RS}.participantFlowModule.periods.0.milestones.1.achievements.2.numSubjects", "NA")))
    assert "Completed 27 28 29" not in doc.text
    assert "Milestone Completed: Drug X 50 mg 27, Drug X 100 mg 28, Placebo NA" in doc.text


def test_record_without_protocol_or_results_text_is_an_error_record() -> None:
    doc = _one(json.dumps({"protocolSection": [], "resultsSection": None}))
    assert doc.error is not None and doc.error[0] == "empty_document"
    assert "protocolSection is a list, expected an object" in doc.error[1]


def test_results_only_record() -> None:
    doc = _one(json.dumps({"resultsSection": _study()["resultsSection"]}))
    assert doc.error is None and "Started 30 30 30" in doc.text


@pytest.mark.parametrize("path,value,warned", BAD_FIELDS[::4], ids=[f"{p}={json.dumps(v)}" for p, v, _ in BAD_FIELDS[::4]])
def test_wrong_types_through_the_pipeline(path: str, value: Any, warned: bool) -> None:
    records = list(extract.extract_many([json.dumps(_set(_study(), path, value))]))
    assert len(records) == 1
    assert records[0].error is None or records[0].error.type == "empty_document"


def _paths(node: Any, prefix: str = "") -> list[str]:
    out = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in items:
        path = f"{prefix}.{key}" if prefix else str(key)
        out.append(path)
        out.extend(_paths(child, path))
    return out


PATHS = _paths(_study())
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@settings(deadline=None, max_examples=300, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), json_values), min_size=1, max_size=4))
def test_any_field_of_any_type_gives_one_document(changes: list[tuple[str, Any]]) -> None:
    rec = _study()
    for path, value in changes:
        try:
            rec = _set(rec, path, value)
        except (KeyError, IndexError, TypeError, ValueError):
            continue  # an earlier change removed the path
    docs = list(read_text(json.dumps(rec), stem="fuzz"))
    assert len(docs) == 1
    assert docs[0].error is not None or docs[0].text


@pytest.mark.parametrize("streamed", [True, False], ids=["file", "text"])
def test_json_lines_of_search_responses(tmp_path: Path, streamed: bool) -> None:
    a, b = _study(), _study()
    b["protocolSection"]["identificationModule"]["nctId"] = "NCT09990002"
    c = _study()
    del c["protocolSection"]["identificationModule"]["nctId"]
    text = _response([a, b]) + "\n" + _response([c, 7]) + "\n" + _response([]) + "\n"
    if streamed:
        p = tmp_path / "pages.jsonl"
        p.write_text(text, encoding="utf-8")
        docs = list(read_path(p))
    else:
        docs = list(read_text(text, stem="pages"))
    assert [d.id for d in docs] == ["NCT09990001", "NCT09990002", "pages:2.1", "pages:2.2", "pages:3"]
    assert [d.error[0] if d.error else None for d in docs] == [None, None, None, "invalid_json", "empty_document"]


def test_one_line_search_response_with_one_study_is_named_by_the_file(tmp_path: Path) -> None:
    p = tmp_path / "one.jsonl"
    p.write_text(_response([_study()]) + "\n", encoding="utf-8")
    assert [d.id for d in read_path(p)] == ["one"]
    assert [d.id for d in read_text(_response([_study()]), stem="one", suffix=".jsonl")] == ["one"]
    two = _response([_study(), _study()])
    assert [d.id for d in read_text(two, stem="one", suffix=".jsonl")] == ["NCT09990001", "NCT09990001"]


def test_p_value_of_a_measure_without_a_named_outcome_is_not_linked_to_the_previous_measure() -> None:
    rec = _study()
    measures = rec["resultsSection"]["outcomeMeasuresModule"]["outcomeMeasures"]
    measures[1]["description"] = "Percent of predicted FVC."
    measures[2]["title"] = "Efficacy"
    record = extract.extract(next(iter(read_text(json.dumps(rec), stem="x"))).text)
    assert [p.outcome for p in record.p_values if p.value == 0.62] == [None]


def test_started_row_right_before_completed_row_keeps_its_kind() -> None:
    rec = _study()
    period = rec["resultsSection"]["participantFlowModule"]["periods"][0]
    del period["dropWithdraws"]  # no reasons line between the Started and Completed rows
    (doc,) = read_text(json.dumps(rec), stem="x")
    assert "Started 30 30 30\nCompleted 27 28 29" in doc.text
    record = extract.extract(doc.text)
    started = doc.text.index("Started 30 30 30")
    kinds = [s.kind for s in record.sample_sizes if started <= s.start < started + len("Started 30 30 30")]
    assert kinds == ["arm", "arm", "arm"]


def test_flow_without_group_list_uses_the_group_ids() -> None:
    doc = _one(json.dumps(_set(_study(), f"{RS}.participantFlowModule.groups", None)))
    assert "Participant Flow, Overall Study: FG000 | FG001 | FG002\nStarted 30 30 30" in doc.text


def test_untitled_measure_keeps_its_p_values() -> None:
    doc = _one(json.dumps(_set(_study(), f"{OM0}.title", None)))
    assert "Primary Outcome Measure: (title not given) [Time Frame: Baseline and week 24]\nStatistical Analyses: " in doc.text
    assert "P = 0.016" in doc.text


def test_a_record_with_a_studies_key_and_text_is_not_a_search_response() -> None:
    doc = _one(json.dumps({"title": "Review of studies", "studies": [{"x": 1}]}))
    assert doc.format == "json" and doc.text == "Review of studies"


XML_CHANGES = [
    ('count="27"', 'count="twenty-seven"'),                      # a count that is not a number
    ("<title>STARTED</title>", "<title></title>"),               # a milestone without its name
    ("<p_value>0.016</p_value>", "<p_value/>"),                  # an analysis without a p-value
    ("<p_value>0.23</p_value>", "<p_value>NS</p_value>"),        # a p-value in words
    ('<group group_id="P1">', '<group>'),                        # a group without its id
    ("<analyzed_list>", "<analyzed_list><analyzed><units>Eyes</units></analyzed>"),  # other units first
    ("<clinical_results>", "<clinical_results><outcome_list><outcome/></outcome_list>"),  # an empty outcome
]


@pytest.mark.parametrize("old,new", XML_CHANGES, ids=[c[1][:30] for c in XML_CHANGES])
def test_odd_legacy_xml_is_read(old: str, new: str) -> None:
    xml = LEGACY.read_text(encoding="utf-8")
    assert old in xml
    doc = _one(xml.replace(old, new, 1))
    assert doc.error is None and doc.format == "ctgov_xml"
    assert "Registration Number: NCT09990001" in doc.text


def test_legacy_xml_with_empty_results() -> None:
    xml = LEGACY.read_text(encoding="utf-8")
    start, end = xml.index("<clinical_results>"), xml.index("</clinical_results>") + len("</clinical_results>")
    doc = _one(xml[:start] + "<clinical_results/>" + xml[end:])
    assert doc.error is None and "Participant Flow" not in doc.text
    # without results the protocol's outcome measures are kept
    assert "Primary Outcome Measure: Change From Baseline in ALSFRS-R Total Score at Week 24. The ALS" in doc.text


def test_a_folder_of_records_gives_one_record_per_study(tmp_path: Path) -> None:
    for p in FIXTURES:
        (tmp_path / p.name).write_bytes(p.read_bytes())
    b = _study()
    b["protocolSection"]["identificationModule"]["nctId"] = "NCT09990002"
    (tmp_path / "page.json").write_text(_response([_study(), b, "x"]), encoding="utf-8")
    records = list(extract.extract_file(tmp_path))
    assert [(r.id, r.error.type if r.error else None) for r in records] == [
        ("legacy_with_results", None), ("NCT09990001", None), ("NCT09990002", None), ("page:3", "invalid_json"),
        ("v2_with_results", None)]
