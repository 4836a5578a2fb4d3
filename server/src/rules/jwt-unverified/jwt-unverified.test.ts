import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const message = /without verifying it/;

ruleTester('jwt-unverified', {
  valid: [
    {
      name: 'a configuration value behind a fallback is not a request value',
      code: `import jwt from 'jsonwebtoken';
export function claimsOf(settings) {
  const raw = (settings.serviceToken || '').split(' ')[1];
  return jwt.decode(raw);
}`,
    },
    {
      name: 'an unbound getHeader outside a Nuxt server/ folder is no request reader',
      filename: 'app/composables/session.ts',
      code: `import { decodeJwt } from 'jose';
export default defineEventHandler((event) => decodeJwt(getHeader(event, 'x-id-token')));
`,
    },
    {
      name: 'h3 getCookie declared by the file itself in a server/ folder',
      filename: 'server/utils/session.ts',
      code: `import { decodeJwt } from 'jose';
const getCookie = (_event: unknown, name: string) => storage.getItem(name);
export default defineEventHandler((event) => decodeJwt(getCookie(event, 'own_token')));
`,
    },
    {
      name: "a component prop holding the app's own ID token (real JS set 4, W7)",
      filename: 'src/DevPanel.tsx',
      code: `import { decodeJwt } from 'jose';
const safeDecodeJwt = (token: string) => {
  try { return decodeJwt(token); } catch { return token; }
};
export const DevPanel = ({ idToken }: { idToken: string }) => (
  <button type="button" onClick={() => { if (idToken) console.log(safeDecodeJwt(idToken)); }}>
    Get ID token claims
  </button>
);
`,
    },
    {
      name: 'a GraphQL context value destructured in a resolver: its source is not shown',
      code: `import jwt from 'jsonwebtoken';
export const resolvers = { Query: { me: (_parent, _args, { token }) => jwt.decode(token) } };
`,
    },
    // issue 14 recall
    {
      name: "headers destructured from a fetch response are not the request",
      code: `import jwt from 'jsonwebtoken';
export async function refresh() {
  const { headers } = await fetch('https://auth.example.com/session', { signal: AbortSignal.timeout(5000) });
  const token = headers.get('x-session-token') ?? '';
  return jwt.decode(token);
}
`,
    },
    {
      name: "Nest guard: a method of the guard that decodes its own stored token",
      code: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
@Injectable()
export class ServiceGuard implements CanActivate {
  constructor(private readonly store: { token: string }) {}
  canActivate(context: ExecutionContext): boolean {
    return !!jwt.decode(this.storedToken());
  }
  private storedToken(): string {
    return this.store.token;
  }
}
`,
    },
    {
      name: 'verify in the same function',
      code: `
import jwt from 'jsonwebtoken';
app.get('/me', (req, res) => {
  const token = req.headers.authorization?.split(' ')[1];
  const { header } = jwt.decode(token, { complete: true });
  const claims = jwt.verify(token, keys[header.kid], { algorithms: ['RS256'] });
  res.json(claims);
});`,
    },
    {
      name: 'jose jwtVerify in the same function',
      code: `
import * as jose from 'jose';
export async function GET(req: Request) {
  const token = req.headers.get('authorization')!.slice(7);
  const unverified = jose.decodeJwt(token);
  const { payload } = await jose.jwtVerify(token, JWKS, { issuer: unverified.iss });
  return Response.json(payload);
}`,
    },
    {
      name: 'token from an OAuth token response',
      code: `
import jwt from 'jsonwebtoken';
async function callback(req, res) {
  const { data } = await axios.post(TOKEN_URL, { code: req.query.code, client_secret: process.env.SECRET });
  const profile = jwt.decode(data.id_token);
  res.json(profile);
}`,
    },
    {
      name: 'token from its own storage',
      code: `
import { decodeJwt } from 'jose';
const token = localStorage.getItem('access_token');
const claims = decodeJwt(token!);`,
    },
    {
      name: 'token of unknown origin (a parameter nobody in the file passes)',
      code: `
import jwt from 'jsonwebtoken';
export function expiresAt(token: string) {
  return (jwt.decode(token) as { exp: number }).exp;
}`,
    },
    {
      name: 'token fetched from a token endpoint through the code from the request',
      code: `
import jwt from 'jsonwebtoken';
app.get('/callback', async (req, res) => {
  const tokens = await exchangeCode(req.query.code);
  res.json(jwt.decode(tokens.id_token));
});`,
    },
    {
      name: 'decode of something other than jsonwebtoken',
      code: `
import { decode } from 'html-entities';
app.get('/x', (req, res) => res.send(decode(req.query.q)));`,
    },
    {
      name: 'a local decode function',
      code: `
function decode(t) { return t; }
app.get('/x', (req) => decode(req.headers.authorization));`,
    },
    {
      name: 'jwt.verify with a safe algorithm list',
      code: `
import jwt from 'jsonwebtoken';
jwt.verify(token, key, { algorithms: ['HS256', 'RS256'] });`,
    },
    {
      name: 'jwt.verify with options from elsewhere',
      code: `
import jwt from 'jsonwebtoken';
jwt.verify(token, key, verifyOptions);`,
    },
    {
      name: 'token from req.user (set by the server)',
      code: `
import jwt from 'jsonwebtoken';
app.get('/me', (req, res) => res.json(jwt.decode(req.user.accessToken)));`,
    },
    {
      name: 'helper called by a function that verifies first',
      code: `
import jwt from 'jsonwebtoken';
function claimsOf(token) { return jwt.decode(token); }
app.get('/me', (req, res) => {
  const token = req.cookies.session;
  jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });
  res.json(claimsOf(token));
});`,
    },
    {
      name: 'token from an outbound response header',
      code: `
import jwt from 'jsonwebtoken';
async function login() {
  const res = await fetch(LOGIN_URL, { method: 'POST' });
  return jwt.decode(res.headers.get('x-auth-token'));
}`,
    },
    {
      name: 'verifyToken helper in the same function',
      code: `
import jwt from 'jsonwebtoken';
router.use(async (req, res, next) => {
  const token = req.headers.authorization;
  await verifyToken(token);
  req.claims = jwt.decode(token);
  next();
});`,
    },
    {
      name: 'Nest jwtService.decode without @nestjs/jwt import is not modelled',
      code: `
class A { m(@Headers('authorization') auth: string) { return this.jwtService.decode(auth); } }`,
    },
    { name: 'a test decodes the tokens it sends and receives (issue 14, W5)', filename: 'integration-tests/http/__tests__/auth/admin/auth.spec.ts', code: `import jwt from 'jsonwebtoken';\nit('refreshes', async () => {\n  const resp = await api.post('/auth/token/refresh', {}, adminHeaders);\n  const original = jwt.decode(adminHeaders.headers['authorization'].split(' ')[1]);\n  const refreshed = jwt.decode(resp.data.token);\n  expect(refreshed.iat).toBeGreaterThan(original.iat);\n});` },
    {
      name: 'a token read from the body of a fetched response, in a route handler that reads its own request body',
      code: `import { decodeJwt } from 'jose';
export async function POST(request: Request) {
  const res = await fetch('https://auth.example.com/token', { method: 'POST', body: await request.text(), signal: AbortSignal.timeout(5000) });
  const { id_token } = await res.json();
  return Response.json(decodeJwt(id_token));
}`,
    },
    {
      name: 'cookies parsed from the code\'s own cookie jar, not a request header',
      code: `import { readFile } from 'node:fs/promises';
import { parse as readCookies } from 'cookie-es';
import { decodeJwt } from 'jose';
export async function storedSession() {
  const jar = readCookies(await readFile('cookies.txt', 'utf8'));
  return decodeJwt(jar.session);
}`,
    },
  ],
  invalid: [
    {
      name: 'a Netlify function (v2 default export): the bearer token split out of `(header || \'\')`',
      filename: 'netlify/functions/me.mjs',
      code: `import { decodeJwt } from 'jose';
export default async (req, context) => {
  const token = (req.headers.get('authorization') || '').split(' ')[1];
  const claims = decodeJwt(token);
  return Response.json({ sub: claims.sub });
};`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `import { decodeJwt, jwtVerify } from 'jose';
export default async (req, context) => {
  const token = (req.headers.get('authorization') || '').split(' ')[1];
  const claims = (await jwtVerify(token, new TextEncoder().encode(process.env.JWT_SECRET))).payload;
  return Response.json({ sub: claims.sub });
};` }] }],
    },
    {
      name: 'a Netlify function (v1 handler): event.headers.authorization with a fallback, then reshaped',
      filename: 'netlify/functions/profile.js',
      code: `import jwt from 'jsonwebtoken';
export const handler = async (event) => {
  const raw = (event.headers.authorization || '').replace(/^Bearer /, '');
  const claims = jwt.decode(raw);
  return { statusCode: 200, body: JSON.stringify(claims) };
};`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `import jwt from 'jsonwebtoken';
export const handler = async (event) => {
  const raw = (event.headers.authorization || '').replace(/^Bearer /, '');
  const claims = jwt.verify(raw, process.env.JWT_SECRET, { algorithms: ['HS256'] });
  return { statusCode: 200, body: JSON.stringify(claims) };
};` }] }],
    },
    {
      name: 'Koa middleware from a factory: ctx.get and ctx.request.header behind a fallback',
      filename: 'src/middleware/auth.js',
      code: `import jwt from 'jsonwebtoken';
export function tenant() {
  return async (ctx, next) => {
    const raw = (ctx.get('authorization') || '').replace(/^Bearer /, '');
    const other = (ctx.request.header.authorization || '').slice(7);
    ctx.state.a = jwt.decode(raw);
    ctx.state.b = jwt.decode(other);
    await next();
  };
}`,
      errors: [{ line: 6, message, suggestions: [{ messageId: 'verifyToken', output: `import jwt from 'jsonwebtoken';
export function tenant() {
  return async (ctx, next) => {
    const raw = (ctx.get('authorization') || '').replace(/^Bearer /, '');
    const other = (ctx.request.header.authorization || '').slice(7);
    ctx.state.a = jwt.verify(raw, process.env.JWT_SECRET, { algorithms: ['HS256'] });
    ctx.state.b = jwt.decode(other);
    await next();
  };
}` }] }, { line: 7, message, suggestions: [{ messageId: 'verifyToken', output: `import jwt from 'jsonwebtoken';
export function tenant() {
  return async (ctx, next) => {
    const raw = (ctx.get('authorization') || '').replace(/^Bearer /, '');
    const other = (ctx.request.header.authorization || '').slice(7);
    ctx.state.a = jwt.decode(raw);
    ctx.state.b = jwt.verify(other, process.env.JWT_SECRET, { algorithms: ['HS256'] });
    await next();
  };
}` }] }],
    },
    {
      name: 'a token from the JSON body of a Next.js route handler\'s request',
      code: `import { decodeJwt } from 'jose';
export async function POST(request: Request) {
  const { inviteToken } = (await request.json()) as { inviteToken: string };
  const claims = decodeJwt(inviteToken);
  return Response.json(claims);
}`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `import { decodeJwt, jwtVerify } from 'jose';
export async function POST(request: Request) {
  const { inviteToken } = (await request.json()) as { inviteToken: string };
  const claims = (await jwtVerify(inviteToken, new TextEncoder().encode(process.env.JWT_SECRET!))).payload;
  return Response.json(claims);
}` }] }],
    },
    {
      name: 'a token from the form data of a route handler\'s request',
      code: `import jwt from 'jsonwebtoken';
export async function POST(req: Request) {
  const form = await req.formData();
  return Response.json(jwt.decode(String(form.get('token'))));
}`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `import jwt from 'jsonwebtoken';
export async function POST(req: Request) {
  const form = await req.formData();
  return Response.json(jwt.verify(String(form.get('token')), process.env.JWT_SECRET!, { algorithms: ['HS256'] }));
}` }] }],
    },
    {
      name: 'a session cookie parsed from the request\'s Cookie header by the cookie package under another name, passed to a helper',
      code: `import jwt from 'jsonwebtoken';
import { parse as parseCookie } from 'cookie';
function displayName(token: string) {
  return jwt.decode(token)?.name ?? 'guest';
}
export function greeting(req: IncomingMessage) {
  const cookies = parseCookie(req.headers.cookie ?? '');
  return displayName(cookies['__session'] ?? '');
}`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `import jwt from 'jsonwebtoken';
import { parse as parseCookie } from 'cookie';
function displayName(token: string) {
  return jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] })?.name ?? 'guest';
}
export function greeting(req: IncomingMessage) {
  const cookies = parseCookie(req.headers.cookie ?? '');
  return displayName(cookies['__session'] ?? '');
}` }] }],
    },
    // issue 14 recall
    {
      name: "Nest guard: headers destructured from the ExecutionContext request",
      code: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
@Injectable()
export class AuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { headers } = context.switchToHttp().getRequest<{ headers: Record<string, string> }>();
    const [, token] = headers['authorization'].split(' ');
    const user = jwt.decode(token) as { id: string } | null;
    return !!user;
  }
}
`,
      errors: [{ line: 8, suggestions: [{ messageId: 'verifyToken', output: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
@Injectable()
export class AuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { headers } = context.switchToHttp().getRequest<{ headers: Record<string, string> }>();
    const [, token] = headers['authorization'].split(' ');
    const user = jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] }) as { id: string } | null;
    return !!user;
  }
}
`, otherFiles: [{"file": ".env.example", "appendLine": "JWT_SECRET="}] }] }],
    },
    {
      name: "Nest guard: the request passed to a method of the guard that slices the header",
      code: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
@Injectable()
export class AuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const token = this.extractToken(context.switchToHttp().getRequest());
    return !!jwt.decode(token);
  }
  private extractToken(request: any): string {
    return request.headers.authorization?.split(' ')[1] ?? '';
  }
}
`,
      errors: [{ line: 7, suggestions: [{ messageId: 'verifyToken', output: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
@Injectable()
export class AuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const token = this.extractToken(context.switchToHttp().getRequest());
    return !!jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] });
  }
  private extractToken(request: any): string {
    return request.headers.authorization?.split(' ')[1] ?? '';
  }
}
`, otherFiles: [{"file": ".env.example", "appendLine": "JWT_SECRET="}] }] }],
    },
    {
      name: "Nest WebSocket guard: the handshake of switchToWs().getClient()",
      code: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
@Injectable()
export class WsGuard implements CanActivate {
  constructor(private jwt: JwtService) {}
  canActivate(context: ExecutionContext): boolean {
    const client = context.switchToWs().getClient();
    const token = client.handshake.headers.authorization.split(' ')[1];
    return !!this.jwt.decode(token);
  }
}
`,
      errors: [{ line: 9, suggestions: [{ messageId: 'verifyToken', output: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
@Injectable()
export class WsGuard implements CanActivate {
  constructor(private jwt: JwtService) {}
  canActivate(context: ExecutionContext): boolean {
    const client = context.switchToWs().getClient();
    const token = client.handshake.headers.authorization.split(' ')[1];
    return !!this.jwt.verify(token);
  }
}
` }] }],
    },
    {
      name: 'the same header read in server code is reported',
      filename: 'src/auth.ts',
      code: `import jwt from 'jsonwebtoken';\nexport function handler(req) {\n  return jwt.decode(req.headers['authorization'].split(' ')[1]);\n}`,
      errors: [{ line: 3, message: /jwt\.decode trusts the request token without verifying it/, suggestions: [{ messageId: 'verifyToken', output: `import jwt from 'jsonwebtoken';\nexport function handler(req) {\n  return jwt.verify(req.headers['authorization'].split(' ')[1], process.env.JWT_SECRET!, { algorithms: ['HS256'] });\n}` }] }],
    },
    {
      name: 'token from an upgrade URL, read in a helper the upgrade listener calls with the request',
      filename: 'socket-auth.js',
      code: `
const jwt = require('jsonwebtoken');
function userFromSocket(upgradeRequest) {
  const url = new URL(upgradeRequest.url, 'http://localhost');
  const token = url.searchParams.get('token');
  const claims = jwt.decode(token);
  return claims && claims.sub;
}
function attachSocketAuth(server) {
  server.on('upgrade', (request, socket) => {
    if (!userFromSocket(request)) socket.destroy();
  });
}
module.exports = { attachSocketAuth };
`,
      errors: [{ line: 6, message: /jwt\.decode trusts the request token/, suggestions: [{ messageId: 'verifyToken', output: `
const jwt = require('jsonwebtoken');
function userFromSocket(upgradeRequest) {
  const url = new URL(upgradeRequest.url, 'http://localhost');
  const token = url.searchParams.get('token');
  const claims = jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });
  return claims && claims.sub;
}
function attachSocketAuth(server) {
  server.on('upgrade', (request, socket) => {
    if (!userFromSocket(request)) socket.destroy();
  });
}
module.exports = { attachSocketAuth };
` }] }],
    },
    {
      name: 'express: decode the bearer token',
      code: `
import jwt from 'jsonwebtoken';
app.get('/me', (req, res) => {
  const token = req.headers.authorization.split(' ')[1];
  const user = jwt.decode(token);
  res.json(user);
});`,
      errors: [{ line: 5, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
app.get('/me', (req, res) => {
  const token = req.headers.authorization.split(' ')[1];
  const user = jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] });
  res.json(user);
});` }] }],
    },
    {
      name: 'require form',
      code: `
