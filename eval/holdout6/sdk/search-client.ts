import ky, { type KyInstance } from 'ky';

type SearchHit = { id: string; score: number; title: string };

export class SearchClientBuilder {
  #baseUrl = 'https://search.acme-docs.com';
  #apiKey?: string;
  #timeout: number | false = 10_000;

  baseUrl(url: string) {
    this.#baseUrl = url;
    return this;
  }

  apiKey(key: string) {
    this.#apiKey = key;
    return this;
  }

  timeout(ms: number | false) {
    this.#timeout = ms;
    return this;
  }

  build(): SearchClient {
    return new SearchClient(
      ky.create({ prefixUrl: this.#baseUrl, timeout: this.#timeout, headers: { 'x-api-key': this.#apiKey ?? '' } }),
    );
  }
}

export class SearchClient {
  constructor(private readonly http: KyInstance) {}

  static builder() {
    return new SearchClientBuilder();
  }

  query(q: string, limit = 10) {
    return this.http.get('v1/search', { searchParams: { q, limit } }).json<{ hits: SearchHit[] }>();
  }
}

export const exportClient = ky.create({ prefixUrl: 'https://export.acme-docs.com', timeout: false, retry: 0 }); // expect: missing-timeout

export const suggestClient = ky.create({ prefixUrl: 'https://suggest.acme-docs.com', retry: 1 });
