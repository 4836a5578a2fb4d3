const Queue = require('bee-queue');
const superagent = require('superagent');

const queue = new Queue('mail', {
  redis: { host: 'redis.internal', port: 6379, password: 'r3d1sPr0d2024q' }, // expect: hardcoded-credential
});
const devQueue = new Queue('mail-dev', { redis: { host: 'localhost', password: 'changeme' } });

queue.process(async (job) => {
  return superagent
    .post('https://api.sendgrid.com/v3/mail/send')
    .set('Authorization', `Bearer ${process.env.SENDGRID_API_KEY}`)
    .timeout({ deadline: 10000 })
    .send(job.data);
});

devQueue.process(async (job) => {
  console.log('would send', job.data.to);
});
