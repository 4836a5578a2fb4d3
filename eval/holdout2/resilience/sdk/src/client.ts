import fetch from 'cross-fetch';

export interface ClientOptions {
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
  maxRetries?: number;
  /** Optional caller-controlled cancellation, combined with the per-request timeout. */
  signal?: AbortSignal;
}

export class ApiError extends Error {
  constructor(public readonly status: number, public readonly code: string, message: string) {
    super(message);
  }
}

const DEFAULT_BASE = 'https://api.formstack-clone.io/v1';

/**
 * Public JS SDK for the Forms API. Works in browsers and Node (cross-fetch).
 */
export class FormsClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;

  constructor(private readonly opts: ClientOptions) {
    this.baseUrl = opts.baseUrl ?? DEFAULT_BASE;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.maxRetries = opts.maxRetries ?? 2;
  }

  private signal(): AbortSignal {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    return this.opts.signal ? AbortSignal.any([timeout, this.opts.signal]) : timeout;
  }

  private headers(extra: Record<string, string> = {}) {
    return {
      authorization: `Bearer ${this.opts.apiKey}`,
      'content-type': 'application/json',
      'user-agent': 'forms-sdk-js/3.2.0',
      ...extra,
    };
  }

  private async request<T>(method: string, path: string, body?: unknown, attempt = 0): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: this.headers(),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: this.signal(),
      });
    } catch (err) {
      // Only reads are retried here; writes surface the network error to the caller.
      if (method === 'GET' && attempt < this.maxRetries) {
        await new Promise((r) => setTimeout(r, 2 ** attempt * 300 + Math.random() * 100));
        return this.request<T>(method, path, body, attempt + 1);
      }
      throw err;
    }
    if (res.status === 204) return undefined as T;
    const payload = await res.json();
    if (res.status >= 400) throw new ApiError(res.status, payload.code ?? 'unknown', payload.message ?? res.statusText);
    return payload as T;
  }

  getForm(id: string) {
    return this.request<{ id: string; title: string }>('GET', `/forms/${id}`);
  }

  listSubmissions(formId: string, cursor?: string) {
    const qs = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    return this.request<{ items: unknown[]; next?: string }>('GET', `/forms/${formId}/submissions${qs}`);
  }

  /** Streams a CSV export; large forms can take minutes, so callers pass their own signal. */
  async exportCsv(formId: string): Promise<string> {
    const res = await fetch(`${this.baseUrl}/forms/${formId}/export.csv`, { // expect: missing-timeout
      headers: this.headers({ accept: 'text/csv' }),
    });
    if (!res.ok) throw new ApiError(res.status, 'export_failed', await res.text());
    return res.text();
  }

  async uploadAttachment(formId: string, file: Blob, name: string) {
    const form = new FormData();
    form.append('file', file, name);
    const res = await fetch(`${this.baseUrl}/forms/${formId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.opts.apiKey}` },
      body: form,
      signal: this.signal(),
    });
    return (await res.json()) as { id: string; url: string }; // expect: unchecked-response-status
  }

  /** Resubmits a webhook delivery; the server retries failed deliveries itself. */
  async redeliver(deliveryId: string): Promise<void> {
    await this.request('POST', `/deliveries/${deliveryId}/redeliver`);
  }

  static async ping(baseUrl = DEFAULT_BASE): Promise<boolean> {
    return fetch(`${baseUrl}/ping`) // expect: missing-timeout
      .then((r) => r.json()) // expect: unchecked-response-status
      .then((b) => b.pong === true)
      .catch(() => false);
  }
}
