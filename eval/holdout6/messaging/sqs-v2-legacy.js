'use strict';

const AWS = require('aws-sdk');
const { processRefund } = require('../refunds');

const sqs = new AWS.SQS({ region: process.env.AWS_REGION, httpOptions: { timeout: 25000 } });
const sns = new AWS.SNS({ region: process.env.AWS_REGION });
const queueUrl = process.env.REFUND_QUEUE_URL;

async function pollRefunds() {
  const { Messages = [] } = await sqs.receiveMessage({ QueueUrl: queueUrl, MaxNumberOfMessages: 5, WaitTimeSeconds: 20 }).promise();
  for (const message of Messages) {
    await sqs.deleteMessage({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }).promise(); // expect: ack-before-processing
    const refund = JSON.parse(message.Body);
    await processRefund(refund);
    sns.publish({ TopicArn: process.env.REFUND_TOPIC_ARN, Message: JSON.stringify({ id: refund.id, state: 'done' }) }).promise(); // expect: unawaited-publish
  }
}

function requestRefund(refund) {
  sqs.sendMessage({ QueueUrl: queueUrl, MessageBody: JSON.stringify(refund) }).promise(); // expect: unawaited-publish
  return { accepted: true };
}

function requestRefundSafely(refund) {
  return sqs.sendMessage({ QueueUrl: queueUrl, MessageBody: JSON.stringify(refund) }).promise();
}

function describeConfig() {
  const awsSecretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  console.log('refund worker config', { queueUrl, region: process.env.AWS_REGION, awsSecretAccessKey }); // expect: secret-in-log
  console.log('refund worker credentials', { hasSecret: !!awsSecretAccessKey });
}

module.exports = { pollRefunds, requestRefund, requestRefundSafely, describeConfig };
