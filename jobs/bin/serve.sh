#!/usr/bin/env bash
# Web console with the built-in schedule (nightly run and monthly report): use it instead of cron/systemd timers.
set -euo pipefail
exec "$(dirname "$0")/zoom-compliance" serve "$@"
