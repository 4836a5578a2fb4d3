/** What inserted code needs from a module (read by `analysis/imports.ts`; rows of the webhooks and jwt models use it). */
export interface NeededImport {
  module: string;
  /** Named exports used bare (`Webhook`), or through `namespace` when the file binds the module whole. */
  names?: readonly string[];
  /** The name a whole-module binding gets when one is added (`crypto`); absent: named imports only. */
  namespace?: string;
  /** The default export (`Stripe`, `twilio`), by the name an added import gives it. */
  defaultName?: string;
  /** Prefer an instance the file makes with `new <default>(...)` (`stripe` over `Stripe`). */
  preferInstance?: boolean;
  /** Type-only names (`RawBodyRequest`), imported with `import type` when added. */
  typeNames?: readonly string[];
}
