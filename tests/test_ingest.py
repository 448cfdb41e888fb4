"""Ingest: one test per input format, encodings, ids, and bad input as data."""

from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path

import pytest

from extract.ingest.formats import decode_bytes, read_path, read_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

PUBMED_ARTICLE = """<PubmedArticle><MedlineCitation><PMID Version="1">{pmid}</PMID><Article>
<ArticleTitle>Trial of <i>X</i> in {pmid}</ArticleTitle>
<Abstract><AbstractText Label="METHODS">We randomized 40 patients.</AbstractText>
<AbstractText Label="RESULTS">Pain fell (<i>P</i> = .03); 1 &#215; 10<sup>6</sup> cells/kg.</AbstractText></Abstract>
<DataBankList><DataBank><DataBankName>ClinicalTrials.gov</DataBankName>
<AccessionNumberList><AccessionNumber>NCT0000000{n}</AccessionNumber></AccessionNumberList></DataBank></DataBankList>
</Article></MedlineCitation></PubmedArticle>"""


def _set(*pmids: str) -> str:
    body = "".join(PUBMED_ARTICLE.format(pmid=p, n=i) for i, p in enumerate(pmids, 1))
    return f'<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle//EN" "https://dtd.nlm.nih.gov/x.dtd">\n<PubmedArticleSet>{body}</PubmedArticleSet>'


def test_plain_text_file() -> None:
    docs = list(read_path(SEEDS / "000_b5a3d23ea323b22b.txt"))
    assert len(docs) == 1
    assert docs[0].id == "000_b5a3d23ea323b22b" and docs[0].format == "text"
    assert "twenty-one confirmed ALS patients" in docs[0].text


def test_html_text() -> None:
    (doc,) = read_text("<html><body><p>Results: <i>P</i> &lt; 0.05</p></body></html>", stem="h")
    assert doc.format == "html"


def test_json_record_with_trailing_text_is_one_document() -> None:
    docs = list(read_path(SEEDS / "002_68877ee8deb5136e.txt"))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.id == "002_68877ee8deb5136e" and doc.format == "json"
    assert doc.title and doc.title.startswith("鞘内")
    # the JSON abstract and the plain text after the object are both read
    assert doc.text.count("IRCT20200828048551N1") == 2


def test_json_lines_ids(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a1", "text": "one P = 0.01"}),
        json.dumps({"pmid": "123", "abstract": "two"}),
        json.dumps({"doi": "10.1/x", "title": "three"}),
        json.dumps({"abstract": "four"}),
        "{broken",
        "",
    ]), encoding="utf-8")
    docs = list(read_path(p))
    assert [d.id for d in docs] == ["a1", "123", "10.1/x", "batch:4", "batch:5"]
    assert docs[-1].error is not None and docs[-1].error[0] == "invalid_json"
    assert "line 5" in docs[-1].error[1]


def test_json_array_of_records() -> None:
    docs = list(read_text(json.dumps([{"id": "x", "text": "a"}, {"text": "b"}]), stem="arr"))
    assert [d.id for d in docs] == ["x", "arr:2"]


def test_pubmed_xml_single_article_uses_file_stem() -> None:
    docs = list(read_path(SEEDS / "d17_csdh_atorvastatin_atoch.xml"))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.id == "d17_csdh_atorvastatin_atoch" and doc.format == "pubmed_xml"
    assert doc.title and doc.title.startswith("Safety and Efficacy of Atorvastatin")
    assert "IMPORTANCE: Chronic subdural hematoma" in doc.text
    assert "ClinicalTrials.gov NCT02024373" in doc.text  # from DataBankList
    assert "JAMA" not in doc.text  # journal metadata is not document text


def test_pubmed_set_many_articles_gz(tmp_path: Path) -> None:
    p = tmp_path / "pubmed25n0001.xml.gz"
    p.write_bytes(gzip.compress(_set("111", "222").encode()))
    docs = list(read_path(p))
    assert [d.id for d in docs] == ["111", "222"]
    assert "<sup>6</sup>" in docs[0].text  # inline markup kept for cleaning
    assert "NCT00000001" in docs[0].text and "NCT00000002" in docs[1].text


def test_bare_pubmed_article() -> None:
    (doc,) = read_text(PUBMED_ARTICLE.format(pmid="999", n=9), stem="bare")
    assert doc.id == "bare" and doc.format == "pubmed_xml"


