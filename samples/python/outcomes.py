#!/usr/bin/env python3
"""Read the gateway's outcome events, with nothing but pika; print each as one JSON line.

    python3 samples/python/outcomes.py --queue my-outcomes --count 1 --timeout 30   # a reply queue (publish.py --reply-to)
    python3 samples/python/outcomes.py --count 5 --timeout 60                       # every outcome, from now on

Each outcome is printed on standard output as {"type": "MessageSent", "event": {...}}, the event being the camelCase
JSON of docs/contracts.md (MessageSent, MessageSendFailed, MessageRevoked, MessageRevokeFailed).

Where the events come from:
  --queue NAME         a queue of yours: the reply queue named in the commands' reply_to, or a durable subscription
                       queue when combined with --bind. Declared if missing (durable, expires after an hour unused).
  --bind               bind the queue to the four event exchanges Gateway.Core.Contracts:MessageSent, ...:MessageSendFailed,
                       ...:MessageRevoked, ...:MessageRevokeFailed (declared fanout and durable, as the worker does).
  (no --queue)         a private server-named queue bound to the exchanges, deleted when the script exits: it sees the
                       outcomes of commands published after the "listening" line on standard error.
The worker must run with Messaging__Events__Format=Json for plain JSON events and for reply_to copies; events in
MassTransit's envelope (the default format) on the exchanges are unwrapped too.

--message-id ID prints only that command's outcome (others are acknowledged and skipped). The script stops after
--count outcomes (default 1; 0 = until the timeout) or --timeout seconds (default 30), whichever comes first.
Exit codes: 0 all outcomes read (or --count 0), 1 timed out first or broker error, 2 bad arguments.
Broker: --url, else AMQP_URL, else amqp://guest:guest@localhost:5672/%2F. Needs pika 1.x (apt-get install -y python3-pika).
"""

import argparse
import json
import os
import sys
import time

import pika
import pika.exceptions

DEFAULT_URL = "amqp://guest:guest@localhost:5672/%2F"
EVENT_EXCHANGES = [
    "Gateway.Core.Contracts:MessageSent",
    "Gateway.Core.Contracts:MessageSendFailed",
    "Gateway.Core.Contracts:MessageRevoked",
    "Gateway.Core.Contracts:MessageRevokeFailed",
]
# The same arguments as publish.py's reply queues, so whichever script comes first declares the same queue.
QUEUE_ARGUMENTS = {"x-expires": 3_600_000}


def parse_args():
    parser = argparse.ArgumentParser(description="Print the gateway's outcome events as JSON lines.")
    parser.add_argument("--url", default=os.environ.get("AMQP_URL", DEFAULT_URL),
                        help="broker URL (default: $AMQP_URL, else %(default)s)")
    parser.add_argument("--queue", help="read this queue (a reply queue, or a subscription queue with --bind)")
    parser.add_argument("--bind", action="store_true", help="bind the queue to the event exchanges")
    parser.add_argument("--message-id", metavar="ID", help="print only the outcome of this command")
    parser.add_argument("--count", type=int, default=1, help="stop after this many outcomes (0: until the timeout)")
    parser.add_argument("--timeout", type=float, default=30.0, help="stop after this many seconds")
    args = parser.parse_args()
    if args.count < 0 or args.timeout <= 0:
        parser.error("--count must be 0 or more and --timeout positive")
    return args


def declare_queue(connection, channel, name):
    """Declares the queue; one declared before with other arguments is used as it is."""
    try:
        channel.queue_declare(queue=name, durable=True, arguments=QUEUE_ARGUMENTS)
        return channel
    except pika.exceptions.ChannelClosedByBroker as error:
        if error.reply_code != 406:  # PRECONDITION_FAILED: it exists with other settings
            raise
        channel = connection.channel()
        channel.queue_declare(queue=name, passive=True)
        return channel


def decode(method, properties, body):
    """Returns (type, event) for a plain JSON event or a MassTransit envelope."""
    document = json.loads(body)
    if isinstance(document, dict) and "messageType" in document and "message" in document:
        # MassTransit's envelope: "messageType": ["urn:message:Gateway.Core.Contracts:MessageSent"].
        return document["messageType"][0].rsplit(":", 1)[-1], document["message"]
    headers = properties.headers or {}
    name = properties.type or headers.get("type")
    if isinstance(name, bytes):
        name = name.decode("utf-8")
    if not name and method.exchange:
        name = method.exchange.rsplit(":", 1)[-1]
    return name or "unknown", document


def main():
    args = parse_args()
    parameters = pika.URLParameters(args.url)
    parameters.socket_timeout = min(args.timeout, 30.0)
    parameters.connection_attempts = 1
    deadline = time.monotonic() + args.timeout
    try:
        connection = pika.BlockingConnection(parameters)
    except pika.exceptions.AMQPError as error:
        print(f"outcomes.py: cannot connect to {parameters.host}:{parameters.port}: {error!r}", file=sys.stderr)
        return 1

    printed = 0
    try:
        channel = connection.channel()
        if args.queue:
            channel = declare_queue(connection, channel, args.queue)
            queue = args.queue
        else:
            queue = channel.queue_declare(queue="", exclusive=True, auto_delete=True).method.queue
        bound = args.bind or not args.queue
        if bound:
            for exchange in EVENT_EXCHANGES:
                channel.exchange_declare(exchange=exchange, exchange_type="fanout", durable=True)
                channel.queue_bind(queue=queue, exchange=exchange)
        channel.basic_qos(prefetch_count=args.count or 100)
        where = f" (bound to {', '.join(EVENT_EXCHANGES)})" if bound else ""
        print(f"outcomes.py: listening on queue '{queue}'{where}", file=sys.stderr, flush=True)

        for method, properties, body in channel.consume(queue, inactivity_timeout=0.25):
            if method is None:
                if time.monotonic() >= deadline:
                    break
                continue
            try:
                name, event = decode(method, properties, body)
            except (ValueError, KeyError, IndexError, TypeError) as error:
                print(f"outcomes.py: skipping a message that is not an outcome event: {error}", file=sys.stderr)
                channel.basic_ack(method.delivery_tag)
                continue
            if args.message_id is None or (isinstance(event, dict) and event.get("messageId") == args.message_id):
                print(json.dumps({"type": name, "event": event}, ensure_ascii=False), flush=True)
                printed += 1
            channel.basic_ack(method.delivery_tag)
            if (args.count and printed >= args.count) or time.monotonic() >= deadline:
                break
        channel.cancel()  # unacknowledged deliveries go back to the queue
    except pika.exceptions.AMQPError as error:
        print(f"outcomes.py: broker error: {error!r}", file=sys.stderr)
        return 1
    finally:
        if connection.is_open:
            connection.close()

    if args.count and printed < args.count:
        print(f"outcomes.py: timed out after {args.timeout:g} s with {printed} of {args.count} outcomes", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
