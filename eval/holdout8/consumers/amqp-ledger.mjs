import amqp from 'amqplib';
import logger from './logger.js';
import { ledger, payments, accounts, signupSchema } from './domain.js';

const conn = await amqp.connect(process.env.AMQP_URL);
const channel = await conn.createConfirmChannel();

async function onLedgerEntry(msg) {
  const entry = JSON.parse(msg.content.toString());
  try {
    await ledger.post(entry);
  } catch (err) { // expect: swallowed-message-error
    logger.error({ err, id: entry.id }, 'ledger post failed');
  }
  channel.ack(msg);
}

async function onRefund(msg) {
  let refund;
  try {
    refund = JSON.parse(msg.content.toString());
  } catch (err) {
    channel.nack(msg, false, false);
    return;
  }
  try {
    await payments.refund(refund);
    channel.ack(msg);
  } catch (err) {
    channel.publish('dead-letter', 'refunds', msg.content, { headers: { error: err.message } });
    channel.ack(msg);
  }
}

async function onSignup(msg) {
  const payload = JSON.parse(msg.content.toString());
  const valid = signupSchema.validate(payload);
  if (!valid) {
    channel.reject(msg); // expect: poison-message-requeue
    return;
  }
  try {
    await accounts.create(payload);
    channel.ack(msg);
  } catch (err) {
    logger.warn({ err }, 'signup failed, requeueing');
    channel.reject(msg, true); // expect: poison-message-requeue
  }
}

channel.consume('ledger.entries', onLedgerEntry);
channel.consume('payments.refunds', (msg) => onRefund(msg));
channel.consume('accounts.signup', onSignup);
