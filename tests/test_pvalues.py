"""Tests for extract.normalize.pvalues: p-value finding and number parsing.

The tables hold real strings, cut from the seed documents
(``../shared/seeds``), the development corpus (``../shared/corpus/docs``) and
the EBM-NLP abstracts (``../shared/corpus/ebm_nlp_rct_abstracts.jsonl``); the
test id names the source (``seed000``, ``d31``, ``pmid_10963640``). The
EBM-NLP text was rebuilt from tokens, hence its odd spacing ("P =.002",
"P < or = 0.02", "p = 0. 07"). Notations that none of these sources contains
(``P = 3.2 × 10^-5``, ``Padj``, ``P值＜0.05``...) are in separate tables marked
``constructed``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from extract.normalize.pvalues import PValueMatch, find_p_values, parse_p_number

_SHARED = Path(__file__).resolve().parents[2] / "shared"
_ABSTRACTS = _SHARED / "corpus" / "ebm_nlp_rct_abstracts.jsonl"

# One expected p-value: (comparator, value, evidence). Evidence None means
# "do not check the span" (used for known misses only).
Expected = tuple[str, float, str | None]


def _check(text: str, expected: list[Expected]) -> None:
    """Assert that find_p_values(text) gives exactly ``expected``, in order."""
    found = find_p_values(text)
    got = [(m.comparator, m.value) for m in found]
    want = [(c, v) for c, v, _ in expected]
    assert len(got) == len(want), f"{got} != {want}"
    for (gc, gv), (wc, wv) in zip(got, want):
        assert gc == wc, f"{got} != {want}"
        assert math.isclose(gv, wv, rel_tol=1e-9, abs_tol=1e-15), f"{got} != {want}"
    for m, (_, _, evidence) in zip(found, expected):
        if evidence is not None:
            assert text[m.start : m.end] == evidence


# ---------------------------------------------------------------------------
# Positive cases from real documents.
# ---------------------------------------------------------------------------

REAL_POSITIVE = [
    # Seeds: a p-value slot without P, a lost italic P, Chinese P值.
    pytest.param(
        "compared the baseline with the end of the research and the p-value was (0.036), and stability",
        [("=", 0.036, "p-value was (0.036)")],
        id="seed000-slot-in-brackets",
    ),
    pytest.param(
        "and the p-value was (p=0.16) following stem",
        [("=", 0.16, "p=0.16")],
        id="seed000-slot-with-p",
    ),
    pytest.param(
        "the mentioned microRNA expression was non-significant (p > 0.05) as reported",
        [(">", 0.05, "p > 0.05")],
        id="seed000-gt",
    ),
    pytest.param(
        "compared with levels at month zero, and the -value was < 0.01. No statistically",
        [("<", 0.01, "-value was < 0.01")],
        id="seed001-lost-p-was",
    ),
    pytest.param(
        "as well as biochemical parameters and a -value of > 0.05.",
        [(">", 0.05, "-value of > 0.05")],
        id="seed001-lost-p-of",
    ),
    pytest.param(
        "移植后第3个月脑脊液中TNF-α水平显著降低,P值<0.01。",
        [("<", 0.01, "P值<0.01")],
        id="seed001-zh-p-value-lt",
    ),
    pytest.param(
        "其他免疫和生化参数未观察到统计学上的显著变化,P值>0.05。",
        [(">", 0.05, "P值>0.05")],
        id="seed001-zh-p-value-gt",
    ),
    pytest.param(
        "ALSFRS-R points/period (P=0.014) and -12.6±5.22% to -4.8±14.72%/period (P<0.001), respectively.",
        [("=", 0.014, "P=0.014"), ("<", 0.001, "P<0.001")],
        id="seed002-two-respectively",
    ),
    # Development corpus.
    pytest.param(
        "received >2 treatments and one in the subgroup of ≤ 2 treatments, p = 0.04). The mean",
        [("=", 0.04, "p = 0.04")],
        id="d01-le-count-is-not-p",
    ),
    pytest.param(
        "a significant decrease (P < 0.05) in serum cytokine levels",
        [("<", 0.05, "P < 0.05")],
        id="d03-lt",
    ),
    pytest.param(
        "与治疗前比较差异有显著性意义(P<0.05);治疗后3个月",
        [("<", 0.05, "P<0.05")],
        id="d05-zh-fullwidth-around",
    ),
    pytest.param(
        "ALB、TBIL、PTA及MELD评分差异无统计学意义(P>0.05),但治疗组生存率明显高于对照组(P=0.013)。",
        [(">", 0.05, "P>0.05"), ("=", 0.013, "P=0.013")],
        id="d06-zh-two",
    ),
    pytest.param(
        "(TMR+BMSCs Δ strain: −4.6% ± 2.1%; P = 0.02. CABG+MSCs Δ strain: −4.2% ± 6.0%; P = 0.30).",
        [("=", 0.02, "P = 0.02"), ("=", 0.3, "P = 0.30")],
        id="d09-after-unicode-minus",
    ),
    pytest.param(
        "2.98, 95% confidence interval [CI] = 1.48–4.47, p < 0.001; 6 months: 3.38, 95% CI = 1.23–5.54, p = 0.003)",
        [("<", 0.001, "p < 0.001"), ("=", 0.003, "p = 0.003")],
        id="d11-ci-equals-is-not-p",
    ),
    pytest.param(
        "(low-dose vs control group p = 0.005 and high-dose vs control group p < 0.009)",
        [("=", 0.005, "p = 0.005"), ("<", 0.009, "p < 0.009")],
        id="d15-two",
    ),
    pytest.param(
        "than those taking the placebo (95% CI, 0.9-23.9 mL; P = .003).",
        [("=", 0.003, "P = .003")],
        id="d17-no-leading-zero",
    ),
    pytest.param(
        "increased from 21.2 ± 8.2 to 30.6 ± 8.8?ng/mL (P < 0.001) at T3mo",
        [("<", 0.001, "P < 0.001")],
        id="d21-lt",
    ),
    pytest.param(
        "with statistic difference between the two groups (P<0.05).",
        [("<", 0.05, "P<0.05")],
        id="d25-no-spaces",
    ),
    pytest.param(
        "差异有统计学意义(log-rank χ2=10.822,P=0.001)。",
        [("=", 0.001, "P=0.001")],
        id="d26-after-chi2",
    ),
    pytest.param(
        '(95% confidence interval, âˆ’15.3 to âˆ’9.8; P"‰<"‰0.0001).',
        [("<", 0.0001, 'P"‰<"‰0.0001')],
        id="d28-mojibake-thin-spaces",
    ),
    pytest.param(
        "significativamente maiores do que os do grupo P (p < 0,001, respectivamente).",
        [("<", 0.001, "p < 0,001")],
        id="d29-pt-decimal-comma-group-p",
    ),
    pytest.param(
        "a los 60 min (p = 0,001), en la inducción (p = 0,04) y en la recuperación (p = 0,0001).",
        [("=", 0.001, "p = 0,001"), ("=", 0.04, "p = 0,04"), ("=", 0.0001, "p = 0,0001")],
        id="d30-es-decimal-comma",
    ),
    pytest.param(
        "according to the time from injury to treatment (test for interaction p<0·0001).",
        [("<", 0.0001, "p<0·0001")],
        id="d31-middle-dot",
    ),
    pytest.param(
        "declined by 1.4 ± 14.2 letters with sham (P < 0.0001).",
        [("<", 0.0001, "P < 0.0001")],
        id="d33-lt",
    ),
    pytest.param(
        "placebo at week 6 (1.31 vs 4.76, p <0.0001), and for weeks 24",
        [("<", 0.0001, "p <0.0001")],
        id="d34-no-space-after-comparator",
    ),
    pytest.param(
        "treated group: 84 +/- 56 h; placebo: 96 +/- 72 h (P = 0.36).",
        [("=", 0.36, "P = 0.36")],
        id="d35-eq",
    ),
    # EBM-NLP abstracts: comparator words and PubMed's ASCII forms.
    pytest.param(
        "with regard to disease-free survival (P less than or equal to 0.001).",
        [("<=", 0.001, "P less than or equal to 0.001")],
        id="pmid_3882217-less-than-or-equal",
    ),
    pytest.param(
        "in the plasma by 7% (P less than or equal to 0.05) associated with a fall",
        [("<=", 0.05, "P less than or equal to 0.05")],
        id="pmid_7159500-less-than-or-equal",
    ),
    pytest.param(
        "mg.h / liter, respectively (P < or = 0.02). Imipenem",
        [("<=", 0.02, "P < or = 0.02")],
        id="pmid_8787889-lt-or-eq",
    ),
    pytest.param(
        "(P < or=.02) to placebo",
        [("<=", 0.02, "P < or=.02")],
        id="pmid_20674829-lt-or-eq-glued",
    ),
    pytest.param(
        "from baseline to 30 days (p < or = 0.03), but no significant",
        [("<=", 0.03, "p < or = 0.03")],
        id="pmid_16360994-lt-or-eq",
    ),
    pytest.param(
        "and remained low until day 21 (P =or <.05). Clinical healing",
        [("<=", 0.05, "P =or <.05")],
        id="pmid_20305865-eq-or-lt",
    ),
    pytest.param(
        "between the groups at 48 h and 30 days (p > or = 0.43). Considering",
        [(">=", 0.43, "p > or = 0.43")],
        id="pmid_16360994-gt-or-eq",
    ),
    pytest.param(
        "Wound infection developed in 14 (25%) of these patients (P greater than.05).",
        [(">", 0.05, "P greater than.05")],
        id="pmid_3108794-greater-than-glued",
    ),
    pytest.param(
        "(49.2% v 40%, respectively; P: =.07). The ORR",
        [("=", 0.07, "P: =.07")],
        id="pmid_10963640-colon-before-comparator",
    ),
    pytest.param(
        "with arm B, the longer regimen (P: =.012 and P: < 10 (-3), respectively).",
        [("=", 0.012, "P: =.012"), ("<", 0.001, "P: < 10 (-3)")],
        id="pmid_10963640-power-of-ten-in-brackets",
    ),
    pytest.param(
        "(relative risk = 0.35; P < 10 (-13)). The 2-year",
        [("<", 1e-13, "P < 10 (-13)")],
        id="pmid_7707405-bare-power-of-ten",
    ),
    pytest.param(
        "in the zidovudine and single-dose nevirapine group (p=0?029). The cumulative",
        [("=", 0.029, "p=0?029")],
        id="pmid_21237718-middle-dot-lost-to-question-mark",
    ),
    pytest.param(
        "on days 1, 15 and 29 (all P < 0?001). No tachyphylaxis",
        [("<", 0.001, "P < 0?001")],
        id="pmid_22050040-question-mark-decimal",
    ),
    pytest.param(
        "(90% CI -7?23 to -0?80; nominal p=0?04). The PET/CT",
        [("=", 0.04, "p=0?04")],
        id="pmid_21908036-nominal-p",
    ),
    pytest.param(
        "than in the placebo group (64%; p < 0?0001 in the 150 mg group and p=0?0003 in the 300 mg group).",
        [("<", 0.0001, "p < 0?0001"), ("=", 0.0003, "p=0?0003")],
        id="pmid_23562009-two-with-mg-nearby",
    ),
    pytest.param(
        "compared to the chemo-immunotherapy group (84 weeks, p = 0. 07). Institutions",
        [("=", 0.07, "p = 0. 07")],
        id="pmid_6762195-space-after-point",
    ),
    pytest.param(
        "vs median Controls, 15.2mU/l; P < 0. 05) GHRH (1-29) NH (2).",
        [("<", 0.05, "P < 0. 05")],
        id="pmid_10754477-space-after-point-lt",
    ),
    pytest.param(
        "a 7.5 mm Hg reduction in SBP (P & lt.01) and a 5.5 mm Hg reduction in DBP (P & lt.02)",
        [("<", 0.01, "P & lt.01"), ("<", 0.02, "P & lt.02")],
        id="pmid_11978262-broken-html-entity",
    ),
    # Qualified p-values.
    pytest.param(
        "docosapentaenoic acid (DPA) [0.32 (0.15-0.70); P-trend = 0.024], and fibroadenoma risk.",
        [("=", 0.024, "P-trend = 0.024")],
        id="pmid_20484550-p-trend",
    ),
    pytest.param(
        "of borderline statistical significance (P = 0.088, P for trend = 0.018), from 42%",
        [("=", 0.088, "P = 0.088"), ("=", 0.018, "P for trend = 0.018")],
        id="pmid_8297739-p-for-trend",
    ),
    pytest.param(
        "compared with African-Americans (-0.3 ng/mL (P = 0.7), P-interaction = 0.03).",
        [("=", 0.7, "P = 0.7"), ("=", 0.03, "P-interaction = 0.03")],
        id="pmid_12037693-p-interaction",
    ),
    pytest.param(
        "between the two vitamin D metabolites was not statistically significant (pinteraction = 0.23).",
        [("=", 0.23, "pinteraction = 0.23")],
        id="pmid_17388667-glued-interaction",
    ),
    pytest.param(
        "did not (HR = 1.02, P =0.95), P for interaction 0.004. In systemically",
        [("=", 0.95, "P =0.95"), ("=", 0.004, "P for interaction 0.004")],
        id="pmid_24447434-p-for-interaction-without-comparator",
    ),
    pytest.param(
        "[95% confidence intervals -0.161, 0.049], pNI < 0.001 for non-inferiority hypothesis).",
        [("<", 0.001, "pNI < 0.001")],
        id="pmid_17907108-p-ni",
    ),
    pytest.param(
        "(non-inferiority margin, 15.0%; P for non-inferiority < 0.001). There were",
        [("<", 0.001, "P for non-inferiority < 0.001")],
        id="pmid_22277317-p-for-non-inferiority",
    ),
    pytest.param(
        "6.6% versus 7.1%, respectively (p (noninferiority) < or = 0.001). There were",
        [("<=", 0.001, "p (noninferiority) < or = 0.001")],
        id="pmid_20152559-p-bracketed-qualifier",
    ),
    pytest.param(
        "positively associated with lower BMI (P trend < 0.05), whereas higher scores",
        [("<", 0.05, "P trend < 0.05")],
        id="pmid_22709810-p-space-trend",
    ),
    pytest.param(
        "the Vineland Adaptive Behavior Scale (p 's < 0.01), social skills",
        [("<", 0.01, "p 's < 0.01")],
        id="pmid_24408892-p-s",
    ),
    pytest.param(
        "and sedentary behavior (r = -.12) for the total sample (all p values <.01). The pattern",
        [("<", 0.01, "p values <.01")],
        id="pmid_17950167-p-values-plural",
    ),
    # Lists and ranges.
    pytest.param(
        "the target fasting and 2-h glucose level (Plog rank=0.0091 and 0.007, respectively). However",
        [("=", 0.0091, "Plog rank=0.0091"), ("=", 0.007, "0.007")],
        id="pmid_24752311-log-rank-list",
    ),
    pytest.param(
        "compared with stable values in the injection group (P = 0.048 and 0.050, respectively).",
        [("=", 0.048, "P = 0.048"), ("=", 0.05, "0.050")],
        id="pmid_12401759-list-respectively",
    ),
    pytest.param(
        "isolated coronary artery bypass graft surgery patients (P =.607,.539, and.628, respectively).",
        [("=", 0.607, "P =.607"), ("=", 0.539, ".539"), ("=", 0.628, ".628")],
        id="pmid_26678641-list-no-leading-zeros",
    ),
    pytest.param(
        "lymphocyte and neutrophil infiltrates (P=0.017 and 0.018), epithelial mitosis (P=0.003)",
        [("=", 0.017, "P=0.017"), ("=", 0.018, "0.018"), ("=", 0.003, "P=0.003")],
        id="pmid_24722560-list-without-respectively",
    ),
    pytest.param(
        "for G-CSF and GM-CSF, respectively (U test, P= 0.837 and 0.696). High-dose",
        [("=", 0.837, "P= 0.837"), ("=", 0.696, "0.696")],
        id="pmid_9818688-list-after-test-name",
    ),
    pytest.param(
        "12 h (3.0, P = 0.017 and 4.0, P < 0.001), 24 h",
        [("=", 0.017, "P = 0.017"), ("<", 0.001, "P < 0.001")],
        id="pmid_23587455-estimate-after-and-is-not-a-list-item",
    ),
    pytest.param(
        "the first significant (p = 0.011-0.013) clinical factor was previous abdominal surgery",
        [("=", 0.011, "p = 0.011"), ("=", 0.013, "0.013")],
        id="pmid_21664059-range",
    ),
    pytest.param(
        "and by 2% and 0% in the control group (P <.01-.02). The changes",
        [("<", 0.01, "P <.01"), ("<", 0.02, ".02")],
        id="pmid_20472253-range-no-leading-zeros",
    ),
    pytest.param(
        "by 555%, 664%, 292% and 338%, 421%, 420%, respectively (P < 0.01-0.05). The primary",
        [("<", 0.01, "P < 0.01"), ("<", 0.05, "0.05")],
        id="pmid_26527417-range-after-percent-list",
    ),
    pytest.param(
        "1, 2, 3 and 7 hours after stopping the infusion (p ranging from < 0.05 to < 0.01). The",
        [("<", 0.05, "p ranging from < 0.05"), ("<", 0.01, "< 0.01")],
        id="pmid_9332112-ranging-from",
    ),
    # Several p-values in one bracket, statistics around them.
    pytest.param(
        "performed significantly better than the control group (p = 0.028, p < 0.001, p = 0.019).",
        [("=", 0.028, "p = 0.028"), ("<", 0.001, "p < 0.001"), ("=", 0.019, "p = 0.019")],
        id="pmid_26002536-three",
    ),
    pytest.param(
        "restricted to patients with no adjuvant treatment (DFS: P < 0.001, OS: P < 0.001).",
        [("<", 0.001, "P < 0.001"), ("<", 0.001, "P < 0.001")],
        id="pmid_25314063-labelled",
    ),
    pytest.param(
        "but not for Hyperactivity/Noncompliance (F (2.564, 97.424) = 1.469, P = 0.232), and",
        [("=", 0.232, "P = 0.232")],
        id="pmid_22782459-after-f-statistic",
    ),
    pytest.param(
        "was significantly better than the control group (P < 0.05 or P < 0.01). CONCLUSION",
        [("<", 0.05, "P < 0.05"), ("<", 0.01, "P < 0.01")],
        id="pmid_18271235-or",
    ),
    pytest.param(
        "shows a significant positive correlation (r = 0.91, P < 0.05), and stomach",
        [("<", 0.05, "P < 0.05")],
        id="pmid_9761783-after-r",
    ),
    pytest.param(
        "with the conventional waveform (P = 0.002 for voltage, P = ns for energy).",
        [("=", 0.002, "P = 0.002")],
        id="pmid_18684258-ns-next-to-number",
    ),
    pytest.param(
        "(hazard ratio, 0.39; 95% CI, 0.20 to 0.76; P=0.0058). Postprocedural",
        [("=", 0.0058, "P=0.0058")],
        id="pmid_16116055-after-ci",
    ),
    pytest.param(
        "was lower in Group P than in Group C (P < 0.05), at 2 h",
        [("<", 0.05, "P < 0.05")],
        id="pmid_23587455-group-p-is-not-p",
    ),
    pytest.param(
        "The change was even more marked with regard to serum EPX (P=0.005; high vs. low dose budesonide).",
        [("=", 0.005, "P=0.005")],
        id="pmid_10926339-regard-is-not-regarded",
    ),
    pytest.param(
        "three of six examiners considered DRE significantly more often abnormal than others (ORs 3.48, 2.80, 2.47, P < 0.001).",
        [("<", 0.001, "P < 0.001")],
        id="pmid_18409186-considered-in-a-result",
    ),
    pytest.param(
        "for dexamethasone and 77% +/- 2% for prednisone (P =.002). EFS was similar",
        [("=", 0.002, "P =.002")],
        id="pmid_12531809-no-leading-zero",
    ),
    pytest.param(
        "were treated significantly earlier (4:16 h vs 5:24 h; p=.007). Although",
        [("=", 0.007, "p=.007")],
        id="pmid_15798610-after-times",
    ),
    pytest.param(
        "567 +/- 109 ng/kg/min in the placebo group; P <.005). ACE inhibition",
        [("<", 0.005, "P <.005")],
        id="pmid_8930174-after-units",
    ),
    pytest.param(
        "had proximal venous thrombosis (P > 0.2). The absolute risk",
        [(">", 0.2, "P > 0.2")],
        id="pmid_8607589-gt",
    ),
    pytest.param(
        "in INR variation based on warfarin formulation (p > 0.69), nor was a patient",
        [(">", 0.69, "p > 0.69")],
        id="pmid_15914517-gt",
    ),
    pytest.param(
        "aspirin twice daily (P < 0.0001 vs. placebo). NCX-4016",
        [("<", 0.0001, "P < 0.0001")],
        id="pmid_12612897-vs-placebo",
    ),
    pytest.param(
        "versus 54.9% in the regular group (P = 0.000); postponing of chemotherapy",
        [("=", 0.0, "P = 0.000")],
        id="pmid_19062727-reported-as-zero",
    ),
    # Lancet text whose middle dots were deleted: the point is restored.
    pytest.param(
        "in the placebo groups (hazard ratio [HR] 062 [95% CI 054 - 072]; p < 00001). A significantly",
        [("<", 0.0001, "p < 00001")],
        id="pmid_25888263-deleted-point",
    ),
    pytest.param(
        "(07 [-09 to 23] points lower; p = 038). Compared with SMC alone",
        [("=", 0.38, "p = 038")],
        id="pmid_21334061-deleted-point",
    ),
    pytest.param(
        "of 360; p=0068). 278 (32%) of 872 patients",
        [("=", 0.068, "p=0068")],
        id="pmid_25888263-deleted-point-eq",
    ),
]


REAL_POSITIVE_XFAIL = [
    pytest.param(
        "there was a highly significant improvement (0.001 less than P 0.01) despite",
        [(">", 0.001, None), ("<", 0.01, None)],
        id="pmid_7007454-reversed-bounds",
        marks=pytest.mark.xfail(reason="value before P ('0.001 less than P') is not read", strict=True),
    ),
    pytest.param(
        "All significant differences (P less than 0.05) or trends (0.10 greater than P greater than 0.05)",
        [("<", 0.05, None), ("<", 0.1, None), (">", 0.05, None)],
        id="pmid_2085344-reversed-lower-bound",
        marks=pytest.mark.xfail(reason="'0.10 greater than P' (P < 0.10) is not read", strict=True),
    ),
    pytest.param(
        "significantly higher in argatroban than in UFH (p ? 0.002). Consequently",
        [("<", 0.002, None)],
        id="pmid_20226548-comparator-lost-to-question-mark",
        marks=pytest.mark.xfail(reason="comparator lost in encoding ('p ? 0.002'): < or <= unknowable", strict=True),
    ),
    pytest.param(
        "fat mass (-3,8 [3,4] vs -2,3 [1,7] kg; P=.0,05) and HOMA",
        [("=", 0.05, None)],
        id="pmid_19368937-typo-point-and-comma",
        marks=pytest.mark.xfail(reason="source typo '.0,05'", strict=True),
    ),
    pytest.param(
        "ALSFRS-R points/period (<i>P</i>=0.014) and",
        [("=", 0.014, None)],
        id="seed002-raw-html-tags",
        marks=pytest.mark.xfail(reason="HTML tags between P and '=': the cleaner strips them first", strict=True),
    ),
]


@pytest.mark.parametrize(("text", "expected"), REAL_POSITIVE + REAL_POSITIVE_XFAIL)
def test_real_positive(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


# Notations the corpora do not contain, written after common journal styles.
CONSTRUCTED_POSITIVE = [
    pytest.param("(P = 0.0001)", [("=", 0.0001, "P = 0.0001")], id="brackets"),
    pytest.param("P-value = 0.03", [("=", 0.03, "P-value = 0.03")], id="p-value-eq"),
    pytest.param("with a p value of 0.02 for", [("=", 0.02, "p value of 0.02")], id="p-value-of"),
    pytest.param("P-value: 0.03;", [("=", 0.03, "P-value: 0.03")], id="p-value-colon"),
    pytest.param("the P value was less than 0.001.", [("<", 0.001, "P value was less than 0.001")], id="p-value-was-less-than"),
    pytest.param("(-value = 0.03)", [("=", 0.03, "-value = 0.03")], id="lost-p-bracket"),
    pytest.param("P>0.99", [(">", 0.99, "P>0.99")], id="gt-099"),
    pytest.param("p = 1.00", [("=", 1.0, "p = 1.00")], id="eq-one"),
    pytest.param("p ≤ 0.05", [("<=", 0.05, "p ≤ 0.05")], id="le-sign"),
    pytest.param("P ≥ 0.05", [(">=", 0.05, "P ≥ 0.05")], id="ge-sign"),
    pytest.param("P ⩽ 0.05", [("<=", 0.05, "P ⩽ 0.05")], id="slanted-le"),
    pytest.param("P ≧ 0.05", [(">=", 0.05, "P ≧ 0.05")], id="ge-with-double-bar"),
    pytest.param("P =< 0.05", [("<=", 0.05, "P =< 0.05")], id="eq-lt"),
    pytest.param("P<or=0.05", [("<=", 0.05, "P<or=0.05")], id="lt-or-eq-no-spaces"),
    pytest.param("P ＜ 0.05", [("<", 0.05, "P ＜ 0.05")], id="fullwidth-lt"),
    pytest.param("P &lt; 0.05", [("<", 0.05, "P &lt; 0.05")], id="html-entity"),
    pytest.param("P â‰¤ 0.05", [("<=", 0.05, "P â‰¤ 0.05")], id="mojibake-le"),
    pytest.param("P‰<‰0.001", [("<", 0.001, "P‰<‰0.001")], id="mojibake-per-mille"),
    pytest.param("P值＜0.05", [("<", 0.05, "P值＜0.05")], id="zh-fullwidth-lt"),
    pytest.param("两组比较P值为0.003。", [("=", 0.003, "P值为0.003")], id="zh-p-value-is"),
    pytest.param("P = 3.2 × 10^-5", [("=", 3.2e-5, "P = 3.2 × 10^-5")], id="sci-caret"),
    pytest.param("P = 3.2 x 10^-5", [("=", 3.2e-5, "P = 3.2 x 10^-5")], id="sci-x"),
    pytest.param("P=3.2×10−5", [("=", 3.2e-5, "P=3.2×10−5")], id="sci-lost-superscript"),
    pytest.param("(P = 7 × 10−24)", [("=", 7e-24, "P = 7 × 10−24")], id="sci-lost-superscript-gwas"),
    pytest.param("P = 1.2e-4", [("=", 1.2e-4, "P = 1.2e-4")], id="e-notation"),
    pytest.param("P = 1.2E-04", [("=", 1.2e-4, "P = 1.2E-04")], id="e-notation-upper"),
    pytest.param("p < 10^-6", [("<", 1e-6, "p < 10^-6")], id="bare-power"),
    pytest.param("P < 1 × 10^-6", [("<", 1e-6, "P < 1 × 10^-6")], id="one-times-power"),
    pytest.param("P = 2 × 10⁻⁵", [("=", 2e-5, "P = 2 × 10⁻⁵")], id="unicode-superscript"),
    pytest.param("p=0•03", [("=", 0.03, "p=0•03")], id="bullet-decimal"),
    pytest.param("P(trend) = 0.03", [("=", 0.03, "P(trend) = 0.03")], id="p-trend-brackets"),
    pytest.param("P for interaction = 0.4", [("=", 0.4, "P for interaction = 0.4")], id="p-for-interaction"),
    pytest.param("Pinteraction = 0.04", [("=", 0.04, "Pinteraction = 0.04")], id="p-interaction-glued"),
    pytest.param("P(adj) = 0.01", [("=", 0.01, "P(adj) = 0.01")], id="p-adj-brackets"),
    pytest.param("adjusted P = 0.03", [("=", 0.03, "P = 0.03")], id="adjusted-p"),
    pytest.param("Padj<0.05", [("<", 0.05, "Padj<0.05")], id="p-adj-glued"),
    pytest.param("p(log-rank) = 0.01", [("=", 0.01, "p(log-rank) = 0.01")], id="p-log-rank-brackets"),
    pytest.param("log-rank P = 0.02", [("=", 0.02, "P = 0.02")], id="log-rank-p"),
    pytest.param("two-sided P = 0.04", [("=", 0.04, "P = 0.04")], id="two-sided-p"),
    pytest.param("P (one-sided) = 0.2", [("=", 0.2, "P (one-sided) = 0.2")], id="p-one-sided"),
    pytest.param("p less than 0.05", [("<", 0.05, "p less than 0.05")], id="less-than"),
    pytest.param(
        "(P = 0.014 and P < 0.001, respectively)",
        [("=", 0.014, "P = 0.014"), ("<", 0.001, "P < 0.001")],
        id="two-full",
    ),
    pytest.param(
        "(P = 0.03, 0.04, and 0.001, respectively)",
        [("=", 0.03, "P = 0.03"), ("=", 0.04, "0.04"), ("=", 0.001, "0.001")],
        id="list-of-three",
    ),
    pytest.param("P = 0.02 and 0.01", [("=", 0.02, "P = 0.02"), ("=", 0.01, "0.01")], id="list-of-two"),
    pytest.param(
        "(P = 0.02, < 0.001, and 0.04, respectively)",
        [("=", 0.02, "P = 0.02"), ("<", 0.001, "< 0.001"), ("=", 0.04, "0.04")],
        id="list-item-with-own-comparator",
    ),
    pytest.param("a p-value of 0.05 or less", [("<=", 0.05, "p-value of 0.05 or less")], id="or-less-after"),
    # Significance words that report a result, not a threshold.
    pytest.param(
        "The difference did not reach the level of significance (P = 0.07).",
        [("=", 0.07, "P = 0.07")],
        id="did-not-reach-level-of-significance",
    ),
    pytest.param(
        "The fall was considered significant (P < 0.05).",
        [("<", 0.05, "P < 0.05")],
        id="considered-significant-without-preposition",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CONSTRUCTED_POSITIVE)
def test_constructed_positive(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


# ---------------------------------------------------------------------------
# Negative cases: nothing may be found.
# ---------------------------------------------------------------------------

REAL_NEGATIVE = [
    # No number.
    pytest.param("(58 +/- 15% versus 62 +/- 15%, p = NS) for placebo", id="pmid_1451242-ns"),
    pytest.param("was 0.09, 0.29, 0.25, and 0.34 per patient per group (P = ns), respectively.", id="pmid_8456467-ns-after-list"),
    pytest.param("(1.6/1.3 mm Hg, P = not significant). When comparing", id="pmid_11465651-not-significant"),
    pytest.param("214 (4) minutes and 217 (3.4) minutes, respectively (p = not significant [NS]).", id="pmid_9296510-not-significant-ns"),
    # Thresholds stated in the methods.
    pytest.param("Data were expressed as mean +/- SD, with P < 0.05 being considered significant.", id="pmid_15678729-threshold-being-considered"),
    pytest.param("The level of significance was set at p < or=0.05.", id="pmid_15838684-threshold-level-set-at"),
    pytest.param("For all analyses, differences were considered to be significant at P < 0.05.", id="pmid_17959585-threshold-considered-at"),
    pytest.param("A value of P less than.05 was considered statistically significant.", id="pmid_19304046-threshold-value-of-p"),
    pytest.param("They considered P <.05 to be statistically significant.", id="pmid_20675425-threshold-to-be"),
    pytest.param("Statistical significance was assumed at p < 0.05.", id="pmid_21115906-threshold-assumed"),
    pytest.param("A P - value of < 0.5 was considered as significant.", id="pmid_23379651-threshold-p-value-of"),
    pytest.param("P values less than 0.05 were considered statistically significant.", id="pmid_24576886-threshold-p-values-plural"),
    pytest.param(
        "Statistical analysis was carried out with Fisher exact and Mann-Whitney U tests, with P <.05 considered the cutoff level of significance.",
        id="pmid_25349264-threshold-cutoff-level",
    ),
    pytest.param("A p Value of < 0.05 will be considered significant.", id="pmid_25492271-threshold-will-be"),
    pytest.param("Significance was set at P < 0.05.", id="pmid_25912520-threshold-set-at"),
    pytest.param("Fisher 's exact Test with significance established at p > 0.01%.", id="pmid_8060436-threshold-percent"),
    pytest.param("The factors from univariate analyzes with a p-value of at most.10 were included.", id="pmid_20646286-selection-criterion"),
    # P inside other tokens, and numbers that are not p-values.
    pytest.param("(FBS -- 165 +/- 16.7 mg/dl, PP -- 240 +/- 30.1 mg/dl and HbA1 -- 10.5", id="pmid_11837468-pp"),
    pytest.param("(groups P (1), P (2), P (3), P (4), and P (5), respectively).", id="pmid_21354925-group-names"),
    pytest.param("on cough responses to bradykinin (BK), substance P (SP) and citric acid", id="pmid_1721246-substance-p"),
    pytest.param("(mean difference P-TMZ: 2; 95% CI: -4.4, 0.5)", id="pmid_8198938-p-minus-tmz"),
    pytest.param("The target serum phosphorous concentration (P) =5.5 mg/dL", id="pmid_16076379-phosphorus"),
    pytest.param("difference of alveoli - arterial oxygen pressure (P (A-) O2), static lung compliance", id="pmid_25080906-pa-o2"),
    pytest.param("(OR 1?34, 95% CI 1?07-1?67). 33 patients", id="pmid_25465111-or-ci"),
    pytest.param("A strong relationship (r (2) =0.9991) between", id="pmid_25283504-r-squared"),
    pytest.param("The 8-item medication adherence scale was reliable (alpha=.83)", id="pmid_18453793-alpha"),
    pytest.param("bifidobacterium added EN (P+EN) group (n=23).", id="pmid_23660099-p-plus-en"),
    pytest.param("(16% vs. 6%) (chi2 = 5.243, df = 1,", id="pmid_17140502-chi2"),
    pytest.param("dipyridamole (200 mg b.i.d. p.o., n=198)", id="pmid_11549300-p-o"),
    pytest.param("decreased the pain of needle insertion with the P - ASA injection.", id="pmid_14970775-p-asa"),
    pytest.param("the M-value, an index of diabetes control.", id="pmid_380614-m-value"),
    pytest.param("received >2 treatments and one in the subgroup of ≤ 2 treatments", id="d01-le-count"),
    pytest.param("Of 119 patients, 76% had received ≥ two prior systemic therapies.", id="d20-ge-count"),
    pytest.param("Gain of ≥10 letters BCVA from baseline", id="d33-ge-letters"),
    pytest.param('weight loss of â‰¥5% at week"‰104.', id="d28-mojibake-ge-percent"),
    pytest.param("cell viability ≥ 90% stem cell counting ≥ 2× 107 cells", id="d05-ge-dose"),
    pytest.param("(4 months: 2.98, 95% confidence interval [CI] = 1.48–4.47, ", id="d11-ci-equals"),
]

CONSTRUCTED_NEGATIVE = [
    pytest.param("P = NS", id="p-ns"),
    pytest.param("(P = n.s.)", id="p-n-s"),
    pytest.param("差异有统计学意义", id="zh-no-number"),
    pytest.param("P = 1.5", id="above-one"),
    pytest.param("P = 1 × 103", id="lost-minus-in-exponent"),
    pytest.param("P < 0.05 was considered statistically significant.", id="threshold-considered"),
    pytest.param("p values < 0.05 were considered significant.", id="threshold-p-values"),
    pytest.param("a P value of less than 0.05 was considered significant.", id="threshold-value-of-less-than"),
    pytest.param("statistical significance was defined as p<0.05.", id="threshold-defined-as"),
    pytest.param("at the level of significance (P < 0.05).", id="threshold-level-of-significance"),
    pytest.param("P (two-sided) < 0.05 was considered significant.", id="threshold-two-sided"),
    pytest.param("α = 0.05", id="alpha"),
    pytest.param("以P<0.05为差异有统计学意义", id="zh-threshold"),
    pytest.param("SBP = 0.5", id="sbp"),
    pytest.param("CRP=0.3", id="crp"),
    pytest.param("IP = 0.2", id="ip"),
    pytest.param("P2Y12 inhibitor", id="p2y12"),
    pytest.param("PaO2 = 0.5", id="pao2"),
    pytest.param("pH = 7.4", id="ph"),
    pytest.param("PP = 0.5", id="pp"),
    pytest.param("P1 = 0.2", id="p1"),
    pytest.param("OR = 0.8", id="odds-ratio"),
    pytest.param("r = 0.45", id="r"),
    pytest.param("95% CI 0.2-0.5", id="ci"),
    pytest.param("HR 0.7", id="hazard-ratio"),
    pytest.param("P.O. Box 1234", id="po-box"),
    pytest.param("pp. 123-125", id="page-range"),
    pytest.param("P = 0.5 mg/kg", id="dose"),
    pytest.param("P = 0.05%", id="percent"),
    pytest.param("M -value of 0.5", id="hyphen-value-after-a-letter"),
]


@pytest.mark.parametrize("text", REAL_NEGATIVE + CONSTRUCTED_NEGATIVE)
def test_negative(text: str) -> None:
    assert find_p_values(text) == []


# ---------------------------------------------------------------------------
# parse_p_number
# ---------------------------------------------------------------------------

PARSE_CASES = [
    ("0.036", 0.036),
    (".036", 0.036),
    ("0,03", 0.03),
    ("0·03", 0.03),
    ("0•03", 0.03),
    ("0?029", 0.029),
    ("0. 07", 0.07),
    ("1.00", 1.0),
    ("0", 0.0),
    ("3.2 × 10^-5", 3.2e-5),
    ("3.2 x 10^-5", 3.2e-5),
    ("3.2×10−5", 3.2e-5),
    ("3.2×10-5", 3.2e-5),
    ("7 × 10−24", 7e-24),
    ("1.2 × 10^{-5}", 1.2e-5),
    ("3 x 10(-5)", 3e-5),
    ("2 × 10⁻⁵", 2e-5),
    ("1.2e-4", 1.2e-4),
    ("1.2E-04", 1.2e-4),
    ("10^-6", 1e-6),
    ("10 (-3)", 1e-3),
    ("10(-13)", 1e-13),
    ("10−6", 1e-6),
    ("1.5", 1.5),  # a number, though not a p-value; the range check is the caller's
    (" 0.05 ", 0.05),
    ("NS", None),
    ("n.s.", None),
    ("", None),
    ("0001", None),  # a deleted decimal point: find_p_values restores it, not this
    ("12,5", None),
    ("0.05.1", None),
    ("abc0.05", None),
]


@pytest.mark.parametrize(("s", "expected"), PARSE_CASES, ids=[repr(s) for s, _ in PARSE_CASES])
def test_parse_p_number(s: str, expected: float | None) -> None:
    got = parse_p_number(s)
    if expected is None:
        assert got is None
    else:
        assert got is not None and math.isclose(got, expected, rel_tol=1e-12)


# ---------------------------------------------------------------------------
# Contract: shape of the result.
# ---------------------------------------------------------------------------


def test_match_fields_and_rules() -> None:
    text = "the -value was < 0.01 and (P = 0.03, 0.04, respectively) and P-trend = 0.02 and p-value was (0.5)"
    found = find_p_values(text)
    assert [m.rule for m in found] == ["lost_p", "p_eq", "respectively_list", "p_qualified", "p_value_slot"]
    assert all(isinstance(m, PValueMatch) for m in found)
    with pytest.raises(AttributeError):
        found[0].value = 0.5  # type: ignore[misc]


def test_sorted_and_not_overlapping() -> None:
    text = "(P = 0.011-0.013), (P = 0.02 and 0.01), P < 0.001 and P = 0.5"
    found = find_p_values(text)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@pytest.mark.parametrize("text", ["", " ", "no numbers here", "P", "P =", "p<", "-value", "值"])
def test_degenerate_input(text: str) -> None:
    assert find_p_values(text) == []


@pytest.mark.skipif(not _ABSTRACTS.exists(), reason="EBM-NLP corpus not available")
def test_all_abstracts_run_and_values_in_range() -> None:
    count = 0
    with _ABSTRACTS.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            found = find_p_values(text)
            for m in found:
                assert 0.0 <= m.value <= 1.0
                assert m.comparator in {"=", "<", ">", "<=", ">="}
                assert 0 <= m.start < m.end <= len(text)
            assert all(a.end <= b.start for a, b in zip(found, found[1:]))
            count += len(found)
    # The corpus holds about 2,900 p-values; a collapse of the rules shows here.
    assert count > 2500
