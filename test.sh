#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: restores tools and packages, builds,
# starts a throwaway PostgreSQL 15 server, runs the test projects against it, removes the
# server, and prints one closing line "N passed, N failed" from the TRX results.
# Exits non-zero when a test fails or when a service the tests need cannot be started.
#
# The tests get:  WORKFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=<port>;Username=postgres;Database=postgres"
# (a superuser, trust authentication, no password; tests create their own databases on it).
#
# The tests also get:  WORKFLOW_TEST_OIDC="http://127.0.0.1:<port>" (the issuer of a real OpenID Connect provider,
# tools/oidc-provider, started here on loopback and stopped after the run).
#
# Environment:
#   CI=true / WORKFLOW_REQUIRE_POSTGRES=1  PostgreSQL is mandatory; WORKFLOW_SKIP_POSTGRES is refused.
#   CI=true                                the OpenID Connect provider is mandatory too (elsewhere its tests start one).
#   WORKFLOW_SKIP_POSTGRES=1               local only: start no server (tests needing it must skip).
#   WORKFLOW_PG_BIN                        PostgreSQL binaries (default /usr/lib/postgresql/15/bin).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
repo="$(pwd -P)"

say() { printf '==> %s\n' "$*"; }
warn() { printf '\n!!! WARNING: %s\n\n' "$*" >&2; }
die() { printf 'test.sh: error: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

run_dir="$repo/.test-run"
results="$run_dir/results"
pg_state_file="$run_dir/postgres.run"   # "<pid of test.sh> <server dir>" while a server runs
pg_bin="${WORKFLOW_PG_BIN:-/usr/lib/postgresql/15/bin}"

postgres_required=0
if [ "${CI:-}" = "true" ] || [ "${WORKFLOW_REQUIRE_POSTGRES:-}" = "1" ]; then
  postgres_required=1
fi
postgres_skipped=0
if [ "${WORKFLOW_SKIP_POSTGRES:-}" = "1" ]; then
  if [ "$postgres_required" -eq 1 ]; then
    die "WORKFLOW_SKIP_POSTGRES=1 is refused when CI=true or WORKFLOW_REQUIRE_POSTGRES=1: every test must run."
  fi
  postgres_skipped=1
fi

# ---------------------------------------------------------------------------------------------
# Machine prerequisites (Debian packages, installed only when missing and only as root)
# ---------------------------------------------------------------------------------------------
apt_updated=0
apt_install() {
  is_root || return 1
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ "$apt_updated" -eq 0 ]; then
    say "apt-get update"
    apt-get update -q </dev/null || return 1
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" </dev/null
}

ensure_postgres_binaries() {
  [ -x "$pg_bin/initdb" ] && [ -x "$pg_bin/pg_ctl" ] && return 0
  if is_root; then
    # Debian's package also creates its own "main" cluster (port 5432, started only where
    # services may start); the tests never use it.
    apt_install postgresql-15 || die "could not install postgresql-15 with apt-get."
    if [ ! -x "$pg_bin/initdb" ] || [ ! -x "$pg_bin/pg_ctl" ]; then
      die "postgresql-15 is installed but $pg_bin/initdb or pg_ctl is missing (set WORKFLOW_PG_BIN)."
    fi
  else
    die "PostgreSQL 15 not found in $pg_bin. Install it (sudo apt-get install postgresql-15), or set
  WORKFLOW_PG_BIN to its bin folder, or run WORKFLOW_SKIP_POSTGRES=1 ./test.sh to skip its tests."
  fi
}

# --- Browser tests ----------------------------------------------------------------------------
# The browser tests drive Debian's Chromium (/usr/bin/chromium) with Playwright for .NET (its own
# browser download is blocked here and not used); fonts-noto-cjk lets the Chinese pages render.
# Missing pieces are installed as root; otherwise the run stops: the browser tests never skip.
have_cjk_fonts() {
  if command -v dpkg-query >/dev/null 2>&1; then
    dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed'
  else
    fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'
  fi
}

ensure_browser() {
  [ -x /usr/bin/chromium ] && have_cjk_fonts && return 0
  if is_root; then
    apt_install chromium fonts-noto-cjk || die "could not install chromium and fonts-noto-cjk with apt-get (the browser tests need them)."
    [ -x /usr/bin/chromium ] || die "chromium is installed but /usr/bin/chromium is missing."
  else
    die "the browser tests need Debian's chromium (/usr/bin/chromium) and fonts-noto-cjk:
  sudo apt-get install chromium fonts-noto-cjk"
  fi
}

