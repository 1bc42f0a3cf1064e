"""scikit-learn: :class:`TextmendTransformer` mends texts in an sklearn ``Pipeline`` (``textmend[sklearn]``).

It is an estimator in scikit-learn's sense: its parameters are its constructor's arguments
(``disable``, ``enable``, ``params``, ``learn``, ``model``), so ``get_params``/``set_params``,
``clone`` and ``GridSearchCV`` work on them, e.g. ``{"mend__disable": [(), ("words",)]}``. Put it
before a vectoriser.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from ..corpus_model import CorpusModel
from ..default import DEFAULT
from ..fitting import fit as fit_model
from ..pipeline import Pipeline
from ..records import provenance

try:
    import numpy as np
    from sklearn.base import BaseEstimator, TransformerMixin
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError(
        "textmend.integrations.sklearn needs scikit-learn: pip install 'textmend[sklearn]'"
    ) from error

__all__ = ["TextmendTransformer"]

_log = logging.getLogger("textmend")


class TextmendTransformer(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Mend each text of ``X``; values that are not strings pass through unchanged.

    ``disable``: names of fixers of :data:`textmend.DEFAULT` to switch off (``("words",)``).
    ``enable``: names of fixers to switch on (``("ascii",)``).
    ``params``: fixer options as ``{"step__option": value}``, as :meth:`textmend.Pipeline.with_params` takes.

    ``learn``: whether ``fit`` learns a corpus model from the texts it is given (:func:`textmend.fit`,
    merged with ``model`` when there is one); ``False`` keeps ``model`` as it is.
    ``model``: a :class:`~textmend.CorpusModel` fitted elsewhere (a bigger corpus), or ``None``.

    ``fit`` sets ``model_`` (the model ``transform`` consults, or ``None``) and ``provenance_``
    (:func:`textmend.records.provenance` of the pipeline with that model) and returns ``self``.
    Unfitted, ``transform`` uses ``model``.
    ``transform`` takes a 1-D sequence of texts (list, array, Series) or a one-column 2-D input and
    gives a 1-D object array, which text vectorisers take.

    >>> TextmendTransformer(disable=("words",)).fit_transform(["Letrsquo;s go", "usedfor"]).tolist()
    ['Let’s go', 'usedfor']
    """

    def __init__(
        self,
        disable: Iterable[str] = (),
        enable: Iterable[str] = (),
        params: Mapping[str, Any] | None = None,
        learn: bool = True,
        model: CorpusModel | None = None,
    ) -> None:
        self.disable = disable
        self.enable = enable
        self.params = params
        self.learn = learn
        self.model = model

    def pipeline(self) -> Pipeline:
        """The textmend pipeline these parameters configure, with the fitted model once there is one."""
        pipeline = DEFAULT.enable(*self.enable).disable(*self.disable)
        pipeline = pipeline.with_params(**dict(self.params or {}))
        model = getattr(self, "model_", self.model)
        return pipeline if model is None else pipeline.with_model(model)

    def fit(self, X: Any, y: Any = None) -> TextmendTransformer:
        """Learn a corpus model from the texts of ``X`` (unless ``learn`` is false); return ``self``."""
        model = self.model
        if self.learn:
            learnt = fit_model(value for value in _texts(X) if isinstance(value, str))
            model = learnt if model is None else model.merge(learnt)
        self.model_ = model
        self.provenance_ = provenance(self.pipeline())
        return self

    def transform(self, X: Any) -> Any:
        """The mended texts of ``X`` as a 1-D object array, in ``X``'s order."""
        pipeline = self.pipeline()
        values = _texts(X)
        out = np.empty(len(values), dtype=object)
        for n, value in enumerate(values):
            out[n] = pipeline(value) if isinstance(value, str) else value
        _log.debug("mended %d texts with %r", len(values), pipeline)
        return out

    def get_feature_names_out(self, input_features: Any = None) -> Any:
        """The one output feature: ``input_features`` if given (a one-column input), else ``["text"]``."""
        names = ["text"] if input_features is None else list(input_features)
        return np.asarray(names, dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.requires_fit = False
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags


def _texts(X: Any) -> list[Any]:
    """The values of a 1-D input, or of the one column of a 2-D input (array or DataFrame)."""
    if hasattr(X, "iloc") and getattr(X, "ndim", 1) == 2:
        X = X.iloc[:, 0]
    elif getattr(X, "ndim", 1) == 2:
        X = np.asarray(X)[:, 0]
    return list(X)
