#!/usr/bin/env node
// Read the gateway's outcome events with nothing but amqplib; print each as one JSON line.
//
//   node outcomes.js --queue my-outcomes --count 1 --timeout 30   # a reply queue (publish.js --reply-to)
//   node outcomes.js --count 5 --timeout 60                       # every outcome, from now on
//
// The same contract as samples/python/outcomes.py: each outcome is printed as {"type": "MessageSent", "event": {...}}.
//   --queue NAME   a queue of yours (a reply queue, or a subscription queue with --bind); declared if missing
//   --bind         bind the queue to the event exchanges Gateway.Core.Contracts:MessageSent, ...:MessageSendFailed,
//                  ...:MessageRevoked, ...:MessageRevokeFailed (declared fanout and durable, as the worker does)
//   (no --queue)   a private server-named queue bound to the exchanges, deleted on exit; it sees the outcomes of
//                  commands published after the "listening" line on standard error
//   --message-id   print only that command's outcome (others are acknowledged and skipped)
// Stops after --count outcomes (default 1; 0 = until the timeout) or --timeout seconds (default 30).
// Exit codes: 0 all read (or --count 0), 1 timed out first or broker error, 2 bad arguments.
// Broker: --url, else AMQP_URL, else amqp://guest:guest@localhost:5672/%2F.
'use strict';

const { parseArgs } = require('node:util');
const amqp = require('amqplib');

const DEFAULT_URL = 'amqp://guest:guest@localhost:5672/%2F';
const EVENT_EXCHANGES = [
  'Gateway.Core.Contracts:MessageSent',
  'Gateway.Core.Contracts:MessageSendFailed',
  'Gateway.Core.Contracts:MessageRevoked',
  'Gateway.Core.Contracts:MessageRevokeFailed',
];
const QUEUE_OPTIONS = { durable: true, arguments: { 'x-expires': 3600000 } };

function usage(message) {
  if (message) console.error(`outcomes.js: ${message}`);
  console.error('usage: node outcomes.js [--url URL] [--queue NAME] [--bind] [--message-id ID] [--count N] [--timeout SECONDS]');
  process.exit(2);
}

// Returns [type, event] for a plain JSON event or a MassTransit envelope (the worker's default format).
function decode(message) {
  const document = JSON.parse(message.content.toString('utf8'));
  if (document && typeof document === 'object' && 'messageType' in document && 'message' in document) {
    return [String(document.messageType[0]).split(':').pop(), document.message];
  }
  const { properties, fields } = message;
  let type = properties.type || (properties.headers && properties.headers.type);
  if (Buffer.isBuffer(type)) type = type.toString('utf8');
  if (!type && fields.exchange) type = fields.exchange.split(':').pop();
  return [type || 'unknown', document];
}

async function declareQueue(connection, channel, name) {
  try {
    await channel.assertQueue(name, QUEUE_OPTIONS);
    return channel;
  } catch (error) {
    if (error.code !== 406) throw error; // PRECONDITION_FAILED: it exists with other settings; use it as it is
    const fresh = await connection.createChannel();
    await fresh.checkQueue(name);
    return fresh;
  }
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        url: { type: 'string', default: process.env.AMQP_URL || DEFAULT_URL },
        queue: { type: 'string' },
        bind: { type: 'boolean', default: false },
        'message-id': { type: 'string' },
        count: { type: 'string', default: '1' },
        timeout: { type: 'string', default: '30' },
      },
    }));
  } catch (error) {
    usage(error.message);
  }
  const count = Number(values.count);
  const timeout = Number(values.timeout);
  if (!Number.isInteger(count) || count < 0 || !(timeout > 0)) usage('--count must be 0 or more and --timeout positive');
  const deadline = Date.now() + timeout * 1000;

  let connection;
  try {
    connection = await amqp.connect(values.url, { timeout: Math.min(timeout, 30) * 1000 });
  } catch (error) {
    console.error(`outcomes.js: cannot connect to the broker: ${error.message}`);
    return 1;
  }
  connection.on('error', () => {});

  let printed = 0;
  try {
    let channel = await connection.createChannel();
    channel.on('error', () => {});
    let queue = values.queue;
    if (queue) {
      channel = await declareQueue(connection, channel, queue);
    } else {
      queue = (await channel.assertQueue('', { exclusive: true, autoDelete: true })).queue;
    }
    const bound = values.bind || !values.queue;
    if (bound) {
      for (const exchange of EVENT_EXCHANGES) {
        await channel.assertExchange(exchange, 'fanout', { durable: true });
        await channel.bindQueue(queue, exchange, '');
      }
    }
    await channel.prefetch(count || 100);
    console.error(`outcomes.js: listening on queue '${queue}'${bound ? ` (bound to ${EVENT_EXCHANGES.join(', ')})` : ''}`);

    await new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      channel.on('close', () => { clearTimeout(timer); resolve(); });
      channel.consume(queue, (message) => {
        if (message === null) return; // the consumer was cancelled by the broker
        if (count && printed >= count) return; // beyond the count: left unacknowledged, back to the queue on close
        try {
          const [type, event] = decode(message);
          if (values['message-id'] === undefined || (event && event.messageId === values['message-id'])) {
            process.stdout.write(`${JSON.stringify({ type, event })}\n`);
            printed += 1;
          }
        } catch (error) {
          console.error(`outcomes.js: skipping a message that is not an outcome event: ${error.message}`);
        }
        channel.ack(message);
        if (count && printed >= count) {
          clearTimeout(timer);
          resolve();
        }
      }, { noAck: false }).catch(reject);
    });
  } catch (error) {
    console.error(`outcomes.js: broker error: ${error.message}`);
    return 1;
  } finally {
    await connection.close().catch(() => {});
  }

  if (count && printed < count) {
    console.error(`outcomes.js: timed out after ${timeout} s with ${printed} of ${count} outcomes`);
    return 1;
  }
  return 0;
}

main().then((code) => { process.exitCode = code; });
