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
  /** Position of the request options argument, after the call's params. */
  optionsArgument: number;
  /** The request option carrying the key, in the options argument after the call's params. */
  keyOption: string;
}

/** The request header carrying an idempotency key (the IETF draft's name, which most APIs take). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

export const MONEY_MOVING_APIS: readonly MoneyMovingApi[] = [
  {
    modules: ['stripe'],
    clientWord: 'stripe',
    resources: ['charges', 'paymentIntents', 'refunds', 'transfers', 'payouts'],
    method: 'create',
    optionsArgument: 1,
    keyOption: 'idempotencyKey',
  },
];
