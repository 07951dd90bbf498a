#!/usr/bin/env bash
# Ingest export files or folders (default: the home's inbox/).
set -euo pipefail
exec "$(dirname "$0")/zoom-compliance" ingest "$@"
