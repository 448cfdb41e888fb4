"""Cleaning: markup kept as meaning, superscripts, mojibake, furniture set aside, nothing of the abstract lost."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from extract.ingest.clean import clean, furniture_reason, normalize_chars
from extract.ingest.formats import read_path

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("raw,expected", [
    # HTML keeps its meaning (seed 002)
    ("Each patient received 15±3×10<sup>6</sup> cells", "Each patient received 15±3×10^6 cells"),
    ("(<i>P</i>=0.014)", "(P=0.014)"),
    ("(<i>P</i><0.001)", "(P<0.001)"),
    ("<b><i>Purpose:</i></b> ALS", "Purpose: ALS"),
    ("CO<sub>2</sub> and &alpha;-synuclein &lt; 5 &amp; 10&nbsp;mg", "CO2 and α-synuclein < 5 & 10 mg"),
    ("10<sup>−5</sup>", "10^-5"),
    # Unicode superscripts before NFKC (seed 001's Chinese copy)
    ("剂量为1×10⁶ 细胞/kg体重", "剂量为1×10^6 细胞/kg体重"),
    ("mg/m² and kg⁻¹", "mg/m^2 and kg^-1"),
    # line ends: Windows, and a lone carriage return (old Mac files)
    ("Methods\r\nWe enrolled 40.\rResults", "Methods\nWe enrolled 40.\nResults"),
    # a saved page's declarations
    ("<!DOCTYPE html>\n<p>P = 0.01</p>", " \n\nP = 0.01\n"),
    ('<?xml version="1.0" encoding="utf-8"?><p>ok</p>', " \nok\n"),
    # LaTeX-ish (d03)
    (r"1 × \({10}^{6}\) cells/kg", "1 × 10^6 cells/kg"),
    (r"\(2 \times {10}^{7}\)", "2 × 10^7"),
    # escaped Markdown (d40)
    (r"fludarabine 30 mg/m\^2 intravenously \[IV\]", "fludarabine 30 mg/m^2 intravenously [IV]"),
    # mojibake (d28)
    ('semaglutide 2.4"‰mg (n"‰="‰152)', "semaglutide 2.4 mg (n = 152)"),
    ("loss of â‰¥5% was âˆ’15.2%", "loss of ≥5% was -15.2%"),
    ('body mass index 38.5 (6.9)"‰kg"‰m"“2', "body mass index 38.5 (6.9) kg m^-2"),
    # characters: full width, U+2010 hyphen, micro sign, non-breaking spaces
    ("P＜0.05，ALSFRS‐R", "P<0.05,ALSFRS-R"),
    ("5\u00a0µg\u2009IU", "5 μg IU"),
    # plain "<" in text is not a tag
    ("ALSFRS-R (<24) and p<0.05 <or= 3", "ALSFRS-R (<24) and p<0.05 <or= 3"),
])
def test_normalize_chars(raw: str, expected: str) -> None:
    assert normalize_chars(raw) == expected


@pytest.mark.parametrize("line,reason", [
    ("Share This Post:", "ui"),
    ("Download started.", "ui"),
    ("Advertisement", "ui"),
    ("Display Settings:", "ui"),
    ("Full text links", "ui"),
    ("立即体验", "ui"),
    ("Department of Immunology, Immunology Research Center, Faculty of Medicine, Mashhad University of Medical Sciences, Mashhad, Iran.", "affiliation"),
    ("Curr Stem Cell Res Ther. 2025 Jan 29. doi: 10.2174/011574888X330199250106081717.", "citation"),
    ("Alkhazaali-Ali Zahraa, Sahab-Negah Sajad, Boroumand Amir Reza, Farkhad Najmeh Kaffash", "authors"),
    ("This is an Open Access article distributed under the terms of the Creative Commons Attribution License", "licence"),
    # content stays
    ("Ten patients with established incomplete SCI received four subarachnoid administrations.", None),
    ("METHODS", None),
    ("Trial registration: ClinicalTrials.gov NCT01234567. doi: 10.1/x", None),
    ("Department of Neurology patients were randomized to two groups.", None),
])
def test_furniture_reason(line: str, reason: str | None) -> None:
    assert furniture_reason(line) == reason


def test_repeated_copy_of_the_abstract_is_read_once() -> None:
    (doc,) = read_path(ROOT / "seeds" / "002_68877ee8deb5136e.txt")
    cleaned = clean(doc.text, doc.title)
    assert cleaned.text.count("Each patient received 15±3×10^6 cells") == 1
    assert cleaned.text.count("IRCT20200828048551N1") == 1
    assert any(reason == "repeated" for reason, _ in cleaned.furniture)


def _gold_notes(gold: dict) -> list[str]:
    notes = []
    for field in ("sample_sizes", "doses", "outcomes", "p_values", "registrations"):
        for item in gold.get(field, []):
            if isinstance(item, dict) and isinstance(item.get("text"), str) and "..." not in item["text"]:
                notes.append(item["text"])
    return notes


@pytest.mark.parametrize("gold_path", sorted((ROOT / "gold").glob("*.json")), ids=lambda p: p.stem)
def test_cleaning_keeps_every_annotated_fact(gold_path: Path) -> None:
    """Every evidence note in the gold survives cleaning: no sentence of the abstract is set aside."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    docs = list(read_path(next((ROOT / "seeds").glob(gold_path.stem + ".*"))))
    cleaned = clean(docs[0].text, docs[0].title).text
    flat = " ".join(cleaned.split())
    raw_flat = " ".join(normalize_chars(docs[0].text).split())
    checked = 0
    for note in _gold_notes(gold):
        want = " ".join(normalize_chars(note).split())
        if want not in raw_flat:
            continue  # a paraphrased note, or one joined across a hyphenated line break
        checked += 1
        assert want in flat, f"lost in cleaning: {note!r}"
    assert checked or not _gold_notes(gold)


def test_ascii_shortcuts_change_nothing() -> None:
    """normalize_chars and the repeated-line key skip regexes on ASCII text that cannot
    match there; on random ASCII (controls, runs of spaces, "?IU", DEL) the result is the
    one every regex gives when run unconditionally."""
    import random

    from extract.ingest import clean as c

    def every_step(text: str) -> str:
        text = c.fix_mojibake(text)
        text = c.strip_markup(text)
        text = c._SUPERSCRIPT_RUN.sub(lambda m: "^" + "".join(c._SUPERSCRIPT[ch] for ch in m.group()), text)
        text = unicodedata.normalize("NFKC", text)
        text = text.replace("\r\n", "\n").translate(c._CHAR_MAP)
        text = c._CONTROL.sub("", text)
        if "?" in text:
            text = c._LOST_SPACE_QMARK.sub(" ", text)
        if "Downloaded" in text:
            text = c._DOWNLOADED_STAMP.sub(" ", text)
        return c._SPACES.sub(" ", text)

    pieces = ["a", "B", "12", " ", "  ", "\t", "\r", "\r\n", "\x00", "\x07", "\x1f", "\x7f", "\x0b", "?IU", "50,000?IU",
              "mg", "<b>", "&amp;", "\n", "e.g.", "P < 0.05", "Downloaded from https://x.org on 1 May 2020"]
    rng = random.Random(4)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        assert c.normalize_chars(text) == every_step(text), repr(text)
        assert c._dedupe_key(text) == c._NOT_ALNUM.sub("", text).casefold(), repr(text)
