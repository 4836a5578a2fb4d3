import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
  SendMessageCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import { renderThumbnail } from '../../media/thumbnails';

const sqs = new SQSClient({ region: process.env.AWS_REGION });
const QUEUE_URL = process.env.THUMBNAIL_QUEUE_URL!;
const RESULT_QUEUE_URL = process.env.THUMBNAIL_RESULTS_QUEUE_URL!;

let running = true;
process.on('SIGTERM', () => {
  running = false;
});

async function remove(message: Message): Promise<void> {
  await sqs.send(new DeleteMessageCommand({ QueueUrl: QUEUE_URL, ReceiptHandle: message.ReceiptHandle }));
}

export async function pollThumbnails(): Promise<void> {
  while (running) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: QUEUE_URL, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
    );
    for (const message of Messages) {
      // Delete first: rendering can take longer than the visibility timeout.
      await sqs.send(new DeleteMessageCommand({ QueueUrl: QUEUE_URL, ReceiptHandle: message.ReceiptHandle })); // expect: ack-before-processing
      const job = JSON.parse(message.Body ?? '{}') as { key: string; sizes: number[] };
      await renderThumbnail(job.key, job.sizes);
    }
  }
}

export async function pollThumbnailsSafely(): Promise<void> {
  while (running) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: QUEUE_URL, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
    );
    for (const message of Messages) {
      try {
        const job = JSON.parse(message.Body ?? '{}') as { key: string; sizes: number[] };
        const urls = await renderThumbnail(job.key, job.sizes);
        await sqs.send(new SendMessageCommand({ QueueUrl: RESULT_QUEUE_URL, MessageBody: JSON.stringify({ key: job.key, urls }) }));
        await remove(message);
      } catch (err) {
        console.error('thumbnail failed; message will reappear after the visibility timeout', err);
      }
    }
  }
}
