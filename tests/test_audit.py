"""textmend audit: figures that match mending the records directly, sampling, groups, workers, escaping."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from auditdata import HOSTILE, RECORDS
from textmend import DEFAULT, Pipeline
from textmend.audit import audit_paths, audit_records, render_html
from textmend.audit.__main__ import main
from textmend.audit.figures import (
    MAX_SAMPLE_BYTES,
    MAX_SAMPLES,
    SAMPLE_OVERSHOOT,
    kinds_of,
    reservoir,
    sample_of,
)
from textmend.audit.page import embedded_json

ROOT = Path(__file__).resolve().parent.parent
#: How the audit command is run in a subprocess; after it is wired into the CLI this becomes
#: [sys.executable, "-m", "textmend", "audit"].
AUDIT_COMMAND = [sys.executable, "-m", "textmend", "audit"]


def direct_counts(records, pipeline=DEFAULT):
    """Counts per fixer and per kind, from mending each record with the pipeline itself."""
    fixers, kinds, fixer_docs, kind_docs = Counter(), Counter(), Counter(), Counter()
    touched = changes = 0
    for record in records:
        document = pipeline.mend_document(record["text"])
        changes += len(document.changes)
        touched += bool(document.changes)
        fixer_docs.update({f for c in document.changes for f in c.fixers})
        kind_docs.update({k for c in document.changes for k in kinds_of(c)})
        for change in document.changes:
            fixers.update(change.fixers)
            kinds.update(kinds_of(change))
    return fixers, kinds, fixer_docs, kind_docs, touched, changes


def test_figures_match_mending_the_records_directly():
    report = audit_records(RECORDS)
    fixers, kinds, fixer_docs, kind_docs, touched, changes = direct_counts(RECORDS)
    assert {f: c["changes"] for f, c in report.per_fixer.items()} == dict(fixers)
    assert {f: c["documents"] for f, c in report.per_fixer.items()} == dict(fixer_docs)
    assert {k: c["changes"] for k, c in report.per_kind.items()} == dict(kinds)
    assert {k: c["documents"] for k, c in report.per_kind.items()} == dict(kind_docs)
    assert (report.documents, report.touched, report.changes) == (len(RECORDS), touched, changes)
    assert set(report.per_fixer) >= {"entities", "words", "teasers", "titles", "ftfy"}
    assert sum(report.histogram.values()) == len(RECORDS)


def test_damage_tables_read_before_and_after():
    report = audit_records(RECORDS)
    assert report.entities["names"]["rsquo"] == 2
    assert {"eacute", "#39", "ldquo", "rdquo"} <= set(report.entities["names"])
    assert "usedfor → used for" in report.splits
    assert report.teasers["documents"] == 1 and report.teasers["blocks"] == 3
    assert "Why Bees Matter More Than You Think" in report.teasers["titles"]
    assert report.titles["documents"] == 1
    assert report.ftfy["pairs"]


def test_kinds_and_confidence_come_from_the_change_fields():
    pipeline = Pipeline(["audit_probe"])
    records = [{"text": f"a PROBE{n} b"} for n in (9, 2, 7, 1, 5)] + [{"text": "PROBE8 and PROBE3"}]
    report = audit_records(records, pipeline)
    assert report.per_kind == {
        "probe/high": {"changes": 4, "documents": 4},
        "probe/low": {"changes": 3, "documents": 3},
    }
    assert report.confidence["audit_probe"] == {
        "0.1": 1,
        "0.2": 1,
        "0.3": 1,
        "0.5": 1,
        "0.7": 1,
        "0.8": 1,
        "0.9": 1,
    }
    least = [min(c["p"] for c in sample["c"]) for sample in report.samples]
    assert least == sorted(least), "samples come least certain first"
    assert least[0] == 0.1


def test_a_change_without_a_kind_counts_as_unclassified_under_its_fixer():
    report = audit_records([{"text": "Letrsquo;s"}], Pipeline(["entities"]))
    (kind,) = report.per_kind
    assert kind in ("entities/unclassified",) or kind.startswith("entity/")


def test_same_figures_with_two_workers():
    records = RECORDS * 150  # more than one chunk per worker
    one = audit_records(records).to_dict()
    two = audit_records(records, workers=2).to_dict()
    one["run"].pop("workers"), two["run"].pop("workers")
    assert one == two


def test_sample_is_seeded_and_counts_every_record_read():
    records = [{"text": f"record {n} usedfor x" if n % 3 else f"record {n}"} for n in range(200)]
    first = audit_records(records, sample=20, seed=4)
    again = audit_records(iter(records), sample=20, seed=4)
    other = audit_records(records, sample=20, seed=5)
    assert (first.documents, first.documents_read) == (20, 200)
    assert first.to_dict() == again.to_dict()
    assert first.touched != other.touched or first.samples != other.samples


def test_reservoir_is_uniform_enough():
    hits = Counter()
    for seed in range(400):
        kept, seen = reservoir(range(10), 3, seed)
        hits.update(item for _, item in kept)
    assert seen == 10
    assert all(90 <= hits[n] <= 150 for n in range(10)), hits  # expected 120 each


def test_group_by_a_url_field_groups_by_host():
    report = audit_records(RECORDS, group_by="url")
    assert report.groups["news.example.org"]["documents"] == 4
    assert report.groups["blog.example.com"]["touched"] == 2
    assert report.groups["(missing)"]["documents"] == 2
    assert sum(g["documents"] for g in report.groups.values()) == len(RECORDS)


def test_records_without_text_are_skipped_and_quoted():
    report = audit_records(
        [{"text": "ok"}, {"body": "x"}, {"text": 3}, ValueError("a.jsonl:4: invalid JSON")]
    )
    assert (report.documents, report.skipped) == (1, 3)
    assert [e["problem"] for e in report.errors] == [
        "no 'text' field",
        "field 'text' is not a string",
        "a.jsonl:4: invalid JSON",
    ]


def test_the_hostile_document_is_escaped_in_the_page():
    page = render_html(audit_records(RECORDS))
    assert "<img" not in page and "<b>bold" not in page
    assert page.count("<script") == 2 and page.count("</script>") == 2
    embedded = re.search(r'<script id="audit-data" type="application/json">(.*?)</script>', page, re.S)
    assert embedded and "\u2028" not in embedded.group(1)
    samples = json.loads(embedded.group(1))["samples"]
    assert any(HOSTILE[:30] in "".join(s for s in sample["s"] if isinstance(s, str)) for sample in samples)


def test_embedded_json_has_no_markup_characters():
    text = embedded_json({"a": "<>&\u2028\u2029</script><!--"})
    assert not set(text) & set("<>&\u2028\u2029")
    assert json.loads(text) == {"a": "<>&\u2028\u2029</script><!--"}


def test_lone_surrogates_do_not_break_the_files(tmp_path):
    source = tmp_path / "odd.jsonl"
    source.write_text(json.dumps({"text": "bad \ud800 Letrsquo;s"}) + "\n", encoding="utf-8")
    report = audit_paths([str(source)], str(tmp_path / "r.html"), str(tmp_path / "r.json"))
    assert report.touched == 1
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["touched"] == 1
    (tmp_path / "r.html").read_text(encoding="utf-8")


def test_a_record_that_writes_a_key_twice_is_reported_not_read(tmp_path):
    """JSON keeps the last value of a key written twice: the audit counts such a record as bad, as
    ``textmend clean`` does, instead of reading a text the file does not hold alone."""
    source = tmp_path / "dup.jsonl"
    source.write_text('{"text": "Letrsquo;s", "text": "ok"}\n{"text": "fine"}\n', encoding="utf-8")
    report = audit_paths([str(source)], None)
    assert (report.documents, report.skipped) == (1, 1)
    assert report.errors[0]["problem"] == (
        f"{source}:1: the key 'text' is written twice in one object, and JSON keeps only the last value; "
        "write each key once"
    )


def test_main_writes_both_reports_and_records_the_command(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS) + "{oops\n", encoding="utf-8")
    html_path, json_path = tmp_path / "report.html", tmp_path / "report.json"
    status = main([str(source), "-o", str(html_path), "--json", str(json_path), "--disable", "titles"])
    assert status == 0
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["documents"] == len(RECORDS) and data["skipped"] == 1
    assert "invalid JSON" in data["errors"][0]["problem"]
    assert data["run"]["command"].endswith("--disable titles")
    fixers, kinds, *_ = direct_counts(RECORDS, DEFAULT.disable("titles"))
    assert {f: c["changes"] for f, c in data["per_fixer"].items()} == dict(fixers)
    assert {k: c["changes"] for k, c in data["per_kind"].items()} == dict(kinds)
    assert "titles" not in data["per_fixer"]
    assert [s["name"] for s in data["run"]["pipeline"] if not s["enabled"]] == ["titles", "ascii"]
    assert "textmend audit" in html_path.read_text(encoding="utf-8")
    assert "9 documents" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["in.jsonl"], 2, "nothing to write"),
        (["in.jsonl", "-o", "r.html", "--pipeline", "shuot"], 2, "no fixer named 'shuot'"),
        (["missing.jsonl", "-o", "r.html"], 1, "missing.jsonl"),
        (["in.md", "-o", "r.html"], 1, "cannot tell the format"),
    ],
    ids=["no output", "unknown fixer", "missing input", "unknown format"],
)
def test_main_says_what_is_wrong(tmp_path, monkeypatch, capsys, argv, status, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    (tmp_path / "in.md").write_text("x\n", encoding="utf-8")
    assert main(argv) == status
    assert message in capsys.readouterr().err


def test_the_audit_command_in_a_subprocess(tmp_path):
    """``textmend audit`` through the real command line: sampled, grouped, both reports written."""
    source = tmp_path / "in.jsonl.gz"
    import gzip

    with gzip.open(source, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in RECORDS)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [*AUDIT_COMMAND, str(source), "-o", str(tmp_path / "r.html"), "--json", str(tmp_path / "r.json"),
         "--sample", "5", "--group-by", "url"],
        capture_output=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert (data["documents"], data["documents_read"], data["run"]["sample"]) == (5, len(RECORDS), 5)
    assert data["groups"]


def test_a_sample_is_small_whatever_the_document():
    # a long document full of changes, some of them long: what the page embeds of it is bounded
    text = ("wörd " * 40 + "PROBE3 ") * 300 + "x" * 50_000 + " PROBE1"
    document = Pipeline(["audit_probe"]).mend_document(text)
    sample = sample_of(0, text, document.changes)
    size = len(embedded_json(sample).encode("utf-8"))
    assert sample["n"] == 301 and len(sample["c"]) < 301
    assert size < MAX_SAMPLE_BYTES + SAMPLE_OVERSHOOT
    # so the page, at most MAX_SAMPLES of these and the tables, stays under 10 MB
    assert MAX_SAMPLES * (MAX_SAMPLE_BYTES + SAMPLE_OVERSHOOT) < 9_000_000
