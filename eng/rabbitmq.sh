#!/usr/bin/env bash
# Starts or stops a private RabbitMQ node for the tests: its own node name, ports and data directory on
# 127.0.0.1, so it never touches a system broker. Installs Debian's rabbitmq-server when it is missing.
#   eng/rabbitmq.sh start   -> prints the AMQP port; state in $MG_RABBITMQ_DIR (default .rabbitmq/)
#   eng/rabbitmq.sh vhost NAME  -> adds a virtual host with full rights for guest (tests isolate themselves this way)
#   eng/rabbitmq.sh stop
# For fault-injection runs (bench/Gateway.Reliability), the same node can be taken down and brought back with its data:
#   eng/rabbitmq.sh shutdown     -> graceful stop of the node; the data directory (durable queues, persistent messages) is kept
#   eng/rabbitmq.sh kill9        -> SIGKILL of the node's Erlang VM (a crash); the data directory is kept
#   eng/rabbitmq.sh resume       -> starts the node recorded in $MG_RABBITMQ_DIR again, same name, port and data; prints the port
#   eng/rabbitmq.sh restart      -> shutdown, then resume
#   eng/rabbitmq.sh pid          -> the OS process id of the running node
#   eng/rabbitmq.sh queues VHOST -> one line per queue: name, messages ready, messages unacknowledged, consumers
# `start` still creates a fresh node (wiping the directory) when the recorded one is not running; use `resume` to keep it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${MG_RABBITMQ_DIR:-$root/.rabbitmq}"
node="${MG_RABBITMQ_NODE:-mgtest-$$@localhost}"
bin=/usr/lib/rabbitmq/bin

ensure_installed() {
    if [ -x "$bin/rabbitmq-server" ]; then return; fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "rabbitmq-server is not installed; run: sudo apt-get install -y rabbitmq-server" >&2
        exit 1
    fi
    echo "Installing rabbitmq-server from Debian's packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq rabbitmq-server >&2
    # The package may start a system node; the tests use their own, so stop it to free resources.
    (service rabbitmq-server stop || true) >/dev/null 2>&1
}

# An AMQP port whose Erlang distribution port (RabbitMQ's default: AMQP port + 20000) is free as well.
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 20000))
        if ! in_use "$port" && ! in_use $((port + 20000)); then
            echo "$port"
            return
        fi
    done
    echo "no free port pair found" >&2
    exit 1
}

node_env() {
    export RABBITMQ_NODENAME="$(cat "$dir/node")"
    export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    export RABBITMQ_NODE_PORT="$(cat "$dir/port")"
    export RABBITMQ_MNESIA_BASE="$dir/mnesia"
    export RABBITMQ_LOG_BASE="$dir/log"
    export RABBITMQ_PID_FILE="$dir/node.pid"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
    export RABBITMQ_CONFIG_FILE="$dir/rabbitmq"
    export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
    export RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
    export HOME="$dir/home"
}

start() {
    ensure_installed
    if [ -f "$dir/port" ] && [ -f "$dir/node" ]; then
        node_env
        if "$bin/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" status >/dev/null 2>&1; then
            cat "$dir/port"
            return
        fi
    fi
    rm -rf "$dir"
    mkdir -p "$dir/mnesia" "$dir/log" "$dir/home"
    echo "$node" > "$dir/node"
    free_port > "$dir/port"
    echo "[]." > "$dir/enabled_plugins"
    # Loopback only; the default guest user is allowed from localhost. Low disk alarm off for CI machines.
    printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users.guest = true\ndisk_free_limit.absolute = 50MB\n' "$(cat "$dir/port")" > "$dir/rabbitmq.conf"
    echo "[]." > "$dir/advanced.config"
    : > "$dir/rabbitmq-env.conf"
    node_env
    boot
}

# Starts the node described by $dir (node_env already exported) and waits until it has booted.
boot() {
    "$bin/rabbitmq-server" -detached >"$dir/log/start.out" 2>&1 || { cat "$dir/log/start.out" >&2; exit 1; }
    # -detached returns before the node registers; retry until it answers and has booted.
    local deadline=$((SECONDS + 120))
    until "$bin/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" await_startup --timeout 60 >"$dir/log/await.out" 2>&1; do
        if [ $SECONDS -ge $deadline ]; then
            echo "RabbitMQ did not start within 120 s; logs in $dir/log" >&2
            cat "$dir/log/await.out" "$dir/log/"*.log 2>/dev/null | tail -40 >&2
            exit 1
        fi
        sleep 1
    done
    # The OS pid, for kill9 (rabbitmqctl answers for the booted node only).
    "$bin/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" eval 'list_to_integer(os:getpid()).' > "$dir/os.pid" 2>/dev/null || true
    cat "$dir/port"
}

require_node() {
    [ -f "$dir/node" ] && [ -f "$dir/port" ] || { echo "no test node in $dir (eng/rabbitmq.sh start)" >&2; exit 1; }
    node_env
}

running() { "$bin/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" status >/dev/null 2>&1; }

# The recorded node again, keeping its data directory (after shutdown or kill9). A running node is left as it is.
resume() {
    ensure_installed
    require_node
    if running; then
        cat "$dir/port"
        return
    fi
    boot
}

shutdown() {
    require_node
    # `shutdown` (unlike `stop`) returns only once the Erlang VM has exited, so that resume can bind the port again.
    "$bin/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" shutdown >/dev/null 2>&1 || true
    rm -f "$dir/os.pid"
}

node_pid() {
    require_node
    local pid
    pid="$(tr -dc '0-9' < "$dir/os.pid" 2>/dev/null || true)"
    if [ -z "$pid" ] || ! alive "$pid"; then
        pid="$("$bin/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" eval 'list_to_integer(os:getpid()).' 2>/dev/null | tr -dc '0-9' || true)"
    fi
    [ -n "$pid" ] || { echo "the node $RABBITMQ_NODENAME is not running" >&2; exit 1; }
    echo "$pid"
}

# Running and not a zombie (a killed VM whose parent has not reaped it yet no longer holds its ports).
alive() { [ -e "/proc/$1" ] && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null; }

# A crash: SIGKILL of the Erlang VM, no chance to flush or close connections. The data directory stays for resume.
kill9() {
    local pid
    pid="$(node_pid)"
    kill -KILL "$pid"
    for _ in $(seq 1 100); do
        alive "$pid" || break
        sleep 0.1
    done
    rm -f "$dir/os.pid"
}

queues() {
    require_node
    "$bin/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" list_queues -p "$1" --no-table-headers name messages_ready messages_unacknowledged consumers
}

stop() {
    [ -f "$dir/node" ] || return 0
    node_env
    "$bin/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}

vhost() {
    [ -f "$dir/node" ] || { echo "no test node is running (eng/rabbitmq.sh start)" >&2; exit 1; }
    node_env
    "$bin/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" add_vhost "$1" >/dev/null
    "$bin/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" set_permissions -p "$1" guest ".*" ".*" ".*" >/dev/null
}

case "${1:-}" in
    start) start ;;
    vhost) vhost "${2:?usage: $0 vhost NAME}" ;;
    stop) stop ;;
    resume) resume ;;
    shutdown) shutdown ;;
    restart) shutdown; resume ;;
    kill9) kill9 ;;
    pid) node_pid ;;
    queues) queues "${2:?usage: $0 queues VHOST}" ;;
    *) echo "usage: $0 start|stop|vhost NAME|resume|shutdown|restart|kill9|pid|queues VHOST" >&2; exit 2 ;;
esac
