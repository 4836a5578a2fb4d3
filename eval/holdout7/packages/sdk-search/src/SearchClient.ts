import superagent from 'superagent';

export type SearchClientOptions = {
  endpoint: string;
  indexName: string;
  apiKey: string;
};

export class SearchClient {
  constructor(private readonly options: SearchClientOptions) {}

  async query(q: string) {
    const res = await superagent
      .get(`${this.options.endpoint}/indexes/${this.options.indexName}/search`)
      .query({ q })
      .timeout({ response: 3_000, deadline: 10_000 });
    return res.body;
  }

  async reindex(documents: unknown[]) {
    const res = await superagent.post(`${this.options.endpoint}/indexes/${this.options.indexName}/documents`).set('X-Admin-Key', this.options.apiKey).send(documents); // expect: missing-timeout
    return res.body.taskId as string;
  }
}

// Local sandbox used by the package's examples.
export const sandbox = new SearchClient({
  endpoint: 'http://localhost:7700',
  indexName: 'products',
  apiKey: '',
});

export const staging = new SearchClient({
  endpoint: 'https://search-staging.acme.dev',
  indexName: 'products',
  apiKey: 'b1d9f04e7c2a4f6e9d3c8a5b7e1f2d40', // expect: hardcoded-credential
});
