"""The Chinese pattern files (patterns/zh/*.jsonl, issue #6): rules as data, proved on their examples.

1. Every line of every Chinese file acts on its own example: its word is
   matched there doing its job (a classifier counted, an event word in reach
   of a count, a unit read after a number...), and the example yields the
   line's ``expect``.
2. Examples said to come from a seed occur in that seed; the files ship as
   package data.
3. Bad data fails at load with a message naming the entry: the validators
   are run on rules built in memory, never on edited shipped files.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from extract.ingest.clean import normalize_chars
from extract.normalize import doses, sample_sizes, units
from extract.normalize.doses import find_doses
from extract.normalize.routes import find_routes
from extract.normalize.sample_sizes import find_sample_sizes
from extract.patterns import check_expectations, PATTERN_DIR, PatternError, check_rules, load_patterns

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

ZH_FILES = ("zh/routes", "zh/sample_sizes", "zh/units", "zh/doses")
SIZE_RULES = load_patterns("zh/sample_sizes")
UNIT_RULES = load_patterns("zh/units")
DOSE_RULES = load_patterns("zh/doses")


def _ids(rules: tuple[dict[str, Any], ...]) -> list[str]:
    return [r["id"] for r in rules]


# --------------------------------------------------------------------------- 1. every example proves its entry


def test_every_zh_file_is_checked_here() -> None:
    shipped = {f"zh/{p.stem}" for p in (PATTERN_DIR / "zh").glob("*.jsonl")}
    assert shipped == set(ZH_FILES)


@pytest.mark.parametrize("rule", SIZE_RULES, ids=_ids(SIZE_RULES))
def test_sample_size_word_acts_on_its_example(rule: dict[str, Any]) -> None:
    assert sample_sizes._zh_acts_on_example(sample_sizes._ZH, rule["label"], rule["pattern"], rule["example"])
    assert [[m.value, m.kind] for m in find_sample_sizes(rule["example"])] == rule["expect"]


@pytest.mark.parametrize("rule", SIZE_RULES, ids=_ids(SIZE_RULES))
def test_sample_size_word_is_what_decides(rule: dict[str, Any]) -> None:
    # Without the word, the example reads differently: the word is not a bystander.
    without = rule["example"].replace(rule["pattern"], "", 1)
    got = [[m.value, m.kind] for m in find_sample_sizes(without)]
    assert got != rule["expect"]


@pytest.mark.parametrize("rule", UNIT_RULES, ids=_ids(UNIT_RULES))
def test_unit_word_is_read_as_its_unit(rule: dict[str, Any]) -> None:
    units._check_zh_examples([rule])  # raises when not read so
    at = rule["example"].index(rule["pattern"])
    reads = [u for end in range(len(rule["example"]) + 1) if (u := units.match_unit(rule["example"], end))]
    assert any(u.start <= at < u.end for u in reads)


@pytest.mark.parametrize("rule", DOSE_RULES, ids=_ids(DOSE_RULES))
def test_dose_word_acts_on_its_example(rule: dict[str, Any]) -> None:
    doses._compile_zh([rule])  # its own word acts on its example, alone
    assert [[d.value, d.unit] for d in find_doses(rule["example"])] == rule["expect"]


ROUTE_RULES = load_patterns("zh/routes")


@pytest.mark.parametrize("rule", ROUTE_RULES, ids=_ids(ROUTE_RULES))
def test_route_rule_matches_its_example(rule: dict[str, Any]) -> None:
    assert rule["id"] in {m.rule for m in find_routes(rule["example"])}


def test_unit_aliases_are_english_units() -> None:
    english = {name for _, name, _ in units._EN_NUMERATORS}
    for rule in UNIT_RULES:
        if rule["slot"] == "numerator":
            assert rule["label"] in english
            assert units.parse_unit_string(rule["label"]) is not None  # Pint knows it


@pytest.mark.parametrize("word", ["injections", "infusion", "doses", "administration", "sessions", "treatment",
                                  "nostrils", "eye", "knees", "joint", "patients", "subjects", "application", "time"])
def test_english_per_names_are_the_ones_a_chinese_per_word_may_take(word: str) -> None:
    assert units._per_name(word) in units._EN_PER_NAMES


def test_chinese_words_reach_the_readers() -> None:
    # The words of the files are what the readers use (a sample from each slot and label).
    assert units.match_unit("每次20毫克", 4).unit == "milligram"
    assert units.match_unit("4粒/次", 1).per == "dose"
    assert units.match_unit("1×10^6 细胞/kg体重", 6).unit == "cell/kg"
    assert [(m.value, m.kind) for m in find_sample_sizes("对照组15例")] == [(15, "arm")]
    assert find_sample_sizes("死亡7例") == []
    assert [(d.value, d.unit) for d in find_doses("干细胞数量≥2×107个")] == [(2e7, "cell")]


# --------------------------------------------------------------------------- 2. provenance and packaging


def _seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*")
    return normalize_chars(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("rule", SIZE_RULES + UNIT_RULES + DOSE_RULES, ids=_ids(SIZE_RULES + UNIT_RULES + DOSE_RULES))
def test_example_is_from_where_it_says(rule: dict[str, Any]) -> None:
    source = rule["source"]
    if source == "constructed":
        return
    if source == "tests/test_chinese.py":
        assert rule["example"] in (ROOT / source).read_text(encoding="utf-8")
        return
    assert normalize_chars(rule["example"]) in _seed_text(source), source


def test_zh_files_are_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "patterns/zh/*.jsonl" in config["tool"]["setuptools"]["package-data"]["extract"]


# --------------------------------------------------------------------------- 3. bad data fails loudly, naming the entry

SIZE_GOOD = {"id": "t", "label": "classifier", "pattern": "例", "example": "患者27例", "expect": [[27, "enrolled"]]}


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        pytest.param([SIZE_GOOD, {**SIZE_GOOD, "pattern": "名", "example": "18名"}], "rule 't': duplicate id", id="dup-id"),
        pytest.param([{**SIZE_GOOD, "colour": "red"}], r"rule 't': unknown keys \['colour'\]", id="unknown-key"),
        pytest.param([{k: v for k, v in SIZE_GOOD.items() if k != "example"}], "rule 't': missing example", id="missing"),
        pytest.param([{**SIZE_GOOD, "label": "size"}], "rule 't': label 'size'", id="unknown-label"),
        pytest.param([{**SIZE_GOOD, "pattern": ""}], "rule 't': 'pattern' must be", id="empty-word"),
        pytest.param([SIZE_GOOD, {**SIZE_GOOD, "id": "u"}], "rule 'u': the classifier word '例' is listed twice",
                     id="word-twice"),
        pytest.param([{**SIZE_GOOD, "expect": [27]}], "rule 't': 'expect'", id="bad-expect"),
        pytest.param([{**SIZE_GOOD, "example": "患者二十七人"}], "rule 't': its classifier word '例' does not act",
                     id="example-not-matched"),
        pytest.param([SIZE_GOOD, {"id": "e", "label": "event", "pattern": "死亡", "example": "死亡率下降,共27例",
                                  "expect": []}], "rule 'e': its event word '死亡' does not act", id="event-out-of-reach"),
        pytest.param([SIZE_GOOD, {"id": "x", "label": "unit_after", "pattern": "次", "example": "3次/d", "expect": []}],
                     "rule 'x': its unit_after word '次' does not act", id="unit-after-not-after-a-classifier"),
        pytest.param([{**SIZE_GOOD, "label": "arm", "pattern": "组"}], "no classifier", id="no-classifier"),
    ],
)
def test_bad_sample_size_words_fail_at_load(rules: list[dict[str, Any]], message: str) -> None:
    with pytest.raises(PatternError, match=message):
        sample_sizes._compile_zh(rules)


def test_sample_size_example_yielding_something_else_fails_at_load() -> None:
    rule = {**SIZE_GOOD, "expect": [[27, "arm"]]}
    sample_sizes._compile_zh([rule])  # well formed, and 例 acts on it
    with pytest.raises(PatternError, match=r"rule 't': example '患者27例' yields \[\[27, 'enrolled'\]\]"):
        check_expectations([rule], "zh", lambda ex: [[m.value, m.kind] for m in sample_sizes.find_sample_sizes(ex)])


UNIT_GOOD = {"id": "t", "slot": "numerator", "label": "milligram", "pattern": "毫克", "example": "每次20毫克"}


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        pytest.param([UNIT_GOOD, {**UNIT_GOOD, "pattern": "克", "label": "gram", "example": "5克"}],
                     "rule 't': duplicate id", id="dup-id"),
        pytest.param([{**UNIT_GOOD, "label": "milligramme"}], "rule 't': unknown unit 'milligramme'", id="unknown-unit"),
        pytest.param([{**UNIT_GOOD, "slot": "per", "label": "spoonful"}], "rule 't': unknown unit 'spoonful'",
                     id="unknown-per-name"),
        pytest.param([{**UNIT_GOOD, "slot": "cell", "label": "milligram"}], "rule 't': unknown unit 'milligram'",
                     id="cell-slot-not-cell"),
        pytest.param([{**UNIT_GOOD, "slot": "denominator"}], "rule 't': 'slot' must be one of", id="unknown-slot"),
        pytest.param([{k: v for k, v in UNIT_GOOD.items() if k != "slot"}], "rule 't': 'slot' must be", id="no-slot"),
        pytest.param([{**UNIT_GOOD, "unit": "mg"}], r"rule 't': unknown keys \['unit'\]", id="unknown-key"),
        pytest.param([UNIT_GOOD, {**UNIT_GOOD, "id": "u"}], "rule 'u': the word '毫克' is already rule 't'",
                     id="word-twice"),
        pytest.param([{**UNIT_GOOD, "example": "每次20 mg"}], "rule 't': its example '每次20 mg' does not hold '毫克'",
                     id="example-without-word"),
    ],
)
def test_bad_unit_words_fail_at_load(rules: list[dict[str, Any]], message: str) -> None:
    with pytest.raises(PatternError, match=message):
        units._zh_units(rules)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        pytest.param({**UNIT_GOOD, "example": "毫克数未记录"}, "rule 't': example '毫克数未记录' is not read as numerator "
                     "'milligram'", id="no-number-before"),
        pytest.param({**UNIT_GOOD, "label": "gram"}, "rule 't': example '每次20毫克' is not read as numerator 'gram' "
                     r"after a number \(read: \['milligram'\]\)", id="read-as-another-unit"),
        pytest.param({**UNIT_GOOD, "slot": "per", "label": "dose"}, "rule 't': example '每次20毫克' is not read as per",
                     id="read-in-another-slot"),
    ],
)
def test_unit_example_not_read_fails_at_load(rule: dict[str, Any], message: str) -> None:
    units._zh_units([rule])  # well formed
    with pytest.raises(PatternError, match=message):
        units._check_zh_examples([rule])


DOSE_GOOD = {"id": "t", "label": "counter", "pattern": "个", "not_before": ["细胞"], "example": "细胞数量2×107个",
             "expect": [[2e7, "cell"]]}


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        pytest.param([DOSE_GOOD, {**DOSE_GOOD, "label": "cell_noun", "pattern": "细胞", "not_before": []}],
                     "rule 't': duplicate id", id="dup-id"),
        pytest.param([{**DOSE_GOOD, "label": "unit"}], "rule 't': label 'unit'", id="unknown-label"),
        pytest.param([{**DOSE_GOOD, "not_before": "细胞"}], "rule 't': 'not_before' must be a list", id="bad-not-before"),
        pytest.param([{**DOSE_GOOD, "label": "cell_noun", "pattern": "细胞"}], "rule 't': only a counter has 'not_before'",
                     id="not-before-on-noun"),
        pytest.param([{**DOSE_GOOD, "example": "细胞数量2×10^7个细胞"}], "rule 't': its counter '个' does not act",
                     id="example-not-matched"),
        pytest.param([{**DOSE_GOOD, "label": "cell_noun", "pattern": "干细胞", "not_before": [],
                       "example": "干细胞移植后随访了很久很久很久很久很久很久很久很久很久很久,共2×107个"}],
                     "rule 't': its cell_noun '干细胞' does not act", id="cell-noun-out-of-reach"),
        pytest.param([{k: v for k, v in DOSE_GOOD.items() if k != "expect"}], "rule 't': 'expect'", id="no-expect"),
    ],
)
def test_bad_dose_words_fail_at_load(rules: list[dict[str, Any]], message: str) -> None:
    with pytest.raises(PatternError, match=message):
        doses._compile_zh(rules)


def test_dose_example_yielding_something_else_fails_at_load() -> None:
    rule = {**DOSE_GOOD, "expect": [[2e6, "cell"]]}
    with pytest.raises(PatternError, match=r"rule 't': example '细胞数量2×107个' yields \[\[20000000.0, 'cell'\]\]"):
        check_expectations([rule], "zh", lambda ex: [[d.value, d.unit] for d in doses.find_doses(ex)])


def test_check_rules_names_the_file_and_a_rule_without_id() -> None:
    with pytest.raises(PatternError, match=r"^zh/x.jsonl: rule #2: missing id"):
        check_rules([{"id": "t", "label": "classifier", "pattern": "例", "example": "3例"},
                     {"label": "classifier", "pattern": "名", "example": "3名"}], "zh/x.jsonl")
    with pytest.raises(PatternError, match="zh/x.jsonl: no rules"):
        check_rules([], "zh/x.jsonl")
    with pytest.raises(PatternError, match="rule #1: a rule must be a JSON object"):
        check_rules([["例"]], "zh/x.jsonl")  # type: ignore[list-item]


def test_load_patterns_unchanged_for_the_zh_files() -> None:
    # The new files go through the same loader as every other: the keys it requires, in file order.
    for name in ZH_FILES:
        rules = load_patterns(name)
        assert rules and all({"id", "label", "pattern", "example"} <= set(r) for r in rules)
