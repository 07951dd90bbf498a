#!/usr/bin/env bash
# Nightly run: ingest the inbox, evaluate the policy, apply retention. Optional: --date YYYY-MM-DD.
set -euo pipefail
exec "$(dirname "$0")/zoom-compliance" nightly "$@"
