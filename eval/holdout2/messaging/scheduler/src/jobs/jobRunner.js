// Cron triggers arrive over RabbitMQ (from the platform scheduler) and are
// turned into BullMQ jobs here; the maintenance worker runs them.
import amqp from 'amqplib';
import { Queue, Worker } from 'bullmq';
import { runTask } from './tasks.js';
import { log } from '../log.js';

const connection = { host: process.env.REDIS_HOST, port: 6379, password: process.env.REDIS_PASSWORD };

const queues = {
  maintenance: new Queue('maintenance', { connection }),
  reports: new Queue('reports', { connection }),
};
const deadLetters = new Queue('maintenance-dead-letter', { connection });

let channel;

async function onTrigger(msg) {
  if (!msg) return;
  const trigger = JSON.parse(msg.content.toString());
  try {
    await queues[trigger.queue].add(trigger.name, trigger.data, { jobId: trigger.runId });
    channel.ack(msg);
  } catch (err) {
    log.error(`could not enqueue ${trigger.queue}/${trigger.name}: ${err.message}`);
    channel.reject(msg, true); // expect: poison-message-requeue
  }
}

function onBackfill(msg) {
  if (!msg) return;
  const { queue, name, items } = JSON.parse(msg.content.toString());
  const adds = items.map((data, i) => queues[queue].add(name, data, { jobId: `${msg.properties.messageId}-${i}` }));
  Promise.all(adds)
    .then(() => channel.ack(msg))
    .catch((err) => {
      log.error(`backfill enqueue failed: ${err.message}`);
      channel.reject(msg, false);
    });
}

async function runMaintenance(job) {
  try {
    return await runTask(job.name, job.data);
  } catch (err) {
    log.warn(`task ${job.name} failed on attempt ${job.attemptsMade + 1}`);
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
      await deadLetters.add(job.name, { ...job.data, error: err.message });
      return { deadLettered: true };
    }
    throw err;
  }
}

export async function start() {
  const conn = await amqp.connect(process.env.AMQP_URL);
  channel = await conn.createChannel();
  await channel.prefetch(1);
  await channel.consume('scheduler.triggers', onTrigger);
  await channel.consume('scheduler.backfills', onBackfill);

  const worker = new Worker('maintenance', runMaintenance, { connection, concurrency: 2 });
  worker.on('failed', (job, err) => log.warn(`maintenance job ${job?.id} failed: ${err.message}`));

  const pending = [];
  for (const name of ['vacuum-sessions', 'rotate-exports']) {
    pending.push(queues.maintenance.add(name, {}, { repeat: { pattern: '0 3 * * *' } }));
  }
  await Promise.all(pending);
  return worker;
}
