// trial-extract review page: send a document to POST /extract?with_text=true and
// show the cleaned text with every mention marked by field, plus the record.
// Document text only ever enters the page as text nodes and attribute values
// (createTextNode, textContent, setAttribute): never as HTML.
"use strict";

// Field order is the legend's and the table's; colours live in review.css (.f-FIELD).
const FIELDS = [
  { key: "sample_sizes", label: "sample size", short: "N" },
  { key: "doses", label: "dose", short: "dose" },
  { key: "routes", label: "route", short: "route" },
  { key: "outcomes", label: "outcome", short: "outcome" },
  { key: "p_values", label: "p-value", short: "p" },
  { key: "registrations", label: "registration", short: "reg" },
];
const ORDER = Object.fromEntries(FIELDS.map((f, i) => [f.key, i]));

// The built-in example (GET /?demo=1): one of each field.
const DEMO = [
  "Intrathecal mesenchymal stem cells in amyotrophic lateral sclerosis: a randomized, placebo-controlled phase 2 trial",
  "",
  "Methods: In this double-blind trial (ClinicalTrials.gov NCT02116634), 48 patients with ALS were randomized to " +
    "autologous bone-marrow MSCs (1 × 10^6 cells/kg per injection) given intrathecally, or to placebo. The primary " +
    "outcome was the change in the ALS Functional Rating Scale-Revised (ALSFRS-R) score at 6 months; forced vital " +
    "capacity (FVC) was a secondary outcome.",
  "Results: Forty-five patients completed the study. FVC declined less with MSCs than with placebo (p < 0.001), " +
    "whereas the ALSFRS-R change did not differ between groups (P = 0.16). No serious adverse events were reported.",
  "Conclusions: Intrathecal MSCs were safe and preserved FVC over 6 months.",
].join("\n");

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function num(v) {
  return v === null || v === undefined ? "" : String(v);
}

// The normalized value of a mention, as shown on hover and in the table.
function describe(field, m) {
  switch (field) {
    case "sample_sizes":
      return `${m.value} (${m.kind})`;
    case "doses": {
      let s = `${num(m.value)} ${m.unit}`;
      if (m.low !== null && m.high !== null) s += ` (range ${num(m.low)}–${num(m.high)})`;
      if (m.spread !== null) s += ` ± ${num(m.spread)}`;
      if (m.per) s += ` per ${m.per}`;
      if (m.agent) s += ` · ${m.agent}`;
      return s;
    }
    case "routes":
      return m.route;
    case "outcomes":
      return m.name;
    case "p_values":
      return `${m.comparator} ${num(m.value)}` + (m.outcome ? ` → ${m.outcome}` : "");
    case "registrations":
      return `${m.registry} ${m.id}`;
    default:
      return "";
  }
}

function fieldOf(key) {
  return FIELDS[ORDER[key]];
}

// Mentions as spans over the text, dropping any with offsets outside it.
function spansOf(record, length) {
  const spans = [];
  for (const f of FIELDS) {
    for (const m of record[f.key] || []) {
      const start = Math.max(0, Math.min(length, m.start | 0));
      const end = Math.max(0, Math.min(length, m.end | 0));
      if (end > start) spans.push({ start, end, field: f.key, title: `${f.label}: ${describe(f.key, m)}`, cut: false });
    }
  }
  return spans;
}

const byPosition = (a, b) => a.start - b.start || b.end - a.end || ORDER[a.field] - ORDER[b.field];

// Render text[lo, hi) into parent with marks for spans (all inside [lo, hi)).
// Longer spans enclose the shorter ones they contain; a span that crosses the
// end of an enclosing mark is split there and continues after it, so the
// markup is always well nested whatever the overlaps.
function render(parent, text, lo, hi, spans) {
  let queue = spans.slice().sort(byPosition);
  let cursor = lo;
  while (queue.length) {
    let s = queue.shift();
    if (s.start < cursor) {
      if (s.end <= cursor) continue;
      queue.push({ ...s, start: cursor });
      queue.sort(byPosition);
      continue;
    }
    if (s.start > cursor) parent.append(document.createTextNode(text.slice(cursor, s.start)));
    const inner = [];
    const rest = [];
    for (const o of queue) {
      if (o.start >= s.end) rest.push(o);
      else if (o.end <= s.end) inner.push(o);
      else {
        inner.push({ ...o, end: s.end, cut: true });
        rest.push({ ...o, start: s.end });
      }
    }
    const mark = el("mark", { class: `m f-${s.field}`, "data-field": s.field, title: s.title });
    render(mark, text, s.start, s.end, inner);
    if (!s.cut) mark.append(el("span", { class: "lbl", "aria-hidden": "true" }, fieldOf(s.field).short));
    parent.append(mark);
    cursor = s.end;
    queue = rest.sort(byPosition);
  }
  if (hi > cursor) parent.append(document.createTextNode(text.slice(cursor, hi)));
}

