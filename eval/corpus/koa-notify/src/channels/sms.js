const twilio = require('twilio');
const superagent = require('superagent');
const log = require('../logger');

const ACCOUNT_SID = 'ACa89a2fadcc30d16c07624e83cb13ed7b';
const client = twilio(ACCOUNT_SID, '07f84563b1f9184433dd801b800b788a'); // expect: hardcoded-credential

const TRANSLATE_URL = 'https://translation.googleapis.com/language/translate/v2';

async function detectLanguage(text) {
  const res = await superagent // expect: missing-timeout
    .post(TRANSLATE_URL + '/detect')
    .query({ key: process.env.GOOGLE_TRANSLATE_KEY })
    .send({ q: text });
  return res.body.data.detections[0][0].language;
}

async function lookupCarrier(phone) {
  const res = await superagent
    .get(`https://lookups.twilio.com/v2/PhoneNumbers/${encodeURIComponent(phone)}`)
    .query({ Fields: 'line_type_intelligence' })
    .auth(ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN)
    .timeout({ response: 5000, deadline: 15000 });
  return res.body.line_type_intelligence;
}

async function forwardToCrm(from, body) {
  await superagent // expect: missing-timeout
    .post('http://crm.notify-partner.com/api/inbound') // expect: insecure-transport
    .set('X-Api-Key', process.env.CRM_API_KEY)
    .send({ from, body });
}

async function handleInboundSms(from, body) {
  const language = await detectLanguage(body);
  log.info({ from, language, length: body.length }, 'inbound sms');
  await forwardToCrm(from, body);
  if (/^stop$/i.test(body.trim())) {
    await client.messages.create({ to: from, from: process.env.TWILIO_FROM, body: 'You are unsubscribed.' });
  }
}

async function sendSms(to, text) {
  const message = await client.messages.create({ to, from: process.env.TWILIO_FROM, body: text });
  log.info({ sid: message.sid, to }, 'sms sent');
  return message.sid;
}

module.exports = { handleInboundSms, sendSms };
