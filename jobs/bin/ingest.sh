#!/usr/bin/env bash
# Ingest export files or folders (default: the home's inbox/).
set -euo pipefail
exec "${JAVA:-java}" -jar "${ZOOM_COMPLIANCE_JAR:-/opt/zoom-compliance/zoom-compliance.jar}" ingest "$@"
