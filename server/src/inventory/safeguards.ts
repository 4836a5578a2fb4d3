import { WEBHOOK_PROVIDERS } from '../models/webhooks.js';
import type { SafeguardState } from '../shared/inventory.js';

/**
 * Which rules' findings say a safeguard is missing. The map reads findings by rule id, as the
 * chat does: it never runs or imports a rule.
 */
export const SAFEGUARD_RULES: Readonly<Record<'timeout' | 'retry' | 'backoff' | 'statusCheck' | 'idempotencyKey' | 'tls' | 'verified' | 'deadLetter' | 'awaited', readonly string[]>> = {
  timeout: ['missing-timeout'],
  retry: ['unbounded-retry'],
  backoff: ['retry-without-backoff'],
  statusCheck: ['unchecked-response-status'],
  idempotencyKey: ['missing-idempotency-key'],
  tls: ['tls-verification-disabled', 'insecure-transport'],
  verified: ['unverified-webhook'],
  deadLetter: ['poison-message-requeue'],
  awaited: ['unawaited-publish'],
};

const RANK: Record<SafeguardState, number> = { present: 0, unknown: 1, missing: 2 };

/** The state of a safeguard over several call sites: missing anywhere is missing. */
export function worst(a: SafeguardState, b: SafeguardState): SafeguardState {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * Host names that are a provider's own (`api.stripe.com` → Stripe, `hooks.slack.com` → Slack):
 * the words the webhook models give a provider's routes, when the word is the provider's name
 * (`resend` is a route word of Svix, whose scheme Resend signs with, but resend.com is Resend's).
 */
const PROVIDER_WORDS = new Map(
  WEBHOOK_PROVIDERS.flatMap((provider) => (provider.routeWords ?? []).filter((word) => word === provider.provider.toLowerCase().replace(/\s+/g, '')).map((word) => [word, provider.provider] as const)),
);

export function providerOfHost(host: string): string | undefined {
  const labels = host.split('.');
  // The registrable name, not a subdomain a customer chose: `stripe.example.com` is example.com's.
  const name = labels.length >= 2 ? labels[labels.length - 2] : labels[0];
  return PROVIDER_WORDS.get(name);
}
