const AWS = require('aws-sdk');
const { processRefund } = require('../services/refunds');
const logger = require('../logger');

AWS.config.update({ region: 'us-east-1' });
const sqs = new AWS.SQS({ apiVersion: '2012-11-05' });
const sns = new AWS.SNS();

const QUEUE_URL = process.env.REFUNDS_QUEUE_URL;

async function drainOnce() {
  const { Messages = [] } = await sqs
    .receiveMessage({ QueueUrl: QUEUE_URL, MaxNumberOfMessages: 10, WaitTimeSeconds: 10 })
    .promise();

  for (const msg of Messages) {
    await sqs.deleteMessage({ QueueUrl: QUEUE_URL, ReceiptHandle: msg.ReceiptHandle }).promise(); // expect: ack-before-processing
    const refund = JSON.parse(msg.Body);
    const result = await processRefund(refund);
    sns.publish({ TopicArn: process.env.REFUNDS_TOPIC_ARN, Message: JSON.stringify(result) }).promise(); // expect: unawaited-publish
  }
  return Messages.length;
}

async function requeueLater(body, delaySeconds) {
  await sqs.sendMessage({ QueueUrl: QUEUE_URL, MessageBody: body, DelaySeconds: delaySeconds }).promise();
}

function announce(result) {
  return sns.publish({ TopicArn: process.env.REFUNDS_TOPIC_ARN, Message: JSON.stringify(result) }).promise();
}

async function main() {
  for (;;) {
    const count = await drainOnce();
    if (count === 0) logger.debug('refund queue empty');
  }
}

module.exports = { drainOnce, requeueLater, announce, main };
