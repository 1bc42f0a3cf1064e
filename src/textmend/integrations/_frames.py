"""How the engine adapters that mend pandas batches (Ray, Spark) are configured: one options value.

:class:`FrameOptions` holds what :func:`textmend.integrations.pandas.mend_frame` takes besides the
frame, in the same order with the same defaults, and what follows from them: the pipeline (the
default one when none is given), the fields textmend adds and the run's provenance.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from ..default import DEFAULT
from ..pipeline import Pipeline
from ..records import added_arrow_fields, provenance
from .pandas import mend_frame

__all__ = ["FrameOptions"]


@dataclasses.dataclass(frozen=True)
class FrameOptions:
    """Options of ``mend_frame``, for a callable an engine builds once per worker.

    column: the text column ("text")
    pipeline: the pipeline to mend with (None: textmend's default)
    changes: also add each row's changes (False)
    prefix: put this before the names of the columns textmend adds ("")
    strict: raise on a value that is neither a string nor missing (False)
    """

    column: str = "text"
    pipeline: Pipeline | None = None
    _: dataclasses.KW_ONLY
    changes: bool = False
    prefix: str = ""
    strict: bool = False

    def __post_init__(self) -> None:
        if self.pipeline is None:
            object.__setattr__(self, "pipeline", DEFAULT)

    @property
    def steps(self) -> Pipeline:
        """The pipeline, never None (the default one is filled in at construction)."""
        assert self.pipeline is not None
        return self.pipeline

    @functools.cached_property
    def provenance(self) -> dict[str, Any]:
        """How the output is made: :func:`textmend.records.provenance` of these options."""
        return provenance(self.steps, text_field=self.column, changes=self.changes, prefix=self.prefix)

    def added_fields(self) -> list[Any]:
        """The Arrow fields of the columns textmend adds (needs ``pyarrow``)."""
        return added_arrow_fields(changes=self.changes, prefix=self.prefix)

    def mend(self, frame: Any) -> Any:
        """``frame`` mended by :func:`textmend.integrations.pandas.mend_frame` with these options."""
        return mend_frame(
            frame, self.column, self.steps, changes=self.changes, prefix=self.prefix, strict=self.strict
        )
