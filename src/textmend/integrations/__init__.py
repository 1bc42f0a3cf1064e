"""Adapters for data-processing libraries; each is a module of its own, imported only when used."""
