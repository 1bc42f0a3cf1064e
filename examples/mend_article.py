"""Mend the bundled scraped article with the Python API and show what was done.

python examples/mend_article.py [FILE]
"""

import sys
from collections import Counter
from pathlib import Path

import textmend

path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("scraped-article.txt")
document = textmend.mend_document(path.read_text(encoding="utf-8"))

print(f"# {document.title}\n")
print(document.text)
print(f"\n## Teasers taken out of the body ({len(document.teasers)})")
for teaser in document.teasers:
    cut = " (cut off)" if teaser.truncated else ""
    print(f"- {teaser.title}{cut}\n  snippet: {teaser.snippet}")
counts = Counter(fixer for change in document.changes for fixer in change.fixers)
print(f"\n## Changes ({len(document.changes)}): " + ", ".join(f"{n} {f}" for f, n in counts.items()))
