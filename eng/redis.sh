#!/usr/bin/env bash
# Starts or stops a private Redis server for tests and fault-injection runs: its own port and data directory on
# 127.0.0.1, append-only file on (appendfsync everysec), so it never touches a system Redis. Installs Debian's
# redis-server when it is missing.
#   eng/redis.sh start     -> prints the port; state in $MG_REDIS_DIR (default .redis/). A fresh, empty server unless one is running
#   eng/redis.sh stop      -> stops the server and removes the directory
#   eng/redis.sh shutdown  -> graceful stop (the AOF is flushed); the directory is kept
#   eng/redis.sh kill9     -> SIGKILL (a crash: up to about one second of writes may be lost); the directory is kept
#   eng/redis.sh resume    -> starts the recorded server again on the same port and data; prints the port
#   eng/redis.sh restart   -> shutdown, then resume
#   eng/redis.sh pid       -> the server's process id
#   eng/redis.sh cli ARGS  -> redis-cli against the server (e.g. `cli DBSIZE`)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${MG_REDIS_DIR:-$root/.redis}"

ensure_installed() {
    if command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1; then return; fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "redis-server is not installed; run: sudo apt-get install -y redis-server" >&2
        exit 1
    fi
    echo "Installing redis-server from Debian's packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq redis-server >&2
    # The package may start a system server; the tests use their own, so stop it to free resources.
    (service redis-server stop || true) >/dev/null 2>&1
}

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 20000))
        if ! in_use "$port"; then
            echo "$port"
            return
        fi
    done
    echo "no free port found" >&2
    exit 1
}

cli() { redis-cli -h 127.0.0.1 -p "$(cat "$dir/port")" "$@"; }
alive() { [ -e "/proc/$1" ] && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null; }
require_server() { [ -f "$dir/port" ] && [ -f "$dir/redis.conf" ] || { echo "no test server in $dir (eng/redis.sh start)" >&2; exit 1; }; }
running() { [ "$(cli PING 2>/dev/null || true)" = "PONG" ]; }

boot() {
    redis-server "$dir/redis.conf" >"$dir/start.out" 2>&1 || { cat "$dir/start.out" "$dir/redis.log" >&2 2>/dev/null; exit 1; }
    local deadline=$((SECONDS + 60))
    # While it loads the AOF, Redis answers PING with -LOADING; wait for PONG.
    until running; do
        if [ $SECONDS -ge $deadline ]; then
            echo "Redis did not start within 60 s; log in $dir/redis.log" >&2
            tail -40 "$dir/redis.log" >&2 2>/dev/null || true
            exit 1
        fi
        sleep 0.2
    done
    cat "$dir/port"
}

start() {
    ensure_installed
    if [ -f "$dir/port" ] && running; then
        cat "$dir/port"
        return
    fi
    rm -rf "$dir"
    mkdir -p "$dir/data"
    free_port > "$dir/port"
    cat > "$dir/redis.conf" <<CONF
bind 127.0.0.1
protected-mode yes
port $(cat "$dir/port")
daemonize yes
pidfile $dir/redis.pid
logfile $dir/redis.log
dir $dir/data
appendonly yes
appendfsync everysec
save ""
CONF
    boot
}

resume() {
    ensure_installed
    require_server
    if running; then
        cat "$dir/port"
        return
    fi
    boot
}

server_pid() {
    require_server
    local pid
    pid="$(tr -dc '0-9' < "$dir/redis.pid" 2>/dev/null || true)"
    if [ -z "$pid" ] || ! alive "$pid"; then
        pid="$(cli INFO server 2>/dev/null | sed -n 's/^process_id:\([0-9]*\).*/\1/p')"
    fi
    [ -n "$pid" ] || { echo "the Redis server in $dir is not running" >&2; exit 1; }
    echo "$pid"
}

shutdown() {
    require_server
    local pid
    pid="$(server_pid 2>/dev/null || true)"
    [ -n "$pid" ] || return 0
    cli SHUTDOWN >/dev/null 2>&1 || true
    for _ in $(seq 1 100); do
        alive "$pid" || return 0
        sleep 0.1
    done
    echo "Redis (pid $pid) did not stop within 10 s" >&2
    exit 1
}

kill9() {
    local pid
    pid="$(server_pid)"
    kill -KILL "$pid"
    for _ in $(seq 1 100); do
        alive "$pid" || break
        sleep 0.1
    done
    rm -f "$dir/redis.pid"
}

stop() {
    [ -f "$dir/port" ] || return 0
    if running; then cli SHUTDOWN NOSAVE >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    shutdown) shutdown ;;
    kill9) kill9 ;;
    resume) resume ;;
    restart) shutdown; resume ;;
    pid) server_pid ;;
    cli) shift; require_server; cli "$@" ;;
    *) echo "usage: $0 start|stop|shutdown|kill9|resume|restart|pid|cli ARGS" >&2; exit 2 ;;
esac
