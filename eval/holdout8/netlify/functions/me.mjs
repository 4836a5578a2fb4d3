import { decodeJwt, jwtVerify, createRemoteJWKSet } from 'jose';

const jwks = createRemoteJWKSet(new URL('https://auth.example.com/.well-known/jwks.json'));

export default async (req) => {
  const token = (req.headers.get('authorization') || '').split(' ')[1];
  const claims = decodeJwt(token); // expect: jwt-unverified
  return Response.json({ sub: claims.sub, email: claims.email });
};

export async function verified(req) {
  const token = (req.headers.get('authorization') || '').split(' ')[1];
  const { payload } = await jwtVerify(token, jwks);
  const raw = decodeJwt(token);
  return Response.json({ sub: payload.sub, iat: raw.iat });
}
