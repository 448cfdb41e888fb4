"""Language segmentation: script and function words, on real lines."""

from __future__ import annotations

import pytest

from extract.ingest.language import UNDECIDED, languages, line_language, segment


@pytest.mark.parametrize("line,lang", [
    ("Amyotrophic lateral sclerosis (ALS) is an incurable disease.", "en"),
    ("肌萎缩侧索硬化症(ALS)是一种无法治愈的疾病。", "zh"),
    ("移植后第3个月脑脊液中TNF-α水平显著降低,P值<0.01。", "zh"),
    ("ガラクトオリゴ糖含有食品の摂取が健常者の腸内環境に及ぼす影響", "ja"),
    ("Os tempos de início e término da sedação no grupo dexmedetomidina foram maiores.", "pt"),
    ("Se realizó un ensayo clínico, controlado, aleatorizado de los pacientes pediátricos.", "es"),
    ("زlinical", UNDECIDED),  # a stray Persian letter in a short English line (d38)
    ("Project audit state:", UNDECIDED),
    ("بیماران مبتلا به دیابت نوع دو", "fa"),
    ("Пациенты были рандомизированы", "ru"),
    ("12,000 (24) 0.05", None),
])
def test_line_language(line: str, lang: str | None) -> None:
    assert line_language(line) == lang


def test_bilingual_segments_and_offsets() -> None:
    text = ("Results: TNF-α levels fell significantly in the CSF at month three.\n"
            "移植后第3个月脑脊液中TNF-α水平显著降低,P值<0.01。\n"
            "METHODS\nWe enrolled 15 patients with ALS in this open label study.")
    segs = segment(text)
    assert [s.lang for s in segs] == ["en", "zh", "en"]
    assert text[segs[1].start:segs[1].end] == "移植后第3个月脑脊液中TNF-α水平显著降低,P值<0.01。"
    assert languages(segs) == ["en", "zh"]


def test_chinese_and_english_on_one_line() -> None:
    text = "口服复黄片4粒/次,3次/d。[Abstract] Objective: To evaluate the efficacy of Fuhuang tablets in the treatment of bleeding."
    segs = segment(text)
    assert [s.lang for s in segs] == ["zh", "en"]
    assert "3次/d。" in text[segs[0].start:segs[0].end]
    assert text[segs[1].start:].startswith("Abstract] Objective")


def test_short_latin_lines_join_their_neighbours() -> None:
    text = "RESUMO\nOBJETIVO:\nDexmedetomidina é um agonista que tem uma ampla gama de aplicações."
    assert [s.lang for s in segment(text)] == ["pt"]


def test_empty_text() -> None:
    assert segment("") == [] and languages([]) == []


@pytest.mark.parametrize("text", [
    "", "\n", "abc", "  12 patients\n\nRESULTS: P = 0.01\r\n(n = 3)\x0b tail", "1 2 3\n4\n", "\n\nx",
    "BACKGROUND\nSixty patients were randomized.\nCONCLUSION: ok ",
])
def test_ascii_runs_are_those_of_the_general_path(text: str) -> None:
    """The ASCII shortcut of _runs gives what the script scan gives: the same text plus a
    line holding one non-ASCII letter goes the general way and adds exactly that line's run."""
    from extract.ingest.language import _runs

    general = _runs(text + "\né")
    assert general[-1] == ["other", len(text) + 1, len(text) + 2]
    assert _runs(text) == general[:-1]


def test_plainly_english_shortcut_gives_the_general_segments() -> None:
    """An ASCII text with no other language's word or letter pattern is one English
    segment without classifying each sentence; random mixes of English and other
    languages' words (and the ASCII hint "ung") must segment as the general path does."""
    import random

    from extract.ingest.language import _plainly_english, _segments

    words = ("the lung patients were Los con es und die Ein was randomized . ! ? \n  Then 12 "
             "P=0.01 A b ung young Sie wurden").split(" ")
    rng = random.Random(2)
    plain = 0
    for _ in range(20000):
        text = "".join(rng.choice(words) + rng.choice([" ", "\n", ". ", ""]) for _ in range(rng.randrange(0, 30)))
        plain += _plainly_english(text)
        assert segment(text) == _segments(text), repr(text)
    assert 2000 < plain < 18000  # both ways taken often
    assert not _plainly_english("Patients with lung cancer were randomized.")  # "ung": the general way
    assert segment(" Sixty patients were randomized.\n\nOK \n") == _segments(" Sixty patients were randomized.\n\nOK \n")
