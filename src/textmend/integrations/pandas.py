"""pandas: mend a Series of texts, or a DataFrame's text column (``pip install 'textmend[pandas]'``).

Index, row order and the column's dtype are kept. Nothing is lost: missing values (None, NaN, NA) stay
missing, and values that are not strings come back as they went in (or raise a
:class:`~textmend.RecordError` with ``strict=True``); both get no title and no teasers. A categorical
column stays categorical: each category is mended once, and mended values become categories.
The result's ``attrs["textmend"]`` holds :func:`textmend.records.provenance` (pandas writes ``attrs``
into Parquet files).

>>> import pandas as pd
>>> from textmend.integrations.pandas import mend_series
>>> mend_series(pd.Series(["Letrsquo;s go"], index=[7])).loc[7, "text"]
'Let’s go'
"""

from __future__ import annotations

import logging
from typing import Any

from ..default import DEFAULT
from ..errors import RecordError
from ..pipeline import Pipeline
from ..records import PROVENANCE_KEY, check_no_clash, document_fields, empty_fields, provenance

try:
    import pandas as pd
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError("textmend.integrations.pandas needs pandas: pip install 'textmend[pandas]'") from error

__all__ = ["mend_frame", "mend_series"]

_log = logging.getLogger("textmend")


def mend_series(
    texts: Any,
    pipeline: Pipeline | None = None,
    *,
    changes: bool = False,
    prefix: str = "",
    strict: bool = False,
) -> Any:
    """A DataFrame with the index of ``texts``: ``text`` then textmend's columns (``title``, ``site``,
    ``teasers``, ``changes``).

    ``text`` has the dtype of ``texts`` (object, string or categorical); ``teasers`` and ``changes``
    hold lists of dicts, as :meth:`textmend.Document.to_dict` gives them. A value that is neither a
    string nor missing comes back unchanged, or with ``strict=True`` raises :class:`~textmend.RecordError`.
    """
    pipeline = DEFAULT if pipeline is None else pipeline
    columns = ["text", *empty_fields(changes=changes, prefix=prefix)]
    if isinstance(texts.dtype, pd.CategoricalDtype):
        frame = _mend_categorical(texts, pipeline, columns, changes=changes, prefix=prefix, strict=strict)
    else:
        rows = [
            _row(value, label, pipeline, changes=changes, prefix=prefix, strict=strict)
            for label, value in zip(texts.index, texts, strict=True)
        ]
        frame = pd.DataFrame(rows, index=texts.index, columns=columns, dtype=object)
        if texts.dtype != object and pd.api.types.is_string_dtype(texts.dtype):
            # StringDtype ("str", "string") or pyarrow's string: str or missing, so nothing is lost
            frame["text"] = frame["text"].astype(texts.dtype)
        elif texts.dtype != object:
            frame["text"] = texts  # a numeric, boolean or date column holds no text: as it was
    frame.attrs[PROVENANCE_KEY] = provenance(pipeline, changes=changes, prefix=prefix)
    _log.debug("mended %d values of a %s column", len(frame), texts.dtype)
    return frame


def mend_frame(
    frame: Any,
    column: str = "text",
    pipeline: Pipeline | None = None,
    *,
    changes: bool = False,
    prefix: str = "",
    strict: bool = False,
) -> Any:
    """A copy of ``frame`` with ``column`` mended and textmend's columns (``title``, ``site``, ``teasers``,
    ``changes``) added.

    Raises :class:`~textmend.RecordError` (a ``ValueError``) if ``frame`` already has a column
    textmend would add (pass a ``prefix`` then), or with ``strict=True`` if ``column`` holds a value
    that is neither a string nor missing. ``attrs["textmend"]`` of the result is the provenance.
    """
    mended = mend_series(frame[column], pipeline, changes=changes, prefix=prefix, strict=strict)
    added = [name for name in mended.columns if name != "text"]
    check_no_clash(frame.columns, added, what="column")
    result = frame.copy()
    result[column] = mended["text"]
    for name in added:
        result[name] = mended[name]
    result.attrs[PROVENANCE_KEY] = dict(mended.attrs[PROVENANCE_KEY], text_field=column)
    return result


def _row(
    value: Any, label: Any, pipeline: Pipeline, *, changes: bool, prefix: str, strict: bool
) -> dict[str, Any]:
    """The output row for one value: mended when it is a string, else the value as it was."""
    if isinstance(value, str):
        document = pipeline.mend_document(value)
        return {"text": document.text, **document_fields(document, changes=changes, prefix=prefix)}
    if strict and not (pd.api.types.is_scalar(value) and pd.isna(value)):
        raise RecordError(
            f"row {label!r} holds {type(value).__name__} {value!r:.60}, not a string; "
            "convert the column to str, or leave strict=False to pass such values through unchanged"
        )
    return {"text": value, **empty_fields(changes=changes, prefix=prefix)}


def _mend_categorical(
    texts: Any, pipeline: Pipeline, columns: list[str], *, changes: bool, prefix: str, strict: bool
) -> Any:
    """Mend each category once; the mended texts are the new categories (merged where two meet)."""
    categories = list(texts.cat.categories)
    done = [
        _row(value, value, pipeline, changes=changes, prefix=prefix, strict=strict) for value in categories
    ]
    missing = _row(None, None, pipeline, changes=changes, prefix=prefix, strict=strict)
    codes = texts.cat.codes.to_numpy()
    rows = [_fresh(done[c] if c >= 0 else missing) for c in codes]
    frame = pd.DataFrame(rows, index=texts.index, columns=columns, dtype=object)
    mended = [row["text"] for row in done]
    new_categories = list(dict.fromkeys(mended))
    position = {value: n for n, value in enumerate(new_categories)}
    new_codes = [position[mended[c]] if c >= 0 else -1 for c in codes]
    ordered = bool(texts.cat.ordered) and len(new_categories) == len(categories)
    frame["text"] = pd.Categorical.from_codes(new_codes, categories=new_categories, ordered=ordered)
    return frame


def _fresh(row: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``row`` whose lists are its own, so rows sharing a category share no mutable value."""
    return {key: list(value) if isinstance(value, list) else value for key, value in row.items()}
