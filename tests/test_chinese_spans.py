"""Chinese in spaCy: one token per CJK character, so mention spans are exact (issue #6).

The pipeline's tokenizer (``extract.pipeline.TrialTokenizer``) makes each CJK
character a token, as ``spacy.blank("zh")`` does, and tokenizes the Latin,
digit and symbol runs between them by scispaCy's rules as if they stood
between spaces. Before it, ``共纳入21例患者`` was one token and every span in
``doc.spans`` widened to the whole clause.

1. The tokenizer: Chinese, Japanese, full-width and mixed strings; a CJK
   character at the start or end of a chunk, several in a row; runs inside
   Chinese tokenized like the same run between spaces; English unchanged
   (table, EBM-NLP abstracts, Hypothesis); whitespace and pickling.
2. Sentences end at ``。！？`` (and not at a decimal point in ``spacy.blank("zh")``).
3. Real Chinese sentences from the seeds: every span's text is its evidence.
   Whole Chinese documents: no span widens over a CJK character, and the spans
   agree with the record's offsets.
4. The field components in a user's own ``spacy.blank("zh")`` pipeline.
5. Negatives: statements without a reported value give no mention.
"""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from scispacy.custom_tokenizer import combined_rule_tokenizer

import extract
import extract.components.sentences  # noqa: F401  (registers "trial_sentences" for spacy.blank("zh"))
from extract.extensions import SPAN_GROUPS
from extract.ingest.clean import normalize_chars
from extract.pipeline import CJK_CHARS, TrialTokenizer, trial_tokenizer

ROOT = Path(__file__).resolve().parents[1]
ABSTRACTS = ROOT.parent / "shared" / "corpus" / "ebm_nlp_rct_abstracts.jsonl"
CJK = re.compile(f"[{CJK_CHARS}]")

#: The Chinese and bilingual seed documents (seeds/ID_*.txt).
CHINESE_DOCS = ("000", "001", "002", "d04", "d05", "d06", "d25", "d26", "d39")

#: The field factories, in the pipeline's order (entry points in pyproject.toml).
FIELD_FACTORIES = ("trial_sample_sizes", "trial_doses", "trial_routes", "trial_outcomes",
                   "trial_p_values", "trial_registrations", "trial_linking")


@pytest.fixture(scope="module")
def tok() -> TrialTokenizer:
    return trial_tokenizer(spacy.blank("en"))


@pytest.fixture(scope="module")
def english_tok():
    """scispaCy's tokenizer as it was before: the reference for non-CJK text."""
    return combined_rule_tokenizer(spacy.blank("en"))


@pytest.fixture(scope="module")
def nlp():
    return extract.load_pipeline()


@pytest.fixture(scope="module")
def zh_nlp():
    """A user's own Chinese pipeline with our components."""
    nlp = spacy.blank("zh")
    nlp.add_pipe("trial_sentences")
    for name in FIELD_FACTORIES:
        nlp.add_pipe(name)
    return nlp


def _texts(doc) -> list[str]:
    return [t.text for t in doc]


def _evidence(span) -> str:
    start, end = span._.evidence
    return span.doc.text[start:end]


def _mentions(doc) -> set[tuple[str, str]]:
    return {(g, s.text) for g in doc.spans for s in doc.spans[g]}


# 1. The tokenizer ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,want", [
    ("21例", ["21", "例"]),
    ("每组30例。", ["每", "组", "30", "例", "。"]),
    ("1×10^6个细胞/kg", ["1", "×", "10", "^", "6", "个", "细", "胞", "/kg"]),
    ("共纳入21例患者,随机分为两组,每组30例。P<0.05",
     ["共", "纳", "入", "21", "例", "患", "者", ",", "随", "机", "分", "为", "两", "组", ",",
      "每", "组", "30", "例", "。", "P<0.05"]),
    ("例30", ["例", "30"]),                  # a CJK character at the start of a chunk
    ("两组", ["两", "组"]),                   # consecutive CJK characters
    ("例", ["例"]),
    ("差异有统计学意义(P<0.05)", ["差", "异", "有", "统", "计", "学", "意", "义", "(", "P<0.05", ")"]),
    ("P值<0.01", ["P", "值", "<", "0.01"]),                                     # seed 001
    ("我们招募了 18 名", ["我", "们", "招", "募", "了", "18", "名"]),              # d04
    ("ガラクトオリゴ糖含有食品", list("ガラクトオリゴ糖含有食品")),                  # d24, Japanese
    ("（P＜0.05）", ["（", "P", "＜", "0.05", "）"]),                             # full-width forms, raw
    ("\U00020000例", ["\U00020000", "例"]),                                       # Extension B
])
def test_cjk_characters_are_tokens(tok, text: str, want: list[str]) -> None:
    doc = tok(text)
    assert doc.text == text
    assert _texts(doc) == want


