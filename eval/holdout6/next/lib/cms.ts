import 'server-only';

const endpoint = `https://graphql.contentful.com/content/v1/spaces/${process.env.CONTENTFUL_SPACE_ID}`;
const previewToken = process.env.CONTENTFUL_PREVIEW_TOKEN;
const deliveryToken = process.env.CONTENTFUL_DELIVERY_TOKEN;

type GqlResult<T> = { data?: T; errors?: { message: string }[] };

export async function cmsQuery<T>(query: string, variables: Record<string, unknown> = {}, { preview = false } = {}) {
  const res = await fetch(endpoint, { // expect: missing-timeout
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${preview ? previewToken : deliveryToken}`,
    },
    body: JSON.stringify({ query, variables }),
    next: { revalidate: preview ? 0 : 300, tags: ['cms'] },
  });
  const json = (await res.json()) as GqlResult<T>; // expect: unchecked-response-status
  if (json.errors?.length) throw new Error(json.errors.map((e) => e.message).join('; '));
  return json.data as T;
}

export async function cmsAsset(id: string) {
  const res = await fetch(`${endpoint}/assets/${id}`, {
    headers: { authorization: `Bearer ${deliveryToken}` },
    signal: AbortSignal.timeout(5_000),
    next: { revalidate: 3600 },
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`asset ${id}: ${res.status}`);
  return (await res.json()) as { fields: { file: { url: string } } };
}
