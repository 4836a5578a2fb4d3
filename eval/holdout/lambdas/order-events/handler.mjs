import { SNSClient, PublishCommand, PublishBatchCommand } from '@aws-sdk/client-sns';
import { SQSClient, SendMessageCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

const sns = new SNSClient({});
const sqs = new SQSClient({});
const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));

const ORDER_TOPIC = process.env.ORDER_TOPIC_ARN;
const FRAUD_QUEUE = process.env.FRAUD_QUEUE_URL;
const CRM_WEBHOOK = process.env.CRM_WEBHOOK_URL;
const ANALYTICS_URL = 'https://collect.metrics-hub.io/v1/events';

async function scoreFraud(order) {
  const res = await fetch('https://api.fraudshield.io/v2/score', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.FRAUDSHIELD_API_KEY}` },
    body: JSON.stringify({ email: order.email, amount: order.total, ip: order.ip }),
    signal: AbortSignal.timeout(2500),
  });
  if (!res.ok) return { score: 0, reason: `fraudshield ${res.status}` };
  return res.json();
}

export const placed = async (event) => {
  const order = JSON.parse(event.body);
  await ddb.send(new PutCommand({ TableName: process.env.ORDERS_TABLE, Item: order }));

  const fraud = await scoreFraud(order);
  if (fraud.score > 80) {
    await sqs.send(new SendMessageCommand({ QueueUrl: FRAUD_QUEUE, MessageBody: JSON.stringify({ order, fraud }) }));
  }

  sns.send(new PublishCommand({ TopicArn: ORDER_TOPIC, Message: JSON.stringify(order) })); // expect: unawaited-publish

  fetch(ANALYTICS_URL, { method: 'POST', body: JSON.stringify({ type: 'order_placed', id: order.id }) }); // expect: missing-timeout

  return { statusCode: 201, body: JSON.stringify({ id: order.id }) };
};

export const batchPlaced = async (event) => {
  const entries = event.Records.map((r, i) => ({ Id: String(i), Message: r.body }));
  await sns.send(new PublishBatchCommand({ TopicArn: ORDER_TOPIC, PublishBatchRequestEntries: entries }));
  sqs.send(new SendMessageBatchCommand({ QueueUrl: FRAUD_QUEUE, Entries: entries.map((e) => ({ Id: e.Id, MessageBody: e.Message })) })); // expect: unawaited-publish
  return { batchItemFailures: [] };
};

export const syncCrm = async (event) => {
  const order = event.detail;
  const res = await fetch(CRM_WEBHOOK, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ externalId: order.id, email: order.email }),
    signal: AbortSignal.timeout(5000),
  });
  const result = await res.json(); // expect: unchecked-response-status
  console.log('crm sync', result.id);
  return result;
};

export const enrich = async (event) => {
  const results = await Promise.allSettled(
    event.Records.map(async (record) => {
      const order = JSON.parse(record.body);
      const res = await fetch(`https://geo.iplookup-api.com/json/${order.ip}`, { signal: AbortSignal.timeout(1500) });
      if (res.status !== 200) throw new Error(`geo lookup ${res.status}`);
      const geo = await res.json();
      return sqs.send(new SendMessageCommand({ QueueUrl: FRAUD_QUEUE, MessageBody: JSON.stringify({ ...order, geo }) }));
    }),
  );
  const failures = results
    .map((r, i) => (r.status === 'rejected' ? { itemIdentifier: event.Records[i].messageId } : null))
    .filter(Boolean);
  return { batchItemFailures: failures };
};

export const healthcheck = async () => {
  const res = await fetch('https://api.fraudshield.io/health', { signal: AbortSignal.timeout(1000) });
  const text = await res.text(); // expect: unchecked-response-status
  console.log('fraudshield health', text, { apiKeySet: Boolean(process.env.FRAUDSHIELD_API_KEY) });
  return { statusCode: 200, body: text };
};

export const notifySlack = async (event) => {
  const res = await fetch(process.env.SLACK_WEBHOOK_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: `Order ${event.detail.id} placed` }),
    signal: AbortSignal.timeout(3000),
  });
  if (!res.ok) console.error('slack notify failed', res.status, await res.text());
};
