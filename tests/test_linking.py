"""Linking p-values to outcomes: real sentences, offsets found by searching the text."""

from __future__ import annotations

import pytest

from extract.normalize.linking import link_p_values


def _spans(text: str, needles: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for n in needles:
        i = text.index(n, pos)
        out.append((i, i + len(n)))
        pos = i + len(n)
    return out


def _outcomes(text: str, named: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for surface, name in named:
        i = text.index(surface, pos)
        out.append((i, i + len(surface), name))
        pos = i + len(surface)
    return out


CASES = [
    # same clause, parentheses right after the outcome (seed 002), with "respectively"
    ("the average rate of ALSFRS-R score and forced vital capacity (FVC) reduction have decreased, from -5.4±2.3 to "
     "-2±3.08 ALSFRS-R points/period (P=0.014) and -12.6±5.22% to -4.8±14.72%/period (P<0.001), respectively.",
     [("ALSFRS-R", "ALSFRS-R"), ("forced vital capacity", "FVC"), ("ALSFRS-R", "ALSFRS-R")],
     ["P=0.014", "P<0.001"], ["ALSFRS-R", "FVC"]),
    # nearest preceding outcome in the clause (seed 000)
    ("significant improvement in FVC when compared the baseline with the end of the research and the p-value was "
     "(0.036), and stability in ALSFRS was observed, and the p-value was (p=0.16) following transplantation",
     [("FVC", "FVC"), ("ALSFRS", "ALSFRS-R")], ["(0.036)", "p=0.16"], ["FVC", "ALSFRS-R"]),
    # a p-value covering a list of outcomes gets none
    ("Serum levels of IL-6, TNF-α and IL-10 did not change (P > 0.05).",
     [("IL-6", "IL-6"), ("TNF-α", "TNF-α"), ("IL-10", "IL-10")], ["P > 0.05"], [None]),
    # no outcome in its sentence: the previous sentence's single outcome (d35)
    ("The mean duration of diarrhoea in the treated group: 84 +/- 56 h; placebo: 96 +/- 72 h (P = 0.36). "
     "In rotavirus infection: 76 +/- 35 h vs. 115 +/- 67 h (P = 0.03), respectively.",
     [("duration of diarrhoea", "duration of diarrhoea")], ["P = 0.36", "P = 0.03"],
     ["duration of diarrhoea", "duration of diarrhoea"]),
    # two outcomes, each with its own p-value in one sentence
    ("HbA1c fell by 0.5% (P = 0.01) and body weight by 2 kg (P = 0.04).",
     [("HbA1c", "HbA1c"), ("body weight", "body weight")], ["P = 0.01", "P = 0.04"], ["HbA1c", "body weight"]),
    # pmid_19681862: a bracket pairing each name with its p-value; the first item is nearer than the list before
    ("scaling/hypertrophy, pain, itching and global patient assessment was significantly better as compared with "
     "placebo (scaling/hypertrophy, P = 0.0262; pain, P = 0.0238; itching, P = 0.0135).",
     [("scaling/hypertrophy", "scaling/hypertrophy"), ("pain", "pain"), ("itching", "pruritus"),
      ("scaling/hypertrophy", "scaling/hypertrophy"), ("pain", "pain"), ("itching", "pruritus")],
     ["P = 0.0262", "P = 0.0238", "P = 0.0135"], ["scaling/hypertrophy", "pain", "pruritus"]),
    # nothing to link to
    ("The difference was significant (P < 0.001).", [], ["P < 0.001"], [None]),
    # pmid_11295009: nothing before the p-value in its sentence; the measure follows it in the same clause
    ("Subjects managed by IFT spinal nerve and The Back Book displayed both a statistically significant (p =.030) and "
     "clinically meaningful reduction in functional disability (RMDQ), compared with management via IFT painful area.",
     [("RMDQ", "RMDQ")], ["p =.030"], ["RMDQ"]),
    # a measure after a clause break ("; whereas") is not the p-value's
    ("The difference was significant (P = 0.01); whereas HbA1c did not change.",
     [("HbA1c", "HbA1c")], ["P = 0.01"], [None]),
]


@pytest.mark.parametrize("text,named,pvals,want", CASES)
def test_link_p_values(text: str, named: list[tuple[str, str]], pvals: list[str], want: list[str | None]) -> None:
    assert link_p_values(text, _spans(text, pvals), _outcomes(text, named)) == want


# EBM-NLP audit: "?" for a lost "±" before a number does not end the sentence (pmid_23061531)
def test_lost_plus_minus_is_not_a_sentence_end() -> None:
    text = ("LVEF at first day [34.7 ? 9.9% vs. 33.5 ? 8.1%, P = 0.50] or at discharge [37.7 ? 10% vs. 36.1 ? 8.2%, "
            "P = 0.43].")
    outs = _outcomes(text, [("LVEF", "LVEF")])
    assert link_p_values(text, _spans(text, ["P = 0.50", "P = 0.43"]), outs) == ["LVEF", "LVEF"]


def test_a_real_question_still_ends_a_sentence() -> None:
    text = "Does HbA1c fall? Body weight fell by 2 kg (P = 0.04)."
    outs = _outcomes(text, [("HbA1c", "HbA1c"), ("Body weight", "body weight")])
    assert link_p_values(text, _spans(text, ["P = 0.04"]), outs) == ["body weight"]


def test_look_back_stops_at_the_next_outcome_measure_field() -> None:
    """In a registry record, a measure whose title names no known outcome does not take the
    outcome of the measure before it; a p-value under a named measure still links to it."""
    text = ("Primary Outcome Measure: Change in FVC from baseline [Time Frame: 24 weeks]\n"
            "Statistical Analyses: ANCOVA, P = 0.23\n"
            "Secondary Outcome Measure: Efficacy [Time Frame: 24 weeks]\n"
            "Statistical Analyses: ANCOVA, P = 0.62")
    outs = _outcomes(text, [("FVC", "FVC")])
    assert link_p_values(text, _spans(text, ["P = 0.23", "P = 0.62"]), outs) == ["FVC", None]
