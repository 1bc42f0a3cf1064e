"""``textmend audit``: what the pipeline would change in a corpus, as one HTML page and JSON figures.

A dry run: records are mended in memory and only counted. The figures come from each change's
``fixer``, ``kind`` and ``evidence`` (never from ``reason`` prose) and from the titles and teasers
found; the page shows them with charts, and sample documents with the changes inline, least certain
first, so that a false fix is easy to spot before a corpus is cleaned.

>>> from textmend.audit import audit_records, render_html
>>> report = audit_records([{"text": "Letrsquo;s see how it is usedfor pain."}])
>>> sorted(report.per_fixer)
['entities', 'words']
>>> render_html(report).startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

from .command import add_audit_arguments, audit_paths, run_audit
from .figures import AuditReport, audit_records
from .page import render_html

__all__ = [
    "AuditReport",
    "add_audit_arguments",
    "audit_paths",
    "audit_records",
    "render_html",
    "run_audit",
]
