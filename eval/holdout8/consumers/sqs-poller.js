const { SQSClient, ReceiveMessageCommand, DeleteMessageCommand, SendMessageCommand } = require('@aws-sdk/client-sqs');
const thumbnails = require('./thumbnails');
const reports = require('./reports');
const exportsJob = require('./exports-job');

const sqs = new SQSClient({});
const { THUMBS_QUEUE, REPORTS_QUEUE, EXPORTS_QUEUE, ANNOUNCE_QUEUE } = process.env;

async function pollThumbnails() {
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: THUMBS_QUEUE, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }));
    for (const m of Messages) {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: THUMBS_QUEUE, ReceiptHandle: m.ReceiptHandle })); // expect: ack-before-processing
      await thumbnails.render(JSON.parse(m.Body));
    }
  }
}

async function pollReports() {
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: REPORTS_QUEUE, WaitTimeSeconds: 20 }));
    for (const m of Messages) {
      try {
        await reports.build(JSON.parse(m.Body));
      } catch (err) { // expect: swallowed-message-error
        console.error('report failed', err);
      }
      await sqs.send(new DeleteMessageCommand({ QueueUrl: REPORTS_QUEUE, ReceiptHandle: m.ReceiptHandle }));
    }
  }
}

async function pollExports() {
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: EXPORTS_QUEUE, WaitTimeSeconds: 20 }));
    for (const m of Messages) {
      try {
        await exportsJob.run(JSON.parse(m.Body));
        await sqs.send(new DeleteMessageCommand({ QueueUrl: EXPORTS_QUEUE, ReceiptHandle: m.ReceiptHandle }));
      } catch (err) {
        console.error('export failed; left for redelivery', err);
      }
    }
  }
}

function announce(id) {
  sqs.send(new SendMessageCommand({ QueueUrl: ANNOUNCE_QUEUE, MessageBody: JSON.stringify({ id }) })); // expect: unawaited-publish
}

async function announceAll(ids) {
  await Promise.all(ids.map((id) => sqs.send(new SendMessageCommand({ QueueUrl: ANNOUNCE_QUEUE, MessageBody: JSON.stringify({ id }) }))));
}

module.exports = { pollThumbnails, pollReports, pollExports, announce, announceAll };
