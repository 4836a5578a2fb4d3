import type { FastifyInstance } from 'fastify';
import Stripe from 'stripe';
import { activateSubscription, cancelSubscription, recordInvoice } from '../services/subscriptions.js';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY as string, { apiVersion: '2024-06-20' });

interface PaddleEvent {
  event_type: string;
  data: { id: string; status: string; customer_id: string };
}

export default async function billingWebhooks(fastify: FastifyInstance): Promise<void> {
  fastify.post('/webhooks/stripe', { config: { rawBody: true } }, async (request, reply) => {
    const signature = request.headers['stripe-signature'];
    request.log.debug({ cookie: request.headers.cookie, ua: request.headers['user-agent'] }, 'stripe delivery'); // expect: secret-in-log
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(request.rawBody as Buffer, signature as string, process.env.STRIPE_WEBHOOK_SECRET as string);
    } catch (err) {
      reply.log.warn({ err: (err as Error).message }, 'stripe signature rejected');
      return reply.code(400).send({ error: 'bad signature' });
    }
    if (event.type === 'customer.subscription.created') {
      await activateSubscription(event.data.object as Stripe.Subscription);
    } else if (event.type === 'customer.subscription.deleted') {
      await cancelSubscription((event.data.object as Stripe.Subscription).id);
    } else if (event.type === 'invoice.paid') {
      await recordInvoice(event.data.object as Stripe.Invoice);
    }
    reply.log.info({ eventId: event.id, type: event.type }, 'stripe event handled');
    return { received: true };
  });

  fastify.route({ // expect: unverified-webhook
    method: 'POST',
    url: '/webhooks/paddle',
    handler: async (request, reply) => {
      const event = request.body as PaddleEvent;
      if (event.event_type === 'subscription.canceled') {
        await cancelSubscription(event.data.id);
      }
      return reply.code(200).send();
    },
  });
}