def test_ctgov_legacy_xml() -> None:
    xml = """<?xml version="1.0"?><clinical_study><id_info><nct_id>NCT01234567</nct_id></id_info>
    <brief_title>Cells for ALS</brief_title><brief_summary><textblock>We will inject cells.</textblock></brief_summary>
    <enrollment type="Anticipated">40</enrollment>
    <primary_outcome><measure>ALSFRS-R</measure><time_frame>6 months</time_frame></primary_outcome></clinical_study>"""
    (doc,) = read_text(xml, stem="ct")
    assert doc.format == "ctgov_xml" and doc.title == "Cells for ALS"
    assert "Registration Number: NCT01234567" in doc.text
    assert "Enrollment: 40 (Anticipated)" in doc.text
    assert "Primary Outcome Measure: ALSFRS-R" in doc.text


def test_ctgov_api_v2_json() -> None:
    rec = {"protocolSection": {
        "identificationModule": {"nctId": "NCT07654321", "briefTitle": "Drug X"},
        "designModule": {"enrollmentInfo": {"count": 120, "type": "ACTUAL"}},
        "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": "X", "description": "10 mg orally"}]},
    }}
    (doc,) = read_text(json.dumps(rec), stem="v2")
    assert doc.format == "ctgov_json" and doc.id == "v2"
    assert "NCT07654321" in doc.text and "Enrollment: 120 (Actual)" in doc.text and "10 mg orally" in doc.text


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
])
def test_encodings(encoding: str, bom: bytes) -> None:
    text, warnings, error = decode_bytes(bom + "Méthodes: p ≤ 0.05, 10⁶ cells".encode(encoding))
    assert error is None and text == "Méthodes: p ≤ 0.05, 10⁶ cells"
    assert warnings == []


def test_utf16_without_bom_and_latin1_fallback() -> None:
    text, warnings, error = decode_bytes("Results were good".encode("utf-16-le"))
    assert text == "Results were good" and error is None and warnings
    text, warnings, error = decode_bytes("Résultats: 5 µg".encode("latin-1"))
    assert text == "Résultats: 5 µg" and error is None
    assert any("latin-1" in w for w in warnings)


def test_windows_1252_fallback_keeps_dashes_and_quotes() -> None:
    """Bytes 0x80-0x9F are Windows-1252 punctuation, not C1 controls: an en dash
    keeps a range a range; the five bytes it leaves undefined still decode."""
    text, warnings, error = decode_bytes(b"50 \x96 60 mg \x93daily\x94 \x85 caf\xe9")
    assert text == "50 \u2013 60 mg \u201cdaily\u201d \u2026 caf\u00e9" and error is None and warnings
    text, _, error = decode_bytes(b"a\x81b\x8dc\x8fd\x90e\x9df \xe9")
    assert text == "a\x81b\x8dc\x8fd\x90e\x9df \u00e9" and error is None


# --------------------------------------------------------------------------- bad input

