#!/usr/bin/env bash
# DPO workbook of a given month: report.sh YYYY-MM [--out FILE].
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 YYYY-MM [--out FILE]" >&2; exit 2; }
month="$1"; shift
exec "$(dirname "$0")/zoom-compliance" report --month "$month" "$@"