const jwt = require('jsonwebtoken');
function auth(req, res, next) {
  req.user = jwt.decode(req.headers['authorization'].replace('Bearer ', ''));
  next();
}`,
      errors: [{ line: 4, message: /jwt\.decode/, suggestions: [{ messageId: 'verifyToken', output: `
const jwt = require('jsonwebtoken');
function auth(req, res, next) {
  req.user = jwt.verify(req.headers['authorization'].replace('Bearer ', ''), process.env.JWT_SECRET!, { algorithms: ['HS256'] });
  next();
}` }] }],
    },
    {
      name: 'named import decode',
      code: `
import { decode } from 'jsonwebtoken';
export const handler = async (event) => {
  const claims = decode(event.headers.Authorization);
  return { statusCode: 200, body: JSON.stringify(claims) };
};`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `
import { decode, verify } from 'jsonwebtoken';
export const handler = async (event) => {
  const claims = verify(event.headers.Authorization, process.env.JWT_SECRET!, { algorithms: ['HS256'] });
  return { statusCode: 200, body: JSON.stringify(claims) };
};` }] }],
    },
    {
      name: 'namespace import',
      code: `
import * as jwt from 'jsonwebtoken';
router.get('/profile', (req, res) => res.json(jwt.decode(req.cookies.token)));`,
      errors: [{ line: 3, message, suggestions: [{ messageId: 'verifyToken', output: `
