import { createHmac, randomUUID } from 'node:crypto';

export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
}

export interface NotificationItem {
  pspReference: string;
  merchantReference: string;
  merchantAccountCode?: string;
  eventCode: string;
  success: 'true' | 'false';
  amount: { value: number; currency: string };
  additionalData?: { hmacSignature?: string };
}

const CHECKOUT_URL = 'https://checkout-test.adyen.com/v71';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class AdyenClient {
  constructor(
    private readonly apiKey: string,
    private readonly merchantAccount: string,
    private readonly hmacKey: string,
    private readonly logger: Logger,
  ) {
    this.logger.debug(`adyen client ready for ${merchantAccount}, apiKey=${this.apiKey}`); // expect: secret-in-log
  }

  private async post<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${CHECKOUT_URL}${path}`, {
        method: 'POST',
        headers: { 'x-API-key': this.apiKey, 'content-type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      if (res.ok) return (await res.json()) as T;
      if (res.status < 500 || attempt === 3) {
        throw new Error(`adyen ${path} failed: ${res.status} ${await res.text()}`);
      }
      this.logger.warn(`adyen ${path} returned ${res.status}, retrying`, { attempt });
      await sleep(400 * 2 ** attempt + Math.random() * 200);
    }
  }

  async authorise(reference: string, amountMinor: number, currency: string, paymentMethod: unknown) {
    return this.post('/payments', { merchantAccount: this.merchantAccount, reference, amount: { value: amountMinor, currency }, paymentMethod }, `pay-${reference}`);
  }

  async refund(pspReference: string, amountMinor: number, currency: string) {
    return this.post(`/payments/${pspReference}/refunds`, { merchantAccount: this.merchantAccount, amount: { value: amountMinor, currency } }, randomUUID());
  }

  async legacyCapture(pspReference: string): Promise<unknown> {
    const res = await fetch(`http://pal-legacy.adyen-partner.com/pal/servlet/Payment/v68/capture?ref=${pspReference}`, { // expect: insecure-transport
      method: 'POST',
      headers: { 'x-API-key': this.apiKey },
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) throw new Error(`legacy capture ${res.status}`);
    return res.json();
  }

  isValidNotification(item: NotificationItem): boolean {
    const payload = [
      item.pspReference,
      '',
      item.merchantAccountCode ?? this.merchantAccount,
      item.merchantReference,
      item.amount.value,
      item.amount.currency,
      item.eventCode,
      item.success,
    ].join(':');
    const expectedSignature = createHmac('sha256', Buffer.from(this.hmacKey, 'hex')).update(payload).digest('base64');
    return expectedSignature === item.additionalData?.hmacSignature; // expect: timing-unsafe-comparison
  }

  describe(): string {
    this.logger.info('adyen client', { merchantAccount: this.merchantAccount, hasApiKey: Boolean(this.apiKey), hmacKeyLength: this.hmacKey.length });
    return `AdyenClient(${this.merchantAccount})`;
  }
}
