#!/usr/bin/env bash
# The tools, which are not in the production jar: generate (synthetic exports of every kind, with planted
# deviations) and parse-floor (the benchmark's floor), run as commands of the production jar with the tools jar
# on its class path. From the project root, after mvn -B -DskipTests package:
#
#   jobs/tools.sh generate --month 2026-11 --meetings 30000 --out DIR [--seed S]
#   jobs/tools.sh parse-floor DIR...
#   jobs/tools.sh --help                        # lists generate among the commands
#
# ZOOM_COMPLIANCE_JAR and ZOOM_COMPLIANCE_TOOLS_JAR point at other jars, JAVA overrides java, JAVA_OPTS (for
# example -Xmx256m) go to it. Exit code 3 when a jar is missing, as for a capability not in the build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${ZOOM_COMPLIANCE_JAR:-$root/target/zoom-compliance.jar}"
tools="${ZOOM_COMPLIANCE_TOOLS_JAR:-$root/target/zoom-compliance-tools.jar}"
for file in "$jar" "$tools"; do
    [ -f "$file" ] || { echo "$0: $file is missing: build it with mvn -B -DskipTests package" >&2; exit 3; }
done
# The production jar keeps its own launcher (JarLauncher: nothing can be added to its class path); Spring Boot's
# PropertiesLauncher, shipped in the same jar, starts the same application with loader.path appended.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec "${JAVA:-java}" ${JAVA_OPTS:-} -cp "$jar" -Dloader.path="$tools" \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
