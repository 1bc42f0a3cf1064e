"""Coverage-guided fuzzing of ``textmend.mend_document`` with atheris (libFuzzer for Python).

Every input is turned into a ``str`` and checked against textmend's promises: no exception, the
recorded changes rebuild the output from the input and the input from the output, and mending twice
changes nothing more. A broken promise raises, and libFuzzer saves the input as ``crash-*``.

Run it as ``fuzz/README.md`` describes; ``python fuzz/fuzz_mend.py crash-FILE`` replays one input.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["textmend"]):
    import textmend
    from textmend import apply_changes, revert_changes


def check(text: str) -> None:
    """Raise ``AssertionError`` if mending ``text`` breaks one of textmend's promises."""
    document = textmend.mend_document(text)
    assert apply_changes(text, document.changes) == document.text, "apply_changes differs from output"
    assert revert_changes(document.text, document.changes) == text, "revert_changes lost input"
    again = textmend.mend(document.text)
    assert again == document.text, f"not idempotent: {document.text!r} -> {again!r}"


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    # Half the inputs are read as UTF-8 (so the seed corpus and dictionary tokens stay readable),
    # half as arbitrary code points, lone surrogates included.
    if provider.ConsumeBool():
        text = provider.ConsumeBytes(len(data)).decode("utf-8", errors="replace")
    else:
        text = provider.ConsumeUnicode(len(data))
    check(text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
