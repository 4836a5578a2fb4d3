/**
 * Money-moving API calls and the option that makes a repeat of one harmless. A request
 * that timed out is sent again by a retry, a queue redelivery or a double click; without
 * an idempotency key the provider runs it twice. `analysis/idempotency.ts` matches calls
 * against these rows.
 */

export interface MoneyMovingApi {
  /** The npm modules of the client. */
  modules: readonly string[];
  /** A word in a receiver's name that says it is this client (`stripe`, `stripeClient`). */
  clientWord: string;
  /** The resources on the client whose `method` moves money (`stripe.refunds.create`). */
  resources: readonly string[];
  method: string;
  /** The request option carrying the key, in the options argument after the call's params. */
  keyOption: string;
}

export const MONEY_MOVING_APIS: readonly MoneyMovingApi[] = [
  {
    modules: ['stripe'],
    clientWord: 'stripe',
    resources: ['charges', 'paymentIntents', 'refunds', 'transfers', 'payouts'],
    method: 'create',
    keyOption: 'idempotencyKey',
  },
];
