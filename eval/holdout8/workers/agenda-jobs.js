const Agenda = require('agenda');

const agenda = new Agenda({
  db: { address: 'mongodb://jobs:Qw7pLm2zR4@mongo-0.prod.example.net:27017/agenda' }, // expect: hardcoded-credential
});
const localAgenda = new Agenda({ db: { address: 'mongodb://jobs:devpass99@localhost:27017/agenda' } });

agenda.define('sync crm contact', async (job) => {
  const res = await fetch(`https://api.hubapi.com/crm/v3/objects/contacts/${job.attrs.data.id}`, { // expect: missing-timeout
    headers: { Authorization: `Bearer ${process.env.HUBSPOT_TOKEN}` },
  });
  if (!res.ok) throw new Error(`hubspot ${res.status}`);
  return res.json();
});

agenda.define('weekly digest', async (job) => {
  const res = await fetch('https://api.example.com/digest/' + job.attrs.data.userId, { signal: AbortSignal.timeout(5000) });
  const digest = await res.json(); // expect: unchecked-response-status
  if (!digest.ok) return;
  await mailer.send(job.attrs.data.email, digest);
});

agenda.define('warm cache', async () => {
  const res = await fetch('https://api.example.com/cache/warm', { method: 'POST', signal: AbortSignal.timeout(5000) });
  switch (res.status) {
    case 200:
      return res.json();
    default:
      throw new Error('warm failed');
  }
});

(async () => {
  await agenda.start();
  await localAgenda.start();
  await agenda.every('1 week', 'weekly digest');
})();
