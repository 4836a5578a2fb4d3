'use strict';

const Stripe = require('stripe');
const { v4: uuidv4 } = require('uuid');
const db = require('../db');
const log = require('../log');

const stripe = new Stripe('sk_live_UoqQQoCVxWr0bbv6USVkNvITSCft', { apiVersion: '2023-10-16' }); // expect: hardcoded-credential
const platformStripe = Stripe(process.env.STRIPE_PLATFORM_KEY);

async function payConnectedAccount(accountId, amountCents, invoiceId) {
  const transfer = await platformStripe.transfers.create(
    {
      amount: amountCents,
      currency: 'eur',
      destination: accountId,
      transfer_group: invoiceId,
    },
    { idempotencyKey: `transfer-${invoiceId}` },
  );
  await db.query('update invoices set transfer_id = $1 where id = $2', [transfer.id, invoiceId]);
  return transfer;
}

async function instantPayout(accountId, amountCents) {
  const payout = await platformStripe.payouts.create( // expect: missing-idempotency-key
    { amount: amountCents, currency: 'eur', method: 'instant' },
    { stripeAccount: accountId },
  );
  log.info({ payoutId: payout.id, accountId }, 'instant payout requested');
  return payout;
}

async function chargeLegacyCard(customerId, amountCents, description) {
  const charge = await stripe.charges.create({ // expect: missing-idempotency-key
    amount: amountCents,
    currency: 'usd',
    customer: customerId,
    description,
  });
  return charge;
}

async function chargeWithKey(customerId, amountCents, orderRef) {
  const options = { idempotencyKey: `charge-${orderRef}` };
  return stripe.charges.create({ amount: amountCents, currency: 'usd', customer: customerId }, options);
}

async function splitTransfer(invoice) {
  const transfers = [];
  for (const line of invoice.lines) {
    transfers.push(
      await platformStripe.transfers.create({ // expect: missing-idempotency-key
        amount: line.amountCents,
        currency: invoice.currency,
        destination: line.accountId,
      }),
    );
  }
  return transfers;
}

async function refundPayout(payoutId) {
  const payout = await platformStripe.payouts.retrieve(payoutId);
  if (payout.status !== 'paid') {
    return platformStripe.payouts.cancel(payoutId);
  }
  return payout;
}

async function reconcile(dateFrom) {
  const balance = await platformStripe.balanceTransactions.list({ created: { gte: dateFrom }, limit: 100 });
  for (const tx of balance.data) {
    await db.query('insert into ledger (id, amount, type) values ($1, $2, $3) on conflict do nothing', [
      tx.id,
      tx.amount,
      tx.type,
    ]);
  }
  return balance.data.length;
}

async function refundInvoice(invoice) {
  const key = invoice.refundKey || uuidv4();
  return platformStripe.refunds.create({ charge: invoice.chargeId }, { idempotencyKey: key });
}

module.exports = {
  payConnectedAccount,
  instantPayout,
  chargeLegacyCard,
  chargeWithKey,
  splitTransfer,
  refundPayout,
  reconcile,
  refundInvoice,
};
