const kue = require('kue');
const request = require('superagent');

const jobs = kue.createQueue({ redis: process.env.REDIS_URL });

function deliver(job, done) {
  request.post(job.data.url) // expect: missing-timeout
    .send(job.data.payload)
    .set('X-Signature', job.data.signature)
    .end((err) => done(err));
}

function deliverWithRetry(job, attempt, done) { // expect: retry-without-backoff
  request.post(job.data.url).timeout(5000).send(job.data.payload).end((err) => { // expect: missing-idempotency-key
    if (!err) return done();
    if (attempt >= 3) return done(err);
    setTimeout(() => deliverWithRetry(job, attempt + 1, done), 500);
  });
}

function deliverKeyed(job, attempt, done) {
  request
    .post(job.data.url)
    .timeout(5000)
    .set('Idempotency-Key', job.data.deliveryId)
    .send(job.data.payload)
    .end((err) => {
      if (!err) return done();
      if (attempt >= 5) return done(err);
      setTimeout(() => deliverKeyed(job, attempt + 1, done), 250 * 2 ** attempt + Math.random() * 100);
    });
}

jobs.process('hook', 5, deliver);
jobs.process('hook-retry', 5, (job, done) => deliverWithRetry(job, 0, done));
jobs.process('hook-keyed', 5, (job, done) => deliverKeyed(job, 0, done));
