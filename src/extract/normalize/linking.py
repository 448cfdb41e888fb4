"""Link each p-value to the outcome it tests, when the text makes that clear.

Pure function over offsets (no spaCy); the ``trial_linking`` component feeds
it the p-value and outcome spans of a Doc.

Rules, in order, for how results sentences pair statistics with measures:

1. ``X and Y ... (P = a and P = b, respectively)``: a group of k p-values
   followed by "respectively", with k distinct outcomes named before the
   group in its sentence, pairs them in order.
2. The outcomes named in the p-value's own clause: from the start of the
   sentence (or the previous p-value of the sentence) up to the p-value. One
   distinct outcome: that one. Several: the nearest, unless they are written
   as a list (``A, B and C did not change (P > 0.05)``): a p-value that
   covers several outcomes gets none.
3. No outcome in its sentence: the outcome of the nearest earlier sentence
   that names any (up to three back), when it names exactly one (``Duration of diarrhoea: ... (P = 0.36). In
   rotavirus infection: ... (P = 0.03)``).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

# A "?" before a number is a lost "±" ("34.7 ? 9.9%"), not the end of a question.
_SENTENCE_END = regex.compile(
    r"(?<![A-Z]\.?[a-z]?)(?<!\b(?:vs|al|e\.g|i\.e|approx|Fig|no|No))(?:[.!。！？]|\?(?!\s+\d))\s+(?=[\p{Lu}\p{Han}(\[\d])|\n+"
)
_RESPECTIVELY = regex.compile(r"[^.;]{0,40}?\b(?:respectively|respectivamente)\b", regex.I)
_LIST_GAP = regex.compile(r"\s*(?:,\s*(?:and|or)?|and|or|&|/|、|及|和)\s*(?:the\s+)?$", regex.I)


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, pos - 600), pos):
        start = m.end()
    m = _SENTENCE_END.search(text, pos)
    return start, (m.start() + 1 if m else len(text))


def link_p_values(text: str, p_values: Sequence[tuple[int, int]],
                  outcomes: Sequence[tuple[int, int, str]]) -> list[str | None]:
    """The outcome name for each p-value (same order as ``p_values``), or None.

    Args:
        text: the document text all offsets refer to.
        p_values: ``(start, end)`` of each p-value mention, in text order.
        outcomes: ``(start, end, name)`` of each outcome mention.
    """
    outs = sorted(outcomes)
    result: list[str | None] = [None] * len(p_values)
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    sentences = [_sentence_bounds(text, p_values[i][0]) for i in order]

    # 1. respectively groups
    done: set[int] = set()
    k = 0
    while k < len(order):
        s0, s1 = sentences[k]
        group = [k]
        while group[-1] + 1 < len(order) and sentences[group[-1] + 1] == (s0, s1):
            group.append(group[-1] + 1)
        # the p-values of the sentence, split where "respectively" closes a run
        run: list[int] = []
        for g in group:
            run.append(g)
            i = order[g]
            if _RESPECTIVELY.match(text, p_values[i][1]) and len(run) >= 2:
                first = p_values[order[run[0]]][0]
                names = _distinct([o[2] for o in outs if s0 <= o[0] and o[1] <= first])
                if len(names) == len(run):
                    for r, name in zip(run, names, strict=True):
                        result[order[r]] = name
                        done.add(order[r])
                run = []
        k = group[-1] + 1

    # 2 and 3. nearest in clause, else the previous sentence's single outcome
    for pos, i in enumerate(order):
        if i in done:
            continue
        ps, _ = p_values[i]
        s0, _s1 = sentences[pos]
        window_start = s0
        if pos > 0 and sentences[pos - 1][0] == s0:
            window_start = max(window_start, p_values[order[pos - 1]][1])
        cands = [o for o in outs if window_start <= o[0] and o[1] <= ps]
        if not cands and window_start > s0:
            cands = [o for o in outs if s0 <= o[0] and o[1] <= ps]
        names = _distinct([c[2] for c in cands])
        if len(names) == 1:
            result[i] = names[0]
        elif len(names) > 1:
            if not _is_list(text, cands):
                result[i] = cands[-1][2]
        elif (after := _outcome_after(text, p_values, order, pos, sentences[pos][1], outs)) is not None:
            # "a statistically significant (p =.030) and clinically meaningful reduction in functional
            # disability (RMDQ)": nothing before it, the measure follows in the same clause.
            result[i] = after
        else:
            # Back through earlier sentences (up to three, within 500 characters): the
            # nearest that names outcomes decides, when it names exactly one.
            end = s0
            for _ in range(3):
                if end <= 0 or s0 - end > 500:
                    break
                prev_start, _ = _sentence_bounds(text, max(0, end - 2))
                if _MEASURE_FIELD.search(text, prev_start + 1, ps):
                    break  # a registry record's next outcome-measure field: the one before is another measure
                prev = _distinct([o[2] for o in outs if prev_start <= o[0] and o[1] <= end])
                if prev:
                    if len(prev) == 1:
                        result[i] = prev[0]
                    break
                end = prev_start
    return result


# The line that starts an outcome-measure field of a registry record ("Primary Outcome Measure: ...").
_MEASURE_FIELD = regex.compile(r"(?:^|\n)(?:Primary|Secondary|Other(?:\s+Pre-?specified)?)?\s*Outcome\s+Measures?\s*:", regex.I)
_CLAUSE_BREAK = regex.compile(r"[;:]|,\s+(?:and|but|whereas|while|although)\b|\b(?:whereas|while|but)\b")


def _outcome_after(text: str, p_values: Sequence[tuple[int, int]], order: list[int], pos: int, sent_end: int,
                   outs: list[tuple[int, int, str]]) -> str | None:
    """The first outcome after a p-value in its own clause (before the next p-value, within 80 characters)."""
    pe = p_values[order[pos]][1]
    limit = min(sent_end, pe + 80)
    if pos + 1 < len(order):
        limit = min(limit, p_values[order[pos + 1]][0])
    brk = _CLAUSE_BREAK.search(text, pe, limit)
    if brk is not None:
        limit = brk.start()
    for o in outs:
        if o[0] >= pe and o[1] <= limit:
            return o[2]
    return None


def _distinct(names: list[str]) -> list[str]:
    seen: list[str] = []
    for n in names:
        if n not in seen:
            seen.append(n)
    return seen


def _is_list(text: str, cands: list[tuple[int, int, str]]) -> bool:
    """True when the last outcomes before the p-value are written as a list (A, B and C)."""
    tail = cands[-3:] if len(cands) >= 3 else cands
    distinct = {c[2] for c in tail}
    if len(distinct) < 2:
        return False
    for a, b in zip(tail, tail[1:]):
        if a[2] == b[2]:
            continue
        if not _LIST_GAP.match(text[a[1]:b[0]]):
            return False
    return True