# --- Web app (src/Workflow.Web) -------------------------------------------------------------
# `dotnet build` builds it (npm ci + vite build, see src/Workflow.Api/Web/WebApp.targets), so Node.js
# with npm must be there first; Vite 8 wants Node.js 20.19 or later.
web_dir="$repo/src/Workflow.Web"
ensure_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
    || die "the web app is built with Node.js 20.19+ and npm, and node or npm is not on PATH (https://nodejs.org)."
  local version major minor
  version="$(node --version)"; version="${version#v}"
  major="${version%%.*}"; minor="${version#*.}"; minor="${minor%%.*}"
  if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
    die "Node.js $version is too old for the web app's build (Vite 8): install Node.js 20.19 or later."
  fi
}

# Runs the web app's unit tests (Vitest) and writes JUnit results next to the TRX files.
# The TAP reporter, not the default one: Vitest 5's default reporter needs Map.groupBy (Node 21+)
# and, on Node 20, crashes when a test fails, before the JUnit file is written.
web_unit_tests() {
  say "web app unit tests (vitest)"
  (cd "$web_dir" && npm test -- --run --reporter=tap-flat --reporter=junit --outputFile.junit="$results/vitest-junit.xml")
}

# Lints and format-checks the web app's TypeScript (ESLint, then Prettier --check); any finding
# fails the run. `npm run format` in src/Workflow.Web fixes what can be fixed.
web_lint() {
  say "web app lint and format (ESLint, Prettier)"
  (cd "$web_dir" && npm run --silent lint)
}

# Lints the committed OpenAPI document (kept equal to the served one by OpenApiCopyTests) with
# Spectral's spectral:oas ruleset; any error or warning fails the run.
openapi_lint() {
  say "OpenAPI lint (Spectral, spectral:oas)"
  (cd "$repo/tools/openapi-lint" && npm ci --no-audit --no-fund --loglevel=error && npm run --silent lint)
}

# ---------------------------------------------------------------------------------------------
# Throwaway PostgreSQL server
# ---------------------------------------------------------------------------------------------
pg_dir=""    # server folder (mktemp): data/, server.log, and the Unix socket
pg_user=""   # non-root system user that runs the server when this script runs as root
pg_port=""

# Runs a PostgreSQL program as the server's user (PostgreSQL refuses to run as root).
as_pg() {
  if [ -z "$pg_user" ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    (cd / && runuser -u "$pg_user" -- "$@")
  else
    (cd / && su -s /bin/bash "$pg_user" -c "$(printf '%q ' "$@")")
  fi
}

choose_pg_user() {
  is_root || return 0
  if id -u postgres >/dev/null 2>&1; then
    pg_user=postgres
  else
    if ! id -u pgtest >/dev/null 2>&1; then
      say "creating system user pgtest to run PostgreSQL (it refuses to run as root)"
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin pgtest \
        || die "could not create the system user pgtest."
    fi
    pg_user=pgtest
  fi
}

port_in_use() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Htan "( sport = :$port )" 2>/dev/null)" ]
  elif command -v python3 >/dev/null 2>&1; then
    if python3 -c 'import socket,sys; socket.socket().bind(("127.0.0.1", int(sys.argv[1])))' "$port" 2>/dev/null; then
      return 1
    fi
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# A free port below Linux's default ephemeral range (32768-60999), so that the kernel does not
# hand it to an outgoing connection between this check and the server's bind.
free_port() {
  local port _
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 12768))
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

stop_postgres() {
  [ -n "$pg_dir" ] || return 0
  local dir="$pg_dir"
  pg_dir=""
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$dir/data" -m fast -t 30 -w stop >/dev/null 2>&1 \
      || as_pg "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -t 30 -w stop >/dev/null 2>&1 \
      || echo "test.sh: could not stop the PostgreSQL server in $dir" >&2
  fi
  rm -rf "$dir"
  rm -f "$pg_state_file"
  say "PostgreSQL stopped; $dir removed"
}

