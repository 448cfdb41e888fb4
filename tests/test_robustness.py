"""Robustness: bad input is data, never a crash (SPEC.md section 2 ``error``; DESIGN.md convention 9).

1. Hypothesis fuzzing of every pure normalizer, on arbitrary text and on text
   built from a "trial-ish" alphabet: no exception, valid offsets, finite
   numbers, p-values in [0, 1], dose units that Pint parses back.
2. Hypothesis fuzzing of ``extract.extract`` (any string) and of
   ``read_bytes`` + ``extract.extract_many`` (any bytes): always a
   TrialRecord, mentions whose text is the cleaned-text slice.
3. A fixed sample of the 1,999 EBM-NLP abstracts, each run four ways (as is,
   wrapped in HTML, sprinkled with control and odd Unicode characters,
   truncated): one record per input, in order, no crash.
4. XML safety: billion laughs and external entities give one ``unsafe_xml``
   record, quickly, with no network access; PubMed's external DTD still parses.
5. A directory of bad files through ``extract.extract_file``: one record each.

An ``internal_error`` record is the API's safety net catching an exception in
the code: here it counts as a crash. Crashes found while writing these tests
are kept as ``xfail(strict=True)`` tests with a minimal reproducer.
"""

from __future__ import annotations

import codecs
import gzip
import json
import math
import random
import re
import socket
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from extract.ingest.clean import clean, normalize_chars
from extract.ingest.document import Document
from extract.ingest.formats import decode_bytes, read_bytes, read_text
from extract.models import ERROR_TYPES, FIELDS, TrialRecord
from extract.normalize.doses import find_doses
from extract.normalize.linking import link_p_values
from extract.normalize.numbers import find_numbers, parse_number, parse_number_words
from extract.normalize.outcomes import find_outcomes
from extract.normalize.pvalues import find_p_values, parse_p_number
from extract.normalize.registries import find_registrations
from extract.normalize.routes import find_routes
from extract.normalize.sample_sizes import find_sample_sizes
from extract.normalize.units import match_unit, parse_unit_string

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "ebm_nlp_rct_abstracts.jsonl"

#: Error types SPEC.md section 2 names, plus the two the models add for input
#: the SPEC does not list (a non-string item, an oversized document).
#: ``internal_error`` is deliberately absent: it means the code raised.
INPUT_ERRORS = frozenset(ERROR_TYPES) - {"internal_error"}

ROUTES = frozenset({
    "intravenous", "intrathecal", "intraspinal", "intramuscular", "subcutaneous", "oral", "intranasal",
    "intra-arterial", "intracerebroventricular", "intracerebral", "intracranial", "intracisternal", "intradermal",
    "intraperitoneal", "intravitreal", "epidural", "intralesional", "intratumoral", "intracoronary", "intracardiac",
    "intramyocardial", "intra-articular", "intravesical", "topical", "transdermal", "sublingual", "buccal", "rectal",
    "vaginal", "ophthalmic", "respiratory",
})
SAMPLE_KINDS = frozenset({"enrolled", "randomized", "analyzed", "completed", "withdrawn", "planned", "arm", "other"})
COMPARATORS = frozenset({"=", "<", ">", "<=", ">="})

