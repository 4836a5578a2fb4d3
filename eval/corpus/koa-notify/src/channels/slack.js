const log = require('../logger');

const SLACK_API = 'https://slack.com/api';
const ALERTS_WEBHOOK = 'https://hooks.slack.com/services/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'; // expect: hardcoded-credential

async function postToChannel(channel, text) {
  const res = await fetch(`${SLACK_API}/chat.postMessage`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      authorization: `Bearer ${process.env.SLACK_BOT_TOKEN}`,
    },
    body: JSON.stringify({ channel, text }),
    signal: AbortSignal.timeout(8000),
  });
  const data = await res.json(); // expect: unchecked-response-status
  if (!data.ok) {
    log.warn(`slack rejected message: ${data.error}`);
    throw new Error(`slack error ${data.error}`);
  }
  return data.ts;
}

async function alert(text) {
  const res = await fetch(ALERTS_WEBHOOK, { // expect: missing-timeout
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (!res.ok) {
    log.error(`slack alert failed with ${res.status}`);
  }
}

async function lookupUser(email) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    const res = await fetch(`${SLACK_API}/users.lookupByEmail?email=${encodeURIComponent(email)}`, {
      headers: { authorization: 'Bearer xoxb-326399579482-2488931450622-v6uY2BFO6tFZ3O29HssUCnax' }, // expect: hardcoded-credential
      signal: controller.signal,
    });
    if (res.status !== 200) return null;
    const body = await res.json();
    return body.ok ? body.user.id : null;
  } finally {
    clearTimeout(timer);
  }
}

async function listChannels() {
  const channels = [];
  let cursor;
  do {
    const res = await fetch(`${SLACK_API}/conversations.list?limit=200${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${process.env.SLACK_BOT_TOKEN}` },
      signal: AbortSignal.timeout(10000),
    });
    if (!res.ok) throw new Error(`slack conversations.list ${res.status}`);
    const page = await res.json();
    channels.push(...page.channels);
    cursor = page.response_metadata && page.response_metadata.next_cursor;
  } while (cursor);
  log.info(`loaded ${channels.length} slack channels; bot token ${process.env.SLACK_BOT_TOKEN ? 'set' : 'missing'}`);
  return channels;
}

module.exports = { postToChannel, alert, lookupUser, listChannels };
