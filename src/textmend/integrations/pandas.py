"""pandas: mend a Series of texts, or a DataFrame's text column (``pip install 'textmend[pandas]'``).

Index and row order are kept; missing values (None, NaN, NA) stay missing, with no title and no teasers.

>>> import pandas as pd
>>> from textmend.integrations.pandas import mend_series
>>> mend_series(pd.Series(["Letrsquo;s go"], index=[7])).loc[7, "text"]
'Let’s go'
"""

from __future__ import annotations

from typing import Any

from ..default import DEFAULT
from ..pipeline import Pipeline
from ..records import check_no_clash, document_fields

try:
    import pandas as pd
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError(
        "textmend.integrations.pandas needs pandas: pip install 'textmend[pandas]'"
    ) from error

__all__ = ["mend_frame", "mend_series"]


def mend_series(
    texts: Any, pipeline: Pipeline | None = None, *, changes: bool = False, prefix: str = ""
) -> Any:
    """A DataFrame with the index of ``texts``: columns ``text``, ``title``, ``teasers`` (and ``changes``).

    ``teasers`` and ``changes`` hold lists of dicts, as :meth:`textmend.Document.to_dict` gives them.
    """
    pipeline = DEFAULT if pipeline is None else pipeline
    rows: list[dict[str, Any]] = []
    for value in texts:
        if isinstance(value, str):
            document = pipeline.mend_document(value)
            rows.append({"text": document.text, **document_fields(document, changes=changes, prefix=prefix)})
        elif pd.api.types.is_scalar(value) and pd.isna(value):
            rows.append({"text": value, f"{prefix}title": None, f"{prefix}teasers": []})
            if changes:
                rows[-1][f"{prefix}changes"] = []
        else:
            raise TypeError(f"texts must hold str (or missing values), not {type(value).__name__}")
    columns = ["text", f"{prefix}title", f"{prefix}teasers"] + ([f"{prefix}changes"] if changes else [])
    return pd.DataFrame(rows, index=texts.index, columns=columns, dtype=object)


def mend_frame(
    frame: Any,
    column: str = "text",
    pipeline: Pipeline | None = None,
    *,
    changes: bool = False,
    prefix: str = "",
) -> Any:
    """A copy of ``frame`` with ``column`` mended and ``title``/``teasers`` (``changes``) columns added.

    Raises :class:`~textmend.RecordError` (a ``ValueError``) if ``frame`` already has a column
    textmend would add: pass a ``prefix`` then.
    """
    mended = mend_series(frame[column], pipeline, changes=changes, prefix=prefix)
    added = [name for name in mended.columns if name != "text"]
    check_no_clash(frame.columns, added, what="column")
    result = frame.copy()
    result[column] = mended["text"].astype(frame[column].dtype)
    for name in added:
        result[name] = mended[name]
    return result
