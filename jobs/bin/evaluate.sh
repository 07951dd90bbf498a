#!/usr/bin/env bash
# Evaluate the policy for a month: evaluate.sh YYYY-MM (re-running replaces that month's results).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 YYYY-MM" >&2; exit 2; }
exec "$(dirname "$0")/zoom-compliance" evaluate --month "$1"
