import jwt from 'jsonwebtoken';

function readClaims(token) {
  return jwt.decode(token); // expect: jwt-unverified
}

export async function context({ req }) {
  const claims = readClaims(req.headers['x-id-token']);
  return { user: claims, authorization: req.headers.authorization };
}

export const resolvers = {
  Query: {
    async weather(_, { city }) {
      const res = await fetch(`https://api.weather.example.com/v1/forecast?city=${encodeURIComponent(city)}`, { signal: AbortSignal.timeout(4000) });
      const data = await res.json(); // expect: unchecked-response-status
      if (!data.ok) return null;
      return data.forecast;
    },
    async rates(_, __, { signal }) {
      const res = await fetch('https://api.rates.example.com/latest', { signal });
      if (res.status >= 400) throw new Error('rates unavailable');
      return (await res.json()).rates;
    },
    async avatar(_, { id }) {
      const res = await fetch(`https://avatars.example.com/${id}`, { signal: AbortSignal.any([AbortSignal.timeout(2000)]) });
      return ensureOk(res).then((r) => r.blob());
    },
  },
};

function ensureOk(res) {
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return Promise.resolve(res);
}
