"""The build hook that compiles textmend's C scanner (``src/textmend/fixers/_runs.c``) into the wheel.

hatchling runs it for every wheel, editable ones too (``pip install -e .``, as ``make`` does): the
extension is built with setuptools' ``build_ext``, which knows each platform's compiler and flags.
Where it cannot be built (no C compiler, no Python headers) the hook says so and the wheel stays pure
Python: textmend then runs its pure-Python scanner, with the same results (``textmend --version`` says
which one is active). ``TEXTMEND_PURE_PYTHON=1`` at install time skips the build.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MODULE = "textmend.fixers._runs"
SOURCE = Path("src/textmend/fixers/_runs.c")


class CompiledScanner(BuildHookInterface):
    """Builds ``textmend.fixers._runs`` and adds it to the wheel (or, editable, beside its source)."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        if os.environ.get("TEXTMEND_PURE_PYTHON", "") not in ("", "0"):
            self.app.display_info("textmend: TEXTMEND_PURE_PYTHON is set: the C scanner is not built")
            return
        root = Path(self.root)
        scratch = Path(tempfile.mkdtemp(prefix="textmend-build-"))
        self._scratch = scratch  # the built module must outlive initialize(): removed in finalize()
        try:
            built = build_extension(root / SOURCE, scratch)
        except Exception as error:  # any failure to compile leaves a working pure-Python wheel
            self.app.display_warning(
                f"textmend: the C scanner was not built ({type(error).__name__}: {error}). textmend "
                "works without it, in pure Python, with the same results; to build it, install a C "
                "compiler and the Python headers (Debian: apt-get install gcc python3-dev) and reinstall."
            )
            return
        if version == "editable":
            # An editable install imports from src/: the module goes beside its source (ignored by git).
            shutil.copyfile(built, root / SOURCE.parent / built.name)
        else:
            build_data["force_include"][str(built)] = f"textmend/fixers/{built.name}"
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def build_extension(source: Path, scratch: Path) -> Path:
    """Compile ``source`` into an extension module in ``scratch``; the path of the module."""
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    distribution = Distribution({"name": "textmend", "ext_modules": [Extension(MODULE, [str(source)])]})
    command = build_ext(distribution)
    command.build_lib = str(scratch / "lib")
    command.build_temp = str(scratch / "temp")
    command.ensure_finalized()
    command.run()
    outputs = command.get_outputs()
    if not outputs or not Path(outputs[0]).is_file():
        raise RuntimeError("build_ext made no module")
    return Path(outputs[0])
