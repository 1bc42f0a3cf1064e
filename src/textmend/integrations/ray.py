"""Ray Data: mend a Dataset's text column with ``map_batches`` (``pip install 'textmend[ray]'``).

:class:`TextmendMapper` is a callable class: Ray builds it once per actor, so the pipeline is set up
and the word list loaded once per actor, not once per batch. Each pandas batch goes through
:func:`textmend.integrations.pandas.mend_frame` and comes back as an Arrow table with textmend's column
types (so Parquet never guesses a teasers column's type from a batch of empty lists) and
:func:`textmend.records.provenance` in its schema metadata under ``"textmend"``, which
``write_parquet`` keeps; the same dict is the mapper's ``provenance`` attribute.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from ..records import provenance_metadata
from ._frames import FrameOptions

try:
    import ray.data  # noqa: F401
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError("textmend.integrations.ray needs ray[data]: pip install 'textmend[ray]'") from error

__all__ = ["TextmendMapper"]

_log = logging.getLogger("textmend")


class TextmendMapper(FrameOptions):
    """A ``map_batches`` callable class: ``ds.map_batches(TextmendMapper, batch_format="pandas", ...)``.

    ``column``, ``pipeline``, ``changes``, ``prefix`` and ``strict`` (:class:`FrameOptions`) mean what
    they mean for :func:`textmend.integrations.pandas.mend_frame`. Pass them as ``fn_constructor_kwargs``.
    """

    def __post_init__(self) -> None:
        super().__post_init__()
        self.steps("usedfor")  # load the word list now, once for this actor
        _log.debug("Ray actor ready: %r", self.steps)

    @functools.cached_property
    def _metadata(self) -> dict[bytes, bytes]:
        return provenance_metadata(self.provenance)

    def __call__(self, batch: Any) -> Any:
        """The mended batch as an Arrow table: the input's columns, then textmend's."""
        import pyarrow as pa

        mended = self.mend(batch)
        added = self.added_fields()
        names = [field.name for field in added]
        mended.attrs.clear()
        base = pa.Table.from_pandas(mended.drop(columns=names), preserve_index=False)
        columns = [pa.array(mended[field.name].tolist(), type=field.type) for field in added]
        table = pa.Table.from_arrays([*base.columns, *columns], schema=pa.schema([*base.schema, *added]))
        return table.replace_schema_metadata(self._metadata)
