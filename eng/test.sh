#!/usr/bin/env bash
# The test command (README, and what .ci/run calls): starts a private RabbitMQ node on 127.0.0.1 (installing
# Debian's rabbitmq-server if missing), restores, builds with warnings as errors, runs every test project,
# and stops the node again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export MG_RABBITMQ_DIR="$root/.rabbitmq"
port="$(eng/rabbitmq.sh start)"
trap 'eng/rabbitmq.sh stop' EXIT
export MG_TEST_RABBITMQ_PORT="$port"
echo "RabbitMQ test node on 127.0.0.1:$port"

dotnet restore MessagingGateway.sln
dotnet build MessagingGateway.sln --no-restore -warnaserror
dotnet test MessagingGateway.sln --no-build
