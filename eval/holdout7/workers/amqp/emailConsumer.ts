import amqp from 'amqplib';
import { sendEmail, renderTemplate } from './mail';

export async function startEmailConsumer(url: string) {
  const conn = await amqp.connect(url);
  const channel = await conn.createChannel();
  await channel.assertQueue('email.send', { durable: true, deadLetterExchange: 'email.dlx' });

  await channel.consume('email.send', async (msg) => {
    if (!msg) return;
    const job = JSON.parse(msg.content.toString()) as { to: string; template: string; vars: object };
    const html = await renderTemplate(job.template, job.vars);
    if (!html) {
      channel.nack(msg); // expect: poison-message-requeue
      return;
    }
    try {
      await sendEmail(job.to, html);
      channel.ack(msg);
    } catch (err) {
      console.error('send failed', err);
      channel.nack(msg, false, true); // expect: poison-message-requeue
    }
  });

  await channel.consume('email.bounce', async (msg) => {
    if (!msg) return;
    const attempts = Number(msg.properties.headers?.['x-delivery-count'] ?? 0);
    try {
      await recordBounce(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch {
      if (attempts < 5) channel.nack(msg, false, true);
      else channel.nack(msg, false, false);
    }
  });
}

async function recordBounce(evt: { email: string }) {
  console.info(`bounce for ${evt.email}`);
}
