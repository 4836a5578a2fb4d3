import { GraphQLError } from 'graphql';
import { request } from './request';

interface Context {
  signal: AbortSignal;
  userId: string;
}

interface Invoice {
  id: string;
  totalCents: number;
}

const WEATHER_API = 'http://api.weather-partner.com/v2'; // expect: insecure-transport
const METRICS_API = 'http://metrics.internal:9090/api/v1';

export const resolvers = {
  Query: {
    forecast: async (_parent: unknown, { city }: { city: string }, ctx: Context) => {
      const res = await fetch(`${WEATHER_API}/forecast?city=${encodeURIComponent(city)}`, { signal: ctx.signal });
      if (!res.ok) throw new GraphQLError('forecast unavailable');
      return res.json();
    },
    repo: async (_parent: unknown, { owner, name }: { owner: string; name: string }) => {
      const res = await fetch(`https://api.github.com/repos/${owner}/${name}`, { // expect: missing-timeout
        headers: { accept: 'application/vnd.github+json' },
      });
      return res.json(); // expect: unchecked-response-status
    },
    invoices: (_parent: unknown, { customerId }: { customerId: string }, ctx: Context) =>
      request<Invoice[]>(`/customers/${customerId}/invoices`, { signal: ctx.signal }),
    uptime: async (_parent: unknown, _args: unknown, ctx: Context) => {
      const res = await fetch(`${METRICS_API}/query?query=up`, { signal: ctx.signal });
      if (!res.ok) throw new GraphQLError('metrics unavailable');
      return (await res.json()).data;
    },
  },
};
