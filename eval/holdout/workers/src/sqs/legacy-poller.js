const AWS = require('aws-sdk');
const { logger } = require('../logger');
const billing = require('../billing');

const sqs = new AWS.SQS({ region: process.env.AWS_REGION, httpOptions: { timeout: 25000 } });
const sns = new AWS.SNS({ region: process.env.AWS_REGION });

const INVOICE_QUEUE = process.env.INVOICE_QUEUE_URL;
const INVOICE_TOPIC = process.env.INVOICE_TOPIC_ARN;

async function pollOnce() {
  const data = await sqs
    .receiveMessage({ QueueUrl: INVOICE_QUEUE, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 })
    .promise();

  for (const message of data.Messages || []) {
    const invoice = JSON.parse(message.Body);
    try {
      await billing.issueInvoice(invoice);
    } catch (err) { // expect: swallowed-message-error
      logger.error({ err, invoiceId: invoice.id }, 'invoice failed');
    }
    await sqs.deleteMessage({ QueueUrl: INVOICE_QUEUE, ReceiptHandle: message.ReceiptHandle }).promise(); // expect: ack-before-processing
    await sns.publish({ TopicArn: INVOICE_TOPIC, Message: JSON.stringify({ invoiceId: invoice.id }) }).promise();
  }
}

async function pollReminders() {
  const data = await sqs.receiveMessage({ QueueUrl: process.env.REMINDER_QUEUE_URL, WaitTimeSeconds: 20 }).promise();
  for (const message of data.Messages || []) {
    await sqs.deleteMessage({ QueueUrl: process.env.REMINDER_QUEUE_URL, ReceiptHandle: message.ReceiptHandle }).promise(); // expect: ack-before-processing
    await billing.sendReminder(JSON.parse(message.Body));
  }
}

async function pollCredits() {
  const data = await sqs.receiveMessage({ QueueUrl: process.env.CREDIT_QUEUE_URL, WaitTimeSeconds: 20 }).promise();
  for (const message of data.Messages || []) {
    try {
      await billing.applyCredit(JSON.parse(message.Body));
      await sqs.deleteMessage({ QueueUrl: process.env.CREDIT_QUEUE_URL, ReceiptHandle: message.ReceiptHandle }).promise();
    } catch (err) {
      logger.warn({ err }, 'credit failed, visibility timeout will redeliver');
    }
  }
}

function notifyOverdue(invoiceId) {
  sns.publish({ TopicArn: INVOICE_TOPIC, Message: JSON.stringify({ invoiceId, overdue: true }) }).promise(); // expect: unawaited-publish
}

function queueDunning(invoiceId) {
  sqs.sendMessage({ QueueUrl: process.env.DUNNING_QUEUE_URL, MessageBody: invoiceId }).promise(); // expect: unawaited-publish
}

function queueDunningSafely(invoiceId) {
  return sqs.sendMessage({ QueueUrl: process.env.DUNNING_QUEUE_URL, MessageBody: invoiceId }).promise();
}

async function loop(signal) {
  while (!signal.aborted) {
    await pollOnce();
    await pollReminders();
    await pollCredits();
  }
}

module.exports = { loop, notifyOverdue, queueDunning, queueDunningSafely };
