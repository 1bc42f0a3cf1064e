"""The audit page: one self-contained HTML file (inline CSS, SVG charts and script; no network).

Everything that comes from the corpus is escaped: in the markup with :func:`html.escape`, in the
embedded JSON with ``<``, ``>``, ``&`` and U+2028/9 written as ``\\u`` escapes, and the script puts
sample text on the page only through ``textContent``. A Content-Security-Policy allows only the page's
own script (by hash) and no connection at all, so even a mistake here could not load or run anything.

>>> from textmend import Pipeline
>>> from textmend.audit import audit_records
>>> page = render_html(audit_records([{"text": "</script><b>x"}], Pipeline(["entities"])))
>>> "</script><b>" in page
False
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Sequence
from typing import Any

from .figures import AuditReport, json_text

__all__ = [
    "CHART_BARS",
    "bar_chart",
    "embedded_json",
    "histogram_chart",
    "render_html",
]

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
#: Bars drawn per chart; the tables below the charts list everything.
CHART_BARS = 20


def _e(value: object) -> str:
    """``value`` as text safe in HTML content and attributes (lone surrogates become U+FFFD)."""
    return html.escape(_LONE_SURROGATE.sub("\ufffd", str(value)), quote=True)


def embedded_json(data: Any) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element: no ``<``, ``>``, ``&`` or U+2028/9.

    >>> embedded_json({"t": "</script>&\u2028"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u0026\\\\u2028"}'
    """
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], json_text(data))


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _size(count: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:,.1f} {unit}"
    return f"{count:,} B"


