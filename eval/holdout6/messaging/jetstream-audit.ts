import { connect, StringCodec } from 'nats';
import { writeAuditRow } from '../audit-store';

const sc = StringCodec();

export async function runAuditSink(servers: string) {
  const nc = await connect({ servers, name: 'audit-sink' });
  const js = nc.jetstream();
  const consumer = await js.consumers.get('AUDIT', 'sink');

  for await (const msg of await consumer.consume()) {
    msg.ack(); // expect: ack-before-processing
    const row = JSON.parse(sc.decode(msg.data)) as { actor: string; action: string; at: string };
    await writeAuditRow(row);
  }
}

export async function runAuditMirror(servers: string) {
  const nc = await connect({ servers, name: 'audit-mirror' });
  const js = nc.jetstream();
  const consumer = await js.consumers.get('AUDIT', 'mirror');

  for await (const msg of await consumer.consume()) {
    try {
      await writeAuditRow(JSON.parse(sc.decode(msg.data)));
    } finally {
      msg.ack();
    }
  }
}
