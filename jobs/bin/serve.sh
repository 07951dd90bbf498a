#!/usr/bin/env bash
# Web console with the built-in schedule (nightly run and monthly report): use it instead of cron/systemd timers.
set -euo pipefail
exec "${JAVA:-java}" -jar "${ZOOM_COMPLIANCE_JAR:-/opt/zoom-compliance/zoom-compliance.jar}" serve "$@"
