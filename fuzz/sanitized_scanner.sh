#!/usr/bin/env bash
# The compiled scanner (src/textmend/fixers/_runs.c) under AddressSanitizer and UndefinedBehaviorSanitizer:
#   fuzz/sanitized_scanner.sh            # from the repository root, with gcc and .venv set up
# It builds the module with the sanitizers into a scratch copy of the checkout, then runs
# tests/test_scanner.py there (tables, hypothesis properties, every benchmark domain, the pipeline) with
# the sanitizers' runtimes preloaded. Any memory error or undefined behaviour stops the run with a report.
set -euo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$scratch"
cp -r benchmarks/data "$scratch/benchmarks/" 2>/dev/null || true
suffix=$("$python" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
includes=$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
gcc -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -shared -fPIC -I"$includes" \
    src/textmend/fixers/_runs.c -o "$scratch/src/textmend/fixers/_runs$suffix"
runtimes="$(gcc -print-file-name=libasan.so):$(gcc -print-file-name=libubsan.so)"
cd "$scratch"
LD_PRELOAD="$runtimes" ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    TEXTMEND_REQUIRE_COMPILED=1 "$OLDPWD/$python" -m pytest -q -p no:cacheprovider -p no:xdist tests/test_scanner.py
