"""The review page (GET /): served self-contained, and in a real headless Chromium it
renders the demo document with every field highlighted.

The browser tests need Debian's Chromium at /usr/bin/chromium (CI installs it
in .ci/run); they are skipped, saying so, when it is absent. Chromium only
ever talks to the test server on 127.0.0.1: host names resolve to nothing.
"""

from __future__ import annotations

import json
import re
import struct
import subprocess
import zlib
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from extract.service import STATIC_DIR, create_app

CHROMIUM = Path("/usr/bin/chromium")
FIELDS = ("sample_sizes", "doses", "routes", "outcomes", "p_values", "registrations")
JS = (STATIC_DIR / "review.js").read_text(encoding="utf-8")
CSS = (STATIC_DIR / "review.css").read_text(encoding="utf-8")
HTML = (STATIC_DIR / "review.html").read_text(encoding="utf-8")


def field_colours() -> dict[str, tuple[int, int, int]]:
    """The highlight colour of each field, as review.css defines it."""
    found = dict(re.findall(r"--(\w+):\s*#([0-9a-fA-F]{6})\s*;", CSS))
    return {f: tuple(bytes.fromhex(found[f])) for f in FIELDS}  # type: ignore[misc]


# --------------------------------------------------------------------------- served, self-contained, safe

def test_page_and_assets_are_served_with_a_strict_policy() -> None:
    client = TestClient(create_app())
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "connect-src 'self'" in csp
    assert client.get("/?demo=1").text == page.text
    for asset, kind in (("review.js", "javascript"), ("review.css", "text/css")):
        assert f"/static/{asset}" in page.text
        r = client.get(f"/static/{asset}")
        assert r.status_code == 200 and kind in r.headers["content-type"]


def test_no_external_assets() -> None:
    for text in (HTML, CSS, JS):
        assert not re.search(r"https?://|(?:src|href)=[\"']//|@import", text)
    assert not re.search(r"url\(\s*['\"]?(?!data:)", CSS)


def test_document_text_never_becomes_html() -> None:
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in JS


def test_each_field_has_its_own_colour() -> None:
    colours = field_colours()
    assert len(set(colours.values())) == len(FIELDS)
    for f in FIELDS:
        assert f'key: "{f}"' in JS and f".f-{f} {{ background: var(--{f}); }}" in CSS


# --------------------------------------------------------------------------- in a real browser

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium is absent: install Debian's chromium (apt-get install chromium; .ci/run does) to run the browser tests",
)




@pytest.fixture(scope="module")
def server_url(uvicorn_server) -> Iterator[str]:
    with uvicorn_server(create_app()) as url:
        yield url


