/**
 * A header name shaped like a provider's webhook signature header, whichever provider: dashed
 * words one of which is `signature` or `hmac` (`linear-signature`, `x-acme-hmac-sha256`). The
 * contracts list provider headers "such as" Stripe's; JS/TS and Python judge the rest alike.
 */
export function isSignatureShapedHeader(lowered: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(lowered) && lowered.includes('-') && /(^|-)(signature|hmac)(-|$)/.test(lowered);
}
