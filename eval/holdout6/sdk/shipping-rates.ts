export class ShippingApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

type Rate = { carrier: string; service: string; amount: number; currency: string };

export class ShippingRatesClient {
  readonly #base: string;
  readonly #auth: string;

  constructor({ baseUrl = 'https://api.acme-shipping.com/v2', accountId, apiKey }: { baseUrl?: string; accountId: string; apiKey: string }) {
    this.#base = baseUrl;
    this.#auth = `Basic ${btoa(`${accountId}:${apiKey}`)}`;
  }

  static sandbox() {
    return new ShippingRatesClient({ baseUrl: 'https://sandbox.acme-shipping.com/v2', accountId: 'sandbox', apiKey: process.env.SHIPPING_SANDBOX_KEY ?? '' });
  }

  #assertOk(res: Response) {
    if (!res.ok) throw new ShippingApiError(res.status, `${res.url} answered ${res.status}`);
    return res;
  }

  async rates(from: string, to: string, grams: number): Promise<Rate[]> {
    const res = await fetch(`${this.#base}/rates`, {
      method: 'POST',
      headers: { authorization: this.#auth, 'content-type': 'application/json' },
      body: JSON.stringify({ from, to, grams }),
      signal: AbortSignal.timeout(8_000),
    });
    this.#assertOk(res);
    return (await res.json()) as Rate[];
  }

  async label(shipmentId: string): Promise<Blob> {
    const res = await fetch(`${this.#base}/shipments/${shipmentId}/label.pdf`, {
      headers: { authorization: this.#auth },
      signal: AbortSignal.timeout(15_000),
    });
    return res.blob(); // expect: unchecked-response-status
  }

  async manifest(date: string) {
    const res = await fetch(`${this.#base}/manifests/${date}`, { headers: { authorization: this.#auth }, signal: AbortSignal.timeout(15_000) });
    const text = await res.text(); // expect: unchecked-response-status
    return text.split('\n').filter(Boolean);
  }
}

export const legacyHeaders = {
  authorization: 'Basic YWNtZS1sZWdhY3k6TGVnNGN5LVNoMXA=', // expect: hardcoded-credential
  accept: 'application/xml',
};
