import { env } from '$env/dynamic/private';
import { z } from 'zod';

const Page = z.object({ slug: z.string(), title: z.string(), body: z.string() });

export async function getPage(slug: string) {
  const res = await fetch(`${env.CMS_URL}/api/pages/${slug}`, {
    headers: { authorization: `Bearer ${env.CMS_TOKEN}` },
    signal: AbortSignal.timeout(4_000),
  });
  return Page.parse(await res.json());
}

export async function getMenu() {
  const res = await fetch(`${env.CMS_URL}/api/menu`, { signal: AbortSignal.timeout(4_000) });
  return (await res.json()) as Array<{ label: string; href: string }>; // expect: unchecked-response-status
}

export async function getHeroImage(slug: string) {
  const res = await fetch(`${env.CMS_URL}/media/${slug}/hero`, { signal: AbortSignal.timeout(8_000) });
  return res.arrayBuffer(); // expect: unchecked-response-status
}