# -- charts ------------------------------------------------------------------------------------------
def bar_chart(rows: Sequence[tuple[str, float]], label: str, *, width: int = 540) -> str:
    """A horizontal bar chart as inline SVG: one bar per ``(name, value)`` row, largest first."""
    rows = list(rows)[:CHART_BARS]
    if not rows:
        return '<p class="none">nothing to chart</p>'
    left, bar_height, gap = 210, 18, 6
    span = width - left - 70
    top = max(value for _, value in rows) or 1
    height = len(rows) * (bar_height + gap) + gap
    parts = [
        f'<svg class="chart" role="img" aria-label="{_e(label)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for number, (name, value) in enumerate(rows):
        y = gap + number * (bar_height + gap)
        length = max(1.0, span * value / top)
        shown = name if len(name) <= 30 else name[:29] + "…"
        parts.append(
            f'<g class="bar"><title>{_e(name)}: {_e(_number(value))}</title>'
            f'<text x="{left - 8}" y="{y + 13}" text-anchor="end">{_e(shown)}</text>'
            f'<rect x="{left}" y="{y}" width="{length:.1f}" height="{bar_height}" rx="2"/>'
            f'<text class="value" x="{left + length + 6:.1f}" y="{y + 13}">{_e(_number(value))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def histogram_chart(bins: dict[str, int], label: str, *, width: int = 640, height: int = 200) -> str:
    """A column chart of a histogram (bin label -> count) as inline SVG."""
    if not bins or not any(bins.values()):
        return '<p class="none">nothing to chart</p>'
    bottom, top_margin = 36, 18
    column = (width - 20) / len(bins)
    top = max(bins.values()) or 1
    parts = [
        f'<svg class="chart" role="img" aria-label="{_e(label)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for number, (name, value) in enumerate(bins.items()):
        x = 10 + number * column
        tall = (height - bottom - top_margin) * value / top
        y = height - bottom - tall
        middle = x + column / 2
        parts.append(
            f'<g class="bar"><title>{_e(name)} changes: {value:,} documents</title>'
            f'<rect x="{x + 4:.1f}" y="{y:.1f}" width="{column - 8:.1f}" '
            f'height="{max(tall, 0.5):.1f}" rx="2"/>'
            f'<text class="value" x="{middle:.1f}" y="{y - 4:.1f}" text-anchor="middle">{value:,}</text>'
            f'<text x="{middle:.1f}" y="{height - bottom + 16}" text-anchor="middle">{_e(name)}</text></g>'
        )
    parts.append(
        f'<text x="{width / 2:.0f}" y="{height - 4}" text-anchor="middle" class="axis">'
        "changes per document</text></svg>"
    )
    return "".join(parts)


# -- tables ------------------------------------------------------------------------------------------
def _table(headers: Sequence[str], rows: Sequence[Sequence[object]], *, css: str = "") -> str:
    if not rows:
        return '<p class="none">none found</p>'
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_cell(value)}</td>" for value in row) + "</tr>" for row in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _cell(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"<code>{_e(value)}</code>" if isinstance(value, str) else _e(value)
    return f'<span class="num">{_e(_number(value))}</span>'


def _counts(counts: dict[str, int], header: str) -> str:
    return _table([header, "count"], list(counts.items()), css="counts")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


# -- sections ----------------------------------------------------------------------------------------
def _summary(report: AuditReport) -> str:
    sampled = (
        f" (a sample of {report.documents_read:,} read)"
        if report.documents_read != report.documents + report.skipped
        else ""
    )
    cards = [
        ("documents", f"{report.documents:,}", f"audited{sampled}"),
        ("touched", _percent(report.touched, report.documents), f"{report.touched:,} with a change"),
        ("changes", f"{report.changes:,}", f"{report.changes_per_thousand_words:,.2f} per 1,000 words"),
        ("size", _size(report.bytes), f"{report.words:,} words"),
        ("skipped", f"{report.skipped:,}", "records that could not be read"),
    ]
    body = "".join(
        f'<div class="card" id="card-{name}"><div class="big">{_e(value)}</div>'
        f'<div class="label">{_e(name)}: {_e(note)}</div></div>'
        for name, value, note in cards
    )
    return f'<section id="summary"><h2>Summary</h2><div class="cards">{body}</div></section>'


def _fixers(report: AuditReport) -> str:
    rows = []
    for fixer, counts in report.per_fixer.items():
        bands = report.confidence.get(fixer, {})
        rated = {band: n for band, n in bands.items() if band != "none"}
        low = sum(n for band, n in rated.items() if float(band) < 0.5)
        rows.append(
            [
                fixer,
                counts["changes"],
                counts["documents"],
                _percent(counts["documents"], report.documents),
                round(1000 * counts["changes"] / report.words, 3) if report.words else 0,
                f"{low:,} of {sum(rated.values()):,}" if rated else "not rated",
            ]
        )
    chart = bar_chart([(f, c["changes"]) for f, c in report.per_fixer.items()], "changes per fixer")
    table = _table(
        ["fixer", "changes", "documents", "of documents", "per 1,000 words", "confidence < 0.5"], rows
    )
    kinds = bar_chart([(k, c["changes"]) for k, c in report.per_kind.items()], "changes per kind")
    kind_table = _table(
        ["kind", "changes", "documents"],
        [[kind, c["changes"], c["documents"]] for kind, c in report.per_kind.items()],
    )
    return (
        f'<section id="fixers" class="grid"><div><h2>Changes per fixer</h2>{chart}{table}</div>'
        f'<div><h2 id="kinds">Changes per kind</h2>{kinds}{kind_table}</div></section>'
    )


def _damage(report: AuditReport) -> str:
    teasers = report.teasers
    titles = report.titles
    blocks = [
        (
            "Entities",
            "entity",
            f'<div class="pair"><div><h4>names</h4>{_counts(report.entities["names"], "entity")}</div>'
            f"<div><h4>damage forms</h4>{_counts(report.entities['forms'], 'kind')}</div></div>",
        ),
        ("Splits most often made", "splits", _counts(report.splits, "glued → split")),
        (
            "Teasers",
            "teasers",
            f"<p>{teasers['blocks']:,} related-article blocks in {teasers['documents']:,} documents.</p>"
            f'<div class="pair"><div><h4>titles</h4>{_counts(teasers["titles"], "teaser title")}</div>'
            f"<div><h4>headings</h4>{_counts(teasers['headings'], 'heading')}</div></div>",
        ),
        (
            "Titles",
            "titles",
            f"<p>A duplicated leading title in {titles['documents']:,} documents.</p>"
            + _counts(titles["titles"], "title"),
        ),
        (
            "ftfy",
            "ftfy",
            f'<div class="pair"><div><h4>kinds</h4>{_counts(report.ftfy["kinds"], "kind")}</div>'
            f"<div><h4>most frequent repairs</h4>{_counts(report.ftfy['pairs'], 'before → after')}</div>"
            "</div>",
        ),
    ]
    body = "".join(
        f'<div class="damage" id="damage-{key}"><h3>{_e(title)}</h3>{content}</div>'
        for title, key, content in blocks
    )
    return f'<section id="damage"><h2>Damage found</h2><div class="grid">{body}</div></section>'


def _distribution(report: AuditReport) -> str:
    parts = [histogram_chart(report.histogram, "changes per document")]
    if report.groups:
        bins = list(report.histogram)
        rows = [
            [
                name,
                group["documents"],
                _percent(group["touched"], group["documents"]),
                group["changes"],
                round(1000 * group["changes"] / group["words"], 3) if group["words"] else 0,
                *(group["histogram"].get(label, 0) for label in bins),
            ]
            for name, group in report.groups.items()
        ]
        shares = [
            (name, round(100 * g["touched"] / g["documents"], 1) if g["documents"] else 0)
            for name, g in report.groups.items()
        ]
        field = report.run.get("group_by") or "group"
        parts.append(f"<h3>By {_e(field)}: % of documents touched</h3>")
        parts.append(bar_chart(shares, f"% touched by {field}"))
        parts.append("<h4>documents by number of changes, per group</h4>")
        headers = [str(field), "documents", "touched", "changes", "per 1,000 words", *bins]
        parts.append(_table(headers, rows, css="groups"))
    return f'<section id="distribution"><h2>Changes per document</h2>{"".join(parts)}</section>'


def _samples() -> str:
    return (
        '<section id="samples"><h2>Sample documents</h2>'
        '<p class="hint">Changes are shown inline: <del>before</del><ins>after</ins>. Hover for the fixer, '
        "kind, reason and confidence. Least certain first where fixers rate their changes.</p>"
        '<div class="controls"><label>fixer <select id="filter-fixer"><option value="">all</option>'
        '</select></label> <label>kind <select id="filter-kind"><option value="">all</option></select>'
        '</label> <span id="sample-count"></span> <button id="prev" type="button">‹ previous</button>'
        ' <span id="page"></span> <button id="next" type="button">next ›</button></div>'
        '<div id="sample-list"></div></section>'
    )


def _run(report: AuditReport) -> str:
    run = report.run
    steps = _table(
        ["step", "on", "options"],
        [
            [step["name"], "on" if step["enabled"] else "off", json_text(step["options"])]
            for step in run.get("pipeline", [])
        ],
    )
    details = [
        ["command", run.get("command", "(audit_records called from Python)")],
        ["textmend", run.get("version", "")],
        ["inputs", ", ".join(run.get("inputs", [])) or "(records from Python)"],
        ["text field", run.get("text_field", "")],
        [
            "sample",
            f"{run['sample']:,} records, seed {run.get('seed')}" if run.get("sample") else "every record",
        ],
        ["group by", run.get("group_by") or "–"],
        ["workers", run.get("workers", 1)],
    ]
    errors = ""
    if report.errors:
        errors = "<h3>Records skipped</h3>" + _table(
            ["record", "problem"], [[e["record"], e["problem"]] for e in report.errors]
        )
    return (
        '<section id="run"><h2>Reproduce this run</h2>'
        + _table(["", ""], details, css="details")
        + "<h3>Pipeline</h3>"
        + steps
        + errors
        + "</section>"
    )


_CSS = """
:root{--ink:#1d2430;--muted:#5b6676;--line:#d9dee5;--bar:#3b6fb6;--del:#fde2e1;--ins:#dff3e4;--bg:#f7f8fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:var(--ink);background:var(--bg)}
header{background:#1d2430;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:20px}
header p{margin:2px 0 0;color:#c5ccd6;font-size:12px}
nav{padding:6px 24px;background:#fff;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:2}
nav a{margin-right:14px;color:var(--bar);text-decoration:none}
main{padding:8px 24px 40px;max-width:1180px}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 18px;margin:14px 0}
h2{font-size:17px;margin:4px 0 10px}
h3{font-size:15px;margin:14px 0 6px}
h4{margin:6px 0;font-size:13px;color:var(--muted)}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:170px}
.big{font-size:24px;font-weight:600}
.label{color:var(--muted);font-size:12px}
table{border-collapse:collapse;margin:6px 0;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:3px 10px;text-align:left;vertical-align:top}
th{color:var(--muted);font-weight:600}
td .num{font-variant-numeric:tabular-nums}
td:has(.num){text-align:right}
code{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:break-word}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:6px 28px}
.pair{display:flex;flex-wrap:wrap;gap:24px}
.none{color:var(--muted);font-style:italic}
svg.chart text{font:12px system-ui,sans-serif;fill:var(--ink)}
svg.chart rect{fill:var(--bar)}
svg.chart .value{fill:var(--muted)}
svg.chart .axis{fill:var(--muted)}
.controls{display:flex;gap:10px;align-items:center;flex-wrap:wrap;margin-bottom:8px}
select,button{font:inherit}
.doc{border:1px solid var(--line);border-radius:6px;margin:10px 0;padding:8px 12px}
.doc .meta{color:var(--muted);font-size:12px;margin-bottom:4px}
.doc .text{white-space:pre-wrap;word-break:break-word;margin:0;
font:13px/1.5 ui-monospace,Menlo,Consolas,monospace}
.chg{border-radius:3px;outline:1px solid #b9c3cf}
.chg del{background:var(--del);text-decoration:line-through}
.chg ins{background:var(--ins);text-decoration:none}
.chg.dim{opacity:.45;outline-color:transparent}
.chg .tag{font:10px system-ui,sans-serif;color:#fff;background:var(--muted);border-radius:3px;
padding:0 3px;margin-left:2px;vertical-align:super}
.chg.low .tag{background:#b33}
.gap{color:var(--muted)}
.hint{color:var(--muted);font-size:12px}
"""

_SCRIPT = """
"use strict";
(function () {
  var data = JSON.parse(document.getElementById("audit-data").textContent);
  var docs = data.samples, perPage = 20, page = 0, shown = [];
  var fixerSelect = document.getElementById("filter-fixer");
  var kindSelect = document.getElementById("filter-kind");
  var list = document.getElementById("sample-list");
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function option(select, value) {
    var o = el("option", "", value); o.value = value; select.appendChild(o);
  }
  data.fixers.forEach(function (f) { option(fixerSelect, f); });
  data.kinds.forEach(function (k) { option(kindSelect, k); });
  function matches(change) {
    var f = fixerSelect.value, k = kindSelect.value;
    return (!f || change.f.split("+").indexOf(f) >= 0) && (!k || change.k.indexOf(k) >= 0);
  }
  function certainty(doc) {
    var low = 2;
    doc.c.forEach(function (c) { if (matches(c) && c.p !== undefined && c.p < low) low = c.p; });
    return low;
  }
  function filter() {
    shown = docs.filter(function (d) { return d.c.some(matches); });
    var keyed = shown.map(function (d) { return [certainty(d), d.i, d]; });
    keyed.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    shown = keyed.map(function (k) { return k[2]; });
    page = 0; draw();
  }
  function marked(s) {
    // a change of white space alone (a split, a removed line break) is shown with visible marks
    return /^\\s+$/.test(s) ? s.replace(/ /g, "\\u2423").replace(/\\n/g, "\\u21b5\\n") : s;
  }
  function change(doc, number) {
    var c = doc.c[number], span = el("span", "chg");
    span.dataset.fixer = c.f; span.dataset.kinds = c.k.join(" ");
    if (!matches(c)) span.className += " dim";
    if (c.p !== undefined && c.p < 0.5) span.className += " low";
    var tip = c.f + " · " + c.k.join(", ") + (c.p !== undefined ? " · confidence " + c.p : "");
    span.title = tip + (c.r ? "\\n" + c.r : "");
    if (c.b) span.appendChild(el("del", "", marked(c.b)));
    if (c.a) span.appendChild(el("ins", "", marked(c.a)));
    if (c.p !== undefined && c.p < 0.5) span.appendChild(el("span", "tag", "?" + c.p));
    return span;
  }
  function card(doc) {
    var box = el("div", "doc"), fixers = {};
    box.dataset.index = doc.i;
    doc.c.forEach(function (c) { c.f.split("+").forEach(function (f) { fixers[f] = 1; }); });
    box.dataset.fixers = Object.keys(fixers).join(" ");
    var meta = "document " + (doc.i + 1) + " · " + doc.n + " change" + (doc.n === 1 ? "" : "s") +
      (doc.n > doc.c.length ? " (" + doc.c.length + " shown)" : "") + " · " + Object.keys(fixers).join(", ");
    if (doc.g !== undefined) meta += " · " + doc.g;
    var low = certainty(doc);
    if (low < 2) meta += " · least confidence " + low;
    box.appendChild(el("div", "meta", meta));
    var text = el("p", "text");
    doc.s.forEach(function (s) {
      if (s === null) text.appendChild(el("span", "gap", " … "));
      else if (typeof s === "number") text.appendChild(change(doc, s));
      else text.appendChild(document.createTextNode(s));
    });
    box.appendChild(text);
    return box;
  }
  function draw() {
    var pages = Math.max(1, Math.ceil(shown.length / perPage));
    list.replaceChildren();
    shown.slice(page * perPage, page * perPage + perPage).forEach(function (d) {
      list.appendChild(card(d));
    });
    document.getElementById("sample-count").textContent =
      shown.length + " of " + docs.length + " sample documents";
    document.getElementById("page").textContent = "page " + (page + 1) + " of " + pages;
    document.getElementById("prev").disabled = page === 0;
    document.getElementById("next").disabled = page >= pages - 1;
  }
  fixerSelect.addEventListener("change", filter);
  kindSelect.addEventListener("change", filter);
  document.getElementById("prev").addEventListener("click", function () { page--; draw(); });
  document.getElementById("next").addEventListener("click", function () { page++; draw(); });
  filter();
  window.auditReadyAt = performance.now();
  // after the next frame is painted: the time a reader first sees the whole page
  requestAnimationFrame(function () {
    setTimeout(function () {
      window.auditPaintedAt = performance.now();
      document.body.dataset.ready = "1";
    }, 0);
  });
})();
"""


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render_html(report: AuditReport) -> str:
    """The report as one self-contained HTML page (about 2 kB per embedded sample document)."""
    fixers = sorted({f for sample in report.samples for c in sample["c"] for f in c["f"].split("+")})
    kinds = sorted({k for sample in report.samples for c in sample["c"] for k in c["k"]})
    data = embedded_json({"samples": report.samples, "fixers": fixers, "kinds": kinds})
    policy = (
        f"default-src 'none'; script-src '{_script_hash(_SCRIPT)}'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    run = report.run
    inputs = ", ".join(run.get("inputs", [])) or "records from Python"
    subtitle = f"{inputs} · textmend {run.get('version', '')}"
    if run.get("sample"):
        subtitle += f" · sample of {run['sample']:,} (seed {run.get('seed')})"
    nav = "".join(
        f'<a href="#{anchor}">{name}</a>'
        for anchor, name in (
            ("summary", "summary"),
            ("fixers", "fixers"),
            ("kinds", "kinds"),
            ("damage", "damage"),
            ("distribution", "distribution"),
            ("samples", "samples"),
            ("run", "reproduce"),
        )
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>textmend audit: {_e(inputs[:80])}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>textmend audit</h1><p>{_e(subtitle)}</p></header><nav>{nav}</nav><main>"
        + _summary(report)
        + _fixers(report)
        + _damage(report)
        + _distribution(report)
        + _samples()
        + _run(report)
        + f'</main><script id="audit-data" type="application/json">{data}</script>'
        f"<script>{_SCRIPT}</script></body></html>\n"
    )