@pytest.mark.parametrize("run", [
    "1×10^6", "(P<0.05)", "(n=30),", "UC-MSC", "p=.036", "i.v.", "don't", "(log-rank",
    "χ2=10.822,P=0.001)", "≥2×107", "5.0", "ChiCTR-ONRC-12002929", "-α(TNF-α)",
])
def test_run_inside_chinese_is_tokenized_like_a_word(tok, english_tok, run: str) -> None:
    """A run between CJK characters gets exactly the tokens it gets between spaces."""
    doc = tok(f"患者{run}例")
    want = english_tok(run)
    assert _texts(doc) == ["患", "者", *_texts(want), "例"]
    assert [t.norm_ for t in doc[2:-1]] == [t.norm_ for t in want]


def test_whitespace_is_kept(tok) -> None:
    text = " 例 30 例\n\n结果  a\u3000组 "
    doc = tok(text)
    assert doc.text == text
    assert [(t.text, t.whitespace_) for t in doc] == [
        (" ", ""), ("例", " "), ("30", " "), ("例", ""), ("\n\n", ""), ("结", ""), ("果", " "),
        (" ", ""), ("a", ""), ("\u3000", ""), ("组", " ")]


@pytest.mark.parametrize("text", [
    "Twenty-one patients received 1 × 10^6 cells/kg intrathecally; FVC improved (P=0.036).",
    "The -value was < 0.01 vs. placebo (n=30), i.v. infusion; don't 8) p=.036",
    "15±3×10^6 cells, 10 µg/kg, 2.5–5 mg, 37 °C, “quoted” — dash",
    "HbA1c fell by 0.5% (95% CI −0.7 to −0.3; p<0.001).\n\nMETHODS\tNCT02116634",
])
def test_english_is_unchanged(tok, english_tok, text: str) -> None:
    assert ([(t.text, t.whitespace_, t.norm_) for t in tok(text)]
            == [(t.text, t.whitespace_, t.norm_) for t in english_tok(text)])


def test_english_abstracts_are_unchanged(tok, english_tok) -> None:
    if not ABSTRACTS.exists():
        pytest.skip("the EBM-NLP abstracts are not available")
    with ABSTRACTS.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for _, line in zip(range(300), f)]
    for text in texts:
        for variant in (text, text + " ×"):  # " ×": not ASCII, so the CJK scan runs
            assert _texts(tok(variant)) == _texts(english_tok(variant))


_MIXED = st.text(alphabet=st.sampled_from(list("例组患者。、ガ（）＜０\u3000 \n\tPp<=.,()0123456789×^-/a")),
                 max_size=40)


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_any_mixed_text_aligns(text: str) -> None:
    tok = _fuzz_tok()
    doc = tok(text)
    assert doc.text == text
    for t in doc:
        if CJK.search(t.text):
            assert len(t.text) == 1, t.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \n()<=.,;:-/×^±0123456789Ppa'\"")), max_size=40))
def test_any_non_cjk_text_is_unchanged(text: str) -> None:
    assert _texts(_fuzz_tok()(text)) == _texts(_fuzz_english_tok()(text))


_FUZZ: dict[str, object] = {}


def _fuzz_tok():
    # Hypothesis does not mix with function-scoped fixtures; build once per session.
    if "tok" not in _FUZZ:
        _FUZZ["tok"] = trial_tokenizer(spacy.blank("en"))
    return _FUZZ["tok"]


def _fuzz_english_tok():
    if "en" not in _FUZZ:
        _FUZZ["en"] = combined_rule_tokenizer(spacy.blank("en"))
    return _FUZZ["en"]


def test_pipeline_uses_it_and_it_survives_pickling(nlp) -> None:
    assert isinstance(nlp.tokenizer, TrialTokenizer)
    copy = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert isinstance(copy, TrialTokenizer)
    assert _texts(copy("每组30例。")) == ["每", "组", "30", "例", "。"]


# 2. Sentences -------------------------------------------------------------------------------

def test_sentences_end_at_cjk_stops(nlp) -> None:
    text = ("27例为对照组,给予生理盐水处理,两组均同时行综合内科治疗。"          # d06
            "治疗组生存率明显高于对照组(P=0.013)!两组比较有统计学差异?"
            "结论 UC-MSC治疗慢加急性肝衰竭患者安全性好。n=30")
    assert [s.text for s in nlp(text).sents] == [
        "27例为对照组,给予生理盐水处理,两组均同时行综合内科治疗。",
        "治疗组生存率明显高于对照组(P=0.013)!",
        "两组比较有统计学差异?",
        "结论 UC-MSC治疗慢加急性肝衰竭患者安全性好。",
        "n=30",
    ]