# A server left behind by a run that was killed outright (SIGKILL) in this checkout.
stop_stale_postgres() {
  [ -f "$pg_state_file" ] || return 0
  local owner="" dir=""
  read -r owner dir <"$pg_state_file" || true
  if [ -n "$owner" ] && [ "$owner" != "$$" ] && kill -0 "$owner" 2>/dev/null \
    && grep -qa 'test.sh' "/proc/$owner/cmdline" 2>/dev/null; then
    die "another ./test.sh (pid $owner) is running in this checkout; wait for it or stop it."
  fi
  case "$dir" in
    */workflow-test-pg.*)
      if [ -d "$dir" ]; then
        say "removing a PostgreSQL server left by an earlier run: $dir"
        if [ -f "$dir/data/postmaster.pid" ]; then
          local owner_user
          owner_user="$(stat -c %U "$dir/data" 2>/dev/null || true)"
          if is_root && [ -n "$owner_user" ] && [ "$owner_user" != root ]; then
            (cd / && runuser -u "$owner_user" -- "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop) >/dev/null 2>&1 || true
          else
            "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
          fi
        fi
        rm -rf "$dir"
      fi
      ;;
  esac
  rm -f "$pg_state_file"
}

# Starts the server and exports WORKFLOW_TEST_POSTGRES; returns non-zero (with a message) when
# the server cannot be started.
start_postgres() {
  choose_pg_user
  # mktemp rather than .test-run/: a short path for the Unix socket (at most 107 bytes), and one
  # the server's user can reach even when the checkout lies under a private home folder.
  pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/workflow-test-pg.XXXXXX")" || { echo "mktemp failed" >&2; return 1; }
  printf '%s %s\n' "$$" "$pg_dir" >"$pg_state_file"
  if [ -n "$pg_user" ]; then
    chown "$pg_user:" "$pg_dir"
    as_pg test -w "$pg_dir" || { echo "user $pg_user cannot write to $pg_dir (check TMPDIR)" >&2; return 1; }
  fi

  local locale=C
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale=C.UTF-8; fi
  say "initdb ($pg_bin, ${pg_user:-$(id -un)}, $pg_dir)"
  if ! as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale="$locale" \
    --no-sync >"$pg_dir/initdb.log" 2>&1; then
    cat "$pg_dir/initdb.log" >&2
    return 1
  fi

  local _ opts log="$pg_dir/server.log"
  for _ in 1 2 3; do
    pg_port="$(free_port)" || { echo "no free TCP port found on 127.0.0.1" >&2; return 1; }
    say "starting PostgreSQL on 127.0.0.1:$pg_port"
    rm -f "$log"
    # fsync, synchronous_commit and full_page_writes off: this server is thrown away after the
    # run, so crash safety buys nothing and only slows the tests down.
    opts="-p $pg_port -k '$pg_dir' -c listen_addresses=127.0.0.1"
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    # The default 100 connections is less than the suite holds at once: test classes run side by side, each API host
    # with its own pool, the multi-node test's processes with theirs, and 40 commands in flight in the concurrency test.
    opts+=" -c max_connections=400"
    if as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$log" -t 60 -w -o "$opts" start >/dev/null; then
      export WORKFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
      say "WORKFLOW_TEST_POSTGRES=$WORKFLOW_TEST_POSTGRES"
      return 0
    fi
    grep -q 'could not bind' "$log" 2>/dev/null || break
    echo "port $pg_port was taken meanwhile" >&2
  done
  tail -n 20 "$log" >&2 2>/dev/null || true
  return 1
}

# ---------------------------------------------------------------------------------------------
# OpenID Connect provider (tools/oidc-provider: node-oidc-provider on loopback)
# ---------------------------------------------------------------------------------------------
oidc_pid=""
oidc_log="$run_dir/oidc-provider.log"

