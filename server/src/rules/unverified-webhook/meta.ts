import { z } from 'zod';
import { defineMeta } from '../../engine/rule.js';

const PYTHON_MESSAGES = {
  pyUnverified: '{{route}} does not verify the webhook signature: anyone who finds the URL can forge events. Verify the raw body first (stripe.Webhook.construct_event, svix Webhook(secret).verify, or hmac.new(...) compared with hmac.compare_digest).',
};

export const meta = defineMeta({
  id: 'unverified-webhook',
  defaultSeverity: 'error',
  description: "A webhook route acts on deliveries without verifying the sender's signature.",
  category: 'security',
  messages: {
    ...PYTHON_MESSAGES,
    unverified:
      '{{route}} does not verify the webhook signature: anyone who finds the URL can forge events. Verify the raw body first (e.g. stripe.webhooks.constructEvent, svix Webhook.verify, or an HMAC checked with crypto.timingSafeEqual).',
    verifySignature: 'Verify {{check}} before handling the delivery',
  },
  hasSuggestions: true,
  options: { verifierNames: z.array(z.string().min(1)).default([]).describe('Extra names of functions that verify a webhook signature (unverified-webhook).') },
});
