export interface ShippingClientOptions {
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
}

export interface Shipment {
  from: string;
  to: string;
  weightGrams: number;
}

export class ShippingError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`shipping API ${status}`);
  }
}

export class ShippingClient {
  private readonly baseUrl: string;

  constructor(private readonly options: ShippingClientOptions) {
    this.baseUrl = options.baseUrl ?? 'https://api.shipping.example.com/v3';
  }

  private async call<T>(path: string, init: RequestInit): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${this.options.apiKey}`, 'content-type': 'application/json' },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    if (!res.ok) throw new ShippingError(res.status, await res.text());
    return res.json() as Promise<T>;
  }

  createLabel(shipment: Shipment) {
    return this.call<{ labelUrl: string }>('/labels', { method: 'POST', body: JSON.stringify(shipment) });
  }

  async track(trackingNumber: string) {
    const res = await fetch(`${this.baseUrl}/tracking/${trackingNumber}`, { // expect: missing-timeout
      headers: { authorization: `Bearer ${this.options.apiKey}` },
    });
    const body = await res.json(); // expect: unchecked-response-status
    if (!body.ok) throw new ShippingError(502, body.error);
    return body.events;
  }

  async rates(shipment: Shipment) {
    const res = await fetch(`${this.baseUrl}/rates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.options.apiKey}` },
      body: JSON.stringify(shipment),
      signal: AbortSignal.timeout(5_000),
    });
    return this.parse(res);
  }

  private async parse(res: Response) {
    if (res.status >= 400) throw new ShippingError(res.status, await res.text());
    return res.json();
  }
}

export const shipping = new ShippingClient({
  apiKey: process.env.SHIPPING_API_KEY ?? 'shp_live_4f9a8c2e71b3d6a05e', // expect: hardcoded-credential
  timeoutMs: 8_000,
});
