import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const message = /does not verify the webhook signature/;

ruleTester('unverified-webhook', {
  valid: [
    { name: 'an expression-bodied handler handing its whole request to an imported handler', code: `import express from 'express';\nimport { handleWebhook } from './webhooks';\nconst app = express();\napp.post('/webhooks/github', (req, res) => handleWebhook(req, res));` },
    // issue 14 recall
    {
      name: "a Clerk-authenticated route under /webhooks (getAuth) serves a user",
      filename: "pages/api/webhooks/settings.ts",
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
import { getAuth } from '@clerk/nextjs/server';
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { userId } = getAuth(req);
  if (!userId) return res.status(401).end();
  await db.webhooks.upsert({ userId, url: req.body.url });
  res.status(200).end();
}
`,
    },
    // issue 14 recall
    {
      name: "a pages router API that manages webhook settings for a signed-in user (getServerSession) is not a receiver",
      filename: "pages/api/teams/[teamId]/webhooks/index.ts",
      code: `import { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import { authOptions } from '@/pages/api/auth/[...nextauth]';
export default async function handle(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).json({ error: 'Unauthorized' });
  if (req.method === 'POST') {
    const webhook = await prisma.webhook.create({ data: { url: req.body.url, teamId: req.query.teamId as string } });
    return res.status(201).json(webhook);
  }
  res.status(405).end();
}
`,
    },
    {
      name: "an express route under /webhooks that reads the user session (Auth.js auth()) is not a receiver",
      filename: "src/routes/settings.ts",
      code: `import express from 'express';
import { auth } from '@/auth';
const router = express.Router();
router.post('/settings/webhooks', async (req, res) => {
  const session = await auth();
  if (!session) return res.sendStatus(401);
  await db.webhooks.insert({ url: req.body.url, owner: session.user.id });
  res.sendStatus(201);
});
export default router;
`,
    },
    // issue 14 recall
    {
      name: "a React hook exported from src/api/hooks.ts is not a route",
      filename: "src/api/hooks.ts",
      code: `export default function useResource(url: string, options: RequestInit) {
  return useSWR(url, () => fetch(url, options).then((r) => r.json()));
}
`,
    },
    {
      name: "a pages router webhook that verifies with stripe.webhooks.constructEvent",
      filename: "pages/api/webhooks/stripe.ts",
      code: `import Stripe from 'stripe';
import type { NextApiRequest, NextApiResponse } from 'next';
import { buffer } from 'micro';
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const event = stripe.webhooks.constructEvent(await buffer(req), req.headers['stripe-signature']!, process.env.STRIPE_WEBHOOK_SECRET!);
  await handleEvent(event);
  res.json({ received: true });
}
`,
    },
    {
      name: "a default-exported (req, res) handler outside an API route directory is not a route by itself",
      filename: "src/lib/webhook-utils.ts",
      code: `export default function relay(req: any, res: any) {
  queue.push(req.body);
  res.end();
}
`,
    },
    {
      name: 'old-style: an exports.x hook registered by reference that checks the HMAC',
      filename: 'routes/partner.js',
      code: `var crypto = require('crypto');
var express = require('express');
var router = express.Router();
exports.partnerHook = function (req, res) {
  var expected = crypto.createHmac('sha256', process.env.PARTNER_SECRET).update(req.rawBody).digest();
  var given = Buffer.from(req.get('x-partner-signature') || '', 'hex');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return res.sendStatus(401);
  orders.fulfil(req.body.order);
  res.end();
};
router.post('/partner/hook', exports.partnerHook);`,
    },
    {
      name: 'a handler that calls what createNodeMiddleware made (probot on fastify)',
      filename: 'src/server.ts',
      code: `
import { createNodeMiddleware } from 'probot';
const middleware = await createNodeMiddleware(app, { probot });
fastify.post('/api/github/webhooks', async (req, reply) => {
  await middleware(req.raw, reply.raw);
  return reply;
});`,
    },
    {
      name: 'a Next.js handler that hands the request to an imported API wrapper (formbricks management API)',
      filename: 'apps/web/modules/api/v2/management/webhooks/route.ts',
      code: `
import { authenticatedApiClient } from '@/modules/api/v2/auth/authenticated-api-client';
export const POST = async (request: NextRequest) =>
  authenticatedApiClient({
    request,
    handler: async ({ parsedInput }) => {
      const res = await createWebhook(parsedInput.body);
      return responses.successResponse(res.data);
    },
  });`,
    },
    {
      name: 'express: stripe constructEvent in the handler',
      code: `
import express from 'express';
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY!);
const app = express();
app.post('/webhooks/stripe', express.raw({ type: 'application/json' }), (req, res) => {
  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'] as string, process.env.WHSEC!);
  res.json({ received: event.id });
});`,
    },
    {
      name: 'express: constructEventAsync',
      code: `
app.post('/webhooks/stripe', async (req, res) => {
  const event = await stripe.webhooks.constructEventAsync(req.body, req.get('stripe-signature'), secret);
  res.sendStatus(200);
});`,
    },
    {
      name: 'express router: HMAC with timingSafeEqual',
      code: `
import crypto from 'node:crypto';
const router = express.Router();
router.post('/hooks/github', (req, res) => {
  const expected = 'sha256=' + crypto.createHmac('sha256', process.env.GH_SECRET!).update(req.body).digest('hex');
  const received = req.get('x-hub-signature-256') ?? '';
  if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(received))) return res.sendStatus(401);
  res.sendStatus(204);
});`,
    },
    {
      name: 'HMAC compared with === still counts as verified here (timing-unsafe-comparison reports it)',
      code: `
router.post('/webhook', (req, res) => {
  const digest = crypto.createHmac('sha256', secret).update(req.rawBody).digest('hex');
  if (digest !== req.headers['x-signature']) return res.sendStatus(401);
  handle(req.body);
});`,
    },
    {
      name: 'middleware in the same registration named as a verifier',
      code: `
import { verifyGithubSignature } from './security';
app.post('/webhooks/github', verifyGithubSignature, (req, res) => {
  queue.push(req.body);
  res.end();
});`,
    },
    {
      name: 'verifier defined in the same file, called from the handler',
      code: `
function checkSignature(req) {
  const mac = crypto.createHmac('sha256', KEY).update(req.rawBody).digest();
  return crypto.timingSafeEqual(mac, Buffer.from(req.headers['x-hub-signature-256'], 'hex'));
}
app.post('/github/webhook', (req, res) => {
  if (!checkSignature(req)) return res.status(401).end();
  res.end();
});`,
    },
    {
      name: 'helper in the same file with a neutral name that does the HMAC check (followed transitively)',
      code: `
function expectedMac(body) { return crypto.createHmac('sha256', KEY).update(body).digest('hex'); }
function guard(req) { return safeEq(expectedMac(req.rawBody), req.headers['x-sig']); }
app.post('/webhook', (req, res) => {
  if (!guard(req)) return res.status(401).end();
  res.end();
});`,
    },
    {
      name: 'verifier named by options.verifierNames',
      options: { verifierNames: ['assertFromPartner'] },
      code: `
app.post('/webhooks/partner', (req, res) => {
  assertFromPartner(req);
  res.end();
});`,
    },
    {
      name: 'svix verify',
      code: `
