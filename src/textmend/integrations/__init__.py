"""Adapters for data-processing libraries; each is a module of its own, imported only when used.

:mod:`textmend.integrations.pandas`, :mod:`textmend.integrations.dask` and
:mod:`textmend.integrations.datatrove`; each needs its extra (``pip install 'textmend[pandas]'``).
"""

__all__: list[str] = []
