#!/usr/bin/env bash
# The core test subset on each other Python that textmend claims (pyproject's classifiers):
#   tools/test_versions.sh 3.10 3.12 3.13
# For each version: a venv in .venv-X.Y with textmend[test,testing,corpus] (made once, kept), then pytest
# without the engines, the adapters (pandas, Dask, datatrove), the docs, the benchmark and the tests of
# cost at scale (marker `cost`). 3.11 is the main .venv, where `make test` runs everything;
# here hypothesis draws 20 examples a property, not 100.
# A version whose interpreter is missing fails the run:
# claim only what is tested.
set -euo pipefail
cd "$(dirname "$0")/.."
PYENV_ROOT="${PYENV_ROOT:-$HOME/.pyenv}"
# The versions run side by side, as many at once as the machine has cores (TEST_VERSIONS_JOBS to
# choose): each is one pytest process. On 2 cores, two at a time took 918 s for the three; all three
# at once took 922 s with less to run. Each version's output is printed whole when it ends.
# The entity table (tests/test_entity_table.py) is shared out: of n versions, each runs every n-th case.
jobs="${TEST_VERSIONS_JOBS:-$(nproc 2>/dev/null || echo 1)}"
# The versions that run with the pure-Python scanner (TEXTMEND_PURE_PYTHON=1), though the compiled one
# is built: the whole core suite then runs through the fallback too (tests/test_scanner.py compares it
# with the compiled one in a process of its own).
pure_versions=" ${TEST_VERSIONS_PURE-3.10} "
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# The venv of one version, made if missing or older than pyproject.toml; its path is printed.
venv_of() {
    local version=$1 python="" candidate venv
    for candidate in "$PYENV_ROOT"/versions/"$version".*/bin/python"$version" "$(command -v "python$version" || true)"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then python="$candidate"; break; fi
    done
    if [ -z "$python" ]; then
        echo "test-versions: no python$version here (looked in $PYENV_ROOT/versions and on PATH)" >&2
        return 1
    fi
    venv=".venv-$version"
    # Installed again when the C scanner or its build hook changed (the install compiles it).
    if [ ! -f "$venv/.installed" ] || [ pyproject.toml -nt "$venv/.installed" ] \
        || [ src/textmend/fixers/_runs.c -nt "$venv/.installed" ] || [ hatch_build.py -nt "$venv/.installed" ]; then
        "$python" -m venv --clear "$venv" >&2
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[test,testing,corpus]' >&2
        touch "$venv/.installed"
    fi
    echo "$venv"
}

# `--venvs`: make the venvs only, all at once (installs wait on the network more than on the cores;
# .ci/run makes them while pip sets up .venv).
if [ "${1:-}" = "--venvs" ]; then
    shift
    status=0
    for version in "$@"; do
        venv_of "$version" > /dev/null &
    done
    for version in "$@"; do
        wait -n || status=1
    done
    exit $status
fi

one_version() {
    local version=$1 share=$2 venv start
    start=$(date +%s)
    venv=$(venv_of "$version") || return 1
    local pure=""
    [[ "$pure_versions" == *" $version "* ]] && pure=1
    echo "== Python $("$venv/bin/python" -c 'import platform, sys; print(platform.python_version(), sys.base_prefix)')${pure:+ (pure-Python scanner)}"
    local status=0
    TEXTMEND_PURE_PYTHON="$pure" TEXTMEND_HYPOTHESIS=versions TEXTMEND_TABLE_SHARE="$share" "$venv/bin/python" -m pytest -q -p no:cacheprovider -m "not engine and not browser and not cost" tests src \
        --ignore=tests/test_engines.py --ignore=tests/test_engine_recipes.py --ignore=tests/test_integrations.py \
        --ignore=tests/test_corpus_cli.py --ignore=tests/test_docs_blocks.py \
        --ignore=tests/test_benchmark.py --ignore=src/textmend/integrations || status=1
    echo "== Python $version: $(( $(date +%s) - start )) s"
    return $status
}

declare -A pids=()
index=0
for version in "$@"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
        wait -n || true
    done
    one_version "$version" "$index/$#" > "$logs/$version.log" 2>&1 &
    pids[$version]=$!
    index=$((index + 1))
done
status=0
for version in "$@"; do
    wait "${pids[$version]}" || status=1
    cat "$logs/$version.log"
done
exit $status
