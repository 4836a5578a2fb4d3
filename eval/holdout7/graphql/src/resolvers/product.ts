import { GraphQLError } from 'graphql';
import type { Context } from '../context';

const CATALOG_URL = process.env.CATALOG_URL ?? 'https://catalog.acme.dev';
const REVIEWS_URL = process.env.REVIEWS_URL ?? 'https://reviews.acme.dev';

export const productResolvers = {
  Query: {
    product: async (_: unknown, { id }: { id: string }) => {
      const res = await fetch(`${CATALOG_URL}/products/${id}`, { signal: AbortSignal.timeout(3_000) });
      if (res.status === 404) return null;
      if (!res.ok) throw new GraphQLError('catalog unavailable');
      return res.json();
    },
    searchProducts: async (_: unknown, { q }: { q: string }, ctx: Context) => ctx.dataSources.search.find(q),
  },
  Product: {
    reviews: async (product: { id: string }) => {
      const res = await fetch(`${REVIEWS_URL}/products/${product.id}/reviews`); // expect: missing-timeout
      if (!res.ok) throw new GraphQLError('reviews unavailable');
      return res.json();
    },
    stock: async (product: { id: string }, _: unknown, ctx: Context) => {
      const res = await fetch(`${ctx.inventoryUrl}/stock/${product.id}`, { signal: ctx.signal });
      return (await res.json()).available as number; // expect: unchecked-response-status
    },
    related: (product: { id: string }) =>
      fetch(`${CATALOG_URL}/products/${product.id}/related`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.json()), // expect: unchecked-response-status
  },
};
