#!/usr/bin/env bash
# The benchmark: how big a month zoom-compliance handles on this machine, and how long each step takes.
#
#   jobs/benchmark.sh                       # from the project root, on a clean checkout
#   MEETINGS=30000 MONTH=2026-11 SEED=1 HEAP=256m jobs/benchmark.sh
#   DATABASE=external jobs/benchmark.sh     # the same against a PostgreSQL server of Debian's postgresql package
#
# Builds target/zoom-compliance.jar and the tools jar if either is missing or older than the sources, generates
# a synthetic month with the tools' generate (jobs/tools.sh; 30,000 meetings: about 1.1M participant joins, 510k
# sign-ins, 260k dashboard rows in ~1,070 files), then runs and times, each as its own process with -Xmx$HEAP
# under /usr/bin/time -v and in one fresh home:
#   floor     a plain commons-csv parse of the same files (the tools' hidden command parse-floor)
#   ingest    ingest DIR
#   evaluate  evaluate --month MONTH
#   report    report --month MONTH
#   evaluate-launcher, report-launcher
#             the same two through jobs/bin/zoom-compliance, as the operator's scripts run them (jar unpacked,
#             class-data archive written by a first command)
#   one-file  ingest, into a second home, of every meeting-details row of the month as one file (memory flat in
#             a file's size)
#   quick     jobs list, keys status, --help and a report of the demo month, as java -jar and through
#             jobs/bin/zoom-compliance, with and without serve running, beside java -version (QUICK_RUNS=5)
# With DATABASE=external the commands use a PostgreSQL server instead of the embedded one (SPRING_DATASOURCE_URL):
# a throw-away cluster of Debian's `postgresql` package (installed when root), started by this script on port
# $EXTERNAL_PORT under target/benchmark/external-pg with its defaults and fsync on, removed at the end.
# and prints wall time, rows/s, ingest's share of the floor's rate and peak memory (max RSS), written to
# target/benchmark/figures.md. A step whose command exits 3 is reported as "not available in this build";
# any other failure is reported with its exit code and the benchmark goes on. The manifest of planted
# deviations (exports/expected-deviations.txt) is not a .csv: neither the floor nor ingest reads it.
set -euo pipefail

cd "$(dirname "$0")/.."
MEETINGS="${MEETINGS:-30000}"
MONTH="${MONTH:-2026-11}"
SEED="${SEED:-1}"
HEAP="${HEAP:-256m}"
JAR=target/zoom-compliance.jar
TOOLS_JAR=target/zoom-compliance-tools.jar
WORK=target/benchmark
EXPORTS="$WORK/exports"
HOME_DIR="$WORK/home"
FIGURES="$WORK/figures.md"

if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time (needed for peak memory)" >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q time >/dev/null; else sudo apt-get install -y -q time >/dev/null; fi
fi
if [ ! -f "$JAR" ] || [ ! -f "$TOOLS_JAR" ] || [ -n "$(find pom.xml src/main src/tools -newer "$JAR" -print -quit)" ]; then
    echo "building $JAR and $TOOLS_JAR" >&2
    mvn -B -q -DskipTests package
fi

rm -rf "$WORK" && mkdir -p "$WORK"

DATABASE="${DATABASE:-embedded}"
EXTERNAL_PORT="${EXTERNAL_PORT:-55432}"
if [ "$DATABASE" = external ]; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$pg_bin" ]; then
        echo "installing Debian's postgresql (DATABASE=external)" >&2
        if [ "$(id -u)" = 0 ]; then apt-get install -y -q postgresql >/dev/null; else sudo apt-get install -y -q postgresql >/dev/null; fi
        pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    PG_DATA="$PWD/$WORK/external-pg"
    as_pg=()
    if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi # PostgreSQL refuses to run as root
    mkdir -p "$PG_DATA"
    printf '%s\n' benchmark >"$WORK/external-pg.password"
    if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DATA" "$WORK/external-pg.password"; fi
    "${as_pg[@]}" "$pg_bin/initdb" -D "$PG_DATA" -U zoom_compliance --pwfile="$PWD/$WORK/external-pg.password" \
        -A scram-sha-256 >"$WORK/external-pg.init" 2>&1
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
        -o "-p $EXTERNAL_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null
    trap '"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true' EXIT
    PGPASSWORD=benchmark psql -h 127.0.0.1 -p "$EXTERNAL_PORT" -U zoom_compliance -d postgres -q \
        -c "create database zoom_compliance" >/dev/null
    export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$EXTERNAL_PORT/zoom_compliance"
    export SPRING_DATASOURCE_USERNAME=zoom_compliance SPRING_DATASOURCE_PASSWORD=benchmark
    echo "database: $("$pg_bin/postgres" --version) on port $EXTERNAL_PORT (DATABASE=external)" >&2
