#!/usr/bin/env bash
# The one test command. Installs what the tests need (PostgreSQL, Chromium), starts a throwaway
# PostgreSQL cluster owned by this script, runs every test project and prints one summary line:
#   Total: N passed, N failed, N skipped
#
# Usage: ./scripts/test.sh [--no-install] [--filter EXPR] [-- extra dotnet test args]
#
# A component that is missing or cannot be started fails the run; nothing is ever skipped.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

install=1
filter=""
extra_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-install) install=0; shift ;;
    --filter) filter="${2:?--filter needs an expression}"; shift 2 ;;
    --filter=*) filter="${1#--filter=}"; shift ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; extra_args+=("$@"); break ;;
    *) echo "test.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

step() { printf '==> %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

chromium_bin=/usr/bin/chromium
chromedriver_bin=/usr/bin/chromedriver

pg_bindir() {
  local initdb
  initdb="$(ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$initdb" ]] && dirname "$initdb"
}

# ---------------------------------------------------------------------------------------------
# 1. System packages (only the missing ones).
# ---------------------------------------------------------------------------------------------
missing=()
[[ -n "$(pg_bindir)" ]] || missing+=(postgresql)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
[[ -x "$chromium_bin" ]] || missing+=(chromium)
[[ -x "$chromedriver_bin" ]] || missing+=(chromium-driver)
dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-dejavu-core)

if [[ ${#missing[@]} -gt 0 ]]; then
  [[ $install -eq 1 ]] || die "missing system packages: ${missing[*]} (re-run without --no-install)"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "need root or sudo to install: ${missing[*]}"
    sudo=(sudo)
  fi
  apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -qq)
  step "Installing system packages: ${missing[*]}"
  step "apt-get update"
  "${apt[@]}" update >/dev/null
  step "apt-get install (this can take a few minutes)"
  "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null
fi

pg_bin="$(pg_bindir)" || true
[[ -n "$pg_bin" ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
[[ -x "$chromium_bin" ]] || die "Chromium not found at $chromium_bin"
[[ -x "$chromedriver_bin" ]] || die "chromedriver not found at $chromedriver_bin"
step "PostgreSQL: $("$pg_bin/postgres" --version)"
step "Chromium:   $("$chromium_bin" --version 2>/dev/null | head -n 1)"

# ---------------------------------------------------------------------------------------------
# 2. Throwaway PostgreSQL cluster: temp dir, 127.0.0.1 only, free port, socket in the temp dir.
# ---------------------------------------------------------------------------------------------
# Always under /tmp: short enough for the unix socket path and traversable by the postgres user.
pg_dir="$(mktemp -d /tmp/lindung-pg.XXXXXX)"
pg_started=0
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  # initdb refuses to run as root; the cluster belongs to the postgres system user.
  chown postgres: "$pg_dir"
  as_pg=(runuser -u postgres --)
fi

cleanup() {
  local rc=$?
  if [[ $pg_started -eq 1 ]]; then
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_dir"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_password="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s\n' "$pg_password" >"$pg_dir/pwfile"
mkdir -p "$pg_dir/sock"
[[ ${#as_pg[@]} -eq 0 ]] || chown postgres: "$pg_dir/pwfile" "$pg_dir/sock"

step "Starting throwaway PostgreSQL cluster in $pg_dir"
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --pwfile="$pg_dir/pwfile" \
  --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; die "initdb failed"; }
rm -f "$pg_dir/pwfile"

pg_port=""
for _ in 1 2 3 4 5 6 7 8; do
  candidate=$((20000 + RANDOM % 40000))
  port_in_use "$candidate" && continue
  if "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $candidate -k $pg_dir/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null; then
    pg_started=1
    pg_port="$candidate"
    break
  fi
  # Most likely the port was taken in between; try another one.
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
done
if [[ -z "$pg_port" ]]; then
  tail -n 30 "$pg_dir/server.log" >&2 || true
  die "could not start PostgreSQL"
fi

PGPASSWORD="$pg_password" "$pg_bin/psql" -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc 'select 1' >/dev/null \
  || die "PostgreSQL started but does not accept connections on 127.0.0.1:$pg_port"
step "PostgreSQL listening on 127.0.0.1:$pg_port"

export LINDUNG_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password;Database=postgres"
export LINDUNG_TEST_CHROMIUM="$chromium_bin"
export LINDUNG_TEST_CHROMEDRIVER="$chromedriver_bin"
export LINDUNG_TEST_ARTIFACTS="$repo_root/artifacts/test"

# ---------------------------------------------------------------------------------------------
# 3. Tests, TRX results under artifacts/test, one summary line.
# ---------------------------------------------------------------------------------------------
results_dir="$LINDUNG_TEST_ARTIFACTS/results"
rm -rf "$LINDUNG_TEST_ARTIFACTS"
mkdir -p "$results_dir"

# Default TRX file names get a numeric suffix on collision, so parallel projects never overwrite
# each other (an explicit LogFileName/LogFilePrefix would).
test_args=(test Lindung.slnx -c Release --logger trx --results-directory "$results_dir")
[[ -z "$filter" ]] || test_args+=(--filter "$filter")
test_args+=("${extra_args[@]}")

step "dotnet ${test_args[*]}"
set +e
dotnet "${test_args[@]}" 2>&1 | tee "$LINDUNG_TEST_ARTIFACTS/dotnet-test.log"
test_rc=${PIPESTATUS[0]}
set -e

shopt -s nullglob
trx_files=("$results_dir"/*.trx)
shopt -u nullglob

attr() { sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p" <<<"$2"; }

passed=0 failed=0 skipped=0
for trx in "${trx_files[@]}"; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
  [[ -n "$counters" ]] || die "no Counters element in $trx"
  p=$(attr passed "$counters"); f=$(attr failed "$counters"); e=$(attr error "$counters")
  t=$(attr timeout "$counters"); a=$(attr aborted "$counters")
  total=$(attr total "$counters"); executed=$(attr executed "$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  # VSTest counts skipped tests as not executed (its notExecuted counter stays 0 for them).
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

echo
echo "Total: $passed passed, $failed failed, $skipped skipped"

[[ ${#trx_files[@]} -gt 0 ]] || die "no TRX results found in $results_dir"
test_runs=$(grep -c '^Test run for ' "$LINDUNG_TEST_ARTIFACTS/dotnet-test.log" || true)
[[ ${#trx_files[@]} -eq $test_runs ]] || die "expected $test_runs TRX files, found ${#trx_files[@]} (summary incomplete)"
[[ $test_rc -eq 0 ]] || die "dotnet test exited with $test_rc"
[[ $failed -eq 0 ]] || die "$failed test(s) failed"
[[ $((passed + failed)) -gt 0 ]] || die "no tests ran"
