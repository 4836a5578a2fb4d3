import type { APIRoute } from 'astro';

const PARTNER_FEED = 'http://feeds.partner-news.com/rss/tech.xml'; // expect: insecure-transport
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export const GET: APIRoute = async () => {
  const upstream = await fetch(PARTNER_FEED, { signal: AbortSignal.timeout(5_000) });
  const xml = await upstream.text(); // expect: unchecked-response-status
  return new Response(xml.replace('<rss', `<rss data-ns="${SITEMAP_NS}"`), {
    headers: { 'content-type': 'application/rss+xml' },
  });
};
