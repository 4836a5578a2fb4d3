const AWS = require('aws-sdk');

const sqs = new AWS.SQS({ region: 'eu-west-1', httpOptions: { timeout: 5000 } });

function enqueueSms(phone, body) {
  sqs.sendMessage({ QueueUrl: process.env.SMS_QUEUE_URL, MessageBody: JSON.stringify({ phone, body }) }).promise(); // expect: unawaited-publish
}

async function enqueueEmail(to, subject) {
  const result = await sqs.sendMessage({ QueueUrl: process.env.EMAIL_QUEUE_URL, MessageBody: JSON.stringify({ to, subject }) }).promise();
  return result.MessageId;
}

function enqueueAll(items) {
  return Promise.all(items.map((i) => sqs.sendMessage({ QueueUrl: process.env.SMS_QUEUE_URL, MessageBody: JSON.stringify(i) }).promise()));
}

module.exports = { enqueueSms, enqueueEmail, enqueueAll };
