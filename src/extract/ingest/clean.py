"""Cleaning: turn a document's raw text into the text every offset refers to.

Order matters and is fixed:

1. mojibake repair (UTF-8 read as cp1252: ``â‰¥`` -> ``≥``);
2. markup to meaning: ``<sup>6</sup>`` -> ``^6``, ``<i>P</i>`` -> ``P``, block
   tags to line breaks, entities decoded; LaTeX-ish ``\\({10}^{6}\\)`` ->
   ``10^6``; escaped Markdown (``mg/m\\^2``) unescaped;
3. Unicode superscripts (``10⁶``) -> ``^6``, *before* NFKC (which would turn
   them into plain digits and lose the exponent);
4. NFKC, one-character dash and space variants folded, control characters
   dropped, whitespace collapsed;
5. page furniture (menus, UI lines, affiliations, author lists, licence text,
   citation lines, ads) and repeated copies of a paragraph set aside, line by
   line. A line is only set aside when a rule recognises it; every other line
   is kept, so a sentence of the abstract is never dropped.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

import regex

# --------------------------------------------------------------------------- 1. mojibake

# UTF-8 bytes of common symbols decoded as cp1252 (or latin-1) by a web page.
_MOJIBAKE = {
    "â‰¥": "≥", "â‰¤": "≤", "âˆ’": "−", "â€“": "–", "â€”": "—", "â€™": "’", "â€˜": "‘",
    "â€œ": "“", "â€\x9d": "”", "â€¢": "•", "â€¦": "…", "Â±": "±", "Ã—": "×", "Âµ": "µ",
    "Â·": "·", "Â°": "°", "Â®": "®", "Â©": "©", "Â\xa0": " ", "â€‰": " ", "â€¯": " ",
    "Î±": "α", "Î²": "β", "Î³": "γ", "Îº": "κ", "Î¼": "μ",
}
_MOJIBAKE_RE = regex.compile("|".join(regex.escape(k) for k in sorted(_MOJIBAKE, key=len, reverse=True)))
# A thin space whose three UTF-8 bytes lost their lead byte leaves `"‰` or `‰`
# between a number and its unit ("2.4"‰mg", "n"‰="‰152"). The per-mille sign
# never sits between a word and a digit in real text.
_LOST_THIN_SPACE = regex.compile(r'"?‰"?(?=[\p{L}\p{N}=<>≤≥(\[])|(?<=[\p{L}\p{N}=<>)\]])"?‰"?')
# The minus sign whose lead byte was lost: `"“2` in `kg"‰m"“2` (m^-2).
_LOST_MINUS_SUP = regex.compile(r'(?<=[a-zA-Z])"“(?=\d)')

# --------------------------------------------------------------------------- 2. markup

_HTML_TAGS = (
    "a|abbr|abstract|article|aside|b|big|blockquote|body|br|caption|center|cite|code|dd|div|dl|dt|em|"
    "figcaption|figure|font|footer|h[1-6]|head|header|hr|html|i|img|label|li|link|main|mark|meta|nav|"
    "ol|p|pre|q|s|section|small|span|strong|sub|sup|table|tbody|td|tfoot|th|thead|title|tr|tt|u|ul|"
    "jats:[a-z-]+|mml:[a-z]+|math|sec|italic|bold"
)
_SCRIPT_STYLE = regex.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>", regex.I | regex.S)
_COMMENT = regex.compile(r"<!--.*?-->", regex.S)
# "<!DOCTYPE html>", "<?xml version=...?>": a saved page's declarations say nothing.
_DECLARATION = regex.compile(r"<!DOCTYPE\b[^<>]*>|<\?xml\b[^<>]*\?>", regex.I)
_SUP = regex.compile(r"<sup\b[^>]*>\s*(.*?)\s*</sup\s*>", regex.I | regex.S)
_SUB = regex.compile(r"<sub\b[^>]*>\s*(.*?)\s*</sub\s*>", regex.I | regex.S)
_BLOCK_TAG = regex.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|dd|dt|jats:p|jats:sec|sec)\b[^<>]*>", regex.I)
_ANY_TAG = regex.compile(rf"</?(?:{_HTML_TAGS})\b[^<>]*>", regex.I)
_ENTITY = regex.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")

# LaTeX-ish inline math as journal pages render it: \({10}^{6}\), $10^{6}$.
_LATEX_INLINE = regex.compile(r"\\\((.+?)\\\)|\$([^$\n]{1,80})\$")
_LATEX_BRACED_POWER = regex.compile(r"\{?([0-9.]+)\}?\s*\^\s*\{\s*([-+−]?[0-9.]+)\s*\}")
_LATEX_MACROS = {
    r"\times": "×", r"\pm": "±", r"\leq": "≤", r"\geq": "≥", r"\le": "≤", r"\ge": "≥",
    r"\mu": "μ", r"\alpha": "α", r"\beta": "β", r"\gamma": "γ", r"\cdot": "·", r"\%": "%",
    r"\,": " ", r"\;": " ", r"\ ": " ", r"\text": "", r"\mathrm": "",
}
_LATEX_MACRO_RE = regex.compile("|".join(regex.escape(k) for k in sorted(_LATEX_MACROS, key=len, reverse=True)))
# Escaped Markdown: mg/m\^2, \[IV\], \* bullets.
_MD_ESCAPE = regex.compile(r"\\([\[\]^*_#<>~|])")

# --------------------------------------------------------------------------- 3. superscripts

_SUPERSCRIPT = {
    "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    "⁺": "+", "⁻": "-", "⁼": "=", "⁽": "(", "⁾": ")",
}
_SUPERSCRIPT_RUN = regex.compile("[" + "".join(_SUPERSCRIPT) + "]+")

# --------------------------------------------------------------------------- 4. characters

_CHAR_MAP = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-", "\u00ad": None, "\u200b": None,
    "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u2028": "\n", "\u2029": "\n",
    "\t": " ", "\r": "\n", "\x0b": "\n", "\x0c": "\n",
})
_LOST_SPACE_QMARK = regex.compile(r"(?<=\d)\?(?=(?:IU|UI|mg|µg|μg|ng|pg|mL|ml|g|kg|mmol|nmol|U|h|min|days?|weeks?|years?)\b)")
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # the ASCII part of _CONTROL
_SPACES = regex.compile(r"[ \p{Zs}]{2,}")
_BLANK_LINES = regex.compile(r"\n{3,}")

# --------------------------------------------------------------------------- 5. furniture

_UI_LINE = regex.compile(
    r"""^\W*(?:
        share(?:\s+this(?:\s+(?:post|article|page))?)?|download(?:\s+(?:pdf|citation|article|full\s+text))?|
        download\s+started\.?|ok|print|e-?mail|cite(?:\s+this(?:\s+article)?)?|save|tweet|facebook|twitter|linkedin|
        like|add\s+(?:like|dislike)|add\s+to\s+(?:saved\s+papers|favorites|collection)|follow|subscribe|sign\s+in|
        sign\s+up|log\s*in|register|menu|search|close|more|show\s+more|read\s+more|advertisement|
        full\s+text\s+links?|display\s+settings:?|send\s+to:?|choose\s+destination|related\s+(?:articles|posts|links|
        research\s+topics|content)|similar\s+articles|cited\s+by|view\s+(?:full\s+text|article|pdf|abstract|metrics)|
        back\s+to\s+top|skip\s+to\s+(?:main\s+)?content|permalink|copy\s+link|google\s+scholar|pubmed|crossref|
        loading\.*|author\s+information|article\s+information|metrics|references|open\s+access|free\s+pmc\s+article|
        journal\s+article|randomized\s+controlled\s+trial|research\s+support,.*|we\s+have\s+located\s+links.*|
        can'?t\s+access\s+the\s+paper\??|try\s+logging\s+in.*|anda\s+di\s+halaman.*|\d+\s*(?:KB|MB)\s+sizes.*|
        立即体验|马上搜索|文献AI研究员|用中文搜PubMed|文档翻译
    )\W*$""",
    regex.I | regex.X,
)
_LICENCE = regex.compile(
    r"creative\s+commons|open[- ]access\s+(?:article|journal)|distributed\s+under\s+the\s+terms|all\s+rights\s+reserved|"
    r"^\W*(?:©|copyright\b)|licensed\s+under|this\s+is\s+an\s+open[- ]access|freely\s+available\s+online",
    regex.I,
)
_AFFILIATION_START = regex.compile(
    r"^\W*(?:\d+\s*|[a-z]\s+)?(?:Department|Dept\.|Division|School|Faculty|Institute|Center|Centre|Laboratory|"
    r"Unit|College|Clinic|Hospital|Student\s+Research|Research\s+(?:Center|Centre|Institute|Committee)|"
    r"Core\s+Research|Nursing\s+Care|Reproductive|International\s+Medicine|NIHR|MRC|\*?\s*Corresponding)\b",
    regex.I,
)
_AFFILIATION_BODY = regex.compile(r"\b(?:University|Hospital|Institute|Center|Centre|College|Sciences|Iran|China|Spain|USA|Japan|Korea|Kingdom|Canada|Germany|France|Italy)\b|@")
_STUDY_WORDS = regex.compile(
    r"\b(?:patients?|participants?|subjects?|randomi[sz]ed|enrolled|received|were|was|treated|trial\s+was|study\s+was)\b",
    regex.I,
)
_CITATION_LINE = regex.compile(
    r"\bdoi:\s*10\.\d{4,}|\bdoi\.org/10\.|\b(?:19|20)\d\d\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\b.{0,40};|"
    r"\bEpub\s+(?:19|20)\d\d|^\s*(?:Received|Accepted|Published|Revised)\s*:?\s*\d",
    regex.I,
)
_DOWNLOADED_STAMP = regex.compile(r"Downloaded\s+from\s+https?://\S+(?:\s+by\s+[\w .-]{1,40}?)?\s+on\s+\d{1,2}\s+\w+\s+\d{4}", regex.I)
_REGISTRY_HINT = regex.compile(
    r"\b(?:NCT\s?\d{8}|ISRCTN|ChiCTR|IRCT\d|ACTRN\d|CTRI/|DRKS\d|UMIN\d|JPRN|KCT\d|PACTR\d|EudraCT|NTR\d|jRCT)", regex.I
)
_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
_ASCII_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")
_WE_OUR = regex.compile(r"\b(?:we|our)\b", regex.I)
_AUTHOR_SPLIT = regex.compile(r",|\band\b|;")
_NAME_PART = regex.compile(r"^\s*(?:[\p{Lu}][\p{L}'’.-]*\s*){1,5}(?:[\d,#*†‡§ǂ]*)\s*$")


@dataclass(slots=True)
class CleanText:
    """The cleaned text and what was set aside.

    Attributes:
        text: the text all offsets refer to.
        furniture: the lines set aside, with the reason, in document order.
        title: a title line found at the top (for text documents).
        warnings: what cleaning noticed.
    """

    text: str
    furniture: list[tuple[str, str]] = field(default_factory=list)
    title: str | None = None
    warnings: list[str] = field(default_factory=list)


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 symbols that were decoded as cp1252/latin-1."""
    if "â" in text or "Â" in text or "Ã" in text or "Î" in text:
        text = _MOJIBAKE_RE.sub(lambda m: _MOJIBAKE[m.group()], text)
    if '"‰' in text:  # only where the lost-lead-byte pattern is certain; ‰ is also per mille
        text = _LOST_MINUS_SUP.sub("^-", text)
        text = _LOST_THIN_SPACE.sub(" ", text)
    return text


