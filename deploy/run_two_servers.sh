#!/bin/sh
# Two app servers of this dashboard behind nginx, on loopback ports, sharing the read-only data/safety.duckdb.
#
#   deploy/run_two_servers.sh start    # builds the database once, starts both servers and nginx
#   deploy/run_two_servers.sh stop     # stops nginx and both servers (only the processes it started)
#   deploy/run_two_servers.sh status
#
# Ports and places (environment): LB_PORT=8600, APP_PORT_1=8601, APP_PORT_2=8602, RUN_DIR=/tmp/lausd-safety-lb.
# On a real host: put nginx on the public port (TLS in front), keep the app servers on 127.0.0.1 or a private
# network, and set the same STREAMLIT_COOKIE_SECRET on every app server.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
LB_PORT=${LB_PORT:-8600}
APP_PORT_1=${APP_PORT_1:-8601}
APP_PORT_2=${APP_PORT_2:-8602}
RUN_DIR=${RUN_DIR:-/tmp/lausd-safety-lb}
PY=${PY:-$ROOT/.venv/bin/python}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

start() {
    mkdir -p "$RUN_DIR/logs" "$RUN_DIR/tmp"
    # One build before the servers start: afterwards both only read the file (read-only connections).
    "$PY" -m data.build >"$RUN_DIR/logs/build.log" 2>&1
    # One cookie secret for both servers, so either accepts the other's XSRF cookie after a failover.
    secret=${STREAMLIT_COOKIE_SECRET:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}
    for port in "$APP_PORT_1" "$APP_PORT_2"; do
        STREAMLIT_SERVER_COOKIE_SECRET=$secret nohup "$PY" -m streamlit run app.py --server.port "$port" \
            --server.address 127.0.0.1 --server.headless true --browser.gatherUsageStats false \
            --server.fileWatcherType none --server.runOnSave false \
            >"$RUN_DIR/logs/app-$port.log" 2>&1 &
        echo $! >"$RUN_DIR/app-$port.pid"
    done
    sed -e "s/@LB_PORT@/$LB_PORT/g" -e "s/@APP_PORT_1@/$APP_PORT_1/g" -e "s/@APP_PORT_2@/$APP_PORT_2/g" \
        deploy/nginx.conf >"$RUN_DIR/nginx.conf"
    for port in "$APP_PORT_1" "$APP_PORT_2"; do   # bounded wait: 60 s per server
        i=0
        until curl -sf "http://127.0.0.1:$port/_stcore/health" >/dev/null 2>&1; do
            i=$((i + 1)); [ "$i" -le 240 ] || { echo "app server on $port did not start; see $RUN_DIR/logs" >&2; stop; exit 1; }
            sleep 0.25
        done
    done
    "$NGINX" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/logs/error.log"
    echo "dashboard behind nginx: http://127.0.0.1:$LB_PORT/  (app servers on $APP_PORT_1 and $APP_PORT_2)"
}

stop() {
    if [ -f "$RUN_DIR/nginx.pid" ]; then
        "$NGINX" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/logs/error.log" -s quit 2>/dev/null || true
    fi
    for port in "$APP_PORT_1" "$APP_PORT_2"; do
        f="$RUN_DIR/app-$port.pid"
        if [ -f "$f" ]; then
            kill "$(cat "$f")" 2>/dev/null || true
            rm -f "$f"
        fi
    done
    echo "stopped"
}

status() {
    for port in "$LB_PORT" "$APP_PORT_1" "$APP_PORT_2"; do
        printf '%s: ' "$port"; curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$port/_stcore/health" || echo down
    done
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
