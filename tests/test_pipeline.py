"""The pipeline as spaCy sees it: registry names, entry points, saving and loading,
and the abbreviation detector's cheaper matchers."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import warnings
from itertools import islice

import pytest
import spacy
from scispacy.abbreviation import AbbreviationDetector
from spacy.matcher import Matcher
from spacy.tokens import Doc

import extract
from extract.components.outcomes import abbreviation_pairs
from extract.pipeline import (TOKENIZER_NAME, TrialTokenizer, _GlobalMatcher, _ParenthesisMatcher,
                              build_pipeline)

from conftest import ABSTRACTS


def _run(code: str, *args: str) -> str:
    """Run ``code`` in a fresh interpreter that has not imported extract."""
    out = subprocess.run([sys.executable, "-W", "ignore", "-c", code, *args],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_tokenizer_comes_from_the_config():
    nlp = build_pipeline()
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == TOKENIZER_NAME
    assert isinstance(nlp.tokenizer, TrialTokenizer)


def test_components_by_entry_point_in_a_blank_zh_pipeline():
    """No import of extract: spaCy finds every factory through the package's entry points."""
    code = (
        "import spacy, json\n"
        "nlp = spacy.blank('zh')\n"
        "for n in ('trial_sentences', 'trial_sample_sizes', 'trial_doses', 'trial_routes', 'trial_p_values'):\n"
        "    nlp.add_pipe(n)\n"
        "doc = nlp('共纳入21例患者，静脉输注1×10^6个细胞/kg。两组比较差异有统计学意义(P<0.05)。')\n"
        "print(json.dumps({g: [s.text for s in doc.spans[g]] for g in doc.spans}, ensure_ascii=False))\n"
        "print(len(list(doc.sents)))\n"
    )
    spans_line, sents = _run(code).splitlines()
    spans = json.loads(spans_line)
    assert spans["sample_sizes"] == ["21例"]
    assert spans["routes"] == ["静脉输注"]
    assert spans["p_values"] == ["P<0.05"]
    assert len(spans["doses"]) == 1 and spans["doses"][0].startswith("1×10^6")
    assert sents == "2"


def test_saved_pipeline_loads_with_its_tokenizer(tmp_path):
    """nlp.to_disk, then spacy.load in a fresh process: the config names our tokenizer."""
    extract.load_pipeline().to_disk(tmp_path / "nlp")
    code = (
        "import spacy, sys\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "print(type(nlp.tokenizer).__name__)\n"
        "print(' '.join(t.text for t in nlp('每组30例。P<0.05')))\n"
        "print(','.join(nlp.pipe_names))\n"
    )
    kind, tokens, names = _run(code, str(tmp_path / "nlp")).splitlines()
    assert kind == "TrialTokenizer"
    assert tokens == "每 组 30 例 。 P<0.05"
    assert names.split(",") == list(extract.load_pipeline().pipe_names)


def _abstracts(n: int) -> list[str]:
    if not ABSTRACTS.exists():
        pytest.skip("shared corpus not present")
    with ABSTRACTS.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in islice(f, n)]


def test_global_matcher_stand_in_finds_what_scispacy_finds():
    """Same abbreviation pairs as scispaCy's own detector on 150 real abstracts, and no W036 warning."""
    ours = build_pipeline()
    theirs = spacy.blank("en")
    theirs.tokenizer = ours.tokenizer
    theirs.add_pipe("abbreviation_detector")
    texts = _abstracts(150)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = [abbreviation_pairs(d) for d in ours.pipe(texts)]
    assert not [w for w in caught if "W036" in str(w.message)]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W036\]")  # scispaCy's own, run empty
        expected = [abbreviation_pairs(d) for d in theirs.pipe(texts)]
    assert got == expected
    assert sum(map(len, got)) > 50  # the sample does define abbreviations
    assert isinstance(theirs.get_pipe("abbreviation_detector"), AbbreviationDetector)


def test_tokenizer_has_exactly_scispacys_rules():
    """Our tokenizer loads the exceptions once itself; they must be scispaCy's, and so must its affix rules."""
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    reference_nlp = spacy.blank("en")
    reference = combined_rule_tokenizer(reference_nlp)
    ours = build_pipeline().tokenizer
    assert ours.rules == reference.rules
    for attr in ("prefix_search", "suffix_search", "infix_finditer"):
        assert getattr(ours, attr).__self__.pattern == getattr(reference, attr).__self__.pattern
    texts = _abstracts(300)
    assert [[t.text for t in ours(x)] for x in texts] == [[t.text for t in reference(x)] for x in texts]


def _random_docs(vocab, alphabet: list[str], n: int, seed: int) -> list[Doc]:
    rng = random.Random(seed)
    return [Doc(vocab, words=[rng.choice(alphabet) for _ in range(rng.randint(0, 40))]) for _ in range(n)]


def test_parenthesis_stand_in_gives_the_matchers_triples_in_its_order():
    """Same (key, start, end) list, order included, as spaCy's Matcher with scispaCy's pattern."""
    nlp = build_pipeline()
    theirs = Matcher(nlp.vocab)
    theirs.add("parenthesis", [[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]])
    ours = nlp.get_pipe("abbreviation_detector").matcher
    assert isinstance(ours, _ParenthesisMatcher)
    docs = _random_docs(nlp.vocab, ["(", ")", "a", "(a", "b)", "C"], 3000, seed=11)
    docs += list(nlp.pipe(_abstracts(400)))
    assert sum(len(theirs(d)) for d in docs) > 5000
    for doc in docs:
        assert ours(doc) == theirs(doc), doc.text


def test_global_stand_in_gives_the_matchers_triples_in_its_order():
    """Exact ORTH sequences under several keys, overlapping and nested, as spaCy's Matcher finds them."""
    nlp = build_pipeline()
    rng = random.Random(5)
    alphabet = ["A", "B", "C", "a", "-", "(", "AB"]
    for doc in _random_docs(nlp.vocab, alphabet, 1500, seed=7):
        theirs = Matcher(nlp.vocab, validate=False)
        ours = _GlobalMatcher(nlp.vocab)
        for k in range(rng.randint(0, 4)):
            pattern = [{"ORTH": rng.choice(alphabet)} for _ in range(rng.randint(1, 3))]
            key = f"long form {k} {pattern}"
            if key not in ours:
                theirs.add(key, [pattern])
                ours.add(key, [pattern])
        assert len(ours) == len(theirs)
        assert ours(doc) == (theirs(doc) if len(theirs) else []), (doc.text, len(ours))
        for key in [k for k in list(ours._patterns)]:
            ours.remove(nlp.vocab.strings[key])
        assert len(ours) == 0 and ours(doc) == []


def test_global_stand_in_takes_only_exact_orth_patterns():
    nlp = build_pipeline()
    with pytest.raises(ValueError):
        _GlobalMatcher(nlp.vocab).add("x", [[{"LOWER": "a"}]])