def chromium(url: str, tmp: Path, *actions: str, size: str = "1200,1600") -> str:
    """Run headless Chromium on ``url``; its standard output (the DOM with --dump-dom)."""
    cmd = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # nothing but the test server
        "--hide-scrollbars", "--force-device-scale-factor=1",
        f"--user-data-dir={tmp / 'profile'}", f"--window-size={size}", "--virtual-time-budget=5000",
        *actions, url,
    ]
    done = subprocess.run(cmd, capture_output=True, encoding="utf-8", errors="replace",
                          timeout=60, check=False)
    assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def demo(server_url: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One Chromium run on /?demo=1: the screenshot and the rendered DOM."""
    tmp = tmp_path_factory.mktemp("chromium")
    png = tmp / "review.png"
    dom = chromium(f"{server_url}/?demo=1", tmp, f"--screenshot={png}", "--dump-dom")
    assert png.exists(), "chromium wrote no screenshot"
    return png, dom


def decode_png(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Width, height and RGB pixels of an 8-bit RGB or RGBA, non-interlaced PNG (standard library only)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
    assert header is not None, "no IHDR chunk"
    width, height, depth, colour_type, _compression, _filter, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, f"unsupported PNG layout {header}"
    bpp = 3 if colour_type == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(b"".join(idat))
    prev = bytearray(stride)
    pixels: list[tuple[int, int, int]] = []
    for y in range(height):
        start = y * (stride + 1)
        ftype, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if ftype == 1:  # Sub
            for x in range(bpp, stride):
                line[x] = (line[x] + line[x - bpp]) & 0xFF
        elif ftype == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif ftype == 3:  # Average
            for x in range(stride):
                left = line[x - bpp] if x >= bpp else 0
                line[x] = (line[x] + ((left + prev[x]) >> 1)) & 0xFF
        elif ftype == 4:  # Paeth
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = prev[x]
                c = prev[x - bpp] if x >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        else:
            assert ftype == 0, f"bad filter type {ftype} on row {y}"
        pixels.extend(zip(line[0::bpp], line[1::bpp], line[2::bpp]))
        prev = line
    return width, height, pixels


def test_png_decoder_handles_every_filter_type() -> None:
    width, height = 5, 5
    rows = [bytes((x * 40 + y * 7 + c * 3) % 256 for x in range(width) for c in range(3)) for y in range(height)]

    def encode(ftype: int, row: bytes, prev: bytes) -> bytes:
        out = bytearray()
        for x, v in enumerate(row):
            a = row[x - 3] if x >= 3 else 0
            b, c = prev[x], prev[x - 3] if x >= 3 else 0
            p = a + b - c
            paeth = a if abs(p - a) <= abs(p - b) and abs(p - a) <= abs(p - c) else b if abs(p - b) <= abs(p - c) else c
            out.append((v - (0, a, b, (a + b) >> 1, paeth)[ftype]) & 0xFF)
        return bytes([ftype]) + bytes(out)

    prev = bytes(width * 3)
    raw = b""
    for y, row in enumerate(rows):
        raw += encode(y % 5, row, prev)
        prev = row

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    w, h, pixels = decode_png(png)
    assert (w, h) == (width, height)
    assert pixels == [tuple(row[i:i + 3]) for row in rows for i in range(0, len(row), 3)]


@needs_chromium
def test_screenshot_shows_the_field_highlights(demo: tuple[Path, str]) -> None:
    width, height, pixels = decode_png(demo[0].read_bytes())
    assert (width, height) == (1200, 1600)
    counts = Counter(pixels)
    colours = field_colours()
    found = {f: sum(n for c, n in counts.items() if max(abs(a - b) for a, b in zip(c, rgb)) <= 3) for f, rgb in colours.items()}
    # A legend swatch is 12 x 12 px; a highlighted word is thousands of pixels.
    highlighted = [f for f, n in found.items() if n >= 1500]
    assert len(highlighted) >= 3, f"too few highlight colours on screen: {found}"
    assert all(n >= 600 for n in found.values()), f"a field's highlight is missing: {found}"


class MarkCollector(HTMLParser):
    """The marks inside #document: field, title, own text, nesting depth; and the document's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.depth_in_doc: int | None = None
        self.marks: list[dict[str, object]] = []
        self.open_marks: list[dict[str, object]] = []
        self.text: list[str] = []
        self.other_tags: set[str] = set()
        self.body: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "body":
            self.body = a
        if self.depth_in_doc is not None:
            if tag == "mark":
                mark: dict[str, object] = {"field": a.get("data-field"), "title": a.get("title"), "text": "",
                                           "parents": [m["field"] for m in self.open_marks]}
                self.marks.append(mark)
                self.open_marks.append(mark)
            elif not (tag == "span" and a.get("class") == "lbl"):
                self.other_tags.add(tag)
        elif a.get("id") in ("document", "out"):
            self.depth_in_doc = len(self.stack)
        self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == "mark" and self.open_marks:
                self.open_marks.pop()
            if self.depth_in_doc is not None and len(self.stack) == self.depth_in_doc:
                self.depth_in_doc = None
            if open_tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if self.depth_in_doc is None:
            return
        if any(t == "span" and a.get("class") == "lbl" for t, a in self.stack):
            return
        self.text.append(data)
        for m in self.open_marks:
            m["text"] = str(m["text"]) + data


def collect(dom: str) -> MarkCollector:
    parser = MarkCollector()
    parser.feed(dom)
    parser.close()
    return parser


@needs_chromium
def test_rendered_dom_marks_every_field_with_its_normalized_value(demo: tuple[Path, str]) -> None:
    page = collect(demo[1])
    assert page.body.get("data-state") == "done"
    assert not page.other_tags, f"unexpected elements in the document: {page.other_tags}"
    by_field: dict[str, list[tuple[str, str]]] = {}
    for m in page.marks:
        by_field.setdefault(str(m["field"]), []).append((str(m["text"]), str(m["title"])))
    assert set(by_field) == set(FIELDS)
    assert ("48 patients", "sample size: 48 (randomized)") in by_field["sample_sizes"]
    assert ("1 × 10^6 cells/kg per injection", "dose: 1000000 cell / kilogram per injection · MSCs") in by_field["doses"]
    assert ("intrathecally", "route: intrathecal") in by_field["routes"]
    assert ("forced vital capacity", "outcome: FVC") in by_field["outcomes"]
    assert ("p < 0.001", "p-value: < 0.001 → FVC") in by_field["p_values"]
    assert ("P = 0.16", "p-value: = 0.16 → ALSFRS-R") in by_field["p_values"]
    assert ("NCT02116634", "registration: ClinicalTrials.gov NCT02116634") in by_field["registrations"]
    text = "".join(page.text)
    assert text.startswith("Intrathecal mesenchymal stem cells") and "Conclusions:" in text


@needs_chromium
def test_overlapping_mentions_nest_and_document_text_stays_text(server_url: str, tmp_path: Path) -> None:
    text = 'Dose <img src=x onerror="document.title=1"> & <b>10 mg</b> FVC p < 0.001 end'
    at = text.index
    spans = {
        "doses": [{"start": 0, "end": at("FVC") + 3, "value": 10, "unit": "milligram", "low": None, "high": None,
                   "spread": None, "per": None, "agent": None}],
        # the same span as the dose, one inside it, one crossing its end
        "outcomes": [{"start": 0, "end": at("FVC") + 3, "name": "X"}, {"start": at("FVC"), "end": at("FVC") + 3, "name": "FVC"}],
        "p_values": [{"start": at("FVC"), "end": at("end"), "comparator": "<", "value": 0.001, "outcome": "FVC"}],
        # empty, and past the end of the text
        "routes": [{"start": 5, "end": 5, "route": "oral"}, {"start": at("end"), "end": 999, "route": "oral"}],
    }
    page = tmp_path / "overlap.html"
    page.write_text(
        "<!doctype html><meta charset=utf-8><body><div id=out></div>"
        f"<script src='{server_url}/static/review.js'></script>"
        f"<script>const rec = Object.assign({{text: {json.dumps(text)}}}, {json.dumps(spans)});"
        "render(document.getElementById('out'), rec.text, 0, rec.text.length, spansOf(rec, rec.text.length));"
        "document.body.dataset.state = 'done';</script>",
        encoding="utf-8",
    )
    dom = chromium(page.as_uri(), tmp_path, "--dump-dom", size="800,600")
    result = collect(dom)
    assert result.body.get("data-state") == "done"
    assert "".join(result.text) == text  # every character once, in order, as text
    assert not result.other_tags  # the <img> and <b> of the text are not elements
    fields = [(m["field"], m["text"], m["parents"]) for m in result.marks]
    dose_text = text[:at("FVC") + 3]
    assert ("doses", dose_text, []) in fields
    assert ("outcomes", dose_text, ["doses"]) in fields
    assert ("outcomes", "FVC", ["doses", "outcomes"]) in fields
    # The p-value crosses the end of the dose: split there, inside then after it.
    assert [(f, t, p) for f, t, p in fields if f == "p_values"] == [
        ("p_values", "FVC", ["doses", "outcomes", "outcomes"]), ("p_values", " p < 0.001 ", [])]
    assert [(f, t) for f, t, _ in fields if f == "routes"] == [("routes", "end")]