def test_bad_inputs_in_a_directory_each_yield_one_record(tmp_path: Path) -> None:
    d = tmp_path / "batch"
    d.mkdir()
    (d / "a_empty.txt").write_text("")
    (d / "b_blank.txt").write_text("   \n\t\n")
    (d / "c_binary.bin").write_bytes(bytes(range(256)) * 20)
    (d / "d_truncated.json").write_text('{"title": "x", "abstract": "P = 0.0')
    (d / "e_malformed.xml").write_text("<?xml version='1.0'?><PubmedArticleSet><PubmedArticle></PubmedArticleSet>")
    (d / "f_laughs.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
        "<PubmedArticleSet><PubmedArticle>&lol2;</PubmedArticle></PubmedArticleSet>")
    (d / "g_external.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY ext SYSTEM "http://127.0.0.1:9/x">]><clinical_study>&ext;</clinical_study>')
    (d / "h_huge.txt").write_text("Patients were treated. " * 250_000)  # ~5.7 MB
    (d / "i_good.txt").write_text("We randomized 40 patients (P = 0.03). NCT01234567.")
    (d / "j_bad.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    docs = {doc.id: doc for doc in read_path(d)}
    assert len(docs) == 10
    expect = {
        "a_empty": "empty_document", "b_blank": "empty_document", "c_binary": "binary_input",
        "d_truncated": "invalid_json", "e_malformed": "invalid_xml", "f_laughs": "unsafe_xml",
        "g_external": "unsafe_xml", "h_huge": "too_large", "j_bad": "unreadable",
    }
    for doc_id, err in expect.items():
        assert docs[doc_id].error is not None, doc_id
        assert docs[doc_id].error[0] == err, (doc_id, docs[doc_id].error)
        assert docs[doc_id].error[1]
    assert docs["i_good"].error is None
    assert "line 1, column" in docs["d_truncated"].error[1]


def test_unreadable_path(tmp_path: Path) -> None:
    (doc,) = read_path(tmp_path / "missing.txt")
    assert doc.error is not None and doc.error[0] == "unreadable" and doc.id == "missing"


def test_directory_is_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z text")
    (tmp_path / "a.txt").write_text("a text")
    (tmp_path / ".hidden").write_text("skip me")
    assert [d.id for d in read_path(tmp_path)] == ["a", "z"]


def test_jsonl_is_streamed_and_a_single_record_file_takes_the_stem(tmp_path: Path) -> None:
    one = tmp_path / "only.jsonl"
    one.write_text(json.dumps({"id": "x1", "text": "P = 0.01"}) + "\n")
    assert [d.id for d in read_path(one)] == ["only"]
    gz = tmp_path / "many.jsonl.gz"
    gz.write_bytes(gzip.compress(("\n".join(json.dumps({"id": f"r{i}", "text": "t"}) for i in range(5)) + "\n").encode()))
    assert [d.id for d in read_path(gz)] == [f"r{i}" for i in range(5)]


def test_large_pubmed_xml_is_read_article_by_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extract.ingest import formats

    monkeypatch.setattr(formats, "STREAM_XML_BYTES", 100)
    p = tmp_path / "base.xml.gz"
    p.write_bytes(gzip.compress(_set("1", "2", "3").encode()))
    docs = list(read_path(p))
    assert [d.id for d in docs] == ["1", "2", "3"] and all(d.error is None for d in docs)
    bad = tmp_path / "bad.xml"
    bad.write_text(_set("7", "8")[:-40])
    docs = list(read_path(bad))
    assert [d.id for d in docs[:2]] == ["7", "8"] or docs[-1].error is not None
    assert docs[-1].error is not None and docs[-1].error[0] == "invalid_xml"


# --------------------------------------------------------------------------- API responses

_ABSTRACT = "We randomized 240 adults to drug X 25 mg or placebo. Pain fell (P < 0.001)."


def test_crossref_work_and_search_response() -> None:
    """Crossref wraps a work in "message" (title a list, abstract in JATS) and a search in "message.items"."""
    work = {"DOI": "10.1/a", "title": ["Drug X for pain"],
            "abstract": "<jats:sec><jats:title>Results</jats:title><jats:p>Pain fell (<jats:italic>P</jats:italic> &lt; 0.001).</jats:p></jats:sec>"}
    (doc,) = read_text(json.dumps({"status": "ok", "message-type": "work", "message": work}), stem="cr")
    assert doc.id == "cr" and doc.error is None and doc.title == "Drug X for pain" and "<jats:p>" in doc.text
    search = {"status": "ok", "message": {"items": [work, {"DOI": "10.1/b", "abstract": _ABSTRACT}]}}
    assert [d.id for d in read_text(json.dumps(search), stem="crs")] == ["10.1/a", "10.1/b"]


def test_europe_pmc_and_semantic_scholar_and_openalex_responses() -> None:
    epmc = {"hitCount": 2, "resultList": {"result": [{"id": "1", "pmid": "1", "title": "A", "abstractText": _ABSTRACT},
                                                     {"id": "PMC2", "title": "B", "abstractText": _ABSTRACT}]}}
    assert [d.id for d in read_text(json.dumps(epmc), stem="e")] == ["1", "PMC2"]
    s2 = {"total": 2, "data": [{"paperId": "p1", "externalIds": {"PubMed": "31", "DOI": "10.1/x"}, "title": "A", "abstract": _ABSTRACT},
                               {"paperId": "p2", "externalIds": {"DOI": "10.1/y"}, "title": "B", "abstract": None}]}
    docs = list(read_text(json.dumps(s2), stem="s"))
    assert [d.id for d in docs] == ["31", "10.1/y"] and docs[1].text == "B"
    # OpenAlex gives the abstract as an inverted index: each word with its positions.
    words = _ABSTRACT.split()
    index: dict[str, list[int]] = {}
    for pos, word in enumerate(words):
        index.setdefault(word, []).append(pos)
    work = {"id": "https://openalex.org/W1", "title": "Drug X", "abstract_inverted_index": index}
    (doc,) = read_text(json.dumps(work), stem="oa")
    assert doc.text == "Drug X\n\n" + _ABSTRACT
    (doc,) = read_text(json.dumps({"meta": {"count": 1}, "results": [work]}), stem="oas")
    assert doc.id == "oas" and doc.text.endswith(_ABSTRACT)


@pytest.mark.parametrize("response,message", [
    ({"message": {"items": []}}, "message.items is empty"),
    ({"resultList": {"result": [1, 2]}}, "resultList.result must hold objects"),
    ({"data": "nope"}, "no text"),
    ({"abstract_inverted_index": {"a": ["x"], "b": [True]}}, "no text"),
])
def test_odd_api_responses_give_one_error_record(response: dict, message: str) -> None:
    (doc,) = read_text(json.dumps(response), stem="bad")
    assert doc.error is not None and message in doc.error[1]


# --------------------------------------------------------------------------- MEDLINE and RIS exports

_MEDLINE = """PMID- {pmid}
OWN - NLM
STAT- MEDLINE
TI  - Effect of drug X on blood pressure: a
      randomized trial.
PG  - 100-108
AB  - METHODS: We randomized 120 patients to drug X 10 mg orally or placebo.
      RESULTS: Systolic blood pressure fell (P = 0.003).
FAU - Smith, John
AU  - Smith J
AD  - Department of Medicine, University of Somewhere.
SI  - ClinicalTrials.gov/NCT01234567
PT  - Randomized Controlled Trial
MH  - Blood Pressure/drug effects
OAB - Publisher: Abstract available from the publisher.
"""


def test_medline_export_one_document_per_record() -> None:
    """PubMed's MEDLINE format: title and abstract with their continuation lines, the registry
    ids of SI; tags, authors, addresses and MeSH headings are not document text."""
    (doc,) = read_text(_MEDLINE.format(pmid="38000001"), stem="one")
    assert doc.id == "one" and doc.format == "medline" and doc.error is None
    assert doc.title == "Effect of drug X on blood pressure: a randomized trial."
    assert doc.text == (
        "Effect of drug X on blood pressure: a randomized trial.\n\n"
        "METHODS: We randomized 120 patients to drug X 10 mg orally or placebo. "
        "RESULTS: Systolic blood pressure fell (P = 0.003).\n\n"
        "Trial registration: ClinicalTrials.gov/NCT01234567")
    two = _MEDLINE.format(pmid="1") + "\n" + _MEDLINE.format(pmid="2").replace("\n", "\r\n")
    docs = list(read_text(two, stem="set"))
    assert [d.id for d in docs] == ["1", "2"] and docs[0].text == docs[1].text
    (bad,) = read_text("PMID- 5\nOWN - NLM\nAU  - Smith J\n", stem="bare")
    assert bad.error is not None and bad.error[0] == "empty_document"


def test_medline_record_extracts_without_tag_noise() -> None:
    import extract

    rec = extract.extract(_MEDLINE.format(pmid="7"), id="m")
    assert [o.name for o in rec.outcomes] == ["SBP"]  # not "PT" (publication type) or a MeSH heading
    assert [r.id for r in rec.registrations] == ["NCT01234567"]
    assert [(p.value, p.outcome) for p in rec.p_values] == [(0.003, "SBP")]


def test_ris_export_one_document_per_record() -> None:
    ris = ("TY  - JOUR\nID  - r1\nT1  - Drug X for pain\nAB  - We randomized 60 adults. Pain fell (P = 0.01).\n"
           "AU  - Smith, J\nDO  - 10.1/a\nER  - \n\n"
           "TY  - JOUR\nTI  - Drug Y\nN2  - Forty patients were enrolled.\nAN  - 31234567\nER  - \n"
           "TY  - JOUR\nAU  - Nobody\nER  - \n")
    docs = list(read_text(ris, stem="lib"))
    assert [d.id for d in docs] == ["r1", "31234567", "lib:3"]
    assert docs[0].format == "ris" and docs[0].title == "Drug X for pain"
    assert docs[0].text == "Drug X for pain\n\nWe randomized 60 adults. Pain fell (P = 0.01)."
    assert docs[2].error is not None and docs[2].error[0] == "empty_document"


@pytest.mark.parametrize("text", [
    "PMID: 38000001\nEffect of drug X. We randomized 120 patients.",  # a PubMed abstract page, not MEDLINE
    "Methods\nTY  - JOUR appears later in the text",
])
def test_plain_text_is_not_taken_for_a_tagged_export(text: str) -> None:
    (doc,) = read_text(text, stem="p")
    assert doc.format == "text" and doc.text == text