def test_sentences_end_at_full_width_stops_in_raw_text(nlp) -> None:
    text = "差异有统计学意义！两组比较有统计学差异？结果。"
    assert [s.text for s in nlp(text).sents] == ["差异有统计学意义！", "两组比较有统计学差异？", "结果。"]


def test_sentences_in_blank_zh_do_not_end_at_a_decimal_point(zh_nlp) -> None:
    text = "差异有统计学意义(P<0.05)。疗程均为连续服药3 d。"   # d26
    assert [s.text for s in zh_nlp(text).sents] == ["差异有统计学意义(P<0.05)。", "疗程均为连续服药3 d。"]


# 3. Spans in the pipeline -------------------------------------------------------------------

#: (source, text as in the source, mentions that must be found as (group, span text)).
SENTENCES = [
    ("d06", "慢加急性肝衰竭患者接受UC-MSC回输48周后,与对照组相比ALB、TBIL、PTA及MELD评分差异无统计学意义(P>0.05),"
            "但治疗组生存率明显高于对照组(P=0.013)。",
     {("p_values", "P>0.05"), ("p_values", "P=0.013"), ("outcomes", "ALB"), ("outcomes", "生存率")}),
    ("d06", "其中31例为治疗组,以外周静脉回输方式接受UC-MSC治疗;27例为对照组",
     {("sample_sizes", "31例"), ("sample_sizes", "27例"), ("routes", "静脉回输")}),
    ("d26", "将480例流感样病例风热犯肺证患者分为治疗组360例、安慰剂组120例,分别给予金花清感颗粒5 g/次,3次/d;",
     {("sample_sizes", "480例"), ("sample_sizes", "360例"), ("sample_sizes", "120例"), ("doses", "5 g/次")}),
    ("d26", "中医证候积分2组治疗后较本组治疗前均下降,差异有统计学意义(P<0.05)。",
     {("p_values", "P<0.05"), ("outcomes", "中医证候积分")}),
    ("d25", "复黄片治疗组72例,口服复黄片4粒/次,3次/d;",
     {("sample_sizes", "72例"), ("routes", "口服"), ("doses", "4粒/次")}),
    ("d25", "复黄片组总有效率58.57%,痔宁片组总有效率27.78%,两者比较有统计学差异(P<0.05)。",
     {("p_values", "P<0.05"), ("outcomes", "总有效率")}),
    ("d05", "方法:失代偿性肝硬化患者27例,均行常规内科治疗", {("sample_sizes", "27例")}),
    ("d05", "在治疗后2,3个月时血清白蛋白升高、总胆红素降低,与治疗前比较差异有显著性意义(P<0.05);",
     {("p_values", "P<0.05"), ("outcomes", "血清白蛋白"), ("outcomes", "总胆红素")}),
    ("d04", "我们招募了 18 名膝关节骨性关节炎患者,并将 AD MSCs 注入膝关节。",
     {("sample_sizes", "18 名"), ("routes", "注入膝关节")}),
    ("d04", "低剂量(1.0 × 10 7 个细胞)、中剂量(5.0 × 10 7)", {("doses", "1.0 × 10 7 个细胞"), ("doses", "5.0 × 10 7")}),
    ("seed001", "移植后第3个月脑脊液中TNF-α水平显著降低,P值<0.01。", {("outcomes", "TNF-α"), ("p_values", "P值<0.01")}),
    ("seed001", "剂量为1×10⁶ 细胞/kg体重,间隔1个月,通过静脉(IV)和鞘内(IT)同时等量给药",
     {("doses", "1×10^6 细胞/kg体重"), ("routes", "静脉(IV)"), ("routes", "鞘内")}),
    ("seed001", "以评估15例确诊的ALS患者", {("sample_sizes", "15例")}),
    ("seed002", "鞘内自体骨髓间充质细胞治疗肌萎缩性侧索硬化的有效性和安全性:一项初步研究。", {("routes", "鞘内")}),
    ("d39", "ChiCTR-ONRC-12002929 版本V1.2 版本创建时间2016/01/01 21:56:37 中国临床试验注册中心",
     {("registrations", "ChiCTR-ONRC-12002929")}),
]


@pytest.mark.parametrize("src,text,want", SENTENCES)
def test_spans_are_their_evidence(nlp, src: str, text: str, want: set[tuple[str, str]]) -> None:
    doc = nlp(normalize_chars(text))
    spans = [s for g in doc.spans for s in doc.spans[g]]
    assert spans
    for span in spans:
        assert span.text == _evidence(span), span.label_
    assert want <= _mentions(doc)


