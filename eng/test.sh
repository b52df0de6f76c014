#!/usr/bin/env bash
# The test command (README, and what .ci/run calls): starts a private RabbitMQ node and a private Redis on 127.0.0.1
# (installing Debian's rabbitmq-server and redis-server if missing), restores, builds with warnings as errors, runs
# every test project, then the fault-injection suite's short mode (real workers, broker restarts and kills), and stops
# the servers again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export MG_RABBITMQ_DIR="$root/.rabbitmq"
export MG_REDIS_DIR="$root/.redis"
rabbit="$(eng/rabbitmq.sh start)"
redis="$(eng/redis.sh start)"
trap 'eng/rabbitmq.sh stop; eng/redis.sh stop' EXIT
export MG_TEST_RABBITMQ_PORT="$rabbit"
export MG_TEST_REDIS_PORT="$redis"
echo "RabbitMQ test node on 127.0.0.1:$rabbit; Redis on 127.0.0.1:$redis"

dotnet restore MessagingGateway.sln
dotnet build MessagingGateway.sln --no-restore -warnaserror
dotnet test MessagingGateway.sln --no-build

# Fault injection, short mode (500 commands; broker restart and kill, worker kill, two workers on the Redis store):
# it runs its own broker node and Redis, and exits non-zero when a command is lost or duplicated beyond the targets.
dotnet run -c Release --project bench/Gateway.Reliability -- --short
