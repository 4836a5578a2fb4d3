import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
  SendMessageCommand,
  SendMessageBatchCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import { buildReport, type ReportRequest } from '../reports/builder';
import { logger } from '../logger';

const sqs = new SQSClient({ region: process.env.AWS_REGION ?? 'eu-west-1' });

const REPORTS_QUEUE_URL = process.env.REPORTS_QUEUE_URL!;
const EXPORTS_QUEUE_URL = process.env.EXPORTS_QUEUE_URL!;
const EXPORTS_DLQ_URL = process.env.EXPORTS_DLQ_URL!;
const NOTIFY_QUEUE_URL = process.env.NOTIFY_QUEUE_URL!;

async function receive(queueUrl: string): Promise<Message[]> {
  const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }));
  return out.Messages ?? [];
}

export async function reportLoop(signal: AbortSignal) {
  while (!signal.aborted) {
    const messages = await receive(REPORTS_QUEUE_URL);
    for (const message of messages) {
      const request: ReportRequest = JSON.parse(message.Body ?? '{}');
      try {
        const report = await buildReport(request);
        sqs.send( // expect: unawaited-publish
          new SendMessageCommand({
            QueueUrl: NOTIFY_QUEUE_URL,
            MessageBody: JSON.stringify({ userId: request.requestedBy, reportId: report.id }),
          }),
        );
      } catch (err) { // expect: swallowed-message-error
        logger.error({ err, reportType: request.type }, 'report build failed');
      }
      await sqs.send(new DeleteMessageCommand({ QueueUrl: REPORTS_QUEUE_URL, ReceiptHandle: message.ReceiptHandle }));
    }
  }
}

export async function exportLoop(signal: AbortSignal) {
  while (!signal.aborted) {
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: EXPORTS_QUEUE_URL, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
    );
    const notifications: Promise<unknown>[] = [];
    for (const message of Messages ?? []) {
      const request: ReportRequest = JSON.parse(message.Body!);
      try {
        const report = await buildReport({ ...request, format: 'csv' });
        notifications.push(
          sqs.send(
            new SendMessageBatchCommand({
              QueueUrl: NOTIFY_QUEUE_URL,
              Entries: request.recipients.map((userId, i) => ({
                Id: String(i),
                MessageBody: JSON.stringify({ userId, reportId: report.id }),
              })),
            }),
          ),
        );
      } catch (err) {
        logger.error({ err, reportType: request.type }, 'export failed, moving to DLQ');
        await sqs.send(
          new SendMessageCommand({
            QueueUrl: EXPORTS_DLQ_URL,
            MessageBody: message.Body!,
            MessageAttributes: { error: { DataType: 'String', StringValue: String(err) } },
          }),
        );
      } finally {
        await sqs.send(new DeleteMessageCommand({ QueueUrl: EXPORTS_QUEUE_URL, ReceiptHandle: message.ReceiptHandle }));
      }
    }
    await Promise.all(notifications);
  }
}