@pytest.mark.parametrize("src,text", [
    pytest.param("d26", "差异有统计学意义(log-rank χ2=10.822,P=0.001)。",
                 marks=pytest.mark.xfail(strict=True, reason="scispaCy's rules keep χ2=10.822,P=0.001 one token, "
                                                           "in English too")),
    pytest.param("d04", "高剂量(1.0 × 10 8) 组", marks=pytest.mark.xfail(
        strict=True, reason="scispaCy's exceptions keep the emoticon 8) one token, in English too")),
])
def test_spans_glued_by_the_english_rules(nlp, src: str, text: str) -> None:
    doc = nlp(normalize_chars(text))
    spans = [s for g in doc.spans for s in doc.spans[g]]
    assert spans and all(s.text == _evidence(s) for s in spans)


@pytest.mark.parametrize("src,text", [(src, text) for src, text, _ in SENTENCES])
def test_sentence_is_real(sources: dict[str, str], src: str, text: str) -> None:
    """Every sentence above is copied exactly from the source its id names."""
    if src not in sources:
        pytest.skip(f"source {src} not available")
    assert text in sources[src]


@pytest.mark.parametrize("prefix", CHINESE_DOCS)
def test_no_span_widens_over_chinese_in_whole_documents(nlp, prefix: str) -> None:
    (path,) = (ROOT / "seeds").glob(f"{prefix}_*")
    (rec,) = extract.extract_file(path, with_text=True)
    assert CJK.search(rec.text)
    doc = nlp(rec.text)
    n = 0
    for group in SPAN_GROUPS:
        spans = list(doc.spans[group])
        # the Doc and the record hold the same mentions
        assert sorted(s._.evidence for s in spans) == sorted((m.start, m.end) for m in getattr(rec, group))
        for span in spans:
            start, end = span._.evidence
            assert span.start_char <= start <= end <= span.end_char
            widened = doc.text[span.start_char:start] + doc.text[end:span.end_char]
            assert not CJK.search(widened), (group, span.text, _evidence(span))
            n += span.text == _evidence(span)
    assert n >= 1


# 4. A user's spacy.blank("zh") pipeline -----------------------------------------------------

def test_components_in_blank_zh(zh_nlp) -> None:
    text = ("将480例流感样病例风热犯肺证患者分为治疗组360例、安慰剂组120例,分别给予金花清感颗粒5 g/次,3次/d;"  # d26
            "中医证候积分2组治疗后较本组治疗前均下降,差异有统计学意义(P<0.05)。"                               # d26
            "其中31例为治疗组,以外周静脉回输方式接受UC-MSC治疗。"                                                # d06
            "ChiCTR-ONRC-12002929 版本V1.2")                                                                     # d39
    doc = zh_nlp(text)
    assert doc.text == text
    for group in SPAN_GROUPS:
        for span in doc.spans[group]:
            assert span.text == _evidence(span), group
    norms = {g: [s._.norm for s in doc.spans[g]] for g in SPAN_GROUPS}
    assert [(n["value"], n["kind"]) for n in norms["sample_sizes"]] == [
        (480, "enrolled"), (360, "arm"), (120, "arm"), (31, "arm")]
    assert [(n["value"], n["unit"]) for n in norms["doses"]] == [(5.0, "gram")]
    assert [n["route"] for n in norms["routes"]] == ["intravenous"]
    assert [(n["comparator"], n["value"], n["outcome"]) for n in norms["p_values"]] == [
        ("<", 0.05, "TCM syndrome score")]
    assert [n["id"] for n in norms["registrations"]] == ["ChiCTR-ONRC-12002929"]
    assert len(list(doc.sents)) == 4


def test_components_in_blank_zh_raw_full_width(zh_nlp) -> None:
    doc = zh_nlp("差异无统计学意义（P＞0.05）。")
    (span,) = doc.spans["p_values"]
    assert (span.text, span._.norm["comparator"], span._.norm["value"]) == ("P＞0.05", ">", 0.05)


# 5. Negatives -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,group", [
    ("差异有统计学意义", "p_values"),
    ("两者比较有统计学差异", "p_values"),                       # d25
    ("以P<0.05为差异有统计学意义", "p_values"),                  # a threshold, not a result
    ("治疗组中生存人数21例,死亡7例,肝移植3例", "sample_sizes"),  # d06: outcomes, not sizes
    ("治疗3个月后", "sample_sizes"),
    ("吸入性肺炎", "routes"),
    ("静脉血栓形成", "routes"),
    ("细胞存活率≥90%", "doses"),                                # d05: viability, not a dose
    ("治疗后2,3个月时血清白蛋白升高", "doses"),
])
@pytest.mark.parametrize("pipeline", ["ours", "blank_zh"])
def test_no_mention(nlp, zh_nlp, pipeline: str, text: str, group: str) -> None:
    doc = (nlp if pipeline == "ours" else zh_nlp)(text)
    assert list(doc.spans[group]) == []