import { Webhook } from 'svix';
app.post('/api/webhooks/clerk', express.raw({ type: 'application/json' }), (req, res) => {
  const wh = new Webhook(process.env.CLERK_WEBHOOK_SECRET!);
  const evt = wh.verify(req.body, { 'svix-id': req.get('svix-id')!, 'svix-timestamp': req.get('svix-timestamp')!, 'svix-signature': req.get('svix-signature')! });
  res.json(evt);
});`,
    },
    {
      name: 'octokit verifyAndReceive',
      code: `
import { Webhooks } from '@octokit/webhooks';
const webhooks = new Webhooks({ secret: process.env.GH_SECRET! });
app.post('/github/hooks', async (req, res) => {
  await webhooks.verifyAndReceive({ id: req.get('x-github-delivery'), name: req.get('x-github-event'), payload: req.body, signature: req.get('x-hub-signature-256') });
  res.end();
});`,
    },
    {
      name: 'twilio.webhook() middleware',
      code: `
import twilio from 'twilio';
app.post('/sms/webhook', twilio.webhook(), (req, res) => {
  res.type('text/xml').send('<Response/>');
});`,
    },
    {
      name: 'twilio validateRequest',
      code: `
import twilio from 'twilio';
app.post('/voice/hook', (req, res) => {
  const ok = twilio.validateRequest(token, req.header('x-twilio-signature'), url, req.body);
  if (!ok) return res.sendStatus(403);
  res.end();
});`,
    },
    {
      name: 'shopify webhooks.validate',
      code: `
app.post('/webhooks/shopify', async (req, res) => {
  const { valid } = await shopify.webhooks.validate({ rawBody: req.body, rawRequest: req, rawResponse: res });
  if (!valid) return res.sendStatus(401);
  res.end();
});`,
    },
    {
      name: 'app.use with a router is not itself a handler',
      code: `
import webhookRouter from './webhooks';
app.use('/webhooks', webhookRouter);`,
    },
    {
      name: 'non-webhook route',
      code: `
app.post('/api/orders', (req, res) => {
  db.orders.insert(req.body);
  res.status(201).end();
});`,
    },
    {
      name: 'GET on a webhook path (a verification challenge) is not a delivery',
      code: `
app.get('/webhook', (req, res) => {
  res.send(req.query['hub.challenge']);
});`,
    },
    {
      name: 'handler imported from another file cannot be judged',
      code: `
import { handleStripe } from './handlers';
app.post('/webhooks/stripe', handleStripe);`,
    },
    {
      name: 'unknown imported middleware may verify',
      code: `
import { partnerAuth } from './auth';
router.post('/webhooks/partner', partnerAuth, (req, res) => { res.end(); });`,
    },
    {
      name: 'outbound axios.post to a webhook URL is a client call',
      code: `
import axios from 'axios';
await axios.post('https://example.com/webhooks/notify', payload, { timeout: 5000 });
axios.post('/webhooks', (x) => x);`,
    },
    {
      name: 'supertest request in a test',
      code: `
import request from 'supertest';
await request(app).post('/webhooks/stripe').send(body).expect(400);`,
    },
    {
      name: 'msw handler is a mock',
      code: `
import { http, HttpResponse } from 'msw';
export const handlers = [http.post('/api/webhooks', () => HttpResponse.json({ ok: true }))];`,
    },
    {
      name: 'file-level use() installs a verifying middleware defined in the file',
      code: `
function verifySlackRequest(req, res, next) { next(); }
router.use(verifySlackRequest);
router.post('/slack/hook', (req, res) => { res.end(); });`,
    },
    {
      name: 'fastify addHook with verifier',
      code: `
fastify.addHook('preHandler', verifyWebhookSignature);
fastify.post('/webhook', async (request, reply) => { return { ok: true }; });`,
    },
    {
      name: 'fastify preHandler in options',
      code: `
fastify.post('/webhooks/github', { preHandler: verifySignature, config: { rawBody: true } }, async (request, reply) => {
  await process(request.body);
  return reply.send({ ok: true });
});`,
    },
    {
      name: 'fastify.route with preHandler array',
      code: `
fastify.route({
  method: 'POST',
  url: '/webhooks/stripe',
  preHandler: [fastify.rawBody, validateWebhook],
  handler: async (request, reply) => reply.send({ ok: true }),
});`,
    },
    {
      name: 'fastify.route with GET',
      code: `
