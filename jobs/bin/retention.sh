#!/usr/bin/env bash
# Recording-retention deviations and purge of the pipeline's own expired data. Optional: --as-of YYYY-MM-DD.
set -euo pipefail
exec "$(dirname "$0")/zoom-compliance" retention "$@"