function renderLegend(record) {
  const legend = $("legend");
  legend.replaceChildren();
  for (const f of FIELDS) {
    const n = (record[f.key] || []).length;
    legend.append(el("li", { "data-field": f.key }, el("span", { class: `swatch f-${f.key}` }), f.label, el("span", { class: "count" }, `(${n})`)));
  }
}

function renderTable(record) {
  const body = $("record").querySelector("tbody");
  body.replaceChildren();
  for (const f of FIELDS) {
    const items = record[f.key] || [];
    if (!items.length) {
      body.append(el("tr", { class: "empty" }, el("td", { class: "field" }, f.label), el("td", { colspan: 4 }, "none found")));
      continue;
    }
    for (const m of items) {
      body.append(el("tr", { "data-field": f.key },
        el("td", { class: "field" }, f.label),
        el("td", {}, describe(f.key, m)),
        el("td", {}, m.text),
        el("td", { class: "offsets" }, `${m.start}–${m.end}`),
        el("td", { class: "rule" }, m.rule || "")));
    }
  }
}

function renderMeta(record) {
  const meta = $("meta");
  meta.replaceChildren();
  const parts = [["id", record.id === null ? "—" : record.id], ["languages", (record.languages || []).join(", ") || "—"]];
  if (record.title) parts.push(["title", record.title]);
  parts.forEach(([k, v], i) => {
    if (i) meta.append(" · ");
    meta.append(`${k}: `, el("b", {}, v));
  });
}

function showError(error) {
  const box = $("error");
  box.replaceChildren(el("b", {}, error.type), ": ", error.message);
  box.hidden = false;
}

function show(record, status) {
  $("result").hidden = false;
  $("error").hidden = true;
  $("json").textContent = JSON.stringify(record, null, 2);
  const doc = $("document");
  doc.replaceChildren();
  if (record && record.error && !("languages" in record)) {
    // A request-level error (413, 415, 504...): no record to show.
    showError(record.error);
    for (const id of ["meta", "legend", "record", "warnings"]) $(id).hidden = true;
    doc.hidden = true;
    return;
  }
  for (const id of ["meta", "legend", "record"]) $(id).hidden = false;
  if (record.error) showError(record.error);
  renderMeta(record);
  renderLegend(record);
  const text = typeof record.text === "string" ? record.text : "";
  doc.hidden = !text;
  render(doc, text, 0, text.length, spansOf(record, text.length));
  renderTable(record);
  const warnings = $("warnings");
  warnings.replaceChildren(...(record.warnings || []).map((w) => el("div", {}, `warning: ${w}`)));
  warnings.hidden = !(record.warnings || []).length;
  $("status").textContent = `HTTP ${status}`;
}

async function extract(body, headers) {
  const button = $("run");
  button.disabled = true;
  document.body.dataset.state = "running";
  $("status").textContent = "extracting…";
  try {
    const response = await fetch("/extract?with_text=true", { method: "POST", body, headers });
    let payload;
    try {
      payload = await response.json();
    } catch (e) {
      payload = { error: { type: "bad_response", message: `HTTP ${response.status}: the response is not JSON` } };
    }
    show(payload, response.status);
    document.body.dataset.state = "done";
  } catch (e) {
    show({ error: { type: "network", message: String(e) } }, 0);
    document.body.dataset.state = "failed";
  } finally {
    button.disabled = false;
  }
}

function runText() {
  $("file").value = "";
  return extract($("doc").value, { "Content-Type": "text/plain; charset=utf-8" });
}

function runFile(file) {
  const form = new FormData();
  form.append("file", file, file.name);
  return extract(form, {});
}

function runDemo() {
  $("doc").value = DEMO;
  return runText();
}

document.addEventListener("DOMContentLoaded", () => {
  if (!$("input")) return; // loaded by another page (tests) for its functions only
  $("input").addEventListener("submit", (event) => {
    event.preventDefault();
    const file = $("file").files[0];
    if (file) runFile(file);
    else runText();
  });
  $("file").addEventListener("change", () => {
    const file = $("file").files[0];
    if (file) runFile(file);
  });
  $("demo").addEventListener("click", runDemo);
  const demo = new URLSearchParams(window.location.search).get("demo");
  if (demo !== null && demo !== "0" && demo !== "false") runDemo();
});