fastify.route({ method: 'GET', url: '/webhooks', handler: async () => ({ ok: true }) });`,
    },
    {
      name: 'hono with constructEventAsync',
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.post('/webhooks/stripe', async (c) => {
  const body = await c.req.text();
  const event = await stripe.webhooks.constructEventAsync(body, c.req.header('stripe-signature')!, secret);
  return c.json({ id: event.id });
});`,
    },
    {
      name: 'koa-router named route with verification',
      code: `
router.post('stripe-webhook', '/webhooks/stripe', async (ctx) => {
  const event = stripe.webhooks.constructEvent(ctx.request.rawBody, ctx.get('stripe-signature'), secret);
  ctx.body = { id: event.id };
});`,
    },
    {
      name: 'Nest controller verifying via stripe',
      code: `
import { Controller, Post, Headers, Req } from '@nestjs/common';
@Controller('webhooks')
export class WebhooksController {
  @Post('stripe')
  handle(@Headers('stripe-signature') sig: string, @Req() req: RawBodyRequest<Request>) {
    const event = this.stripe.webhooks.constructEvent(req.rawBody!, sig, this.secret);
    return { id: event.id };
  }
}`,
    },
    {
      name: 'a Twilio signature logged and also handed to an unseen checker (near miss of the logged-only case)',
      code: `
import { logger } from './logger';
router.post('/twilio/status', async (req, res) => {
  const signature = req.header('x-twilio-signature');
  logger.info({ hasSignature: Boolean(signature) });
  if (!checkTwilio(signature, req.body)) return res.sendStatus(403);
  await messages.updateStatus(req.body.MessageSid, req.body.MessageStatus);
  res.sendStatus(204);
});`,
    },
    {
      name: 'Nest: signature handed to a service in another file',
      code: `
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly payments: PaymentsService) {}
  @Post('stripe')
  async handle(@Headers('stripe-signature') signature: string, @Req() req: RawBodyRequest<Request>) {
    await this.payments.handleWebhook(signature, req.rawBody);
  }
}`,
    },
    {
      name: 'Nest: calls a private method of the class that verifies',
      code: `
@Controller('hooks')
export class HooksController {
  @Post('github')
  receive(@Req() req, @Body() body) {
    this.assertSignature(req);
    return this.queue.add(body);
  }
  private assertSignature(req) {
    const mac = createHmac('sha256', this.secret).update(req.rawBody).digest('hex');
    if (!timingSafeEqual(Buffer.from(mac), Buffer.from(req.headers['x-hub-signature-256']))) throw new UnauthorizedException();
  }
}`,
    },
    {
      name: 'Nest: guard on the method',
      code: `
@Controller('webhooks')
export class WebhooksController {
  @Post('stripe')
  @UseGuards(StripeSignatureGuard)
  handle(@Body() body) { return this.svc.process(body); }
}`,
    },
    {
      name: 'Nest: not a webhook controller',
      code: `
@Controller('orders')
export class OrdersController {
  @Post()
  create(@Body() dto) { return this.orders.create(dto); }
}`,
    },
    {
      name: 'Next.js route with constructEvent',
      filename: 'app/api/webhooks/stripe/route.ts',
      code: `
import { headers } from 'next/headers';
export async function POST(req: Request) {
  const body = await req.text();
  const sig = (await headers()).get('stripe-signature')!;
  const event = stripe.webhooks.constructEvent(body, sig, process.env.STRIPE_WEBHOOK_SECRET!);
  return Response.json({ id: event.id });
}`,
    },
    {
      name: 'Next.js route: POST in a non-webhook file',
      filename: 'app/api/orders/route.ts',
      code: `
export async function POST(req: Request) {
  const order = await req.json();
  return Response.json(await createOrder(order));
}`,
    },
    {
      name: 'Next.js: GET export in a webhook file',
      filename: 'app/api/webhooks/route.ts',
      code: `
export async function GET() {
  return Response.json({ status: 'ok' });
}`,
    },
    {
      name: 'Next.js: wrapper named as a verifier (QStash)',
      filename: 'app/api/hooks/qstash/route.ts',
      code: `
import { verifySignatureAppRouter } from '@upstash/qstash/nextjs';
async function handler(req: Request) { return new Response('ok'); }
export const POST = verifySignatureAppRouter(handler);`,
    },
    {
      name: 'Next.js: unknown wrapper may verify',
      filename: 'app/api/webhooks/route.ts',
      code: `
import { withPartnerAuth } from '@/lib/auth';
export const POST = withPartnerAuth(async (req: Request) => new Response('ok'));`,
    },
    {
      name: 'secret token in the path (Telegram style)',
      code: `
app.post(\`/telegram/webhook/\${process.env.BOT_TOKEN}\`, (req, res) => {
  bot.handleUpdate(req.body);
  res.end();
});`,
    },
    {
      name: 'shared-token header compared (GitLab style) counts as a check',
      code: `
app.post('/gitlab/webhook', (req, res) => {
  if (!verifyToken(req.get('x-gitlab-token'))) return res.sendStatus(401);
  res.end();
});`,
    },
    {
      name: 'asyncHandler-wrapped handler that verifies',
      code: `
router.post('/webhooks/stripe', asyncHandler(async (req, res) => {
  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);
  res.json(event);
}));`,
    },
    {
      name: 'app.route(path).post with verification',
      code: `
app.route('/hook').post((req, res) => {
  const ok = isValidSignature(req);
  res.sendStatus(ok ? 200 : 401);
});`,
    },
    {
      name: 'WebCrypto HMAC in a hono handler',
      code: `
app.post('/webhook', async (c) => {
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, enc.encode(await c.req.text()));
  if (hex(mac) !== c.req.header('x-signature')) return c.text('no', 401);
  return c.text('ok');
});`,
    },
    {
      name: 'nock interceptor body matcher is a mock',
      code: `
import nock from 'nock';
nock('https://api.example.com').post('/webhooks', (body) => body.id === 1).reply(200);`,
    },
    {
      name: 'standard-webhooks verify',
      code: `
import { Webhook } from 'standardwebhooks';
const wh = new Webhook(process.env.WEBHOOK_SECRET!);
app.post('/webhooks/resend', express.raw({ type: 'application/json' }), (req, res) => {
  const event = wh.verify(req.body, req.headers);
  res.json(event);
});`,
    },
    {
      name: 'discord-interactions verifyKey',
      code: `
import { verifyKey } from 'discord-interactions';
app.post('/interactions/hook', express.raw({ type: 'application/json' }), async (req, res) => {
  const ok = await verifyKey(req.body, req.get('x-signature-ed25519'), req.get('x-signature-timestamp'), PUBLIC_KEY);
  if (!ok) return res.sendStatus(401);
  res.json({ type: 1 });
});`,
    },
    {
      name: 'shopify webhooks.validate on an imported shopifyApi',
      code: `
import { shopifyApi } from '@shopify/shopify-api';
const shopify = shopifyApi({ apiSecretKey: process.env.SHOPIFY_SECRET! });
app.post('/shopify/hooks', express.text({ type: '*/*' }), async (req, res) => {
  const check = await shopify.webhooks.validate({ rawBody: req.body, rawRequest: req, rawResponse: res });
  if (!check.valid) return res.sendStatus(401);
  res.end();
});`,
    },
  ],
  invalid: [
    {
      name: 'expression-bodied handlers that answer with what they did to a part of the request',
      code: `import express from 'express';
import { Hono } from 'hono';
import { processEvent } from './events';
const app = express();
const hono = new Hono();
app.post('/webhooks/github', async (req, res) => res.json(await processEvent(req.body)));
hono.post('/webhooks/linear', async (c) => c.json(await c.req.json()));
app.post('/webhooks/gitlab', (req) => processEvent(req.body));
`,
      errors: [{ line: 6 }, { line: 7 }, { line: 8 }],
    },
    // issue 14 recall
    {
      name: "Next.js pages router: a hook API route exporting a function (req, res) default that acts on the body",
      filename: "pages/api/partner-hook.js",
      code: `export default function handler(req, res) {
  if (req.method !== 'POST') return res.status(405).end();
  fulfil(req.body.orderId);
  res.status(200).json({ ok: true });
}
`,
      errors: [{ line: 1 }],
    },
    {
      name: "Vercel function: module.exports = function (req, res) in api/webhooks.js",
      filename: "api/webhooks.js",
      code: `module.exports = function (req, res) {
  const { event, data } = req.body;
  if (event === 'payment.succeeded') credit(data.account, data.amount);
  res.status(200).end();
};
`,
      errors: [{ line: 1 }],
    },
    {
      name: "Next.js pages router: typed handler assigned then exported by name",
      filename: "src/pages/api/partner/hook.ts",
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
const handler = async (request: NextApiRequest, response: NextApiResponse) => {
  await orders.fulfil(request.body.orderId);
  response.status(200).end();
};
export default handler;
`,
      errors: [{ line: 6, suggestions: [{ messageId: 'verifySignature', output: `import type { NextApiRequest, NextApiResponse } from 'next';
import { createHmac, timingSafeEqual } from 'crypto';
const handler = async (request: NextApiRequest, response: NextApiResponse) => {
  const receivedSignature = Buffer.from(String(request.headers.get('x-webhook-signature') ?? ''));
  const expectedSignature = Buffer.from(createHmac('sha256', process.env.WEBHOOK_SECRET!).update(await request.clone().text()).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return new Response('invalid signature', { status: 401 });
  }
  await orders.fulfil(request.body.orderId);
  response.status(200).end();
};
export default handler;
`, otherFiles: [{"file": ".env.example", "appendLine": "WEBHOOK_SECRET="}] }] }],
    },
    // issue 14: old-style function (req, res) partner hooks registered by reference
    {
      name: 'old-style: an exports.x function (req, res) registered by reference',
      filename: 'routes/partner.js',
      code: `var express = require('express');
var router = express.Router();
exports.partnerHook = function (req, res) {
  orders.fulfil(req.body.order);
  res.end();
};
router.post('/partner/hook', exports.partnerHook);`,
      errors: [{ line: 7, suggestions: [{ messageId: 'verifySignature', output: `var express = require('express');
const crypto = require('crypto');
var router = express.Router();
exports.partnerHook = function (req, res) {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  const receivedSignature = Buffer.from(String(req.get('x-webhook-signature') ?? ''));
  const expectedSignature = Buffer.from(crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !crypto.timingSafeEqual(receivedSignature, expectedSignature)) {
    return res.status(401).send('invalid signature');
  }
  orders.fulfil(req.body.order);
  res.end();
};
router.post('/partner/hook', exports.partnerHook);` }] }],
    },
    {
      name: 'old-style: a function (req, res) assigned to a member of an object, registered by reference',
      filename: 'routes/partner.js',
      code: `var express = require('express');
var router = express.Router();
var hooks = {};
hooks.partner = function (req, res) {
  orders.fulfil(req.body.order);
  res.end();
};
router.post('/partner/hook', hooks.partner);`,
      errors: [{ line: 8, suggestions: [{ messageId: 'verifySignature', output: `var express = require('express');
const crypto = require('crypto');
var router = express.Router();
var hooks = {};
hooks.partner = function (req, res) {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  const receivedSignature = Buffer.from(String(req.get('x-webhook-signature') ?? ''));
  const expectedSignature = Buffer.from(crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !crypto.timingSafeEqual(receivedSignature, expectedSignature)) {
    return res.status(401).send('invalid signature');
  }
  orders.fulfil(req.body.order);
  res.end();
};
router.post('/partner/hook', hooks.partner);` }] }],
    },
    {
      name: 'old-style: a controller object literal member registered by reference',
      filename: 'routes/partner.js',
      code: `var express = require('express');
var router = express.Router();
var controller = {
  partnerHook: function (req, res) {
    orders.fulfil(req.body.order);
    res.end();
  },
};
router.post('/partner/hook', controller.partnerHook);`,
      errors: [{ line: 9, suggestions: [{ messageId: 'verifySignature', output: `var express = require('express');
const crypto = require('crypto');
var router = express.Router();
var controller = {
  partnerHook: function (req, res) {
    // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
    const receivedSignature = Buffer.from(String(req.get('x-webhook-signature') ?? ''));
    const expectedSignature = Buffer.from(crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.rawBody).digest('hex'));
    if (receivedSignature.length !== expectedSignature.length || !crypto.timingSafeEqual(receivedSignature, expectedSignature)) {
      return res.status(401).send('invalid signature');
    }
    orders.fulfil(req.body.order);
    res.end();
  },
};
router.post('/partner/hook', controller.partnerHook);` }] }],
    },
    {
      name: 'suggestion: Slack on koa-router, in a CommonJS file with double quotes and no semicolons',
      filename: 'src/slack.js',
      code: `
const Router = require("koa-router")
const router = new Router()
router.post("/hooks/slack/commands", async (ctx) => {
  await runCommand(ctx.request.body)
  ctx.status = 200
})`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifySignature', output: `
const Router = require("koa-router")
const crypto = require("crypto")
const router = new Router()
router.post("/hooks/slack/commands", async (ctx) => {
  const timestamp = Number(ctx.get("x-slack-request-timestamp"))
  const receivedSignature = Buffer.from(String(ctx.get("x-slack-signature") ?? ""))
  const expectedSignature = Buffer.from("v0=" + crypto.createHmac("sha256", process.env.SLACK_SIGNING_SECRET).update(\`v0:\${timestamp}:\${ctx.request.rawBody}\`).digest("hex"))
  if (!(Math.abs(Date.now() / 1000 - timestamp) <= 300) || receivedSignature.length !== expectedSignature.length || !crypto.timingSafeEqual(receivedSignature, expectedSignature)) {
    ctx.status = 401
    return
  }
  await runCommand(ctx.request.body)
  ctx.status = 200
})` }] }],
    },
    {
      name: 'suggestion: a GitLab secret token on a fastify plugin, compared in constant time',
      code: `
import fp from 'fastify-plugin';
export default fp(async (app) => {
  app.post('/hooks/gitlab', async (request, reply) => {
    await pipelines.record(request.body);
    return reply.code(204).send();
  });
});`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifySignature', output: `
import fp from 'fastify-plugin';
import { timingSafeEqual } from 'crypto';
export default fp(async (app) => {
  app.post('/hooks/gitlab', async (request, reply) => {
    const receivedSignature = Buffer.from(String(request.headers['x-gitlab-token'] ?? ''));
    const expectedSignature = Buffer.from(process.env.GITLAB_WEBHOOK_SECRET!);
    if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
      return reply.code(401).send({ error: 'invalid signature' });
    }
    await pipelines.record(request.body);
    return reply.code(204).send();
  });
});` }] }],
    },
    {
      name: "suggestion: svix's Webhook is aliased when the file already binds standardwebhooks' Webhook",
      code: `
