"""Chinese text, field by field: real strings from the Chinese and bilingual documents, with negatives.

The same rules read Chinese and English (statistics and ids are written the
same way; units, counters, routes and outcome names have Chinese forms in the
pattern files: ``patterns/zh/routes.jsonl``, ``patterns/zh/sample_sizes.jsonl``
(classifiers, arm, event and rank words), ``patterns/zh/units.jsonl`` (unit
words, each an alias of an English unit), ``patterns/zh/doses.jsonl`` (the
counter 个 and the cell nouns before a count) and the ``zh`` names of
``patterns/outcomes.jsonl``). Each line of those files is proved on its own
example in ``tests/test_zh_patterns.py``.
"""

from __future__ import annotations

import pytest

import extract
from extract.ingest.clean import normalize_chars
from extract.normalize.doses import find_doses
from extract.normalize.outcomes import find_outcomes
from extract.normalize.pvalues import find_p_values
from extract.normalize.registries import find_registrations
from extract.normalize.routes import find_routes
from extract.normalize.sample_sizes import find_sample_sizes


def _t(s: str) -> str:
    return normalize_chars(s)


@pytest.mark.parametrize("text,want", [
    ("我们招募了 18 名膝关节骨性关节炎患者", {18}),                 # d04
    ("每组三名患者", {3}),                                           # d04
    ("失代偿性肝硬化患者27例", {27}),                                # d05
    ("将480例流感样病例风热犯肺证患者分为治疗组360例、安慰剂组120例", {480, 360, 120}),  # d26
    ("复黄片治疗组72例", {72}),                                       # d25
    ("以评估15例确诊的ALS患者", {15}),                                # seed 001
    ("治疗组中生存人数21例,死亡7例,肝移植3例", set()),               # d06: outcomes, not sizes
    ("治疗3个月后", set()),
    ("第一名", set()),
])
def test_sample_sizes(text: str, want: set[int]) -> None:
    assert {m.value for m in find_sample_sizes(_t(text))} == want


@pytest.mark.parametrize("text,want", [
    ("共纳入21例患者。每组30例", [(21, "enrolled"), (30, "arm")]),      # the arm word is in the next sentence
    ("共纳入21例患者,随机分为两组,每组30例。", [(21, "enrolled"), (30, "arm")]),
    ("对照组15例,治疗组16例。", [(15, "arm"), (16, "arm")]),
])
def test_sample_size_kinds(text: str, want: list[tuple[int, str]]) -> None:
    assert [(m.value, m.kind) for m in find_sample_sizes(_t(text))] == want


@pytest.mark.parametrize("text,want", [
    ("口服复黄片4粒/次,3次/d", [(4.0, "tablet")]),                    # d25
    ("分别给予金花清感颗粒5 g/次,3次/d", [(5.0, "gram")]),            # d26
    ("剂量为1×10⁶ 细胞/kg体重,间隔1个月", [(1e6, "cell / kilogram")]),  # seed 001
    ("干细胞数量≥2×107个,共治疗4次", [(2e7, "cell")]),                # d05
    ("低剂量(1.0 × 10 7 个细胞)", [(1e7, "cell")]),                   # d04
    ("治疗后2,3个月时血清白蛋白升高", []),
    ("细胞存活率≥90%", []),                                           # d05: viability, not a dose
])
def test_doses(text: str, want: list[tuple[float, str]]) -> None:
    assert [(d.value, d.unit) for d in find_doses(_t(text))] == want


@pytest.mark.parametrize("text,want", [
    ("通过静脉(IV)和鞘内(IT)同时等量给药", ["intravenous", "intrathecal"]),  # seed 001
    ("评估关节内注射自体脂肪组织衍生的MSCs", ["intra-articular"]),          # d04
    ("以外周静脉回输方式接受UC-MSC治疗", ["intravenous"]),                  # d06
    ("口服复黄片4粒/次", ["oral"]),                                         # d25
    ("经腰穿注射干细胞", ["intrathecal"]),
    ("冠脉内注射骨髓单个核细胞", ["intracoronary"]),
    ("吸入性肺炎", []),
    ("静脉血栓形成", []),
])
def test_routes(text: str, want: list[str]) -> None:
    assert [m.route for m in find_routes(_t(text))] == want


@pytest.mark.parametrize("text,want", [
    ("P值<0.01", [("<", 0.01)]),                                   # seed 001
    ("差异有统计学意义(P<0.05)", [("<", 0.05)]),                    # d26
    ("差异无统计学意义(P＞0.05)", [(">", 0.05)]),                   # full-width, raw
    ("(log-rank χ2=10.822,P=0.001)", [("=", 0.001)]),              # d26
    ("两者比较有统计学差异", []),
    ("以P<0.05为差异有统计学意义", []),                              # a threshold, not a result
])
def test_p_values(text: str, want: list[tuple[str, float]]) -> None:
    assert [(m.comparator, m.value) for m in find_p_values(_t(text))] == want


@pytest.mark.parametrize("text,want", [
    ("注册号:ChiCTR-ONRC-12002929", ["ChiCTR-ONRC-12002929"]),     # d39
    ("中国临床试验注册中心 ChiCTR2000031809", ["ChiCTR2000031809"]),
])
def test_registrations(text: str, want: list[str]) -> None:
    assert [m.id for m in find_registrations(_t(text))] == want


@pytest.mark.parametrize("text,want", [
    ("与对照组相比ALB、TBIL、PTA及MELD评分差异无统计学意义", {"ALB", "TBIL", "PTA", "MELD"}),  # d06
    ("移植后第3个月脑脊液中TNF-α水平显著降低", {"TNF-α"}),                            # seed 001
    ("两组治疗前后实验室指标及生命体征都在正常范围", {"vital signs"}),                  # d25
])
def test_outcomes(text: str, want: set[str]) -> None:
    assert want <= {m.name for m in find_outcomes(_t(text))}


def test_bilingual_fact_is_one_fact() -> None:
    # seed 001 states the dose in English and in Chinese: the record has both mentions, one value.
    rec = extract.extract("administered at a dose of 1 × 10<sup>6</sup> cells/kg BW.\n剂量为1×10⁶ 细胞/kg体重,间隔1个月。",
                          id="bi")
    assert rec.languages == ["en", "zh"] or rec.languages == ["zh", "en"]
    assert {(d.value, d.unit) for d in rec.doses} == {(1e6, "cell / kilogram")}
