/* eslint-disable no-await-in-loop */
var AWS = require('aws-sdk');
var mailer = require('./mailer');
var log = require('./log');

AWS.config.update({ region: process.env.AWS_REGION || 'us-east-1' });

var sqs = new AWS.SQS({ apiVersion: '2012-11-05' });
var sns = new AWS.SNS({ apiVersion: '2010-03-31' });

var OUTBOX_URL = process.env.MAIL_OUTBOX_QUEUE_URL;
var DIGEST_URL = process.env.MAIL_DIGEST_QUEUE_URL;
var FAILED_MAIL_QUEUE_URL = process.env.MAIL_FAILED_QUEUE_URL;
var EVENTS_TOPIC_ARN = process.env.MAIL_EVENTS_TOPIC_ARN;

async function pollOutbox() {
  for (;;) {
    var data = await sqs.receiveMessage({ QueueUrl: OUTBOX_URL, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }).promise();
    for (const msg of data.Messages || []) {
      await sqs.deleteMessage({ QueueUrl: OUTBOX_URL, ReceiptHandle: msg.ReceiptHandle }).promise(); // expect: ack-before-processing
      var mail = JSON.parse(msg.Body);
      await mailer.send(mail.to, mail.template, mail.vars);
      sns.publish({ TopicArn: EVENTS_TOPIC_ARN, Message: JSON.stringify({ type: 'sent', id: mail.id }) }).promise(); // expect: unawaited-publish
    }
  }
}

async function pollDigests() {
  for (;;) {
    var data = await sqs.receiveMessage({ QueueUrl: DIGEST_URL, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }).promise();
    for (const msg of data.Messages || []) {
      var digest = JSON.parse(msg.Body);
      try {
        await mailer.sendDigest(digest.userId, digest.items);
        await sqs.deleteMessage({ QueueUrl: DIGEST_URL, ReceiptHandle: msg.ReceiptHandle }).promise();
      } catch (err) {
        // stays invisible for the visibility timeout, then comes back
        log.warn('digest send failed for ' + digest.userId + ': ' + err.message);
      }
    }
  }
}

async function retryFailed(records) {
  for (const record of records) {
    try {
      await mailer.send(record.to, record.template, record.vars);
      await sns.publish({ TopicArn: EVENTS_TOPIC_ARN, Message: JSON.stringify({ type: 'sent', id: record.id }) }).promise();
    } catch (err) {
      sqs
        .sendMessage({ QueueUrl: FAILED_MAIL_QUEUE_URL, MessageBody: JSON.stringify(record) })
        .promise()
        .catch(function (e) {
          log.error('could not park failed mail ' + record.id + ': ' + e.message);
        });
    }
  }
}

module.exports = { pollOutbox: pollOutbox, pollDigests: pollDigests, retryFailed: retryFailed };