import express from 'express';
import { Webhook } from 'standardwebhooks';
const app = express();
app.post('/webhooks/clerk', express.raw({ type: 'application/json' }), async (req, res) => {
  await users.sync(JSON.parse(req.body.toString()));
  res.sendStatus(204);
});`,
      errors: [{ line: 5, message, suggestions: [{ messageId: 'verifySignature', output: `
import express from 'express';
import { Webhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
const app = express();
app.post('/webhooks/clerk', express.raw({ type: 'application/json' }), async (req, res) => {
  try {
    new SvixWebhook(process.env.CLERK_WEBHOOK_SECRET!).verify(req.body, req.headers);
  } catch {
    return res.status(401).send('invalid signature');
  }
  await users.sync(JSON.parse(req.body.toString()));
  res.sendStatus(204);
});` }] }],
    },
    {
      name: 'suggestion: the crypto namespace the file requires is reused, and locals avoid the handler names',
      filename: 'src/hooks.js',
      code: `
const crypto = require('node:crypto');
const express = require('express');
const router = express.Router();
router.post('/github', express.raw({ type: 'application/json' }), (req, res) => {
  const receivedSignature = req.get('x-hub-signature-256');
  if (!receivedSignature) return res.sendStatus(400);
  queue.push(JSON.parse(req.body.toString()));
  res.end();
});`,
      errors: [{ line: 5, message, suggestions: [{ messageId: 'verifySignature', output: `
const crypto = require('node:crypto');
const express = require('express');
const router = express.Router();
router.post('/github', express.raw({ type: 'application/json' }), (req, res) => {
  const receivedSignature2 = Buffer.from(String(req.get('x-hub-signature-256') ?? ''));
  const expectedSignature = Buffer.from('sha256=' + crypto.createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET).update(req.body).digest('hex'));
  if (receivedSignature2.length !== expectedSignature.length || !crypto.timingSafeEqual(receivedSignature2, expectedSignature)) {
    return res.status(401).send('invalid signature');
  }
  const receivedSignature = req.get('x-hub-signature-256');
  if (!receivedSignature) return res.sendStatus(400);
  queue.push(JSON.parse(req.body.toString()));
  res.end();
});` }] }],
    },
    {
      name: 'express: stripe webhook that trusts the body',
      code: `
