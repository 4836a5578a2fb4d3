import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
  ChangeMessageVisibilityCommand,
} from '@aws-sdk/client-sqs';
import axios from 'axios';
import { createHmac } from 'node:crypto';
import pino from 'pino';

const log = pino({ name: 'delivery-relay' });

interface Delivery {
  id: string;
  targetUrl: string;
  payload: unknown;
}

export class DeliveryPoller {
  private stopping = false;

  constructor(
    private readonly sqs = new SQSClient({}),
    private readonly queueUrl = process.env.OUTBOUND_QUEUE_URL!,
    private readonly priorityQueueUrl = process.env.OUTBOUND_PRIORITY_QUEUE_URL!,
    private readonly signingSecret = process.env.RELAY_SIGNING_SECRET!,
  ) {}

  stop() {
    this.stopping = true;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.signingSecret).update(body).digest('hex');
  }

  /** Standard lane: the partner endpoints are flaky, so we never hold messages while calling them. */
  async pollStandard(): Promise<void> {
    while (!this.stopping) {
      const { Messages = [] } = await this.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: this.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
      );
      for (const m of Messages) {
        await this.sqs.send(new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: m.ReceiptHandle })); // expect: ack-before-processing
        const delivery: Delivery = JSON.parse(m.Body!);
        const body = JSON.stringify(delivery.payload);
        log.debug({ id: delivery.id, secret: this.signingSecret }, 'relaying delivery'); // expect: secret-in-log
        await axios.post(delivery.targetUrl, body, { // expect: missing-timeout
          headers: { 'content-type': 'application/json', 'x-relay-signature': this.sign(body) },
        });
      }
    }
  }

  /** Priority lane: delete only once the partner accepted it. */
  async pollPriority(): Promise<void> {
    while (!this.stopping) {
      const { Messages = [] } = await this.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: this.priorityQueueUrl,
          MaxNumberOfMessages: 5,
          WaitTimeSeconds: 10,
          AttributeNames: ['ApproximateReceiveCount'],
        }),
      );
      for (const m of Messages) {
        const delivery: Delivery = JSON.parse(m.Body!);
        const body = JSON.stringify(delivery.payload);
        try {
          await axios.post(delivery.targetUrl, body, {
            timeout: 10_000,
            headers: { 'content-type': 'application/json', 'x-relay-signature': this.sign(body) },
          });
          await this.sqs.send(new DeleteMessageCommand({ QueueUrl: this.priorityQueueUrl, ReceiptHandle: m.ReceiptHandle }));
        } catch (err) {
          const receives = Number(m.Attributes?.ApproximateReceiveCount ?? 1);
          log.warn({ err, id: delivery.id, receives }, 'priority delivery failed, backing off');
          await this.sqs.send(
            new ChangeMessageVisibilityCommand({
              QueueUrl: this.priorityQueueUrl,
              ReceiptHandle: m.ReceiptHandle,
              VisibilityTimeout: Math.min(900, 2 ** receives * 5),
            }),
          );
        }
      }
    }
  }
}
