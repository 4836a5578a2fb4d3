import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import twilio from 'twilio';
import { handleInboundSms, recordDeliveryStatus } from '../services/sms';

const router = new Router();
const authToken = process.env.TWILIO_AUTH_TOKEN!;

router.post('/twilio/sms', async (ctx) => {
  const signature = ctx.get('x-twilio-signature');
  const url = `https://${ctx.host}${ctx.originalUrl}`;
  if (!twilio.validateRequest(authToken, signature, url, ctx.request.body as Record<string, string>)) {
    ctx.status = 403;
    return;
  }
  await handleInboundSms(ctx.request.body as Record<string, string>);
  ctx.type = 'text/xml';
  ctx.body = '<Response/>';
});

router.post('/twilio/status', async (ctx) => { // expect: unverified-webhook
  const signature = ctx.get('x-twilio-signature');
  ctx.log?.debug?.({ hasSignature: Boolean(signature) });
  const body = ctx.request.body as { MessageSid: string; MessageStatus: string };
  await recordDeliveryStatus(body.MessageSid, body.MessageStatus);
  ctx.status = 204;
});

const app = new Koa();
app.use(bodyParser());
app.use(router.routes());
export default app;
