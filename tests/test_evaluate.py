"""Scoring exactly as SPEC.md section 5 defines it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.evaluate import evaluate, load_gold, normalize_name, score_field

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name,norm", [
    ("TNF-α", "tnfalpha"), ("TNF-alpha", "tnfalpha"), ("ALSFRS‐R", "alsfrsr"), ("ＦＶＣ", "fvc"),
    ("IL-1β", "il1beta"), ("Forced Vital Capacity", "forcedvitalcapacity"), ("miR-206", "mir206"),
])
def test_normalize_name(name: str, norm: str) -> None:
    assert normalize_name(name) == norm


def test_p_values_are_sets_of_pairs() -> None:
    pred = [{"comparator": "<", "value": 0.05}, {"comparator": "<", "value": 0.05 + 1e-12},
            {"comparator": "=", "value": 0.036}, {"comparator": ">", "value": 0.05}]
    gold = [{"comparator": "<", "value": 0.05}, {"comparator": "=", "value": 0.036}, {"comparator": "=", "value": 0.16}]
    c = score_field("p_values", pred, gold).counts
    assert (c.tp, c.fp, c.fn) == (2, 1, 1)


def test_outcomes_match_name_or_alias_one_to_one() -> None:
    gold = [{"name": "ALSFRS-R", "aliases": ["ALSFRS", "ALS functional rating scale-revised"]},
            {"name": "FVC", "aliases": ["forced vital capacity"]}]
    pred = [{"name": "ALSFRS"}, {"name": "ALSFRS-R"}, {"name": "Forced vital capacity"}, {"name": "EDSS"}]
    c = score_field("outcomes", pred, gold).counts
    # two names for one gold outcome: one TP, one FP
    assert (c.tp, c.fp, c.fn) == (2, 2, 0)


def test_doses_compare_in_base_units_within_one_percent() -> None:
    gold = [{"value": 1e6, "unit": "cell/kg"}, {"value": 10, "unit": "mL"}, {"value": 15, "unit": "mg", "per": "day"}]
    pred = [{"value": 1.005e6, "unit": "cell / kilogram"}, {"value": 0.01, "unit": "L"},
            {"value": 15, "unit": "mg/day"}, {"value": 1e6, "unit": "cell"}]
    c = score_field("doses", pred, gold).counts
    assert (c.tp, c.fp, c.fn) == (3, 1, 0)


def test_daily_amount_matches_either_way() -> None:
    gold = [{"value": 15, "unit": "mg/day"}]
    assert score_field("doses", [{"value": 15, "unit": "mg", "per": "day"}], gold).counts.tp == 1
    assert score_field("doses", [{"value": 15, "unit": "mg"}], gold).counts.tp == 0


def test_unparsable_dose_unit_is_not_a_match() -> None:
    c = score_field("doses", [{"value": 1, "unit": "flargs"}], [{"value": 1, "unit": "mg"}]).counts
    assert (c.tp, c.fn) == (0, 1)


def test_registrations_upper_cased_and_sample_sizes_by_value() -> None:
    assert score_field("registrations", [{"id": "chictr2000031809"}], [{"id": "ChiCTR2000031809"}]).counts.tp == 1
    c = score_field("sample_sizes", [{"value": 21, "kind": "enrolled"}, {"value": 21, "kind": "analyzed"}, {"value": 3}],
                    [{"value": 21, "kind": "enrolled"}]).counts
    assert (c.tp, c.fp, c.fn) == (1, 1, 0)


def test_routes_gold_as_strings() -> None:
    c = score_field("routes", [{"route": "intrathecal"}, {"route": "oral"}], ["intrathecal", "intravenous"]).counts
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)


def test_linking_accuracy_and_micro_totals() -> None:
    gold = {"d": {"id": "d", "outcomes": [{"name": "FVC", "aliases": ["forced vital capacity"]}],
                  "p_values": [{"comparator": "=", "value": 0.036, "outcome": "FVC"},
                               {"comparator": "=", "value": 0.5, "outcome": "FVC"},
                               {"comparator": ">", "value": 0.05, "outcome": None}]}}
    pred = [{"id": "d", "outcomes": [{"name": "forced vital capacity"}],
             "p_values": [{"comparator": "=", "value": 0.036, "outcome": "forced vital capacity"},
                          {"comparator": ">", "value": 0.05, "outcome": None}]}]
    report = evaluate(pred, gold)
    assert (report.linking_found, report.linking_correct) == (1, 1)
    o = report.overall
    assert (o.tp, o.fp, o.fn) == (3, 0, 1)
    assert report.fields["p_values"].f1 == pytest.approx(0.8)


def test_missing_prediction_counts_as_misses() -> None:
    gold = {"d": {"id": "d", "registrations": [{"id": "NCT01234567"}]}}
    report = evaluate([], gold)
    assert report.missing_predictions == ["d"] and report.fields["registrations"].fn == 1


def test_gold_files_are_valid() -> None:
    """Every gold file follows SPEC section 3: ids match names, vocabularies hold, units parse."""
    from extract.normalize.units import parse_unit_string

    routes = {"intravenous", "intrathecal", "intraspinal", "intramuscular", "subcutaneous", "oral", "intranasal",
              "intra-arterial", "intracerebroventricular", "intracerebral", "intracranial", "intracisternal",
              "intradermal", "intraperitoneal", "intravitreal", "epidural", "intralesional", "intratumoral",
              "intracoronary", "intracardiac", "intramyocardial", "intra-articular", "intravesical", "topical",
              "transdermal", "sublingual", "buccal", "rectal", "vaginal", "ophthalmic", "respiratory"}
    kinds = {"enrolled", "randomized", "analyzed", "completed", "withdrawn", "planned", "arm", "other"}
    gold = load_gold(ROOT / "gold")
    assert len(gold) >= 20
    for gid, g in gold.items():
        assert (ROOT / "seeds").glob(gid + ".*"), gid
        assert set(g) >= {"id", "sample_sizes", "doses", "routes", "outcomes", "p_values", "registrations"}, gid
        assert all(r in routes for r in g["routes"]), gid
        assert all(isinstance(s["value"], int) and s["kind"] in kinds for s in g["sample_sizes"]), gid
        assert all(parse_unit_string(d["unit"]) is not None for d in g["doses"]), gid
        names = {o["name"] for o in g["outcomes"]}
        for p in g["p_values"]:
            assert p["comparator"] in {"=", "<", ">", "<=", ">="} and 0 <= p["value"] <= 1, gid
            assert p["outcome"] is None or p["outcome"] in names, (gid, p)
        json.dumps(g)