FAST = settings(deadline=None, max_examples=150, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PIPELINE = settings(deadline=None, max_examples=60, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --------------------------------------------------------------------------- strategies

#: The "trial-ish" alphabet: pieces of numbers, units, p-values, sample sizes,
#: registry ids and routes, so that the fuzzer reaches the rules' inner paths.
TRIAL_TOKENS = [
    *"0123456789", "10", "0.", ".", ",", "·", "×", "x", "X", "^", "-", "−", "–", "±", "+/-", "µ", "μ", "%",
    "<", ">", "=", "≤", "≥", "P", "p", "n", "N", "mg", "g", "µg", "mL", "cc", "IU", "U", "cells", "MSCs", "kg",
    "/", "/kg", " per ", "m2", "day", "(", ")", "[", "]", " ", "  ", "\n", "例", "名", "例", "组", "e", "E",
    "twenty", "-one", "hundred", "million", "half a ", "value", "NS", "respectively", " and ", "patients",
    "were randomized", "NCT", "0123456", "ISRCTN", "ChiCTR", "IRCT", "intravenously", "IV", "intrathecal",
    " (IT)", "oral", "FVC", "ALSFRS-R", "TNF-α", "score", "10^6", "⁶", "\u00a0", "\u200b",
]
trial_text = st.lists(st.sampled_from(TRIAL_TOKENS), max_size=40).map("".join)
mixed_text = st.lists(st.one_of(st.sampled_from(TRIAL_TOKENS), st.text(max_size=3)), max_size=40).map("".join)
any_text = st.text(max_size=300)
texts = st.one_of(any_text, trial_text, mixed_text)

MARKUP_TOKENS = [
    "<p>", "</p>", "<b>", "</b>", "<i>P</i>", "<sup>6</sup>", "<sup>", "</sup>", "<sub>2</sub>", "<br/>",
    "&amp;", "&lt;", "&gt;", "&plusmn;", "&#215;", "&micro;", "&nbsp;", "&#x3c;", "&bogus;", "<!--", "-->",
    "<script>", "</script>", "\\(", "\\)", "$", "{", "}", '"abstract": "', '"', "<?xml version='1.0'?>",
    "<PubmedArticle>", "</PubmedArticle>", "<clinical_study>", "â‰¥", "Ã—", '"‰', "?",
]
markup_text = st.lists(st.one_of(st.sampled_from(MARKUP_TOKENS), st.sampled_from(TRIAL_TOKENS)), max_size=50).map("".join)
json_text = st.fixed_dictionaries(
    {"title": trial_text, "abstract": st.one_of(trial_text, markup_text)},
    optional={"id": st.text(max_size=5), "doi": trial_text},
).map(json.dumps)
documents_text = st.one_of(any_text, trial_text, mixed_text, markup_text, json_text)

NUMBER_WORDS = ["one", "two", "twenty", "Seventy", "-", "‐", " ", "hundred", "and", "thousand", "million",
                "billion", "a", "dozen", "half", "single", "2.5", "1,000", "ten", "eleven", "ninety"]
number_words = st.lists(st.sampled_from(NUMBER_WORDS), max_size=8).map("".join)
P_PIECES = ["0", "1", "2", "5", ".", ",", "·", "?", "×", "x", "10", "^", "-", "−", "e", "E", "(", ")", " ", "+"]
p_numbers = st.one_of(
    st.lists(st.sampled_from(P_PIECES), max_size=12).map("".join),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(min_value=0, max_value=1).map(lambda f: f"{f:.3g}"),
)


def _prefix_bytes() -> st.SearchStrategy[bytes]:
    return st.sampled_from([
        b"", b"{", b"[", b'{"abstract": "', b"<?xml version='1.0'?>", b"<PubmedArticleSet><PubmedArticle>",
        b"<clinical_study>", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"\x1f\x8b", b"\x00",
    ])


def _encode(t: str, enc: str) -> bytes:
    return t.encode(enc, errors="replace")


raw_bytes = st.one_of(
    st.binary(max_size=400),
    st.builds(lambda p, b: p + b, _prefix_bytes(), st.binary(max_size=200)),
    st.builds(_encode, documents_text, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"])),
    st.builds(lambda p, t: p + t.encode("utf-8"), _prefix_bytes(), documents_text),
)

# --------------------------------------------------------------------------- checks


def _span_ok(text: str, start: int, end: int) -> None:
    assert isinstance(start, int) and isinstance(end, int)
    assert 0 <= start <= end <= len(text), (start, end, len(text))


def _finite_or_none(x: float | None) -> None:
    assert x is None or (isinstance(x, (int, float)) and math.isfinite(x)), x


def _sorted_without_overlaps(spans: list[tuple[int, int]]) -> None:
    assert spans == sorted(spans, key=lambda s: s[0])
    for (_, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2, spans


def check_record(rec: object, expect_id: object = ..., with_text: bool = True) -> TrialRecord:
    """The record invariants every output must keep."""
    assert isinstance(rec, TrialRecord), type(rec)
    if expect_id is not ...:
        assert rec.id == expect_id, (rec.id, expect_id)
    if rec.error is not None:
        assert rec.error.type in INPUT_ERRORS, (rec.id, rec.error)
        assert rec.error.message.strip(), rec.error
        for f in FIELDS:
            assert getattr(rec, f) == [], f
        return rec
    if with_text:
        assert isinstance(rec.text, str)
        for f in FIELDS:
            for m in getattr(rec, f):
                _span_ok(rec.text, m.start, m.end)
                assert rec.text[m.start:m.end] == m.text, (f, m)
    for p in rec.p_values:
        assert 0.0 <= p.value <= 1.0 and p.comparator in COMPARATORS
    for d in rec.doses:
        for x in (d.value, d.low, d.high, d.spread):
            _finite_or_none(x)
        assert parse_unit_string(d.unit) is not None, d.unit
    for r in rec.routes:
        assert r.route in ROUTES, r.route
    for s in rec.sample_sizes:
        assert s.kind in SAMPLE_KINDS and s.value >= 0
    return rec


@pytest.fixture(scope="module", autouse=True)
def _warm_pipeline() -> None:
    # Built once up front, so that the timing assertions below time the input, not the model load.
    extract.load_pipeline()


# =========================================================================== 1. normalizers


@FAST
@given(texts)
def test_find_numbers_never_raises(text: str) -> None:
    found = find_numbers(text)
    for n in found:
        _span_ok(text, n.start, n.end)
        assert math.isfinite(n.value), n
        for x in (n.low, n.high, n.spread):
            _finite_or_none(x)
    _sorted_without_overlaps([(n.start, n.end) for n in found])


@FAST
@given(st.one_of(texts, p_numbers))
def test_parse_number_never_raises(s: str) -> None:
    v = parse_number(s)
    assert v is None or (isinstance(v, float) and math.isfinite(v)), v


@FAST
@given(st.one_of(number_words, texts))
def test_parse_number_words_never_raises(s: str) -> None:
    v = parse_number_words(s)
    assert v is None or (isinstance(v, (int, float)) and math.isfinite(v)), v


@FAST
@given(texts)
def test_match_unit_never_raises_at_any_position(text: str) -> None:
    for pos in range(len(text) + 1):
        u = match_unit(text, pos)
        if u is None:
            continue
        assert pos <= u.start <= u.end <= len(text), (pos, u)
        assert parse_unit_string(u.unit) is not None, u.unit
        assert not math.isnan(u.divisor)


UNIT_PARTS = ["milligram", "microgram", "gram", "milliliter", "liter", "international_unit", "activity_unit", "cell",
              "colony_forming_unit", "vector_genome", "tablet", "kg", "m**2", "day", "hour", "minute", "week", "month"]


@FAST
@given(st.one_of(
    st.lists(st.sampled_from(UNIT_PARTS), min_size=1, max_size=4).map("/".join),  # what match_unit builds
    st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzµμ_0123456789 ")), max_size=20),
))
def test_parse_unit_string_on_built_units_and_words(unit: str) -> None:
    q = parse_unit_string(unit)
    assert q is None or hasattr(q, "units")
    if "/" in unit:
        assert q is not None, unit


@FAST
@given(st.one_of(any_text, trial_text))
def test_parse_unit_string_never_raises(unit: str) -> None:
    q = parse_unit_string(unit)
    assert q is None or hasattr(q, "units")


@pytest.mark.parametrize("unit", ["(", "2**", "mg/", "\x1b"])
def test_parse_unit_string_returns_none_for_unparsable_syntax(unit: str) -> None:
    assert parse_unit_string(unit) is None


@FAST
@given(texts)
def test_find_doses_never_raises(text: str) -> None:
    for d in find_doses(text):
        _span_ok(text, d.start, d.end)
        for x in (d.value, d.low, d.high, d.spread):
            _finite_or_none(x)
        assert d.value >= 0
        assert parse_unit_string(d.unit) is not None, d.unit


def test_find_doses_zero_volume_denominator() -> None:
    # match_unit("2000 cells/0 mL", 4).divisor == 0.0: no concentration to report, and no ZeroDivisionError
    assert find_doses("2000 cells/0 mL") == []


@FAST
@given(texts)
def test_find_p_values_never_raises(text: str) -> None:
    found = find_p_values(text)
    for p in found:
        _span_ok(text, p.start, p.end)
        assert p.comparator in COMPARATORS
        assert isinstance(p.value, float) and 0.0 <= p.value <= 1.0, p
    _sorted_without_overlaps([(p.start, p.end) for p in found])


@FAST
@given(st.one_of(p_numbers, texts))
def test_parse_p_number_never_raises(s: str) -> None:
    v = parse_p_number(s)
    assert v is None or (isinstance(v, float) and not math.isnan(v)), v


@FAST
@given(texts)
def test_find_registrations_never_raises(text: str) -> None:
    found = find_registrations(text)
    for r in found:
        _span_ok(text, r.start, r.end)
        assert r.start < r.end and r.registry and r.id
    _sorted_without_overlaps([(r.start, r.end) for r in found])


@FAST
@given(texts)
def test_find_routes_never_raises(text: str) -> None:
    found = find_routes(text)
    for r in found:
        _span_ok(text, r.start, r.end)
        assert r.route in ROUTES, r.route
    _sorted_without_overlaps([(r.start, r.end) for r in found])


@FAST
@given(texts)
def test_find_sample_sizes_never_raises(text: str) -> None:
    for s in find_sample_sizes(text):
        _span_ok(text, s.start, s.end)
        assert isinstance(s.value, int) and s.value >= 0
        assert s.kind in SAMPLE_KINDS


@st.composite
def text_with_spans(draw: st.DrawFn, n_max: int = 4) -> tuple[str, list[tuple[int, int]]]:
    text = draw(texts)
    pos = st.integers(0, len(text))
    spans = [tuple(sorted((draw(pos), draw(pos)))) for _ in range(draw(st.integers(0, n_max)))]
    return text, spans  # type: ignore[return-value]


@FAST
@given(text_with_spans())
def test_find_outcomes_never_raises(ts: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = ts
    # Abbreviation pairs (long form, short form) as scispaCy would hand them over.
    abbreviations = [(a, b, *spans[(i + 1) % len(spans)]) for i, (a, b) in enumerate(spans)] if spans else None
    for abbrs in (None, abbreviations):
        found = find_outcomes(text, abbrs)
        for m in found:
            _span_ok(text, m.start, m.end)
            assert isinstance(m.name, str) and m.name.strip(), m
        _sorted_without_overlaps([(m.start, m.end) for m in found])


@FAST
@given(text_with_spans(6), st.data())
def test_link_p_values_never_raises(ts: tuple[str, list[tuple[int, int]]], data: st.DataObject) -> None:
    text, spans = ts
    names = ["FVC", "ALSFRS-R", "pain", "NfL"]
    split = data.draw(st.integers(0, len(spans)))
    p_values = sorted(spans[:split])
    outcomes = [(s, e, data.draw(st.sampled_from(names))) for s, e in spans[split:]]
    linked = link_p_values(text, p_values, outcomes)
    assert len(linked) == len(p_values)
    assert all(x is None or x in names for x in linked), linked


@FAST
@given(st.one_of(texts, markup_text))
def test_clean_never_raises(text: str) -> None:
    chars = normalize_chars(text)
    cleaned = clean(text, title_hint=text[:20] or None)
    for out in (chars, cleaned.text):
        assert isinstance(out, str)
        assert not any("\x00" <= c <= "\x08" or "\x0e" <= c <= "\x1f" for c in out), repr(out)
    assert cleaned.title is None or isinstance(cleaned.title, str)


@FAST
@given(raw_bytes)
def test_decode_bytes_never_raises(data: bytes) -> None:
    text, warnings, error = decode_bytes(data)
    assert (text is None) != (error is None)
    assert all(isinstance(w, str) for w in warnings)
    if error is not None:
        assert error[0] in INPUT_ERRORS and error[1]


# =========================================================================== 2. the pipeline


@PIPELINE
@given(documents_text, st.one_of(st.none(), st.text(max_size=8)))
def test_extract_any_string_gives_a_record(text: str, doc_id: str | None) -> None:
    rec = extract.extract(text, id=doc_id, with_text=True)
    check_record(rec, expect_id=doc_id if doc_id is not None else ...)


@PIPELINE
@given(raw_bytes, st.sampled_from(["", ".txt", ".json", ".jsonl", ".xml", ".html"]))
def test_read_bytes_then_extract_many_gives_one_record_per_document(data: bytes, suffix: str) -> None:
    docs = list(read_bytes(data, stem="fuzz", suffix=suffix))
    assert docs, "reading must yield at least one document (or an error document)"
    for d in docs:
        assert isinstance(d, Document)
        assert d.error is None or d.error[0] in INPUT_ERRORS, d.error
    records = list(extract.extract_many(docs, with_text=True))
    assert [r.id for r in records] == [d.id for d in docs]
    for rec in records:
        check_record(rec)


@settings(deadline=None, max_examples=40, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(raw_bytes, raw_bytes.map(gzip.compress), raw_bytes.map(lambda b: gzip.compress(b)[:-5])),
       st.sampled_from([".txt", ".json", ".jsonl", ".xml", ".gz", ".xml.gz", ".bin"]))
def test_extract_file_on_any_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"doc{suffix}"
        path.write_bytes(data)
        records = extract.extract_file(path, with_text=True)
    assert records
    for rec in records:
        check_record(rec)


@PIPELINE
@given(st.lists(st.tuples(st.text(max_size=6), st.one_of(trial_text, markup_text, any_text)), max_size=6))
def test_extract_many_pairs_keep_order(pairs: list[tuple[str, str]]) -> None:
    # Inputs that hold one document each (no JSON Lines, no XML sets): one record per pair.
    pairs = [(i, t) for i, t in pairs if len(list(read_text(t, stem=i))) == 1]
    records = list(extract.extract_many(pairs, with_text=True))
    assert [r.id for r in records] == [i for i, _ in pairs]
    for rec in records:
        check_record(rec)


@pytest.mark.parametrize("item", [None, 42, b"bytes", 3.5, ["a"], ("id", b"bytes"), ("id", None)])
def test_non_text_inputs_give_unsupported_format(item: object) -> None:
    (rec,) = list(extract.extract_many([item]))  # type: ignore[list-item]
    assert rec.error is not None and rec.error.type == "unsupported_format"
    rec = extract.extract(item)  # type: ignore[arg-type]
    assert rec.error is not None and rec.error.type == "unsupported_format"


def test_extract_zero_volume_denominator_is_not_an_internal_error() -> None:
    rec = extract.extract("We injected 2000000 cells/0 mL.", id="z", with_text=True)
    check_record(rec, expect_id="z")


# =========================================================================== 3. the abstracts, four ways

SAMPLE_SIZE = 100
ODD_CHARS = [
    "\x01", "\x07", "\x1b", "\x7f", "\x85", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e",
    "\u2028", "\u2029", "\ufffd", "\u0301", "\U0001f600", "\u3000", "\t", "\r", "\x0b", "\x0c", "\u00a0", "\u2009",
]


def _load_sample() -> list[dict[str, str]]:
    if not CORPUS.is_file():
        return []
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return random.Random(20240611).sample(rows, min(SAMPLE_SIZE, len(rows)))


def _html(text: str, rng: random.Random) -> str:
    t = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    t = t.replace("+/-", "&plusmn;").replace(" x 10", " &#215; 10")
    t = re.sub(r"\bP(?=\s*(?:&lt;|&gt;|=))", "<i>P</i>", t)
    t = re.sub(r"\b10\b", "10<sup>6</sup>", t, count=1)
    t = re.sub(r"\bmicrog", "&micro;g", t)
    sentences = re.split(r"(?<=\.) ", t)
    if sentences:
        sentences[0] = f"<b>{sentences[0]}</b>"
    out = []
    for s in sentences:
        s = s.replace(" ", "&nbsp;", 1) if rng.random() < 0.3 else s
        out.append(f"<p>{s}</p>" if rng.random() < 0.7 else f"{s}<br/>")
    return "<div class=\"abstract\">" + "\n".join(out) + "</div>"


def _sprinkle(text: str, rng: random.Random) -> str:
    chars = list(text)
    # One odd character every ~40 characters keeps C0 controls well under the 5 % binary threshold.
    for pos in sorted(rng.sample(range(1, len(chars) + 1), k=max(1, len(chars) // 40)), reverse=True):
        chars.insert(pos, rng.choice(ODD_CHARS))
    return "".join(chars)


def _truncate(text: str, rng: random.Random, how: int) -> str:
    if how == 0:  # inside a number: "0.036" -> "0.0"
        nums = list(re.finditer(r"\d[\d.,]*\d", text))
        if nums:
            m = rng.choice(nums)
            return text[: rng.randrange(m.start() + 1, m.end())]
    if how in (0, 1):  # inside a word
        words = list(re.finditer(r"[A-Za-z]{4,}", text))
        if words:
            m = rng.choice(words)
            return text[: rng.randrange(m.start() + 1, m.end())]
    return text[: rng.randrange(1, len(text) + 1)]


def _variants(rows: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for i, row in enumerate(rows):
        rng = random.Random(f"{row['id']}:{i}")
        text = row["text"]
        html = _html(text, rng)
        out.append((row["id"] + "#as_is", text, "as_is"))
        out.append((row["id"] + "#html", html, "html"))
        out.append((row["id"] + "#odd_chars", _sprinkle(text, rng), "odd_chars"))
        # Every third truncation cuts the HTML version (mid-tag, mid-entity).
        source = html if i % 3 == 2 else text
        out.append((row["id"] + "#truncated", _truncate(source, rng, i % 3), "truncated"))
    return out


@pytest.mark.skipif(not CORPUS.is_file(), reason=f"corpus not found: {CORPUS}")
def test_sample_of_abstracts_four_ways_never_crashes() -> None:
    rows = _load_sample()
    variants = _variants(rows)
    assert len(variants) == 4 * len(rows)
    started = time.perf_counter()
    records = list(extract.extract_many([(vid, text) for vid, text, _ in variants], with_text=True))
    elapsed = time.perf_counter() - started
    assert len(records) == len(variants)
    assert [r.id for r in records] == [vid for vid, _, _ in variants]
    unexpected = []
    for rec, (vid, text, kind) in zip(records, variants, strict=True):
        check_record(rec, expect_id=vid)
        if rec.error is not None:
            unexpected.append((vid, kind, rec.error.type, rec.error.message))
    assert not unexpected, unexpected
    # The as-is and HTML versions of one abstract read the same p-values and registry ids.
    by_id = {r.id: r for r in records}
    for row in rows:
        plain, html = by_id[row["id"] + "#as_is"], by_id[row["id"] + "#html"]
        if plain.error is None and html.error is None:
            assert {r.id for r in plain.registrations} == {r.id for r in html.registrations}, row["id"]
    assert elapsed < 40, f"{len(variants)} documents took {elapsed:.1f} s"


def test_plain_text_with_bracketed_title_is_read_as_text() -> None:
    rec = extract.extract("[Effect of X on Y in elderly patients]. We randomized 40 patients (P = 0.03).", id="b")
    assert rec.error is None, rec.error
    assert [p.value for p in rec.p_values] == [0.03]


# =========================================================================== 4. XML safety

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>
<ArticleTitle>&lol9;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
"""
QUADRATIC_BLOWUP = ('<?xml version="1.0"?>\n<!DOCTYPE kaboom [<!ENTITY a "' + "a" * 50_000 + '">]>\n'
                    "<PubmedArticle><ArticleTitle>" + "&a;" * 20_000 + "</ArticleTitle></PubmedArticle>")
EXTERNAL_HTTP = """<?xml version="1.0"?>
<!DOCTYPE clinical_study [<!ENTITY ext SYSTEM "http://127.0.0.1:9/x">]>
<clinical_study><brief_title>&ext;</brief_title></clinical_study>
"""
EXTERNAL_FILE = """<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [<!ENTITY passwd SYSTEM "file:///etc/passwd">]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>2</PMID><Article>
<ArticleTitle>&passwd;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
"""
EXTERNAL_PARAMETER = """<?xml version="1.0"?>
<!DOCTYPE PubmedArticle [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<PubmedArticle><ArticleTitle>x</ArticleTitle></PubmedArticle>
"""
UNSAFE = {
    "billion_laughs": BILLION_LAUGHS,
    "billion_laughs_no_declaration": BILLION_LAUGHS.split("\n", 1)[1],
    "quadratic_blowup": QUADRATIC_BLOWUP,
    "external_http": EXTERNAL_HTTP,
    "external_file": EXTERNAL_FILE,
    "external_parameter_entity": EXTERNAL_PARAMETER,
}

PUBMED_WITH_DTD = """<?xml version="1.0" ?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
<PubmedArticleSet>
<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">11111111</PMID><Article>
<ArticleTitle>Intrathecal cells in ALS.</ArticleTitle>
<Abstract><AbstractText Label="RESULTS">FVC fell less (<i>P</i> = 0.036) after 1 &#215; 10<sup>6</sup> cells/kg.</AbstractText></Abstract>
</Article></MedlineCitation></PubmedArticle>
<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">22222222</PMID><Article>
<ArticleTitle>A second trial.</ArticleTitle>
<Abstract><AbstractText>We randomized 40 patients; NCT02116634.</AbstractText></Abstract>
</Article></MedlineCitation></PubmedArticle>
</PubmedArticleSet>
"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Fail any attempt to resolve or connect, and record it."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access attempted during a robustness test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def _timed(fn, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - started


@pytest.mark.parametrize("name", sorted(UNSAFE))
def test_unsafe_xml_is_refused_quickly_without_network(name: str, no_network: list[object]) -> None:
    doc = UNSAFE[name]
    docs, secs = _timed(lambda: list(read_bytes(doc.encode("utf-8"), stem=name, suffix=".xml")))
    assert secs < 2.0, secs
    assert len(docs) == 1 and docs[0].error is not None and docs[0].error[0] == "unsafe_xml", docs
    assert docs[0].id == name
    for kwargs in ({"id": name}, {}):
        rec, secs = _timed(extract.extract, doc, with_text=True, **kwargs)
        assert secs < 2.0, secs
        check_record(rec, expect_id=kwargs.get("id"))
        assert rec.error is not None and rec.error.type == "unsafe_xml", rec.error
        assert "root:" not in rec.model_dump_json()  # /etc/passwd never read into the output
    (rec,), secs = _timed(lambda: list(extract.extract_many([(name, doc)])))
    assert secs < 2.0 and rec.id == name and rec.error is not None and rec.error.type == "unsafe_xml"
    assert no_network == []


def test_billion_laughs_without_xml_declaration_is_not_expanded(no_network: list[object]) -> None:
    # Without "<?xml" and without a PubMed/CT.gov tag the sniffer reads this as
    # text: fine, as long as nothing is expanded and it stays quick.
    doc = BILLION_LAUGHS.split("\n", 1)[1].replace("PubmedArticleSet", "lolz").replace("PubmedArticle", "lol")
    rec, secs = _timed(extract.extract, doc, id="laughs", with_text=True)
    assert secs < 2.0
    check_record(rec, expect_id="laughs")
    assert rec.error is not None or len(rec.text or "") < 5 * len(doc)
    assert no_network == []


def test_pubmed_set_with_external_dtd_still_parses(no_network: list[object]) -> None:
    docs, secs = _timed(lambda: list(read_bytes(PUBMED_WITH_DTD.encode("utf-8"), stem="pubmed24n0001", suffix=".xml")))
    assert secs < 2.0
    assert [d.id for d in docs] == ["11111111", "22222222"]
    assert all(d.error is None and d.format == "pubmed_xml" for d in docs)
    records = list(extract.extract_many(docs, with_text=True))
    assert [r.id for r in records] == ["11111111", "22222222"]
    for rec in records:
        check_record(rec)
        assert rec.error is None
    assert [(p.comparator, p.value) for p in records[0].p_values] == [("=", 0.036)]
    assert [r.id for r in records[1].registrations] == ["NCT02116634"]
    rec = extract.extract(PUBMED_WITH_DTD, id="set", with_text=True)
    check_record(rec, expect_id="set")
    assert rec.error is None and any("2 documents" in w for w in rec.warnings)
    assert no_network == []


# =========================================================================== 5. a directory of bad files


def test_directory_of_bad_files_through_extract_file(tmp_path: Path) -> None:
    d = tmp_path / "inbox"
    (d / "sub").mkdir(parents=True)
    (d / "1_empty.txt").write_bytes(b"")
    (d / "2_junk.dat").write_bytes(bytes(random.Random(7).randrange(256) for _ in range(4096)) + b"\x00")
    (d / "3_truncated.json").write_text('[{"title": "A trial", "abstract": "We randomized 40 pat', encoding="utf-8")
    (d / "sub" / "4_malformed.xml").write_text(
        '<?xml version="1.0"?><clinical_study><brief_title>x</brief_title><enrollment>40</clinical_study>', encoding="utf-8")
    (d / "5_large.txt").write_text("We randomized 40 patients (P = 0.03). " * 135_000, encoding="utf-8")  # > 5 M chars
    (d / "6_good.txt").write_text("<p>We randomized 40 patients (<i>P</i> = 0.03); NCT02116634.</p>", encoding="utf-8")
    (d / ".7_hidden.txt").write_text("skipped", encoding="utf-8")
    records, secs = _timed(extract.extract_file, d, with_text=True)
    assert secs < 10, secs
    # Sorted paths, recursively: "sub/" sorts after "6_good.txt"; the hidden file is skipped.
    assert [r.id for r in records] == ["1_empty", "2_junk", "3_truncated", "5_large", "6_good", "4_malformed"]
    for rec in records:
        check_record(rec)
    errors = {r.id: (r.error.type if r.error else None) for r in records}
    assert errors == {
        "1_empty": "empty_document", "2_junk": "binary_input", "3_truncated": "invalid_json",
        "4_malformed": "invalid_xml", "5_large": "too_large", "6_good": None,
    }
    good = next(r for r in records if r.id == "6_good")
    assert [r.id for r in good.registrations] == ["NCT02116634"]
    assert [p.value for p in good.p_values] == [0.03]
    assert "line 1, column" in next(r for r in records if r.id == "3_truncated").error.message
    # One file at a time gives the same records; a missing path gives one "unreadable" record.
    (single,) = extract.extract_file(d / "3_truncated.json")
    assert single.error is not None and single.error.type == "invalid_json"
    (missing,) = extract.extract_file(d / "nope.txt")
    assert missing.id == "nope" and missing.error is not None and missing.error.type == "unreadable"


def test_control_ratio_counts_c0_controls_but_not_whitespace():
    """The binary-text check counts C0 controls other than tab, newline, vertical tab, form feed, return."""
    from extract.ingest.formats import _control_ratio

    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(chr(rng.choice([rng.randrange(0, 40), rng.randrange(0, 0x3000)]))
                       for _ in range(rng.randrange(0, 60)))
        sample = text[:4000]
        expected = (sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v") / len(sample)) if sample else 0.0
        assert _control_ratio(text) == expected, repr(text)
    assert _control_ratio("a\x00b\x1f" + "\t\n\r\f\v") == 2 / 9
    assert _control_ratio("x" * 3999 + "\x01" + "\x01" * 100) == 1 / 4000


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["PMID- 1\n", "TY  - JOUR\n"]),
       st.lists(st.tuples(st.sampled_from(["TI", "AB", "SI", "PMID", "OAB", "T1", "N2", "ID", "AN", "DO", "ER", "TY", "", "  "]),
                          st.text(max_size=40)), max_size=12))
def test_tagged_exports_never_raise(first: str, fields: list[tuple[str, str]]) -> None:
    """Any MEDLINE- or RIS-looking text gives documents, each with text or an error."""
    from extract.ingest.formats import read_text

    text = first + "\n".join(f"{tag}  - {value}" if tag.strip() else value for tag, value in fields)
    docs = list(read_text(text, stem="t"))
    assert docs
    for doc in docs:
        assert (doc.error is None) == bool(doc.text.strip())
