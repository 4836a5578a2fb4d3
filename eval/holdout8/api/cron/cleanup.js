export default async function handler(req, res) {
  if (req.headers.authorization !== `Bearer ${process.env.CRON_SECRET}`) { // expect: timing-unsafe-comparison
    return res.status(401).end();
  }
  if (process.env.CRON_SECRET === process.env.LEGACY_CRON_SECRET) console.warn('rotate the cron secret');
  const r = await fetch('https://api.example.com/cleanup', { method: 'POST', signal: AbortSignal.timeout(10000) });
  const out = await r.json(); // expect: unchecked-response-status
  res.json(out);
}
