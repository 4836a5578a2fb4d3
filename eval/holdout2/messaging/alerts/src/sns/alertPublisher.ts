import { SNSClient, PublishCommand, PublishBatchCommand } from '@aws-sdk/client-sns';
import type { Request, Response } from 'express';
import type { WebSocket } from 'ws';
import { randomUUID } from 'node:crypto';

export type Severity = 'info' | 'warning' | 'critical';

export interface Alert {
  id: string;
  service: string;
  severity: Severity;
  summary: string;
}

const sns = new SNSClient({ region: process.env.AWS_REGION });
const ALERTS_TOPIC_ARN = process.env.ALERTS_TOPIC_ARN!;
const PAGER_TOPIC_ARN = process.env.PAGER_TOPIC_ARN!;

const liveSockets = new Set<WebSocket>();

export function attachLiveSocket(ws: WebSocket) {
  liveSockets.add(ws);
  ws.on('close', () => liveSockets.delete(ws));
}

function broadcast(alert: Alert) {
  for (const ws of liveSockets) {
    ws.send(JSON.stringify({ type: 'alert', alert }));
  }
}

export function publishAlert(alert: Alert) {
  broadcast(alert);
  return sns.send(
    new PublishCommand({
      TopicArn: ALERTS_TOPIC_ARN,
      Message: JSON.stringify(alert),
      MessageAttributes: { severity: { DataType: 'String', StringValue: alert.severity } },
    }),
  );
}

export async function raise(req: Request, res: Response) {
  const alert: Alert = { id: randomUUID(), ...req.body };
  await publishAlert(alert);

  if (alert.severity === 'critical') {
    sns.send(new PublishCommand({ TopicArn: PAGER_TOPIC_ARN, Subject: `[${alert.service}] ${alert.summary}`, Message: JSON.stringify(alert) })); // expect: unawaited-publish
  }

  res.status(202).send({ id: alert.id });
}

export async function raiseMany(req: Request, res: Response) {
  const alerts: Alert[] = (req.body.alerts as Omit<Alert, 'id'>[]).map((a) => ({ id: randomUUID(), ...a }));
  alerts.forEach(broadcast);

  const chunks: Alert[][] = [];
  for (let i = 0; i < alerts.length; i += 10) chunks.push(alerts.slice(i, i + 10));

  const results = await Promise.allSettled(
    chunks.map((chunk) =>
      sns.send(
        new PublishBatchCommand({
          TopicArn: ALERTS_TOPIC_ARN,
          PublishBatchRequestEntries: chunk.map((a) => ({ Id: a.id, Message: JSON.stringify(a) })),
        }),
      ),
    ),
  );
  const failed = results.filter((r) => r.status === 'rejected').length;

  const pages = alerts.filter((a) => a.severity === 'critical');
  if (pages.length > 0) {
    sns.send( // expect: unawaited-publish
      new PublishBatchCommand({
        TopicArn: PAGER_TOPIC_ARN,
        PublishBatchRequestEntries: pages.map((a) => ({ Id: a.id, Message: JSON.stringify(a) })),
      }),
    );
  }

  res.status(failed ? 207 : 202).send({ accepted: alerts.length - failed, failed });
}

export async function resolveAlert(req: Request, res: Response) {
  const heartbeat = fetch(`${process.env.STATUSPAGE_URL}/incidents/${req.params.id}/resolve`, {
    method: 'POST',
    signal: AbortSignal.timeout(3000),
  }).then((r) => r.ok);

  sns
    .send(new PublishCommand({ TopicArn: ALERTS_TOPIC_ARN, Message: JSON.stringify({ id: req.params.id, resolved: true }) }))
    .catch((err) => req.log?.warn({ err }, 'resolve notification failed'));

  res.send({ statusPageUpdated: await heartbeat });
}