import * as jwt from 'jsonwebtoken';
router.get('/profile', (req, res) => res.json(jwt.verify(req.cookies.token, process.env.JWT_SECRET!, { algorithms: ['HS256'] })));` }] }],
    },
    {
      name: 'destructured require',
      code: `
const { decode } = require('jsonwebtoken');
app.post('/refresh', (req, res) => {
  const { refreshToken } = req.body;
  const payload = decode(refreshToken);
  res.json(payload);
});`,
      errors: [{ line: 5, message, suggestions: [{ messageId: 'verifyToken', output: `
const { decode, verify } = require('jsonwebtoken');
app.post('/refresh', (req, res) => {
  const { refreshToken } = req.body;
  const payload = verify(refreshToken, process.env.JWT_SECRET!, { algorithms: ['HS256'] });
  res.json(payload);
});` }] }],
    },
    {
      name: 'token from the query string',
      code: `
import jwt from 'jsonwebtoken';
app.get('/download', (req, res) => {
  const claims = jwt.decode(req.query.token as string);
  res.download(claims.file);
});`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
app.get('/download', (req, res) => {
  const claims = jwt.verify(req.query.token as string, process.env.JWT_SECRET!, { algorithms: ['HS256'] });
  res.download(claims.file);
});` }] }],
    },
    {
      name: 'token from a path param',
      code: `
import jwt from 'jsonwebtoken';
app.get('/invite/:token', (req, res) => res.json(jwt.decode(req.params.token)));`,
      errors: [{ line: 3, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
app.get('/invite/:token', (req, res) => res.json(jwt.verify(req.params.token, process.env.JWT_SECRET!, { algorithms: ['HS256'] })));` }] }],
    },
    {
      name: 'array destructuring of the header',
      code: `
import jwt from 'jsonwebtoken';
export function middleware(req, res, next) {
  const header = req.get('Authorization') ?? '';
  const [, token] = header.split(' ');
  res.locals.user = jwt.decode(token);
  next();
}`,
      errors: [{ line: 6, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
export function middleware(req, res, next) {
  const header = req.get('Authorization') ?? '';
  const [, token] = header.split(' ');
  res.locals.user = jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] });
  next();
}` }] }],
    },
    {
      name: 'let reassigned from a cookie',
      code: `
import jwt from 'jsonwebtoken';
app.use((req, res, next) => {
  let token;
  if (req.cookies) token = req.cookies.jwt;
  req.user = jwt.decode(token);
  next();
});`,
      errors: [{ line: 6, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
app.use((req, res, next) => {
  let token;
  if (req.cookies) token = req.cookies.jwt;
  req.user = jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] });
  next();
});` }] }],
    },
    {
      name: 'koa ctx header',
      code: `
