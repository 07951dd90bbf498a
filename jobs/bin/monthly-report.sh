#!/usr/bin/env bash
# Monthly DPO workbook of the previous month, in the institution's zone (run it on the 1st).
set -euo pipefail
export TZ="${ZOOM_COMPLIANCE_TZ:-Europe/Paris}"
month="$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)"
exec "$(dirname "$0")/zoom-compliance" report --month "$month" "$@"
