import type { Channel, ConsumeMessage } from 'amqplib';
import { mailer } from '../mail';
import { logger } from '../logger';
import { templates } from '../templates';

const MAX_ATTEMPTS = 5;

function attempts(msg: ConsumeMessage): number {
  const deaths = msg.properties.headers?.['x-death'] as Array<{ count: number }> | undefined;
  return deaths?.reduce((sum, death) => sum + death.count, 0) ?? 0;
}

export function consumeEmails(channel: Channel) {
  return channel.consume('email.send', async (msg) => {
    if (!msg) return;
    const job = JSON.parse(msg.content.toString());
    try {
      await mailer.send(job.to, job.subject, job.html);
      channel.ack(msg);
    } catch (error) {
      logger.warn({ err: error, to: job.to }, 'send failed');
      if (attempts(msg) >= MAX_ATTEMPTS) channel.reject(msg, false);
      else channel.reject(msg, true);
    }
  });
}

export function consumeTemplates(channel: Channel) {
  return channel.consume('email.render', async (msg) => {
    if (!msg) return;
    const job = JSON.parse(msg.content.toString());
    const template = await templates.find(job.templateId);
    if (!template) {
      logger.warn({ templateId: job.templateId }, 'unknown template');
      channel.reject(msg); // expect: poison-message-requeue
      return;
    }
    try {
      await mailer.send(job.to, template.subject, template.render(job.vars));
      channel.ack(msg);
    } catch (error) { // expect: swallowed-message-error
      logger.error({ err: error }, 'render failed');
      channel.ack(msg);
    }
  });
}

export function consumeBounces(channel: Channel) {
  return channel.consume('email.bounces', async (msg) => {
    if (!msg) return;
    try {
      await mailer.recordBounce(JSON.parse(msg.content.toString()));
    } catch (error) {
      logger.error({ err: error }, 'bounce not recorded');
      channel.publish('email.dlx', 'bounces.dead', msg.content, { headers: msg.properties.headers });
    } finally {
      channel.ack(msg);
    }
  });
}
