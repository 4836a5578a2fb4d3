'use strict';

/**
 * Fans push notifications out to devices and records delivery receipts.
 * Reads notifications.push-requested, writes notifications.push-sent and
 * notifications.receipts (transactional, exactly-once with the offsets).
 */
const { Kafka } = require('kafkajs');
const devices = require('../devices');
const log = require('../lib/logger');

const kafka = new Kafka({ clientId: 'push-dispatcher', brokers: process.env.KAFKA_BROKERS.split(',') });
const consumer = kafka.consumer({ groupId: 'push-dispatcher' });
const receipts = kafka.consumer({ groupId: 'push-receipts', readUncommitted: false });
const producer = kafka.producer();
const txProducer = kafka.producer({ transactionalId: 'push-receipts-tx', maxInFlightRequests: 1, idempotent: true });

const PUSH_GATEWAY = process.env.PUSH_GATEWAY_URL;

async function sendToDevice(token, notification) {
  const res = await fetch(`${PUSH_GATEWAY}/v1/send`, { // expect: missing-timeout
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to: token, notification }),
  });
  if (!res.ok) throw new Error(`gateway responded ${res.status}`);
  return res.json();
}

async function dispatch({ message }) {
  const request = JSON.parse(message.value.toString());
  const targets = await devices.tokensFor(request.userId);

  const sends = [];
  for (const device of targets) {
    sends.push(
      sendToDevice(device.pushToken, request.notification).then((r) =>
        producer.send({
          topic: 'notifications.push-sent',
          messages: [{ key: request.userId, value: JSON.stringify({ deviceId: device.id, gatewayId: r.id }) }],
        }),
      ),
    );
  }
  await Promise.all(sends);

  void producer.send({ // expect: unawaited-publish
    topic: 'notifications.metrics',
    messages: [{ value: JSON.stringify({ userId: request.userId, devices: targets.length }) }],
  });

  void producer
    .send({ topic: 'notifications.activity', messages: [{ key: request.userId, value: message.value }] })
    .catch((err) => log.warn('activity publish failed', { err: err.message }));
}

async function recordReceipts({ topic, partition, message }) {
  const receipt = JSON.parse(message.value.toString());
  const transaction = await txProducer.transaction();
  try {
    await transaction.send({
      topic: 'notifications.receipts',
      messages: [{ key: receipt.deviceId, value: JSON.stringify({ ...receipt, recordedAt: Date.now() }) }],
    });
    await transaction.sendOffsets({
      consumerGroupId: 'push-receipts',
      topics: [{ topic, partitions: [{ partition, offset: (Number(message.offset) + 1).toString() }] }],
    });
    await transaction.commit();
  } catch (err) {
    await transaction.abort();
    return Promise.reject(err);
  }
}

async function start() {
  await Promise.all([consumer.connect(), receipts.connect(), producer.connect(), txProducer.connect()]);
  await consumer.subscribe({ topic: 'notifications.push-requested' });
  await receipts.subscribe({ topic: 'notifications.gateway-receipts' });

  await consumer.run({
    partitionsConsumedConcurrently: 4,
    eachMessage: async (payload) => {
      try {
        await dispatch(payload);
      } catch (err) {
        // Ordering per user matters more than availability: crash and let the
        // orchestrator restart us on the same offset.
        log.error('dispatch failed, exiting', { err: err.message, offset: payload.message.offset });
        process.exit(1);
      }
    },
  });

  await receipts.run({ autoCommit: false, eachMessage: recordReceipts });
}

module.exports = { start };