import jwt from 'jsonwebtoken';
router.get('/me', async (ctx) => {
  ctx.body = jwt.decode(ctx.request.header.authorization.slice(7));
});`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
router.get('/me', async (ctx) => {
  ctx.body = jwt.verify(ctx.request.header.authorization.slice(7), process.env.JWT_SECRET!, { algorithms: ['HS256'] });
});` }] }],
    },
    {
      name: 'koa ctx.get',
      code: `
import jwt from 'jsonwebtoken';
app.use(async (ctx, next) => {
  ctx.state.user = jwt.decode(ctx.get('Authorization').split(' ')[1]);
  await next();
});`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
app.use(async (ctx, next) => {
  ctx.state.user = jwt.verify(ctx.get('Authorization').split(' ')[1], process.env.JWT_SECRET!, { algorithms: ['HS256'] });
  await next();
});` }] }],
    },
    {
      name: 'hono c.req.header',
      code: `
import { decodeJwt } from 'jose';
app.get('/me', (c) => {
  const token = c.req.header('Authorization')?.replace('Bearer ', '') ?? '';
  return c.json(decodeJwt(token));
});`,
      errors: [{ line: 5, message: /jose\.decodeJwt/ }],
    },
    {
      name: 'jose namespace decodeJwt on a fetch Request',
      code: `
import * as jose from 'jose';
export async function GET(request: Request) {
  const auth = request.headers.get('authorization');
  const claims = jose.decodeJwt(auth!.split(' ')[1]);
  return Response.json(claims);
}`,
      errors: [{ line: 5, message, suggestions: [{ messageId: 'verifyToken', output: `
import * as jose from 'jose';
export async function GET(request: Request) {
  const auth = request.headers.get('authorization');
  const claims = (await jose.jwtVerify(auth!.split(' ')[1], new TextEncoder().encode(process.env.JWT_SECRET!))).payload;
  return Response.json(claims);
}` }] }],
    },
    {
      name: 'Next.js cookies() from next/headers',
      code: `
import { cookies } from 'next/headers';
import { decodeJwt } from 'jose';
export default async function Page() {
  const session = (await cookies()).get('session')?.value;
  const user = decodeJwt(session!);
  return user.name;
}`,
      errors: [{ line: 6, message, suggestions: [{ messageId: 'verifyToken', output: `
import { cookies } from 'next/headers';
import { decodeJwt, jwtVerify } from 'jose';
export default async function Page() {
  const session = (await cookies()).get('session')?.value;
  const user = (await jwtVerify(session!, new TextEncoder().encode(process.env.JWT_SECRET!))).payload;
  return user.name;
}` }] }],
    },
    {
      name: 'NextRequest cookies',
      code: `
import { decodeJwt } from 'jose';
export function middleware(request: NextRequest) {
  const token = request.cookies.get('token')?.value;
  if (token && decodeJwt(token).role === 'admin') return NextResponse.next();
}`,
      errors: [{ line: 5, message }],
    },
    {
      name: 'request parts destructured from a handler parameter',
      code: `
import { decodeJwt } from 'jose';
export const handle = async ({ event, resolve }) => {
  event.locals.user = decodeJwt(event.cookies.get('session') ?? '');
  return resolve(event);
};
export const GET = ({ cookies }) => new Response(JSON.stringify(decodeJwt(cookies.get('t')!)));
export const handler = async ({ headers }) => ({ statusCode: 200, body: JSON.stringify(decodeJwt(headers.authorization.slice(7))) });`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `
import { decodeJwt, jwtVerify } from 'jose';
export const handle = async ({ event, resolve }) => {
  event.locals.user = (await jwtVerify(event.cookies.get('session') ?? '', new TextEncoder().encode(process.env.JWT_SECRET!))).payload;
  return resolve(event);
};
export const GET = ({ cookies }) => new Response(JSON.stringify(decodeJwt(cookies.get('t')!)));
export const handler = async ({ headers }) => ({ statusCode: 200, body: JSON.stringify(decodeJwt(headers.authorization.slice(7))) });` }] }, { line: 7, message }, { line: 8, message, suggestions: [{ messageId: 'verifyToken', output: `
import { decodeJwt, jwtVerify } from 'jose';
export const handle = async ({ event, resolve }) => {
  event.locals.user = decodeJwt(event.cookies.get('session') ?? '');
  return resolve(event);
};
export const GET = ({ cookies }) => new Response(JSON.stringify(decodeJwt(cookies.get('t')!)));
export const handler = async ({ headers }) => ({ statusCode: 200, body: JSON.stringify((await jwtVerify(headers.authorization.slice(7), new TextEncoder().encode(process.env.JWT_SECRET!))).payload) });` }] }],
    },
    {
      name: 'hono getCookie',
      code: `
import { getCookie } from 'hono/cookie';
import jwt from 'jsonwebtoken';
app.get('/me', (c) => c.json(jwt.decode(getCookie(c, 'session') ?? '')));`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `
import { getCookie } from 'hono/cookie';
import jwt from 'jsonwebtoken';
app.get('/me', (c) => c.json(jwt.verify(getCookie(c, 'session') ?? '', process.env.JWT_SECRET!, { algorithms: ['HS256'] })));` }] }],
    },
    {
      name: 'h3 getCookie in a Nuxt server middleware',
      code: `
import { defineEventHandler, getCookie } from 'h3';
import { decodeJwt } from 'jose';
export default defineEventHandler((event) => {
  const token = getCookie(event, 'admin_session');
  if (!token) return;
  event.context.admin = decodeJwt(token).sub;
});`,
      errors: [{ line: 7, message, suggestions: [{ messageId: 'verifyToken', output: `
import { defineEventHandler, getCookie } from 'h3';
import { decodeJwt, jwtVerify } from 'jose';
export default defineEventHandler(async (event) => {
  const token = getCookie(event, 'admin_session');
  if (!token) return;
  event.context.admin = (await jwtVerify(token, new TextEncoder().encode(process.env.JWT_SECRET!))).payload.sub;
});` }] }],
    },
    {
      name: 'h3 parseCookies, getRequestHeader, getQuery and readBody',
      code: `
import * as h3 from 'h3';
import { decodeJwt } from 'jose';
export const fromCookies = h3.defineEventHandler((event) => decodeJwt(h3.parseCookies(event).session));
export const fromHeader = h3.defineEventHandler((event) => decodeJwt(h3.getRequestHeader(event, 'authorization')!.slice(7)));
export const fromQuery = h3.defineEventHandler((event) => decodeJwt(String(h3.getQuery(event).token)));
export const fromBody = h3.defineEventHandler(async (event) => {
  const { idToken } = await h3.readBody(event);
  return decodeJwt(idToken);
});`,
      errors: [{ line: 4, message }, { line: 5, message }, { line: 6, message }, { line: 9, message, suggestions: [{ messageId: 'verifyToken', output: `
import * as h3 from 'h3';
import { decodeJwt, jwtVerify } from 'jose';
export const fromCookies = h3.defineEventHandler((event) => decodeJwt(h3.parseCookies(event).session));
export const fromHeader = h3.defineEventHandler((event) => decodeJwt(h3.getRequestHeader(event, 'authorization')!.slice(7)));
export const fromQuery = h3.defineEventHandler((event) => decodeJwt(String(h3.getQuery(event).token)));
export const fromBody = h3.defineEventHandler(async (event) => {
  const { idToken } = await h3.readBody(event);
  return (await jwtVerify(idToken, new TextEncoder().encode(process.env.JWT_SECRET!))).payload;
});` }] }],
    },
    {
      name: 'Nuxt auto-imported getHeader in a server/ route',
      filename: 'server/api/me.get.ts',
      code: `
import jwt from 'jsonwebtoken';
export default defineEventHandler((event) => {
  const header = getHeader(event, 'authorization') ?? '';
  return jwt.decode(header.replace('Bearer ', ''));
});`,
      errors: [{ line: 5, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
export default defineEventHandler((event) => {
  const header = getHeader(event, 'authorization') ?? '';
  return jwt.verify(header.replace('Bearer ', ''), process.env.JWT_SECRET!, { algorithms: ['HS256'] });
});` }] }],
    },
    {
      name: 'socket.io handshake',
      code: `
import jwt from 'jsonwebtoken';
io.use((socket, next) => {
  const user = jwt.decode(socket.handshake.auth.token);
  socket.data.user = user;
  next();
});`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
io.use((socket, next) => {
  const user = jwt.verify(socket.handshake.auth.token, process.env.JWT_SECRET!, { algorithms: ['HS256'] });
  socket.data.user = user;
  next();
});` }] }],
    },
    {
      name: 'ws upgrade URL',
      code: `
import jwt from 'jsonwebtoken';
server.on('upgrade', (request, socket, head) => {
  const { searchParams } = new URL(request.url, 'http://localhost');
  const claims = jwt.decode(searchParams.get('token'));
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, claims));
});`,
      errors: [{ line: 5, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
server.on('upgrade', (request, socket, head) => {
  const { searchParams } = new URL(request.url, 'http://localhost');
  const claims = jwt.verify(searchParams.get('token'), process.env.JWT_SECRET!, { algorithms: ['HS256'] });
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, claims));
});` }] }],
    },
    {
      name: 'passed to a helper by a call in the same file',
      code: `
import jwt from 'jsonwebtoken';
function currentUser(token: string) {
  return jwt.decode(token) as { sub: string };
}
app.get('/me', (req, res) => {
  res.json(currentUser(req.headers.authorization!.split(' ')[1]));
});`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
function currentUser(token: string) {
  return jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] }) as { sub: string };
}
app.get('/me', (req, res) => {
  res.json(currentUser(req.headers.authorization!.split(' ')[1]));
});` }] }],
    },
    {
      name: 'token extracted by a same-file helper',
      code: `
