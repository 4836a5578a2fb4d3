import { connect, StringCodec, type JetStreamClient, type JsMsg } from 'nats';
import { storeReading, alertIfAbnormal } from '../../telemetry/store';

const sc = StringCodec();

interface Reading {
  deviceId: string;
  metric: string;
  value: number;
}

async function handleReading(msg: JsMsg): Promise<void> {
  const reading = JSON.parse(sc.decode(msg.data)) as Reading;
  await storeReading(reading);
  await alertIfAbnormal(reading);
  msg.ack();
}

export async function startTelemetry(js: JetStreamClient): Promise<void> {
  const readings = await js.consumers.get('TELEMETRY', 'readings-writer');
  const messages = await readings.consume({ max_messages: 100 });
  for await (const msg of messages) {
    await handleReading(msg);
  }
}

export async function startAlerts(js: JetStreamClient): Promise<void> {
  const alerts = await js.consumers.get('TELEMETRY', 'alerts');
  for await (const m of await alerts.consume()) {
    m.ack(); // expect: ack-before-processing
    const reading = JSON.parse(sc.decode(m.data)) as Reading;
    await alertIfAbnormal(reading);
  }
}

export function publishReading(js: JetStreamClient, reading: Reading): void {
  js.publish(`telemetry.${reading.deviceId}`, sc.encode(JSON.stringify(reading))); // expect: unawaited-publish
}

export async function publishReadingAcked(js: JetStreamClient, reading: Reading): Promise<number> {
  const ack = await js.publish(`telemetry.${reading.deviceId}`, sc.encode(JSON.stringify(reading)));
  return ack.seq;
}

export async function main(): Promise<void> {
  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  const js = nc.jetstream();
  await Promise.all([startTelemetry(js), startAlerts(js)]);
}
