import { ofetch } from 'ofetch';

export interface Article {
  slug: string;
  title: string;
  body: string;
}

export const cms = ofetch.create({
  baseURL: 'https://cms.example.com/api',
  timeout: 5_000,
  headers: { Authorization: `Bearer ${process.env.CMS_TOKEN}` },
});

export const legacyCms = ofetch.create({ baseURL: 'http://cms-legacy.example.net/api' }); // expect: insecure-transport, missing-timeout

export const previewCms = ofetch.create({ baseURL: 'http://cms.preview.svc.cluster.local/api' }); // expect: missing-timeout

export function getArticle(slug: string) {
  return cms<Article>(`/articles/${slug}`);
}

export function getLegacyArticle(slug: string) {
  return legacyCms<Article>(`/articles/${slug}`);
}

export function getPreview(slug: string, token: string) {
  return previewCms<Article>(`/preview/${slug}`, { query: { token } });
}