# Starts the provider on a free loopback port and exports WORKFLOW_TEST_OIDC; non-zero when it does not come up.
start_oidc_provider() {
  say "OpenID Connect provider (tools/oidc-provider): npm ci"
  (cd "$repo/tools/oidc-provider" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  local port _ i
  for _ in 1 2 3; do
    port="$(free_port)" || { echo "no free TCP port found on 127.0.0.1" >&2; return 1; }
    (cd "$repo/tools/oidc-provider" && PORT="$port" exec node server.mjs) >"$oidc_log" 2>&1 &
    oidc_pid=$!
    for i in $(seq 1 50); do
      if grep -q "^ready " "$oidc_log" 2>/dev/null; then
        export WORKFLOW_TEST_OIDC="http://127.0.0.1:$port"
        say "WORKFLOW_TEST_OIDC=$WORKFLOW_TEST_OIDC"
        return 0
      fi
      kill -0 "$oidc_pid" 2>/dev/null || break
      sleep 0.2
    done
    stop_oidc_provider
    grep -q 'EADDRINUSE' "$oidc_log" 2>/dev/null || break
    echo "port $port was taken meanwhile" >&2
  done
  tail -n 20 "$oidc_log" >&2 2>/dev/null || true
  return 1
}

stop_oidc_provider() {
  [ -n "$oidc_pid" ] || return 0
  kill "$oidc_pid" 2>/dev/null || true
  wait "$oidc_pid" 2>/dev/null || true
  oidc_pid=""
}

# shellcheck disable=SC2317  # called by the EXIT trap
on_exit() {
  local rc=$?
  trap - EXIT
  stop_oidc_provider || true
  stop_postgres || true
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# Run
# ---------------------------------------------------------------------------------------------
stop_stale_postgres
rm -rf "$results"
mkdir -p "$results"

if [ "$postgres_skipped" -eq 0 ]; then ensure_postgres_binaries; fi
ensure_browser
ensure_node

say "restore and build (Release)"
dotnet restore Workflow.sln --locked-mode
dotnet build Workflow.sln -c Release --no-restore

if [ "$postgres_skipped" -eq 1 ]; then
  unset WORKFLOW_TEST_POSTGRES
  warn "WORKFLOW_SKIP_POSTGRES=1: NO PostgreSQL server was started. Tests that need it are skipped;
    this run does NOT test everything. Run ./test.sh without it before you push."
elif ! start_postgres; then
  if [ "$postgres_required" -eq 1 ]; then
    die "the throwaway PostgreSQL server could not be started (required: CI=true or WORKFLOW_REQUIRE_POSTGRES=1)."
  fi
  die "the throwaway PostgreSQL server could not be started. To run without it (not everything is
  tested then): WORKFLOW_SKIP_POSTGRES=1 ./test.sh"
fi

unset WORKFLOW_TEST_OIDC
if ! start_oidc_provider; then
  if [ "${CI:-}" = "true" ]; then
    die "the OpenID Connect provider (tools/oidc-provider) could not be started (required: CI=true)."
  fi
  warn "the OpenID Connect provider could not be started here; its tests will try to start one themselves."
fi

status=0
web_unit_tests || status=$?
web_lint || { status=$?; echo "!!! the web app has ESLint or Prettier findings (above): this run fails." >&2; }
openapi_lint || { status=$?; echo "!!! the OpenAPI document has Spectral findings (above): this run fails." >&2; }

say "dotnet test"
dotnet test Workflow.sln -c Release --no-build \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" || status=$?

stop_oidc_provider
stop_postgres

# Sum the counters of every TRX file: the real counts, whatever the console printed.
passed=0
failed=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "${#trx_files[@]}" -eq 0 ]; then
  echo "No test results were written." >&2
  status=1
fi
# The web app's Vitest results (JUnit): tests minus failures, errors and skipped tests passed.
vitest_xml="$results/vitest-junit.xml"
if [ -f "$vitest_xml" ]; then
  suites=$(grep -o '<testsuites [^>]*>' "$vitest_xml" | head -n 1)
  t=$(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$suites")
  f=$(sed -n 's/.* failures="\([0-9]*\)".*/\1/p' <<<"$suites")
  e=$(sed -n 's/.* errors="\([0-9]*\)".*/\1/p' <<<"$suites")
  sk=0
  while read -r n; do sk=$((sk + ${n:-0})); done < <(grep -o '<testsuite [^>]*>' "$vitest_xml" | sed -n 's/.* skipped="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${t:-0} - ${f:-0} - ${e:-0} - ${sk:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
else
  echo "No web app unit test results were written ($vitest_xml)." >&2
  status=1
fi
if [ "$postgres_skipped" -eq 1 ]; then
  echo "!!! WARNING: WORKFLOW_SKIP_POSTGRES=1: tests needing PostgreSQL did not run." >&2
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
