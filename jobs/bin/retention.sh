#!/usr/bin/env bash
# Recording-retention deviations and purge of the pipeline's own expired data. Optional: --as-of YYYY-MM-DD.
set -euo pipefail
exec "${JAVA:-java}" -jar "${ZOOM_COMPLIANCE_JAR:-/opt/zoom-compliance/zoom-compliance.jar}" retention "$@"