fi
declare -a ROWS_TABLE=()
declare -A SECONDS_OF=() STATUS_OF=() RSS_OF=()

# The production jar's commands, and the tools' (generate, parse-floor: see jobs/tools.sh), with the same heap.
APP=(java -Xmx"$HEAP" -jar "$JAR")
TOOLS=(env JAVA_OPTS=-Xmx"$HEAP" jobs/tools.sh)

# run NAME COMMAND...: one timed process; records its status, wall seconds and max RSS.
run() {
    local name="$1"; shift
    local started ended code=0
    started=$(date +%s%N)
    /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || code=$?
    ended=$(date +%s%N)
    local seconds rss status
    seconds=$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/$name.time")
    case "$code" in
        0) status="ok" ;;
        3) status="not available in this build" ;;
        *) status="failed (exit $code: $(head -n 1 "$WORK/$name.err" | cut -c1-120))" ;;
    esac
    SECONDS_OF[$name]="$seconds"
    STATUS_OF[$name]="$status"
    RSS_OF[$name]="$rss"
    printf '%-9s %-30s %8s s  %6s MB max RSS\n' "$name" "$status" "$seconds" "$rss" >&2
    ROWS_TABLE+=("$name|$status|$seconds|$rss")
}

rate() { # rows seconds -> rows/s, or "-" when the step did not complete
    awk -v r="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", r / s; else print "-" }'
}

echo "generating $MONTH with $MEETINGS meetings (seed $SEED)" >&2
run generate "${TOOLS[@]}" generate --month "$MONTH" --meetings "$MEETINGS" --out "$EXPORTS" --seed "$SEED"
ROWS=$(awk '$1 == "rows" { gsub(",", "", $2); print $2 }' "$WORK/generate.out")
run floor "${TOOLS[@]}" parse-floor "$EXPORTS"
FILES=$(awk '$1 == "files" { print $2 }' "$WORK/floor.out")
run ingest "${APP[@]}" --home "$HOME_DIR" ingest "$EXPORTS"
run evaluate "${APP[@]}" --home "$HOME_DIR" evaluate --month "$MONTH"
run report "${APP[@]}" --home "$HOME_DIR" report --month "$MONTH"
# The same two as the operator's scripts run them (jobs/bin/evaluate.sh, report.sh, nightly.sh): through the
# launcher, once it has unpacked the jar and written its class-data archive (a first `jobs list`).
LAUNCHER=(env ZOOM_COMPLIANCE_JAR="$PWD/$JAR" ZOOM_COMPLIANCE_CACHE="$PWD/$WORK/launcher-cache" jobs/bin/zoom-compliance)
JAVA_OPTS="-Xmx$HEAP" "${LAUNCHER[@]}" --home "$HOME_DIR" jobs list >/dev/null 2>&1 || true
run evaluate-launcher env JAVA_OPTS="-Xmx$HEAP" "${LAUNCHER[@]}" --home "$HOME_DIR" evaluate --month "$MONTH"
run report-launcher env JAVA_OPTS="-Xmx$HEAP" "${LAUNCHER[@]}" --home "$HOME_DIR" report --month "$MONTH"