import express from 'express';
const app = express();
app.post('/webhooks/stripe', express.json(), async (req, res) => {
  const event = req.body;
  if (event.type === 'checkout.session.completed') await fulfil(event.data.object);
  res.sendStatus(200);
});`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifySignature', output: `
import express from 'express';
import Stripe from 'stripe';
const app = express();
app.post('/webhooks/stripe', express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) }), async (req, res) => {
  try {
    Stripe.webhooks.constructEvent(req.rawBody, String(req.get('stripe-signature') ?? ''), process.env.STRIPE_WEBHOOK_SECRET!);
  } catch {
    return res.status(401).send('invalid signature');
  }
  const event = req.body;
  if (event.type === 'checkout.session.completed') await fulfil(event.data.object);
  res.sendStatus(200);
});` }] }],
    },
    {
      name: 'express router: github hook',
      code: `
const router = express.Router();

router.post('/hooks/github', (req, res) => {
  deploy(req.body.ref);
  res.end();
});`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
const router = express.Router();

router.post('/hooks/github', (req, res) => {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  const receivedSignature = Buffer.from(String(req.get('x-hub-signature-256') ?? ''));
  const expectedSignature = Buffer.from('sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(req.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return res.status(401).send('invalid signature');
  }
  deploy(req.body.ref);
  res.end();
});` }] }],
    },
    {
      name: 'route path without "hook" but the handler reads a signature header it never checks',
      code: `
app.post('/stripe/events', (req, res) => {
  const sig = req.headers['stripe-signature'];
  if (!sig) return res.sendStatus(400);
  handleEvent(JSON.parse(req.body));
  res.end();
});`,
      errors: [{ line: 2, message, suggestions: [{ messageId: 'verifySignature', output: `
import Stripe from 'stripe';
app.post('/stripe/events', (req, res) => {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  try {
    Stripe.webhooks.constructEvent(req.rawBody, String(req.get('stripe-signature') ?? ''), process.env.STRIPE_WEBHOOK_SECRET!);
  } catch {
    return res.status(401).send('invalid signature');
  }
  const sig = req.headers['stripe-signature'];
  if (!sig) return res.sendStatus(400);
  handleEvent(JSON.parse(req.body));
  res.end();
});` }] }],
    },
    {
      name: 'a Twilio status callback that only logs, flags and measures the signature it reads',
      code: `
import { logger } from './logger';
router.post('/twilio/status', express.urlencoded({ extended: false }), async (req, res) => {
  const signature = req.header('x-twilio-signature');
  logger.info({ hasSignature: Boolean(signature), present: !!signature, length: signature?.length, list: Array.isArray(signature) });
  this.logger.verbose(String(signature).toLowerCase());
  await messages.updateStatus(req.body.MessageSid, req.body.MessageStatus);
  res.sendStatus(204);
});`,
      errors: [{ line: 3, message, suggestions: [{ messageId: 'verifySignature', output: `
import { logger } from './logger';
import twilio from 'twilio';
router.post('/twilio/status', express.urlencoded({ extended: false }), async (req, res) => {
  if (!twilio.validateRequest(process.env.TWILIO_AUTH_TOKEN!, String(req.get('x-twilio-signature') ?? ''), \`\${req.protocol}://\${req.get('host')}\${req.originalUrl}\`, req.body)) {
    return res.status(401).send('invalid signature');
  }
  const signature = req.header('x-twilio-signature');
  logger.info({ hasSignature: Boolean(signature), present: !!signature, length: signature?.length, list: Array.isArray(signature) });
  this.logger.verbose(String(signature).toLowerCase());
  await messages.updateStatus(req.body.MessageSid, req.body.MessageStatus);
  res.sendStatus(204);
});` }] }],
    },
    {
      name: 'file path says webhook',
      filename: 'src/routes/webhooks.ts',
      code: `
const router = Router();
router.post('/', (req, res) => {
  orders.markPaid(req.body.data.object.id);
  res.end();
});`,
      errors: [{ line: 3, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
const router = Router();
router.post('/', (req, res) => {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  const receivedSignature = Buffer.from(String(req.get('x-webhook-signature') ?? ''));
  const expectedSignature = Buffer.from(createHmac('sha256', process.env.WEBHOOK_SECRET!).update(req.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return res.status(401).send('invalid signature');
  }
  orders.markPaid(req.body.data.object.id);
  res.end();
});` }] }],
    },
    {
      name: 'app.route(path).post(...)',
      code: `
app.route('/hook')
  .post((req, res) => {
    process(req.body);
    res.end();
  });`,
      errors: [{ line: 2, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
app.route('/hook')
  .post((req, res) => {
    // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
    const receivedSignature = Buffer.from(String(req.get('x-webhook-signature') ?? ''));
    const expectedSignature = Buffer.from(createHmac('sha256', process.env.WEBHOOK_SECRET!).update(req.rawBody).digest('hex'));
    if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
      return res.status(401).send('invalid signature');
    }
    process(req.body);
    res.end();
  });` }] }],
    },
    {
      name: 'put and all methods',
      code: `
app.put('/webhook', (req, res) => res.end());
app.all('/webhook/any', (req, res) => res.end());`,
      errors: [{ line: 2 }, { line: 3 }],
    },
    {
      name: 'handler defined as a function in the same file',
      code: `
async function onGithub(req, res) {
  await db.events.insert(req.body);
  res.end();
}
router.post('/github/webhook', onGithub);`,
      errors: [{ line: 6, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
async function onGithub(req, res) {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  const receivedSignature = Buffer.from(String(req.get('x-hub-signature-256') ?? ''));
  const expectedSignature = Buffer.from('sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(req.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return res.status(401).send('invalid signature');
  }
  await db.events.insert(req.body);
  res.end();
}
router.post('/github/webhook', onGithub);` }] }],
    },
    {
      name: 'handler is a const arrow in the file, neutral body parser middleware',
      code: `
const onPaddle = (req, res) => { grant(req.body.customer_id); res.end(); };
app.post('/paddle/webhook', bodyParser.urlencoded({ extended: false }), onPaddle);`,
      errors: [{ line: 3, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
const onPaddle = (req, res) => {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  const receivedSignature = Buffer.from(String(req.get('paddle-signature') ?? ''));
  const expectedSignature = Buffer.from(createHmac('sha256', process.env.PADDLE_WEBHOOK_SECRET!).update(req.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return res.status(401).send('invalid signature');
  }
  grant(req.body.customer_id); res.end(); };
app.post('/paddle/webhook', bodyParser.urlencoded({ extended: false }), onPaddle);` }] }],
    },
    {
      name: 'wrapped in asyncHandler without verification',
      code: `
router.post('/webhooks/shopify', asyncHandler(async (req, res) => {
  await orders.sync(req.body);
  res.sendStatus(200);
}));`,
      errors: [{ line: 2, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
router.post('/webhooks/shopify', asyncHandler(async (req, res) => {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  const receivedSignature = Buffer.from(String(req.get('x-shopify-hmac-sha256') ?? ''));
  const expectedSignature = Buffer.from(createHmac('sha256', process.env.SHOPIFY_API_SECRET!).update(req.rawBody).digest('base64'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return res.status(401).send('invalid signature');
  }
  await orders.sync(req.body);
  res.sendStatus(200);
}));` }] }],
    },
    {
      name: 'calls a same-file helper that does not verify',
      code: `
function processEvent(event) { return db.save(event); }
app.post('/webhooks/stripe', (req, res) => {
  processEvent(req.body);
  res.end();
});`,
      errors: [{ line: 3, message, suggestions: [{ messageId: 'verifySignature', output: `
import Stripe from 'stripe';
function processEvent(event) { return db.save(event); }
app.post('/webhooks/stripe', (req, res) => {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  try {
    Stripe.webhooks.constructEvent(req.rawBody, String(req.get('stripe-signature') ?? ''), process.env.STRIPE_WEBHOOK_SECRET!);
  } catch {
    return res.status(401).send('invalid signature');
  }
  processEvent(req.body);
  res.end();
});` }] }],
    },
    {
      name: 'koa-router',
      code: `
import Router from '@koa/router';
const router = new Router();
router.post('/webhooks/github', async (ctx) => {
  await ci.trigger(ctx.request.body);
  ctx.status = 204;
});`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifySignature', output: `
import Router from '@koa/router';
import { createHmac, timingSafeEqual } from 'crypto';
const router = new Router();
router.post('/webhooks/github', async (ctx) => {
  const receivedSignature = Buffer.from(String(ctx.get('x-hub-signature-256') ?? ''));
  const expectedSignature = Buffer.from('sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(ctx.request.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    ctx.status = 401;
    return;
  }
  await ci.trigger(ctx.request.body);
  ctx.status = 204;
});` }] }],
    },
    {
      name: 'koa-router named route',
      code: `
router.post('github', '/github-hook', async (ctx) => {
  await ci.trigger(ctx.request.body);
});`,
      errors: [{ line: 2, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
router.post('github', '/github-hook', async (ctx) => {
  const receivedSignature = Buffer.from(String(ctx.get('x-hub-signature-256') ?? ''));
  const expectedSignature = Buffer.from('sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(ctx.request.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    ctx.status = 401;
    return;
  }
  await ci.trigger(ctx.request.body);
});` }] }],
    },
    {
      name: 'fastify.post(path, handler)',
      code: `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.post('/webhooks/stripe', async (request, reply) => {
  await fulfil(request.body);
  return { received: true };
});`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifySignature', output: `
import Fastify from 'fastify';
import Stripe from 'stripe';
const fastify = Fastify();
fastify.post('/webhooks/stripe', async (request, reply) => {
  // request.rawBody: the unparsed body, kept by the fastify-raw-body plugin (route config: { rawBody: true })
  try {
    Stripe.webhooks.constructEvent(request.rawBody, String(request.headers['stripe-signature'] ?? ''), process.env.STRIPE_WEBHOOK_SECRET!);
  } catch {
    return reply.code(401).send({ error: 'invalid signature' });
  }
  await fulfil(request.body);
  return { received: true };
});` }] }],
    },
    {
      name: 'fastify.post(path, options, handler) with a neutral option',
      code: `
fastify.post('/webhook', { config: { rawBody: true } }, async (request, reply) => {
  await fulfil(request.body);
  return { received: true };
});`,
      errors: [{ line: 2, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
fastify.post('/webhook', { config: { rawBody: true } }, async (request, reply) => {
  // request.rawBody: the unparsed body, kept by the fastify-raw-body plugin (route config: { rawBody: true })
  const receivedSignature = Buffer.from(String(request.headers['x-webhook-signature'] ?? ''));
  const expectedSignature = Buffer.from(createHmac('sha256', process.env.WEBHOOK_SECRET!).update(request.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return reply.code(401).send({ error: 'invalid signature' });
  }
  await fulfil(request.body);
  return { received: true };
});` }] }],
    },
    {
      name: 'fastify.post(path, { handler })',
      code: `
fastify.post('/hooks/linear', {
  handler: async (request) => { await sync(request.body); return {}; },
});`,
      errors: [{ line: 2, message }],
    },
    {
      name: 'fastify.route({ method, url, handler })',
      code: `
fastify.route({
  method: 'POST',
  url: '/webhooks/github',
  handler: async (request, reply) => {
    await sync(request.body);
    return reply.code(204).send();
  },
});`,
      errors: [{ line: 2, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
fastify.route({
  method: 'POST',
  url: '/webhooks/github',
  handler: async (request, reply) => {
    // request.rawBody: the unparsed body, kept by the fastify-raw-body plugin (route config: { rawBody: true })
    const receivedSignature = Buffer.from(String(request.headers['x-hub-signature-256'] ?? ''));
    const expectedSignature = Buffer.from('sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(request.rawBody).digest('hex'));
    if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
      return reply.code(401).send({ error: 'invalid signature' });
    }
    await sync(request.body);
    return reply.code(204).send();
  },
});` }] }],
    },
    {
      name: 'fastify.route with a method array',
      code: `
fastify.route({ method: ['POST', 'PUT'], url: '/webhook', handler: async (request) => ({ ok: true }) });`,
      errors: [{ line: 2, message }],
    },
    {
      name: 'hono app.post',
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.post('/webhooks/resend', async (c) => {
  const event = await c.req.json();
  await mail.record(event);
  return c.json({ ok: true });
});`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifySignature', output: `
import { Hono } from 'hono';
import { Webhook } from 'svix';
const app = new Hono();
app.post('/webhooks/resend', async (c) => {
  try {
    new Webhook(process.env.RESEND_WEBHOOK_SECRET!).verify(await c.req.text(), c.req.header());
  } catch {
    return c.text('invalid signature', 401);
  }
  const event = await c.req.json();
  await mail.record(event);
  return c.json({ ok: true });
});` }] }],
    },
    {
      name: 'hono handler reads the signature header and ignores it',
      code: `
app.post('/events', async (c) => {
  const signature = c.req.header('X-Hub-Signature-256');
  console.log('got', signature);
  await handle(await c.req.json());
  return c.text('ok');
});`,
      errors: [{ line: 2, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
app.post('/events', async (c) => {
  const receivedSignature = Buffer.from(String(c.req.header('x-hub-signature-256') ?? ''));
  const expectedSignature = Buffer.from('sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(await c.req.text()).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return c.text('invalid signature', 401);
  }
  const signature = c.req.header('X-Hub-Signature-256');
  console.log('got', signature);
  await handle(await c.req.json());
  return c.text('ok');
});` }] }],
    },
    {
      name: 'Nest: @Post in a webhooks controller',
      code: `
import { Body, Controller, Post } from '@nestjs/common';

@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly orders: OrdersService) {}

  @Post('stripe')
  async stripe(@Body() event: any) {
    await this.orders.fulfil(event.data.object);
    return { received: true };
  }
}`,
      errors: [{ line: 8, message, suggestions: [{ messageId: 'verifySignature', output: `
import { Body, Controller, Post, UnauthorizedException, Req, type RawBodyRequest } from '@nestjs/common';
import Stripe from 'stripe';
import type { Request } from 'express';

@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly orders: OrdersService) {}

  @Post('stripe')
  async stripe(@Body() event: any, @Req() req: RawBodyRequest<Request>) {
    // req.rawBody: the unparsed body, kept by NestFactory.create(AppModule, { rawBody: true })
    try {
      Stripe.webhooks.constructEvent(req.rawBody, String(req.headers['stripe-signature'] ?? ''), process.env.STRIPE_WEBHOOK_SECRET!);
    } catch {
      throw new UnauthorizedException('invalid signature');
    }
    await this.orders.fulfil(event.data.object);
    return { received: true };
  }
}` }] }],
    },
    {
      name: 'Nest: signature header parameter never used',
      code: `
@Controller('payments')
export class PaymentsController {
  @HttpCode(200)
  @Post('events')
  async events(@Headers('stripe-signature') signature: string, @Body() body: any) {
    return this.payments.apply(body);
  }
}`,
      errors: [{ line: 5, message, suggestions: [{ messageId: 'verifySignature', output: `
import { UnauthorizedException, Req, type RawBodyRequest } from '@nestjs/common';
import Stripe from 'stripe';
import type { Request } from 'express';
@Controller('payments')
export class PaymentsController {
  @HttpCode(200)
  @Post('events')
  async events(@Headers('stripe-signature') signature: string, @Body() body: any, @Req() req: RawBodyRequest<Request>) {
    // req.rawBody: the unparsed body, kept by NestFactory.create(AppModule, { rawBody: true })
    try {
      Stripe.webhooks.constructEvent(req.rawBody, String(req.headers['stripe-signature'] ?? ''), process.env.STRIPE_WEBHOOK_SECRET!);
    } catch {
      throw new UnauthorizedException('invalid signature');
    }
    return this.payments.apply(body);
  }
}` }] }],
    },
    {
      name: 'Nest: controller path from object, method path in a const',
      code: `
const HOOK = 'github-hook';
@Controller({ path: 'integrations' })
export class IntegrationsController {
  @Post(HOOK)
  receive(@Body() body: unknown) { return this.sync.run(body); }
  @Post('sync')
  sync(@Body() body: unknown) { return this.sync.run(body); }
}`,
      errors: [{ line: 5, message, suggestions: [{ messageId: 'verifySignature', output: `
import { UnauthorizedException, Req, type RawBodyRequest } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'crypto';
import type { Request } from 'express';
const HOOK = 'github-hook';
@Controller({ path: 'integrations' })
export class IntegrationsController {
  @Post(HOOK)
  receive(@Body() body: unknown, @Req() req: RawBodyRequest<Request>) {
    // req.rawBody: the unparsed body, kept by NestFactory.create(AppModule, { rawBody: true })
    const receivedSignature = Buffer.from(String(req.headers['x-hub-signature-256'] ?? ''));
    const expectedSignature = Buffer.from('sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(req.rawBody).digest('hex'));
    if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
      throw new UnauthorizedException('invalid signature');
    }
    return this.sync.run(body); }
  @Post('sync')
  sync(@Body() body: unknown) { return this.sync.run(body); }
}` }] }],
    },
    {
      name: 'Next.js: export async function POST in a webhook route file',
      filename: 'app/api/webhooks/stripe/route.ts',
      code: `
import { NextResponse } from 'next/server';

export async function POST(req: Request) {
  const event = await req.json();
  await fulfil(event);
  return NextResponse.json({ received: true });
}`,
      errors: [{ line: 4, message, suggestions: [{ messageId: 'verifySignature', output: `
import { NextResponse } from 'next/server';
import Stripe from 'stripe';

export async function POST(req: Request) {
  try {
    Stripe.webhooks.constructEvent(await req.clone().text(), String(req.headers.get('stripe-signature') ?? ''), process.env.STRIPE_WEBHOOK_SECRET!);
  } catch {
    return new Response('invalid signature', { status: 401 });
  }
  const event = await req.json();
  await fulfil(event);
  return NextResponse.json({ received: true });
}` }] }],
    },
    {
      name: 'a handler that calls a non-verifying factory product is not verified',
      filename: 'src/routes/webhooks.ts',
      code: `
const handle = createHandler(app);
router.post('/webhooks/github', async (req, res) => {
  await handle(req.body);
  res.sendStatus(200);
});`,
      errors: [{ line: 3, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
const handle = createHandler(app);
router.post('/webhooks/github', async (req, res) => {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  const receivedSignature = Buffer.from(String(req.get('x-hub-signature-256') ?? ''));
  const expectedSignature = Buffer.from('sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(req.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return res.status(401).send('invalid signature');
  }
  await handle(req.body);
  res.sendStatus(200);
});` }] }],
    },
    {
      name: 'a webhook handler that calls a wrapper defined in the same file is judged through it',
      filename: 'app/api/webhooks/stripe/route.ts',
      code: `
async function fulfil(request: Request) {
  const event = await request.json();
  await db.orders.update(event.data.object.id);
  return new Response('ok');
}
export const POST = async (request: Request) => fulfil(request);`,
      errors: [{ line: 7, message }],
    },
    {
      name: 'Next.js: export const POST = async (req) => ...',
      filename: 'src/app/api/hooks/github/route.ts',
      code: `
export const POST = async (req: Request) => {
  const payload = await req.json();
  await deploy(payload.ref);
  return new Response(null, { status: 204 });
};`,
      errors: [{ line: 2, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
export const POST = async (req: Request) => {
  const receivedSignature = Buffer.from(String(req.headers.get('x-hub-signature-256') ?? ''));
  const expectedSignature = Buffer.from('sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(await req.clone().text()).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return new Response('invalid signature', { status: 401 });
  }
  const payload = await req.json();
  await deploy(payload.ref);
  return new Response(null, { status: 204 });
};` }] }],
    },
    {
      name: 'Next.js: reads signature header in a non-webhook path',
      filename: 'app/api/payments/route.ts',
      code: `
export async function POST(req: Request) {
  const sig = req.headers.get('stripe-signature');
  if (!sig) return new Response('missing', { status: 400 });
  const event = JSON.parse(await req.text());
  await apply(event);
  return new Response('ok');
}`,
      errors: [{ line: 2, message, suggestions: [{ messageId: 'verifySignature', output: `
import Stripe from 'stripe';
export async function POST(req: Request) {
  try {
    Stripe.webhooks.constructEvent(await req.clone().text(), String(req.headers.get('stripe-signature') ?? ''), process.env.STRIPE_WEBHOOK_SECRET!);
  } catch {
    return new Response('invalid signature', { status: 401 });
  }
  const sig = req.headers.get('stripe-signature');
  if (!sig) return new Response('missing', { status: 400 });
  const event = JSON.parse(await req.text());
  await apply(event);
  return new Response('ok');
}` }] }],
    },
    {
      name: 'Next.js: export { handler as POST }',
      filename: 'app/api/webhook/route.ts',
      code: `
async function handler(req: Request) {
  await record(await req.json());
  return new Response('ok');
}
export { handler as POST };`,
      errors: [{ line: 6, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
async function handler(req: Request) {
  const receivedSignature = Buffer.from(String(req.headers.get('x-webhook-signature') ?? ''));
  const expectedSignature = Buffer.from(createHmac('sha256', process.env.WEBHOOK_SECRET!).update(await req.clone().text()).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return new Response('invalid signature', { status: 401 });
  }
  await record(await req.json());
  return new Response('ok');
}
export { handler as POST };` }] }],
    },
    {
      name: 'reported at the start of a multi-line registration',
      code: `
app
  .post(
    '/webhooks/github',
    (req, res) => { res.end(); },
  );`,
      errors: [{ line: 2, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
app
  .post(
    '/webhooks/github',
    (req, res) => {
      // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
      const receivedSignature = Buffer.from(String(req.get('x-hub-signature-256') ?? ''));
      const expectedSignature = Buffer.from('sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(req.rawBody).digest('hex'));
      if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
        return res.status(401).send('invalid signature');
      }
      res.end(); },
  );` }] }],
    },
    {
      name: 'only the unverified route of two is reported',
      code: `
app.post('/webhooks/stripe', (req, res) => {
  stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);
  res.end();
});
app.post('/webhooks/github', (req, res) => {
  res.end();
});`,
      errors: [{ line: 6, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
app.post('/webhooks/stripe', (req, res) => {
  stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);
  res.end();
});
app.post('/webhooks/github', (req, res) => {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  const receivedSignature = Buffer.from(String(req.get('x-hub-signature-256') ?? ''));
  const expectedSignature = Buffer.from('sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(req.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return res.status(401).send('invalid signature');
  }
  res.end();
});` }] }],
    },
    {
      name: 'a non-verifying use() middleware does not count',
      code: `
app.use(express.json());
app.use(cors());
app.post('/webhook', (req, res) => res.end());`,
      errors: [{ line: 4, message }],
    },
    {
      name: 'rate limiter middleware identifier is neutral',
      code: `
const limiter = rateLimit({ windowMs: 60_000, max: 100 });
app.post('/webhooks/sendgrid', limiter, (req, res) => { events.push(...req.body); res.end(); });`,
      errors: [{ line: 3, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
const limiter = rateLimit({ windowMs: 60_000, max: 100 });
app.post('/webhooks/sendgrid', limiter, (req, res) => {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  const receivedSignature = Buffer.from(String(req.get('x-webhook-signature') ?? ''));
  const expectedSignature = Buffer.from(createHmac('sha256', process.env.WEBHOOK_SECRET!).update(req.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return res.status(401).send('invalid signature');
  }
  events.push(...req.body); res.end(); });` }] }],
    },
    {
      name: 'route path in a const',
      code: `
const WEBHOOK_PATH = '/api/stripe-webhook';
app.post(WEBHOOK_PATH, (req, res) => { res.end(); });`,
      errors: [{ line: 3, message, suggestions: [{ messageId: 'verifySignature', output: `
import Stripe from 'stripe';
const WEBHOOK_PATH = '/api/stripe-webhook';
app.post(WEBHOOK_PATH, (req, res) => {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  try {
    Stripe.webhooks.constructEvent(req.rawBody, String(req.get('stripe-signature') ?? ''), process.env.STRIPE_WEBHOOK_SECRET!);
  } catch {
    return res.status(401).send('invalid signature');
  }
  res.end(); });` }] }],
    },
    {
      name: 'template path with a literal webhook part',
      code: `
app.post(\`\${API_PREFIX}/webhooks/:provider\`, (req, res) => { res.end(); });`,
      errors: [{ line: 2, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
app.post(\`\${API_PREFIX}/webhooks/:provider\`, (req, res) => {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  const receivedSignature = Buffer.from(String(req.get('x-webhook-signature') ?? ''));
  const expectedSignature = Buffer.from(createHmac('sha256', process.env.WEBHOOK_SECRET!).update(req.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return res.status(401).send('invalid signature');
  }
  res.end(); });` }] }],
    },
    {
      name: 'only logs the signature',
      code: `
router.post('/payments/notify', (req, res) => {
  const signature = req.header('x-razorpay-signature');
  logger.info('signature', signature);
  res.json({ ok: true });
});`,
      errors: [{ line: 2, message, suggestions: [{ messageId: 'verifySignature', output: `
import { createHmac, timingSafeEqual } from 'crypto';
router.post('/payments/notify', (req, res) => {
  // req.rawBody: the unparsed body, kept by express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) })
  const receivedSignature = Buffer.from(String(req.get('x-razorpay-signature') ?? ''));
  const expectedSignature = Buffer.from(createHmac('sha256', process.env.RAZORPAY_WEBHOOK_SECRET!).update(req.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return res.status(401).send('invalid signature');
  }
  const signature = req.header('x-razorpay-signature');
  logger.info('signature', signature);
  res.json({ ok: true });
});` }] }],
    },
    {
      name: 'parsers, limiters, loggers and async wrappers of known libraries verify nothing',
      code: `
import bodyParser from 'body-parser';
import multer from 'multer';
import cors from 'cors';
import helmet from 'helmet';
import rateLimit from 'express-rate-limit';
import slowDown from 'express-slow-down';
import compression from 'compression';
import morgan from 'morgan';
import asyncHandler from 'express-async-handler';
const upload = multer();
app.post('/webhooks/forms', bodyParser.json(), upload.none(), cors(), helmet(), rateLimit({ max: 10 }), slowDown({ delayAfter: 5 }), compression(), morgan('tiny'), asyncHandler(async (req, res) => {
  await saveSubmission(req.body);
  res.end();
}));`,
      errors: [{ line: 12, message, suggestions: [{ messageId: 'verifySignature', output: `
import bodyParser from 'body-parser';
import multer from 'multer';
import cors from 'cors';
import helmet from 'helmet';
import rateLimit from 'express-rate-limit';
import slowDown from 'express-slow-down';
import compression from 'compression';
import morgan from 'morgan';
import asyncHandler from 'express-async-handler';
import { createHmac, timingSafeEqual } from 'crypto';
const upload = multer();
app.post('/webhooks/forms', bodyParser.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) }), upload.none(), cors(), helmet(), rateLimit({ max: 10 }), slowDown({ delayAfter: 5 }), compression(), morgan('tiny'), asyncHandler(async (req, res) => {
  const receivedSignature = Buffer.from(String(req.get('x-webhook-signature') ?? ''));
  const expectedSignature = Buffer.from(createHmac('sha256', process.env.WEBHOOK_SECRET!).update(req.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    return res.status(401).send('invalid signature');
  }
  await saveSubmission(req.body);
  res.end();
}));` }] }],
    },
    {
      name: 'koa-body parser verifies nothing',
      code: `
import Router from '@koa/router';
import { koaBody } from 'koa-body';
const router = new Router();
router.post('/webhooks/mailgun', koaBody(), async (ctx) => {
  await recordDelivery(ctx.request.body);
  ctx.status = 200;
});`,
      errors: [{ line: 5, message, suggestions: [{ messageId: 'verifySignature', output: `
import Router from '@koa/router';
import { koaBody } from 'koa-body';
import { createHmac, timingSafeEqual } from 'crypto';
const router = new Router();
router.post('/webhooks/mailgun', koaBody(), async (ctx) => {
  const receivedSignature = Buffer.from(String(ctx.get('x-mailgun-signature') ?? ''));
  const expectedSignature = Buffer.from(createHmac('sha256', process.env.MAILGUN_WEBHOOK_SECRET!).update(ctx.request.rawBody).digest('hex'));
  if (receivedSignature.length !== expectedSignature.length || !timingSafeEqual(receivedSignature, expectedSignature)) {
    ctx.status = 401;
    return;
  }
  await recordDelivery(ctx.request.body);
  ctx.status = 200;
});` }] }],
    },
  ],
});
