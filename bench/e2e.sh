#!/usr/bin/env bash
# End-to-end benchmark (issue 10): three consumers of send-message side by side, each its own process, over a private
# RabbitMQ node on 127.0.0.1 and a fake OpenIM v3 on loopback Kestrel:
#   raw          hand-written RabbitMQ.Client 7 async consumer (deserialize, HTTP call, manual ack)
#   masstransit  hand-written minimal MassTransit 8.5 consumer (raw JSON, HTTP call)
#   gateway      the real worker: dotnet artifacts/bin/Gateway.Host/release/Gateway.Host.dll run --config <generated>
# Scenarios: saturated (N prefilled), paced (fixed rate, latency), slow-provider (N prefilled, provider latency 20 ms);
# on request, the gateway alone at Tencent's quotas against the sandbox's Tencent emulator: tencent-quota (sendmsg,
# 200/s), tencent-batch (batchsendmsg, 12000 recipients/min), tencent-group (send_group_msg, 40/s per group).
# Prints a markdown report and writes artifacts/e2e/results-<date>.md; consumer logs and generated configs in artifacts/e2e/runs-<date>/.
#
#   bench/e2e.sh                                                   # full run: 3 rounds, N=20000, 1000 msg/s x 20 s, 20 ms
#   bench/e2e.sh --messages 2000 --rounds 1 --paced-seconds 5      # quick check
#   bench/e2e.sh --prefetch 512 --concurrency 512                  # any driver option; --help lists them
#   bench/e2e.sh --scenarios tencent-quota,tencent-batch,tencent-group --consumers gateway --rounds 1   # Tencent quotas
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

driver="$root/artifacts/bin/Gateway.EndToEnd/release/Gateway.EndToEnd.dll"
dotnet build bench/Gateway.EndToEnd/Gateway.EndToEnd.csproj -c Release -nologo -v q -warnaserror >&2
for arg in "$@"; do
    if [ "$arg" = "--help" ] || [ "$arg" = "-h" ]; then
        exec dotnet "$driver" --help
    fi
done
dotnet build src/Gateway.Host/Gateway.Host.csproj -c Release -nologo -v q -warnaserror >&2

export MG_RABBITMQ_DIR="$root/artifacts/e2e/rabbitmq"
port="$(eng/rabbitmq.sh start)"
trap 'eng/rabbitmq.sh stop' EXIT
echo "RabbitMQ benchmark node on 127.0.0.1:$port" >&2

dotnet "$driver" --rabbitmq-port "$port" --repo "$root" --command-line "bench/e2e.sh${*:+ $*}" "$@"
