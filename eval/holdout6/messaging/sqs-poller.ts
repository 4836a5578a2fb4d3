import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { importCustomer } from '../crm-import';

const sqs = new SQSClient({ region: process.env.AWS_REGION });
const QueueUrl = process.env.IMPORT_QUEUE_URL!;
const DeadLetterUrl = process.env.IMPORT_DLQ_URL!;

export async function pollImports(signal: AbortSignal) {
  while (!signal.aborted) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }));
    for (const m of Messages) {
      await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle })); // expect: ack-before-processing
      const row = JSON.parse(m.Body ?? '{}') as { email: string; name: string };
      await importCustomer(row);
    }
  }
}

export async function pollImportsSafely(signal: AbortSignal) {
  while (!signal.aborted) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }));
    for (const m of Messages) {
      try {
        await importCustomer(JSON.parse(m.Body ?? '{}'));
      } catch (err) {
        await sqs.send(new SendMessageCommand({ QueueUrl: DeadLetterUrl, MessageBody: m.Body ?? '' }));
      } finally {
        await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
      }
    }
  }
}
