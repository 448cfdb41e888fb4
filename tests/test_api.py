"""The library API and the pipeline: records, offsets, errors as data, spaCy use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import extract
from extract.models import TrialRecord

ROOT = Path(__file__).resolve().parents[1]


def test_extract_string_returns_record_with_offsets_into_cleaned_text() -> None:
    text = "<p>FVC improved (<i>P</i>=0.036); registered as NCT02116634.</p>"
    rec = extract.extract(text, id="doc1", with_text=True)
    assert isinstance(rec, TrialRecord) and rec.id == "doc1" and rec.error is None
    assert rec.text == "FVC improved (P=0.036); registered as NCT02116634."
    (p,) = rec.p_values
    assert (p.comparator, p.value) == ("=", 0.036)
    assert rec.text[p.start:p.end] == p.text == "P=0.036"
    (r,) = rec.registrations
    assert (r.registry, r.id) == ("ClinicalTrials.gov", "NCT02116634")
    assert rec.text[r.start:r.end] == "NCT02116634"
    assert rec.languages == ["en"]
    for field in ("sample_sizes", "doses", "routes"):
        assert getattr(rec, field) == []


def test_extract_without_id_and_bad_input_never_raise() -> None:
    assert extract.extract("p < .001").id is None
    assert extract.extract("").error.type == "empty_document"
    assert extract.extract("\x00\x01binary").error.type == "binary_input"
    assert extract.extract('{"abstract": "x"').error.type == "invalid_json"
    assert extract.extract(b"bytes").error.type == "unsupported_format"  # type: ignore[arg-type]


def test_extract_file_and_many_keep_order_and_count() -> None:
    recs = extract.extract_file(ROOT / "seeds" / "d17_csdh_atorvastatin_atoch.xml")
    assert [r.id for r in recs] == ["d17_csdh_atorvastatin_atoch"]
    assert {r.id for r in recs[0].registrations} == {"NCT02024373"}
    items = ["P = 0.01", ("b", "P < 0.05"), ("c", ""), ("d", "ISRCTN86750102")]
    out = list(extract.extract_many(items))
    assert [r.id for r in out] == [None, "b", "c", "d"]
    assert out[2].error is not None and out[2].error.type == "empty_document"
    assert out[3].registrations[0].id == "ISRCTN86750102"


def test_seed_000_end_to_end() -> None:
    (rec,) = extract.extract_file(ROOT / "seeds" / "000_b5a3d23ea323b22b.txt")
    assert rec.languages == ["en", "zh"]
    assert rec.title and rec.title.startswith("Evaluation of Safety and Efficacy")
    assert {(p.comparator, p.value) for p in rec.p_values} == {("=", 0.036), ("=", 0.16), (">", 0.05)}


def test_record_json_shape() -> None:
    from extract.serialize import record_to_json

    line = record_to_json(extract.extract("P = 0.2", id="x"))
    data = json.loads(line)
    assert set(data) == {"id", "languages", "title", "sample_sizes", "doses", "routes", "outcomes",
                         "p_values", "registrations", "warnings"}
    err = json.loads(record_to_json(extract.extract("", id="y")))
    assert err["error"]["type"] == "empty_document" and err["p_values"] == []


def test_pipeline_components_and_spans() -> None:
    nlp = extract.load_pipeline()
    from extract.pipeline import PIPE_ORDER

    assert tuple(nlp.pipe_names) == PIPE_ORDER
    assert PIPE_ORDER[:2] == ("trial_sentences", "abbreviation_detector")
    doc = nlp("Forced vital capacity (FVC) fell (p=.036, NCT01234567).")
    (span,) = doc.spans["p_values"]
    assert span.text == "p=.036" and span._.norm["value"] == 0.036 and span._.rule
    assert doc.spans["registrations"][0]._.norm["id"] == "NCT01234567"
    assert [str(a) for a in doc._.abbreviations] == ["FVC"]


def test_components_from_entry_points_in_a_users_pipeline() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("trial_p_values")
    nlp.add_pipe("trial_registrations")
    doc = nlp("Outcome improved (P < 0.001); trial ACTRN12610000335011.")
    assert [s._.norm["comparator"] for s in doc.spans["p_values"]] == ["<"]
    assert doc.spans["registrations"][0]._.norm["registry"]


@pytest.mark.parametrize("junk", ["\x00" * 10, "<<<>>>", "{", "}" * 100, "P = " * 1000, "\u202e\u200b", "10^" * 500])
def test_junk_strings_give_a_record(junk: str) -> None:
    rec = extract.extract(junk, id="j")
    assert isinstance(rec, TrialRecord) and rec.id == "j"


def test_two_mentions_in_one_token_keep_their_own_values() -> None:
    # Chinese text glues both statistics into one long token; each mention must keep its own data.
    rec = extract.extract("差异无统计学意义(P>0.05),但治疗组生存率明显高于对照组(P=0.013)。", id="zh")
    assert [(p.comparator, p.value, p.text) for p in rec.p_values] == [(">", 0.05, "P>0.05"), ("=", 0.013, "P=0.013")]


def test_sentence_boundaries_at_full_stops_and_line_breaks() -> None:
    nlp = extract.load_pipeline()
    doc = nlp("First sentence. second part vs. x.\nMETHODS\nWe did it (P<0.05). Then done.")
    assert [s.text.strip() for s in doc.sents] == [
        "First sentence. second part vs. x.", "METHODS", "We did it (P<0.05).", "Then done."]


def test_shared_pipeline_is_replaced_after_refresh_every(monkeypatch):
    """A long stream gets a fresh pipeline every REFRESH_EVERY documents (spaCy's vocabulary
    only grows), and the records are the same as from one pipeline."""
    import extract.api as api

    texts = [
        ("a", "Sixty patients were randomized to 5 mg/kg of drug X orally or placebo (P = 0.03)."),
        ("b", "FEV1 improved in 40 participants (n = 20 per arm); p<0.001. NCT01234567."),
        ("c", "Twelve subjects received 1 × 10^6 cells/kg intravenously."),
        ("d", "Pain (VAS) fell in both groups, P = 0.41."),
        ("e", "Not a trial at all."),
    ]
    expected = [r.model_dump() for r in api.extract_many(texts)]
    monkeypatch.setattr(api, "BATCH_SIZE", 1)
    monkeypatch.setattr(api, "REFRESH_EVERY", 2)
    seen = []
    records = []
    for record in api.extract_many(texts):
        records.append(record.model_dump())
        seen.append(id(api.load_pipeline()))
    assert records == expected
    assert len(set(seen)) >= 2, "the pipeline was never replaced"
    assert api.pipeline_loaded()
