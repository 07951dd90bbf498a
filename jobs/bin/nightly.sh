#!/usr/bin/env bash
# Nightly run: ingest the inbox, evaluate the policy, apply retention. Optional: --date YYYY-MM-DD.
set -euo pipefail
exec "${JAVA:-java}" -jar "${ZOOM_COMPLIANCE_JAR:-/opt/zoom-compliance/zoom-compliance.jar}" nightly "$@"
