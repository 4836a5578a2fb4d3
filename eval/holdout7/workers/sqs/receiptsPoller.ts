import { SQSClient, ReceiveMessageCommand, DeleteMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { storeReceipt } from './receipts';

const sqs = new SQSClient({ region: process.env.AWS_REGION });
const QueueUrl = process.env.RECEIPTS_QUEUE_URL!;
const DlqUrl = process.env.RECEIPTS_DLQ_URL!;

export async function pollOnce() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }));
  for (const m of Messages) {
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle })); // expect: ack-before-processing
    const receipt = JSON.parse(m.Body!);
    await storeReceipt(receipt);
  }
}

export async function pollSafely() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }));
  for (const m of Messages) {
    try {
      await storeReceipt(JSON.parse(m.Body!));
      await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
    } catch (err) {
      console.error('receipt failed, leaving it for redelivery', m.MessageId, err);
    }
  }
}

export async function pollWithDlq() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
  for (const m of Messages) {
    try {
      await storeReceipt(JSON.parse(m.Body!));
    } catch (err) {
      await sqs.send(new SendMessageCommand({ QueueUrl: DlqUrl, MessageBody: m.Body, MessageAttributes: { error: { DataType: 'String', StringValue: String(err) } } }));
    }
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
  }
}
