#!/usr/bin/env bash
# Fuzz textmend for SECONDS seconds (default 1800), restarting after each crash so one run collects
# several findings. Usage: fuzz/run.sh [SECONDS]   (from the repository root, atheris installed)
set -uo pipefail
cd "$(dirname "$0")/.."
total=${1:-1800}
end=$(( $(date +%s) + total ))
mkdir -p fuzz/work fuzz/artifacts
export PYTHONPATH=src${PYTHONPATH:+:$PYTHONPATH}
while (( $(date +%s) < end )); do
    python fuzz/fuzz_mend.py fuzz/work fuzz/corpus \
        -dict=fuzz/textmend.dict -max_len=8192 -timeout=30 -rss_limit_mb=4096 \
        -artifact_prefix=fuzz/artifacts/ -print_final_stats=1 \
        -max_total_time=$(( end - $(date +%s) ))
done
