import amqp from 'amqplib';
import { sendTransactional } from '../mail';

type MailJob = { template: string; to: string; vars: Record<string, string> };

export async function runMailer(url: string) {
  const conn = await amqp.connect(url);
  const channel = await conn.createChannel();
  await channel.assertQueue('mail.send', { durable: true, deadLetterExchange: 'mail.dlx' });

  channel.consume('mail.send', async (msg) => {
    if (!msg) return;
    const job = JSON.parse(msg.content.toString()) as MailJob;
    try {
      await sendTransactional(job.template, job.to, job.vars);
      channel.ack(msg);
    } catch (err) { // expect: swallowed-message-error
      console.error('mail send failed', job.template, err);
      channel.ack(msg);
    }
  });

  channel.consume('mail.bounce', async (msg) => {
    if (!msg) return;
    const deaths = (msg.properties.headers?.['x-death'] as { count: number }[] | undefined)?.[0]?.count ?? 0;
    try {
      await sendTransactional('bounce-notice', msg.content.toString(), {});
      channel.ack(msg);
    } catch {
      channel.nack(msg, false, deaths < 5);
    }
  });

  channel.consume('mail.digest', async (msg) => {
    if (!msg) return;
    try {
      await sendTransactional('digest', JSON.parse(msg.content.toString()).to, {});
      channel.ack(msg);
    } catch (err) {
      console.error('digest failed', err);
      channel.reject(msg); // expect: poison-message-requeue
    }
  });
}