def strip_markup(text: str) -> str:
    """HTML/LaTeX/Markdown markup to plain text that keeps its meaning."""
    if "<" in text:
        text = _SCRIPT_STYLE.sub(" ", text)
        text = _COMMENT.sub(" ", text)
        if "<!" in text or "<?" in text:
            text = _DECLARATION.sub(" ", text)
        text = _SUP.sub(lambda m: "^" + _ANY_TAG.sub("", m.group(1)), text)
        text = _SUB.sub(lambda m: _ANY_TAG.sub("", m.group(1)), text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _ANY_TAG.sub("", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    if "\\" in text or "$" in text:
        text = _LATEX_INLINE.sub(lambda m: _latex_to_text(m.group(1) or m.group(2)), text)
        text = _MD_ESCAPE.sub(r"\1", text)
    return text


def _latex_to_text(expr: str) -> str:
    expr = _LATEX_MACRO_RE.sub(lambda m: _LATEX_MACROS[m.group()], expr)
    expr = _LATEX_BRACED_POWER.sub(r"\1^\2", expr)
    expr = expr.replace("{", "").replace("}", "")
    return expr.strip()


def superscripts_to_caret(text: str) -> str:
    """``10⁶`` -> ``10^6``, ``m²`` -> ``m^2``, ``kg⁻¹`` -> ``kg^-1``."""
    if text.isascii():
        return text  # superscript characters are not ASCII
    return _SUPERSCRIPT_RUN.sub(lambda m: "^" + "".join(_SUPERSCRIPT[c] for c in m.group()), text)


def normalize_chars(text: str) -> str:
    """Character-level cleaning: steps 1-4, no line is dropped.

    Exposed on its own so that tests (and annotators' evidence notes) can be
    put through exactly the same transformation as documents.
    """
    text = fix_mojibake(text)
    text = strip_markup(text)
    text = superscripts_to_caret(text)
    text = unicodedata.normalize("NFKC", text)
    if "\r" in text:
        # Windows line ends are one break; a lone carriage return (old Mac files) is one too.
        text = text.replace("\r\n", "\n")
    text = text.translate(_CHAR_MAP)
    ascii_text = text.isascii()
    if not ascii_text or _ASCII_CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if "?" in text:
        # A thin space lost to "?" between a number and its unit: "50,000?IU", "8.8?ng/mL".
        text = _LOST_SPACE_QMARK.sub(" ", text)
    if "Downloaded" in text:
        text = _DOWNLOADED_STAMP.sub(" ", text)
    if not (ascii_text and "  " not in text):  # an ASCII text needs two spaces in a row
        text = _SPACES.sub(" ", text)
    return text


def furniture_reason(line: str) -> str | None:
    """Why a line is page furniture, or None when it is (or may be) content."""
    s = line.strip()
    if not s:
        return None
    reason = _furniture_kind(s)
    if reason is not None and _REGISTRY_HINT.search(s):
        return None  # a registry id is a fact, wherever it stands
    return reason


def _furniture_kind(s: str) -> str | None:
    # The cheap length and word-count conditions go first: most lines are long content.
    if len(s) <= 120 and _UI_LINE.match(s):
        return "ui"
    words = len(s.split())
    if (words < 80 or "creative commons" in s.lower()) and _LICENCE.search(s) and (
            words < 80 and not _STUDY_WORDS.search(s) or "creative commons" in s.lower()):
        return "licence"
    if words < 30 and _CITATION_LINE.search(s):
        return "citation"
    if len(s) < 400 and _AFFILIATION_START.match(s) and _AFFILIATION_BODY.search(s) and not _STUDY_WORDS.search(s):
        return "affiliation"
    if _is_author_list(s):
        return "authors"
    return None


def _is_author_list(s: str) -> bool:
    if len(s) > 1200 or s.endswith((".", ":")) and not s.endswith(("M.D.", "Ph.D.")):
        return False
    parts = [p for p in _AUTHOR_SPLIT.split(s) if p.strip()]
    if len(parts) < 3:
        return False
    good = sum(1 for p in parts if _NAME_PART.match(p) or p.strip() in ("M.D", "M.D.", "Ph.D", "Ph.D.", "M.Sc", "MD", "PhD"))
    return good >= 0.8 * len(parts) and not _STUDY_WORDS.search(s)


def _dedupe_key(line: str) -> str:
    if line.isascii():  # the same key, from the stdlib's faster engine
        return _ASCII_NOT_ALNUM.sub("", line).lower()
    return _NOT_ALNUM.sub("", line).casefold()


_TITLE_SKIP = regex.compile(r"^(?:abstract|background|summary|摘要|title)\W*$", regex.I)


def clean(raw: str, title_hint: str | None = None) -> CleanText:
    """Clean a document's raw text (see the module docstring for the steps).

    Args:
        raw: the text from ingest, possibly with markup and furniture.
        title_hint: the title the format states (JSON/XML), if any.
    """
    text = normalize_chars(raw)
    kept: list[str] = []
    furniture: list[tuple[str, str]] = []
    seen = ""  # keys of kept long lines, for repeated copies of the abstract
    for line in text.split("\n"):
        stripped = line.strip()
        reason = furniture_reason(stripped)
        if reason is None and len(stripped) >= 60:
            key = _dedupe_key(stripped)
            if len(key) >= 50 and key in seen:
                reason = "repeated"
            else:
                seen += "\x00" + key
        if reason is not None:
            furniture.append((reason, stripped))
            continue
        kept.append(stripped)
    out = "\n".join(kept).strip("\n")
    out = _BLANK_LINES.sub("\n\n", out)
    title = title_hint.strip() if title_hint else _guess_title(out)
    if title:
        title = normalize_chars(title).strip()
    return CleanText(text=out, furniture=furniture, title=title or None)


def _guess_title(text: str) -> str | None:
    """The first line that reads like a title: near the top, 4-40 words, no final colon."""
    for line in text.split("\n")[:8]:
        s = line.strip()
        if not s or _TITLE_SKIP.match(s):
            continue
        words = s.split()
        if 4 <= len(words) <= 40 and s[0].isupper() and not s.endswith(":") and not _STUDY_WORDS.search(s[:0]):
            if s.count(".") <= 2 and not _WE_OUR.search(s):
                return s.rstrip(".")
        if len(words) > 40:
            return None
    return None
