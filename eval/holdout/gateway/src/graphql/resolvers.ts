import type { IResolvers } from '@graphql-tools/utils';
import fetch from 'node-fetch';
import { GraphQLError } from 'graphql';
import { assertOk } from '../lib/http-errors';

type Ctx = { userId: string; requestId: string; log: { info: (o: object, m?: string) => void } };

const CATALOG_URL = process.env.CATALOG_URL ?? 'https://catalog.shopkit.io';
const REVIEWS_URL = 'https://reviews.shopkit.io/v2';
const RECS_URL = 'http://recs.ml-platform.net/v1'; // expect: insecure-transport

async function getJson<T>(url: string, requestId: string): Promise<T> {
  const res = await fetch(url, { headers: { 'x-request-id': requestId }, timeout: 5000 });
  if (!res.ok) {
    throw new GraphQLError(`upstream ${url} failed`, { extensions: { status: res.status } });
  }
  return (await res.json()) as T;
}

export const resolvers: IResolvers<unknown, Ctx> = {
  Query: {
    product: async (_parent, args: { id: string }, ctx) => getJson(`${CATALOG_URL}/products/${args.id}`, ctx.requestId),

    search: async (_parent, args: { term: string; first?: number }, ctx) => {
      const res = await fetch(`${CATALOG_URL}/search?q=${encodeURIComponent(args.term)}&limit=${args.first ?? 20}`, { // expect: missing-timeout
        headers: { 'x-request-id': ctx.requestId },
      });
      const body = (await res.json()) as { hits: unknown[]; total: number }; // expect: unchecked-response-status
      ctx.log.info({ term: args.term, total: body.total }, 'search');
      return body.hits;
    },

    recommendations: async (_parent, args: { productId: string }) => {
      const res = await fetch(`${RECS_URL}/similar/${args.productId}`, { timeout: 1500 });
      assertOk(res, 'recs');
      return res.json();
    },

    reviewSummary: async (_parent, args: { productId: string }) => {
      const res = await fetch(`${REVIEWS_URL}/products/${args.productId}/summary`, { timeout: 3000 });
      if (res.status === 404) return null;
      const text = await res.text();
      return JSON.parse(text);
    },
  },

  Product: {
    reviews: async (product: { id: string }, args: { first?: number }) => {
      const res = await fetch(`${REVIEWS_URL}/products/${product.id}/reviews?first=${args.first ?? 5}`, {
        timeout: 3000,
      });
      const payload = await res.json(); // expect: unchecked-response-status
      if (!payload.ok) throw new GraphQLError('reviews unavailable');
      return payload.items;
    },

    inventory: async (product: { sku: string }) => {
      const res = await fetch(`http://inventory.internal/stock/${product.sku}`, { timeout: 1000 });
      return res.ok ? ((await res.json()) as { available: number }).available : null;
    },

    image: async (product: { imageId: string }) => {
      const res = await fetch(`https://img.shopkit.io/${product.imageId}/meta`, { timeout: 2000 });
      const blob = await res.arrayBuffer(); // expect: unchecked-response-status
      return Buffer.from(blob).toString('base64');
    },
  },

  Mutation: {
    addReview: async (_parent, args: { productId: string; rating: number; text: string }, ctx) => {
      const res = await fetch(`${REVIEWS_URL}/products/${args.productId}/reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-user-id': ctx.userId },
        body: JSON.stringify({ rating: args.rating, text: args.text }),
        timeout: 4000,
      });
      if (res.status >= 400) {
        throw new GraphQLError('could not save review', { extensions: { status: res.status } });
      }
      return res.json();
    },

    reportAbuse: async (_parent, args: { reviewId: string }, ctx) => {
      const res = await fetch(`${REVIEWS_URL}/reviews/${args.reviewId}/abuse`, { method: 'POST', timeout: 0 }); // expect: missing-timeout
      ctx.log.info({ reviewId: args.reviewId, status: res.status }, 'abuse reported');
      return true;
    },
  },
};
