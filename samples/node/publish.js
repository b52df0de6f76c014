#!/usr/bin/env node
// Publish one gateway command (SendMessage or RevokeMessage) as plain JSON, with nothing but amqplib.
//
//   cd samples/node && npm ci
//   node publish.js ../send-text.json --reply-to my-outcomes
//
// The same contract as samples/python/publish.py: the camelCase JSON of docs/contracts.md, published persistent with
// content_type application/json and the command's messageId as message_id, mandatory, on a confirm channel: exit 0
// only once the broker has stored it in the queue. --reply-to declares that queue first (durable, expires after an
// hour unused) and asks the worker (Messaging__Events__Format=Json) for a copy of the outcome there.
// Broker: --url, else AMQP_URL, else amqp://guest:guest@localhost:5672/%2F.
// Exit codes: 0 stored, 1 not stored (broker unreachable, no such queue, refused), 2 bad input.
'use strict';

const fs = require('node:fs');
const { parseArgs } = require('node:util');
const amqp = require('amqplib');

const DEFAULT_URL = 'amqp://guest:guest@localhost:5672/%2F';
// The same arguments as samples/python and outcomes.js, so whichever comes first declares the same queue.
const REPLY_QUEUE_OPTIONS = { durable: true, arguments: { 'x-expires': 3600000 } };

function usage(message) {
  if (message) console.error(`publish.js: ${message}`);
  console.error('usage: node publish.js FILE|- [--url URL] [--queue send-message] [--reply-to QUEUE] [--message-id ID] [--timeout SECONDS]');
  process.exit(2);
}

function readCommand(path, messageId) {
  let command;
  try {
    command = JSON.parse(fs.readFileSync(path === '-' ? 0 : path, 'utf8'));
  } catch (error) {
    usage(`cannot read a JSON command from ${path}: ${error.message}`);
  }
  if (command === null || typeof command !== 'object' || Array.isArray(command)) {
    usage(`${path} does not hold a JSON object`);
  }
  if (messageId !== undefined) command.messageId = messageId;
  if (typeof command.messageId !== 'string' || command.messageId === '') {
    usage(`${path} has no messageId (use --message-id)`);
  }
  return command;
}

async function declareReplyQueue(connection, channel, name) {
  try {
    await channel.assertQueue(name, REPLY_QUEUE_OPTIONS);
    return channel;
  } catch (error) {
    if (error.code !== 406) throw error; // PRECONDITION_FAILED: it exists with other settings; use it as it is
    const fresh = await connection.createConfirmChannel();
    await fresh.checkQueue(name);
    return fresh;
  }
}

function withTimeout(promise, seconds, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        url: { type: 'string', default: process.env.AMQP_URL || DEFAULT_URL },
        queue: { type: 'string', default: 'send-message' },
        'reply-to': { type: 'string' },
        'message-id': { type: 'string' },
        timeout: { type: 'string', default: '30' },
      },
    });
  } catch (error) {
    usage(error.message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) usage('one command file is needed');
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) usage('--timeout must be a positive number of seconds');
  const command = readCommand(positionals[0], values['message-id']);
  const replyTo = values['reply-to'];

  let connection;
  try {
    connection = await withTimeout(amqp.connect(values.url, { timeout: timeout * 1000 }), timeout, 'connecting');
  } catch (error) {
    console.error(`publish.js: cannot connect to the broker: ${error.message}`);
    return 1;
  }
  connection.on('error', () => {}); // reported through the failed operation instead

  try {
    let channel = await connection.createConfirmChannel();
    channel.on('error', () => {});
    if (replyTo) channel = await declareReplyQueue(connection, channel, replyTo);
    let returned = false;
    channel.on('return', () => { returned = true; });
    const properties = {
      contentType: 'application/json',
      persistent: true,
      messageId: command.messageId,
      mandatory: true, // a command for a queue that does not exist comes back instead of vanishing
    };
    if (replyTo) properties.replyTo = replyTo;
    channel.sendToQueue(values.queue, Buffer.from(JSON.stringify(command)), properties);
    // The broker returns an unroutable message before it confirms it.
    await withTimeout(channel.waitForConfirms(), timeout, 'the broker\'s confirm');
    if (returned) {
      console.error(`publish.js: the broker has no queue '${values.queue}': start the worker once (it declares it)`);
      return 1;
    }
  } catch (error) {
    console.error(`publish.js: publishing '${command.messageId}' failed: ${error.message}`);
    return 1;
  } finally {
    await connection.close().catch(() => {});
  }

  const reply = replyTo ? ` (outcome also to queue '${replyTo}')` : '';
  console.log(`published '${command.messageId}' to '${values.queue}'${reply}`);
  return 0;
}

main().then((code) => { process.exitCode = code; });
