#!/usr/bin/env bash
# Virtuoso Open Source on loopback, for the round-trip tests and the benchmarks.
#
#   scripts/virtuoso.sh install   # Debian's virtuoso-opensource (as root), once per machine
#   scripts/virtuoso.sh start     # a fresh database in a temporary folder; prints the endpoint
#   scripts/virtuoso.sh stop      # stops it and removes the folder
#   scripts/virtuoso.sh status    # exit 0 when it answers
#
# It listens on 127.0.0.1 only, on private ports (VIRTUOSO_HTTP_PORT, default 18890;
# VIRTUOSO_SQL_PORT, default 11111). The state folder is VIRTUOSO_DIR (default
# ${TMPDIR:-/tmp}/appeals-kg-virtuoso). The SPARQL endpoint is http://127.0.0.1:PORT/sparql and
# the Graph Store Protocol endpoint http://127.0.0.1:PORT/sparql-graph-crud; both accept writes
# from loopback (this is a throw-away test database, never a shared one).
set -euo pipefail

HTTP_PORT="${VIRTUOSO_HTTP_PORT:-18890}"
SQL_PORT="${VIRTUOSO_SQL_PORT:-11111}"
DIR="${VIRTUOSO_DIR:-${TMPDIR:-/tmp}/appeals-kg-virtuoso}"
BIN="$(command -v virtuoso-t || true)"

say() { echo "virtuoso: $*" >&2; }

install() {
  if [ -n "$BIN" ]; then say "already installed ($BIN)"; return 0; fi
  if [ "$(id -u)" != 0 ]; then say "installing needs root: apt-get install virtuoso-opensource"; exit 2; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq virtuoso-opensource >/dev/null
  # The package may start a system instance on the default ports; this project does not use it.
  if command -v service >/dev/null; then service virtuoso-opensource-7 stop >/dev/null 2>&1 || true; fi
  say "installed $(command -v virtuoso-t)"
}

answers() {
  python3 - "$HTTP_PORT" <<'PY'
import sys, urllib.request, urllib.parse
url = f"http://127.0.0.1:{sys.argv[1]}/sparql?" + urllib.parse.urlencode({"query": "ASK {}"})
try:
    with urllib.request.urlopen(url, timeout=2) as r:
        sys.exit(0 if r.status == 200 else 1)
except Exception:
    sys.exit(1)
PY
}

start() {
  [ -n "$BIN" ] || { say "not installed: run scripts/virtuoso.sh install"; exit 2; }
  if [ -f "$DIR/pid" ] && kill -0 "$(cat "$DIR/pid")" 2>/dev/null; then
    say "already running (pid $(cat "$DIR/pid"))"; echo "http://127.0.0.1:$HTTP_PORT/sparql"; return 0
  fi
  if answers; then say "port $HTTP_PORT is already in use: set VIRTUOSO_HTTP_PORT"; exit 2; fi
  rm -rf "$DIR"; mkdir -p "$DIR"
  cat >"$DIR/virtuoso.ini" <<INI
[Database]
DatabaseFile = $DIR/virtuoso.db
ErrorLogFile = $DIR/virtuoso.log
LockFile = $DIR/virtuoso.lck
TransactionFile = $DIR/virtuoso.trx
xa_persistent_file = $DIR/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $DIR/virtuoso-temp.db
TransactionFile = $DIR/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$SQL_PORT
DisableUnixSocket = 1
CheckpointInterval = 60
DirsAllowed = ., $DIR
NumberOfBuffers = ${VIRTUOSO_BUFFERS:-170000}
MaxDirtyBuffers = ${VIRTUOSO_DIRTY_BUFFERS:-130000}
MaxQueryMem = 2G
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:$HTTP_PORT
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 4
MaxClientConnections = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 300
DefaultGraph =
INI
  # Detached, with no inherited descriptors, so that callers reading our output see its end.
  cd "$DIR"
  "$BIN" +configfile "$DIR/virtuoso.ini" +foreground </dev/null >"$DIR/stdout.log" 2>&1 &
  echo $! >"$DIR/pid"
  cd - >/dev/null
  for _ in $(seq 1 120); do
    if answers; then break; fi
    if ! kill -0 "$(cat "$DIR/pid")" 2>/dev/null; then
      say "did not start; its log says:"; tail -20 "$DIR/virtuoso.log" >&2 || true; exit 2
    fi
    sleep 1
  done
  answers || { say "no answer on port $HTTP_PORT after 120 s"; exit 2; }
  # Writes from loopback: SPARQL Update and the Graph Store Protocol, without a login.
  isql-vt "127.0.0.1:$SQL_PORT" dba dba >"$DIR/grant.log" 2>&1 <<'SQL' || true
GRANT SPARQL_UPDATE TO "SPARQL";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);
SQL
  say "running (pid $(cat "$DIR/pid")), data in $DIR"
  echo "http://127.0.0.1:$HTTP_PORT/sparql"
}

stop() {
  if [ -f "$DIR/pid" ]; then
    pid="$(cat "$DIR/pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$DIR"
  say "stopped"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) answers ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
