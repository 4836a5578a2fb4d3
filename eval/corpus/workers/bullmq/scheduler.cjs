const { Queue } = require('bullmq');
const cron = require('node-cron');
const { listDueSubscriptions, listInactiveUsers } = require('../services/subscriptions');
const logger = require('../logger');

const connection = { host: process.env.REDIS_HOST || '127.0.0.1', port: 6379, password: process.env.REDIS_PASSWORD };
const billingQueue = new Queue('billing', { connection });
const emailQueue = new Queue('emails', { connection });

async function enqueueRenewals() {
  const due = await listDueSubscriptions(new Date());
  for (const sub of due) {
    await billingQueue.add('renew', { subscriptionId: sub.id }, { jobId: `renew:${sub.id}:${sub.periodEnd}` });
  }
  logger.info(`enqueued ${due.length} renewals`);
}

async function enqueueWinback() {
  const users = await listInactiveUsers(90);
  await Promise.all(
    users.map((user) => emailQueue.add('winback', { to: user.email, template: 'winback', vars: { name: user.name } })),
  );
}

function enqueueReminders(users) {
  users.forEach((user) => {
    emailQueue.add('reminder', { to: user.email, template: 'reminder', vars: {} }); // expect: unawaited-publish
  });
}

async function enqueueBulk(users) {
  const jobs = users.map((user) => ({ name: 'newsletter', data: { to: user.email, template: 'newsletter', vars: {} } }));
  return emailQueue.addBulk(jobs);
}

cron.schedule('0 * * * *', () => {
  enqueueRenewals().catch((err) => logger.error('renewal scheduling failed', err));
});

cron.schedule('0 9 * * 1', async () => {
  try {
    await enqueueWinback();
  } catch (err) {
    logger.error('winback scheduling failed', err);
  }
});

module.exports = { enqueueRenewals, enqueueWinback, enqueueReminders, enqueueBulk };