import jwt from 'jsonwebtoken';
function bearer(req) {
  return req.headers.authorization?.replace(/^Bearer /, '');
}
app.get('/me', (req, res) => res.json(jwt.decode(bearer(req))));`,
      errors: [{ line: 6, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
function bearer(req) {
  return req.headers.authorization?.replace(/^Bearer /, '');
}
app.get('/me', (req, res) => res.json(jwt.verify(bearer(req), process.env.JWT_SECRET!, { algorithms: ['HS256'] })));` }] }],
    },
    {
      name: 'Nest @Headers param',
      code: `
import { Controller, Get, Headers } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
@Controller('me')
export class MeController {
  @Get()
  me(@Headers('authorization') authorization: string) {
    return jwt.decode(authorization.replace('Bearer ', ''));
  }
}`,
      errors: [{ line: 8, message, suggestions: [{ messageId: 'verifyToken', output: `
import { Controller, Get, Headers } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
@Controller('me')
export class MeController {
  @Get()
  me(@Headers('authorization') authorization: string) {
    return jwt.verify(authorization.replace('Bearer ', ''), process.env.JWT_SECRET!, { algorithms: ['HS256'] });
  }
}` }] }],
    },
    {
      name: 'Nest JwtService.decode on a @Req() header',
      code: `
import { JwtService } from '@nestjs/jwt';
export class AuthGuard {
  constructor(private readonly jwtService: JwtService) {}
  canActivate(@Req() req: Request) {
    const user = this.jwtService.decode(req.headers['authorization']);
    return !!user;
  }
}`,
      errors: [{ line: 6, message: /this\.jwtService\.decode/, suggestions: [{ messageId: 'verifyToken', output: `
import { JwtService } from '@nestjs/jwt';
export class AuthGuard {
  constructor(private readonly jwtService: JwtService) {}
  canActivate(@Req() req: Request) {
    const user = this.jwtService.verify(req.headers['authorization']);
    return !!user;
  }
}` }] }],
    },
    {
      name: 'typed request parameter with a non-standard name',
      code: `
import jwt from 'jsonwebtoken';
export function handle(incomingReq: IncomingMessage) {
  return jwt.decode(String(incomingReq.headers.authorization));
}`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
export function handle(incomingReq: IncomingMessage) {
  return jwt.verify(String(incomingReq.headers.authorization), process.env.JWT_SECRET!, { algorithms: ['HS256'] });
}` }] }],
    },
    {
      name: 'Lambda event header in destructuring',
      code: `
import jwt from 'jsonwebtoken';
export const handler = async (event) => {
  const { Authorization: auth } = event.headers;
  return jwt.decode(auth);
};`,
      errors: [{ line: 5, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
export const handler = async (event) => {
  const { Authorization: auth } = event.headers;
  return jwt.verify(auth, process.env.JWT_SECRET!, { algorithms: ['HS256'] });
};` }] }],
    },
    {
      name: 'API Gateway TOKEN authorizer: the authorizationToken with Bearer replaced',
      code: `
import jwt from 'jsonwebtoken';
import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
export async function authorizer(event: APIGatewayTokenAuthorizerEvent) {
  const raw = event.authorizationToken.replace(/^Bearer /, '');
  return jwt.decode(raw);
}`,
      errors: [{ line: 6, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
export async function authorizer(event: APIGatewayTokenAuthorizerEvent) {
  const raw = event.authorizationToken.replace(/^Bearer /, '');
  return jwt.verify(raw, process.env.JWT_SECRET!, { algorithms: ['HS256'] });
}` }] }],
    },
    {
      name: 'API Gateway TOKEN authorizer: authorizationToken destructured from an event of another name',
      code: `
import { decodeJwt } from 'jose';
import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
export const authorize = async (authEvent: APIGatewayTokenAuthorizerEvent) => {
  const { authorizationToken } = authEvent;
  return decodeJwt(authorizationToken.split(' ')[1]).sub;
};`,
      errors: [{ line: 6, message, suggestions: [{ messageId: 'verifyToken', output: `
import { decodeJwt, jwtVerify } from 'jose';
import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
export const authorize = async (authEvent: APIGatewayTokenAuthorizerEvent) => {
  const { authorizationToken } = authEvent;
  return (await jwtVerify(authorizationToken.split(' ')[1], new TextEncoder().encode(process.env.JWT_SECRET!))).payload.sub;
};` }] }],
    },
    {
      name: 'API Gateway REQUEST authorizer: the Authorization header of an event of another name',
      code: `
import jwt from 'jsonwebtoken';
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
export async function authorize(input: APIGatewayRequestAuthorizerEvent) {
  const header = input.headers?.Authorization ?? input.headers?.authorization ?? '';
  return jwt.decode(header.slice(7));
}`,
      errors: [{ line: 6, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
export async function authorize(input: APIGatewayRequestAuthorizerEvent) {
  const header = input.headers?.Authorization ?? input.headers?.authorization ?? '';
  return jwt.verify(header.slice(7), process.env.JWT_SECRET!, { algorithms: ['HS256'] });
}` }] }],
    },
    // issue 14: tokens read straight from the request in guards and middleware
    {
      name: 'express: req.get() of the Authorization header split past Bearer',
      code: `import jwt from 'jsonwebtoken';
export function auth(req, res, next) {
  const token = req.get('Authorization').split(' ')[1];
  const claims = jwt.decode(token);
  req.user = claims;
  next();
}`,
      errors: [{ line: 4, suggestions: [{ messageId: 'verifyToken', output: `import jwt from 'jsonwebtoken';
export function auth(req, res, next) {
  const token = req.get('Authorization').split(' ')[1];
  const claims = jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] });
  req.user = claims;
  next();
}` }] }],
    },
    {
      name: 'express: req.header() with Bearer replaced, as casts around the call',
      code: `import jwt from 'jsonwebtoken';
export const auth = (req: Request, res: Response, next: NextFunction) => {
  const token = req.header('authorization')?.replace('Bearer ', '');
  res.locals.user = jwt.decode(token as string) as JwtPayload;
  next();
};`,
      errors: [{ line: 4, suggestions: [{ messageId: 'verifyToken', output: `import jwt from 'jsonwebtoken';
export const auth = (req: Request, res: Response, next: NextFunction) => {
  const token = req.header('authorization')?.replace('Bearer ', '');
  res.locals.user = jwt.verify(token as string, process.env.JWT_SECRET!, { algorithms: ['HS256'] }) as JwtPayload;
  next();
};` }] }],
    },
    {
      name: 'fastify: a header sliced past Bearer',
      code: `import * as jwt from 'jsonwebtoken';
export function auth(request, reply, done) {
  const header = request.headers['authorization'] as string;
  const token = header.slice(7);
  request.user = (jwt.decode(token) as { sub: string }).sub;
  done();
}`,
      errors: [{ line: 5, suggestions: [{ messageId: 'verifyToken', output: `import * as jwt from 'jsonwebtoken';
export function auth(request, reply, done) {
  const header = request.headers['authorization'] as string;
  const token = header.slice(7);
  request.user = (jwt.verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] }) as { sub: string }).sub;
  done();
}` }] }],
    },
    {
      name: 'Nest guard: the ExecutionContext request',
      code: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly jwtService: JwtService) {}
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const token = request.headers.authorization?.split(' ')[1];
    const payload = this.jwtService.decode(token) as { roles: string[] };
    return payload.roles.includes('admin');
  }
}`,
      errors: [{ line: 9, suggestions: [{ messageId: 'verifyToken', output: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly jwtService: JwtService) {}
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const token = request.headers.authorization?.split(' ')[1];
    const payload = this.jwtService.verify(token) as { roles: string[] };
    return payload.roles.includes('admin');
  }
}` }] }],
    },
    {
      name: 'Nest guard: decode of a header destructured from the ExecutionContext request',
      code: `import { ExecutionContext, Injectable } from '@nestjs/common';
import { decode } from 'jsonwebtoken';
@Injectable()
export class TenantGuard {
  canActivate(ctx: ExecutionContext) {
    const req = ctx.switchToHttp().getRequest();
    const [, bearer] = (req.headers['authorization'] as string).split(' ');
    const claims = decode(bearer) as any;
    return !!claims?.tenant;
  }
}`,
      errors: [{ line: 8, suggestions: [{ messageId: 'verifyToken', output: `import { ExecutionContext, Injectable } from '@nestjs/common';
import { decode, verify } from 'jsonwebtoken';
@Injectable()
export class TenantGuard {
  canActivate(ctx: ExecutionContext) {
    const req = ctx.switchToHttp().getRequest();
    const [, bearer] = (req.headers['authorization'] as string).split(' ');
    const claims = verify(bearer, process.env.JWT_SECRET!, { algorithms: ['HS256'] }) as any;
    return !!claims?.tenant;
  }
}` }] }],
    },
    {
      name: 'Nest guard: getRequest() on a const holding switchToHttp()',
      code: `import { ExecutionContext, Injectable } from '@nestjs/common';
import { decode } from 'jsonwebtoken';
@Injectable()
export class TenantGuard {
  canActivate(executionContext: ExecutionContext) {
    const http = executionContext.switchToHttp();
    const token = http.getRequest().headers.authorization.replace('Bearer ', '');
    return !!(decode(token) as any)?.tenant;
  }
}`,
      errors: [{ line: 8, suggestions: [{ messageId: 'verifyToken', output: `import { ExecutionContext, Injectable } from '@nestjs/common';
import { decode, verify } from 'jsonwebtoken';
@Injectable()
export class TenantGuard {
  canActivate(executionContext: ExecutionContext) {
    const http = executionContext.switchToHttp();
    const token = http.getRequest().headers.authorization.replace('Bearer ', '');
    return !!(verify(token, process.env.JWT_SECRET!, { algorithms: ['HS256'] }) as any)?.tenant;
  }
}` }] }],
    },
    {
      name: 'jose: exported middleware returning res.status(401).end() early is made async for jwtVerify',
      code: `import { decodeJwt } from 'jose';
import type { NextFunction, Request, Response } from 'express';
export function tenantFromHeader(req: Request, res: Response, next: NextFunction) {
  const bearer = req.get('authorization')?.split(' ')[1];
  if (!bearer) return res.status(401).end();
  const claims = decodeJwt(bearer);
  res.locals.tenant = claims.tenant;
  next();
}`,
      errors: [{ line: 6, suggestions: [{ messageId: 'verifyToken', output: `import { decodeJwt, jwtVerify } from 'jose';
import type { NextFunction, Request, Response } from 'express';
export async function tenantFromHeader(req: Request, res: Response, next: NextFunction) {
  const bearer = req.get('authorization')?.split(' ')[1];
  if (!bearer) return res.status(401).end();
  const claims = (await jwtVerify(bearer, new TextEncoder().encode(process.env.JWT_SECRET!))).payload;
  res.locals.tenant = claims.tenant;
  next();
}` }] }],
    },
    {
      name: 'jwt.verify allowing none',
      code: `
import jwt from 'jsonwebtoken';
const claims = jwt.verify(token, secret, { algorithms: ['HS256', 'none'] });`,
      output: `
import jwt from 'jsonwebtoken';
const claims = jwt.verify(token, secret, { algorithms: ['HS256'] });`,
      errors: [{ line: 3, message: /accepts the 'none' algorithm/ }],
    },
    {
      name: "'none' listed first: it goes with the comma after it",
      code: `
import jwt from 'jsonwebtoken';
const claims = jwt.verify(token, publicKey, { algorithms: ['none', 'RS256'] });`,
      output: `
import jwt from 'jsonwebtoken';
const claims = jwt.verify(token, publicKey, { algorithms: ['RS256'] });`,
      errors: [{ line: 3, message: /accepts the 'none' algorithm/ }],
    },
    {
      name: "'none' twice among others",
      code: `
import jwt from 'jsonwebtoken';
const claims = jwt.verify(token, publicKey, { algorithms: ['None', 'RS256', 'none'] });`,
      output: `
import jwt from 'jsonwebtoken';
const claims = jwt.verify(token, publicKey, { algorithms: ['RS256'] });`,
      errors: [{ line: 3, message: /accepts the 'none' algorithm/ }],
    },
    {
      name: 'jose decodeJwt in a helper whose callers await it: the helper becomes async',
      code: `
import { decodeJwt } from 'jose';
function claimsOf(request: Request): { sub?: string } {
  return decodeJwt(request.headers.get('authorization')!.slice(7));
}
export async function GET(request: Request) {
  return Response.json(await claimsOf(request));
}`,
      errors: [{ line: 4, message: /jose\.decodeJwt/, suggestions: [{ messageId: 'verifyToken', output: `
import { decodeJwt, jwtVerify } from 'jose';
async function claimsOf(request: Request): Promise<{ sub?: string }> {
  return (await jwtVerify(request.headers.get('authorization')!.slice(7), new TextEncoder().encode(process.env.JWT_SECRET!))).payload;
}
export async function GET(request: Request) {
  return Response.json(await claimsOf(request));
}` }] }],
    },
    {
      name: 'jose UnsecuredJWT.decode in an async handler',
      code: `
import { UnsecuredJWT } from 'jose';
app.get('/me', async (req, res) => {
  const { payload } = UnsecuredJWT.decode(req.cookies.session);
  res.json(payload);
});`,
      errors: [{ line: 4, message: /UnsecuredJWT\.decode/, suggestions: [{ messageId: 'verifyToken', output: `
import { UnsecuredJWT, jwtVerify } from 'jose';
app.get('/me', async (req, res) => {
  const { payload } = await jwtVerify(req.cookies.session, new TextEncoder().encode(process.env.JWT_SECRET!));
  res.json(payload);
});` }] }],
    },
    {
      name: 'CommonJS with double quotes and complete: true kept',
      filename: 'auth.js',
      code: `
const jwt = require("jsonwebtoken");
app.get("/me", (req, res) => {
  const decoded = jwt.decode(req.cookies.session, { complete: true, json: true });
  res.json(decoded.payload);
});`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `
const jwt = require("jsonwebtoken");
app.get("/me", (req, res) => {
  const decoded = jwt.verify(req.cookies.session, process.env.JWT_SECRET, { algorithms: ["HS256"], complete: true });
  res.json(decoded.payload);
});` }] }],
    },
    {
      name: 'jwt.verify with a const options object allowing none',
      code: `
const jwt = require('jsonwebtoken');
const ALGS = ['none'];
const opts = { algorithms: ALGS };
function check(t) {
  return jwt.verify(t, key, opts);
}`,
      errors: [{ line: 6, message: /'none'/ }],
    },
    {
      name: 'default import decode on destructured body',
      code: `
import jwt from 'jsonwebtoken';
app.post('/session', ({ body }, res) => {
  res.json(jwt.decode(body.idToken));
});`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifyToken', output: `
import jwt from 'jsonwebtoken';
app.post('/session', ({ body }, res) => {
  res.json(jwt.verify(body.idToken, process.env.JWT_SECRET!, { algorithms: ['HS256'] }));
});` }] }],
    },
  ],
});
