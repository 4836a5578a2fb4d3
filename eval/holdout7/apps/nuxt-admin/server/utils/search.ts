import { Client } from '@elastic/elasticsearch';

const elastic = new Client({
  node: process.env.ELASTIC_URL ?? 'https://search.acme.dev:9200',
  auth: { username: 'elastic', password: process.env.ELASTIC_PASSWORD ?? 'Zq8#vN2m!Lp4' }, // expect: hardcoded-credential
  tls: { rejectUnauthorized: false }, // expect: tls-verification-disabled
  requestTimeout: 30_000,
});

export async function rebuildIndex(): Promise<number> {
  const res = await fetch(`${process.env.CATALOG_URL}/products/export`, { signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`catalog export ${res.status}`);
  const products = (await res.json()) as Array<{ id: string }>;
  await elastic.helpers.bulk({ datasource: products, onDocument: (doc) => ({ index: { _index: 'products', _id: doc.id } }) });
  return products.length;
}