if [ "$DATABASE" = embedded ]; then
# One big file, to show memory does not grow with a file's size: every meeting-details row of the month in one
# file, each layout's rows as a block under its own header (a blank line starts the next block).
ONE_DIR="$WORK/one-file"
ONE="$ONE_DIR/meetinglistdetails_one_file.csv"
mkdir -p "$ONE_DIR"
declare -A BLOCK_OF=()
for f in "$EXPORTS"/meetinglistdetails_*.csv; do
    key=$(head -n 1 "$f" | md5sum | cut -c1-32)
    if [ -z "${BLOCK_OF[$key]:-}" ]; then
        BLOCK_OF[$key]="$ONE_DIR/block-$key"
        head -n 1 "$f" | sed '1s/^\xEF\xBB\xBF//' >"${BLOCK_OF[$key]}"
    fi
    tail -n +2 "$f" >>"${BLOCK_OF[$key]}"
done
: >"$ONE"
for block in "${BLOCK_OF[@]}"; do
    if [ -s "$ONE" ]; then printf '\r\n' >>"$ONE"; fi
    cat "$block" >>"$ONE" && rm "$block"
done
ONE_ROWS=$(( $(wc -l <"$ONE") - 2 * ${#BLOCK_OF[@]} + 1 ))
run one-file "${APP[@]}" --home "$WORK/home-one-file" ingest "$ONE"

# Quick commands: start-up dominates them. Each is timed as `java -jar` and through the launcher
# (jobs/bin/zoom-compliance: the jar unpacked, a class-data archive; its cache under $WORK), the median of
# $QUICK_RUNS runs beside `java -version`'s, on the benchmark's home and, for a report of a small month, on a
# demo home; then again while `serve` runs on the benchmark's home (a command then joins its database server).
QUICK_RUNS="${QUICK_RUNS:-5}"
DEMO_HOME="$WORK/home-demo"
declare -a QUICK_TABLE=()
median_of() { # COMMAND... -> median wall seconds of QUICK_RUNS runs (output discarded)
    local i started ended times=()
    for ((i = 0; i < QUICK_RUNS; i++)); do
        started=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        ended=$(date +%s%N)
        times+=("$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
quick() { # LABEL HOME ARGS...: one row of the quick-command table
    local label="$1" home="$2"; shift 2
    local jar launcher
    "${LAUNCHER[@]}" --home "$home" "$@" >/dev/null 2>&1 || true # writes the archive on first use
    jar=$(median_of java -jar "$JAR" --home "$home" "$@")
    launcher=$(median_of "${LAUNCHER[@]}" --home "$home" "$@")
    printf '%-34s java -jar %6s s   launcher %6s s\n' "$label" "$jar" "$launcher" >&2
    QUICK_TABLE+=("$label|$jar|$launcher")
}
java -jar "$JAR" --home "$DEMO_HOME" demo >"$WORK/demo.out" 2>&1 || true
JAVA_VERSION_SECONDS=$(median_of java -version)
echo "java -version: $JAVA_VERSION_SECONDS s (median of $QUICK_RUNS)" >&2
starts() { grep -c "Started ZoomComplianceApplication" "$HOME_DIR/logs/zoom-compliance.log" 2>/dev/null || true; }
for serving in no yes; do
    suffix=""
    if [ "$serving" = yes ]; then
        before=$(starts)
        SERVER_PORT="${QUICK_SERVE_PORT:-18089}" java -jar "$JAR" --home "$HOME_DIR" serve >"$WORK/serve.out" 2>&1 &
        SERVE_PID=$!
        for _ in $(seq 1 120); do [ "$(starts)" -gt "$before" ] && break; sleep 1; done
        suffix=", serve running"
    fi
    quick "jobs list$suffix" "$HOME_DIR" jobs list
    quick "keys status$suffix" "$HOME_DIR" keys status
    quick "--help$suffix" "$HOME_DIR" --help
    if [ "$serving" = no ]; then
        quick "report of the demo month (2026-10)" "$DEMO_HOME" report --month 2026-10
    else
        kill -TERM "$SERVE_PID" 2>/dev/null || true
        wait "$SERVE_PID" 2>/dev/null || true
    fi
done
fi # the one-file ingest and the quick commands: with the embedded database only (their homes would share a server)

target() { # STATUS SECONDS LIMIT -> "met: 12.3 s", "not met: 28.1 s", or the step's status
    if [ "$1" != ok ]; then echo "$1"; else awk -v s="$2" -v l="$3" 'BEGIN { printf "%s: %s s", (s < l ? "met" : "not met"), s }'; fi
}
{
    echo "# Benchmark figures"
    echo
    echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') with \`jobs/benchmark.sh\` (MEETINGS=$MEETINGS, MONTH=$MONTH, SEED=$SEED, -Xmx$HEAP, DATABASE=$DATABASE)."
    echo
    echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores,"\
         "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(java -version 2>&1 | head -n 1),"\
         "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "Data: $FILES files, $ROWS data rows ($(grep -E 'participant joins|dashboard rows|sign-ins' "$WORK/generate.out" \
        | sed 's/^ *//; s/  */ /g' | paste -sd ';' | sed 's/;/, /g'))."
    echo
    echo "| step | status | wall time (s) | rows/s | max RSS (MB) |"
    echo "|---|---|---:|---:|---:|"
    for line in "${ROWS_TABLE[@]}"; do
        IFS='|' read -r name status seconds rss <<<"$line"
        if [ "$status" = ok ] && [ "$name" = one-file ]; then
            echo "| ingest, one file of $ONE_ROWS rows | $status | $seconds | $(rate "$ONE_ROWS" "$seconds") | $rss |"
        elif [ "$status" = ok ] && [ "${name%-launcher}" != evaluate ] && [ "${name%-launcher}" != report ]; then
            echo "| $name | $status | $seconds | $(rate "$ROWS" "$seconds") | $rss |"
        else
            echo "| $name | $status | $seconds | - | $rss |"
        fi
    done
    echo
    if [ "${STATUS_OF[ingest]}" = ok ] && [ "${STATUS_OF[floor]}" = ok ]; then
        echo "Ingest runs at $(awk -v f="${SECONDS_OF[floor]}" -v i="${SECONDS_OF[ingest]}" 'BEGIN { printf "%.0f%%", 100 * f / i }') of the floor's rate (target: at least 30%)."
    else
        echo "Ingest vs floor: not measured (ingest: ${STATUS_OF[ingest]})."
    fi
    echo "Targets: evaluate under 15 s ($(target "${STATUS_OF[evaluate]}" "${SECONDS_OF[evaluate]}" 15) with java -jar, $(target "${STATUS_OF[evaluate-launcher]}" "${SECONDS_OF[evaluate-launcher]}" 15) through the launcher), report under 5 s ($(target "${STATUS_OF[report]}" "${SECONDS_OF[report]}" 5) with java -jar, $(target "${STATUS_OF[report-launcher]}" "${SECONDS_OF[report-launcher]}" 5) through the launcher)."
    if [ "${STATUS_OF[ingest]}" = ok ] && [ "${STATUS_OF[evaluate]}" = ok ] && [ "${STATUS_OF[report]}" = ok ]; then
        echo "The whole month (ingest, evaluate, report): $(awk -v i="${SECONDS_OF[ingest]}" -v e="${SECONDS_OF[evaluate]}" -v r="${SECONDS_OF[report]}" 'BEGIN { printf "%.1f", i + e + r }') s, peak RSS $(printf '%s\n' "${RSS_OF[ingest]}" "${RSS_OF[evaluate]}" "${RSS_OF[report]}" | sort -n | tail -n 1) MB; the plain parse of the same files: ${SECONDS_OF[floor]} s."
    fi
    echo "Wall times are whole commands (JVM, application and database start included), each its own process."
    echo
    if [ "$DATABASE" = embedded ]; then
    echo "Quick commands, median of $QUICK_RUNS runs; \`java -version\` takes $JAVA_VERSION_SECONDS s (target: at most 2 s more):"
    echo
    echo "| command | java -jar (s) | jobs/bin/zoom-compliance (s) | launcher minus java -version (s) |"
    echo "|---|---:|---:|---:|"
    for line in "${QUICK_TABLE[@]}"; do
        IFS='|' read -r label jar launcher <<<"$line"
        echo "| $label | $jar | $launcher | $(awk -v l="$launcher" -v j="$JAVA_VERSION_SECONDS" 'BEGIN { printf "%.2f", l - j }') |"
    done
    fi
} >"$FIGURES"

echo >&2
cat "$FIGURES"
