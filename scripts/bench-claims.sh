#!/bin/sh
# Claim-extraction throughput (sentences/second, one thread) on real text (the evaluation corpus)
# and on generated text (synthetic news, a 256 KiB run of names with no punctuation, 2 MB of random
# bytes). Usage: scripts/bench-claims.sh [ROUNDS]   (default 20). Record results in BENCHMARKS.md
# with the commit (git rev-parse --short HEAD).
set -eu
cd "$(dirname "$0")/.."
echo "commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
cargo run --release -q -p entente-claims --example bench -- "${1:-20}"
