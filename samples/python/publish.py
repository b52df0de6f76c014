#!/usr/bin/env python3
"""Publish one gateway command (SendMessage or RevokeMessage) as plain JSON, with nothing but pika.

    python3 samples/python/publish.py samples/send-text.json --reply-to my-outcomes

The command is the camelCase JSON of docs/contracts.md. It is published persistent (delivery_mode 2) with
content_type application/json and the command's messageId as the AMQP message_id, mandatory, with publisher
confirms: the script exits 0 only once the broker has stored it in the queue. --reply-to names a queue that gets a
copy of the outcome event (the worker must run with Messaging__Events__Format=Json); the script declares that queue
first, so the copy cannot be dropped, and samples/python/outcomes.py --queue reads it.

Broker: --url, else AMQP_URL, else amqp://guest:guest@localhost:5672/%2F. Exit codes: 0 stored, 1 not stored
(broker unreachable, no such queue: start the worker once so it declares send-message, or refused), 2 bad input.
Needs pika 1.x: `apt-get install -y python3-pika` (Debian, Ubuntu) or `pip install pika`.
"""

import argparse
import json
import os
import sys

import pika
import pika.exceptions

DEFAULT_URL = "amqp://guest:guest@localhost:5672/%2F"

# Reply queues are durable (the outcome survives a broker restart) and expire after an hour without use.
# samples/python/outcomes.py and samples/node declare them with the same arguments.
REPLY_QUEUE_ARGUMENTS = {"x-expires": 3_600_000}


def parse_args():
    parser = argparse.ArgumentParser(description="Publish a gateway command as plain JSON.")
    parser.add_argument("file", help="the command as a JSON file ('-' reads standard input)")
    parser.add_argument("--url", default=os.environ.get("AMQP_URL", DEFAULT_URL),
                        help="broker URL (default: $AMQP_URL, else %(default)s)")
    parser.add_argument("--queue", default="send-message",
                        help="the command queue: send-message (default) or revoke-message")
    parser.add_argument("--reply-to", metavar="QUEUE",
                        help="a queue to get the outcome event in (declared here if missing)")
    parser.add_argument("--message-id", metavar="ID",
                        help="replace the file's messageId (it is the idempotency key: a repeat is a duplicate)")
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="seconds to connect and to wait for the broker's confirm (default %(default)s)")
    return parser.parse_args()


def bad_input(message):
    print(f"publish.py: {message}", file=sys.stderr)
    sys.exit(2)


def read_command(path, message_id):
    try:
        if path == "-":
            command = json.load(sys.stdin)
        else:
            with open(path, encoding="utf-8") as file:
                command = json.load(file)
    except (OSError, ValueError) as error:
        bad_input(f"cannot read a JSON command from {path}: {error}")
    if not isinstance(command, dict):
        bad_input(f"{path} holds JSON {type(command).__name__}, not an object")
    if message_id is not None:
        command["messageId"] = message_id
    if not isinstance(command.get("messageId"), str) or not command["messageId"]:
        bad_input(f"{path} has no messageId (use --message-id)")
    return command


def declare_reply_queue(connection, channel, name):
    """Declares the reply queue; one declared before with other arguments is used as it is."""
    try:
        channel.queue_declare(queue=name, durable=True, arguments=REPLY_QUEUE_ARGUMENTS)
        return channel
    except pika.exceptions.ChannelClosedByBroker as error:
        if error.reply_code != 406:  # PRECONDITION_FAILED: it exists with other settings
            raise
        channel = connection.channel()
        channel.queue_declare(queue=name, passive=True)
        channel.confirm_delivery()
        return channel


def main():
    args = parse_args()
    command = read_command(args.file, args.message_id)
    message_id = command["messageId"]

    parameters = pika.URLParameters(args.url)
    parameters.socket_timeout = args.timeout
    parameters.blocked_connection_timeout = args.timeout
    parameters.connection_attempts = 1
    try:
        connection = pika.BlockingConnection(parameters)
    except pika.exceptions.AMQPError as error:
        print(f"publish.py: cannot connect to {parameters.host}:{parameters.port}: {error!r}", file=sys.stderr)
        return 1

    try:
        channel = connection.channel()
        channel.confirm_delivery()
        if args.reply_to:
            channel = declare_reply_queue(connection, channel, args.reply_to)
        properties = pika.BasicProperties(
            content_type="application/json",
            delivery_mode=2,  # persistent
            message_id=message_id,
            reply_to=args.reply_to,
        )
        # Mandatory: a command for a queue that does not exist comes back instead of vanishing.
        channel.basic_publish(exchange="", routing_key=args.queue, body=json.dumps(command).encode("utf-8"),
                              properties=properties, mandatory=True)
    except pika.exceptions.UnroutableError:
        print(f"publish.py: the broker has no queue '{args.queue}': start the worker once (it declares it)",
              file=sys.stderr)
        return 1
    except pika.exceptions.NackError:
        print(f"publish.py: the broker refused '{message_id}'", file=sys.stderr)
        return 1
    except pika.exceptions.AMQPError as error:
        print(f"publish.py: publishing '{message_id}' failed: {error!r}", file=sys.stderr)
        return 1
    finally:
        if connection.is_open:
            connection.close()

    reply = f" (outcome also to queue '{args.reply_to}')" if args.reply_to else ""
    print(f"published '{message_id}' to '{args.queue}'{reply}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
