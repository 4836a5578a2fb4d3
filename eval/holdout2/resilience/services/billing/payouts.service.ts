import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import Stripe from 'stripe';
import { Repository } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { SellerAccount } from './entities/seller-account.entity';
import { PayoutRecord } from './entities/payout-record.entity';

type RequestOptions = Stripe.RequestOptions;

@Injectable()
export class PayoutsService {
  private readonly logger = new Logger(PayoutsService.name);
  private readonly stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', {
    apiVersion: '2024-06-20',
    maxNetworkRetries: 2,
    timeout: 20_000,
  });

  constructor(
    @InjectRepository(SellerAccount) private readonly sellers: Repository<SellerAccount>,
    @InjectRepository(PayoutRecord) private readonly payouts: Repository<PayoutRecord>,
  ) {}

  /** Moves the seller's share of a settled order to their connected account. */
  async settleOrder(orderId: string, sellerId: string, amountCents: number) {
    const seller = await this.sellers.findOneBy({ id: sellerId });
    if (!seller) throw new NotFoundException(`seller ${sellerId}`);

    const transfer = await this.stripe.transfers.create({ // expect: missing-idempotency-key
      amount: amountCents,
      currency: seller.currency,
      destination: seller.stripeAccountId,
      transfer_group: `order_${orderId}`,
      metadata: { orderId },
    });

    await this.payouts.save({ sellerId, orderId, stripeTransferId: transfer.id, amountCents });
    return transfer;
  }

  /** Triggered by the weekly payout cron for sellers on manual schedules. */
  async payOutBalance(sellerId: string) {
    const seller = await this.sellers.findOneByOrFail({ id: sellerId });
    const balance = await this.stripe.balance.retrieve({ stripeAccount: seller.stripeAccountId });
    const available = balance.available.find((b) => b.currency === seller.currency)?.amount ?? 0;
    if (available <= 0) return null;

    // Connected-account payouts: the request option routes the call to the seller's account.
    return this.stripe.payouts.create( // expect: missing-idempotency-key
      { amount: available, currency: seller.currency, method: 'standard' },
      { stripeAccount: seller.stripeAccountId },
    );
  }

  async refundPayout(record: PayoutRecord, reason: string) {
    const idempotencyKey = `reversal:${record.id}`;
    const reversal = await this.stripe.transfers.createReversal(
      record.stripeTransferId,
      { amount: record.amountCents, metadata: { reason } },
      { idempotencyKey },
    );
    this.logger.log(`reversed transfer ${record.stripeTransferId} as ${reversal.id}`);
    return reversal;
  }

  async refundOrder(paymentIntentId: string, amountCents?: number) {
    return this.stripe.refunds.create(
      { payment_intent: paymentIntentId, amount: amountCents, reason: 'requested_by_customer' },
      { idempotencyKey: `refund:${paymentIntentId}:${amountCents ?? 'full'}` },
    );
  }

  /**
   * Used by the admin console; the controller builds the request options (idempotency key
   * from the console's form token, optional connected account).
   */
  async manualTransfer(params: Stripe.TransferCreateParams, options: RequestOptions) {
    return this.stripe.transfers.create(params, options);
  }

  async ensureCustomer(email: string, name: string) {
    const existing = await this.stripe.customers.list({ email, limit: 1 });
    if (existing.data.length) return existing.data[0];
    return this.stripe.customers.create({ email, name });
  }

  async onboardingLink(sellerId: string) {
    const seller = await this.sellers.findOneByOrFail({ id: sellerId });
    const link = await this.stripe.accountLinks.create({
      account: seller.stripeAccountId,
      refresh_url: 'https://sellers.example-market.com/onboarding/refresh',
      return_url: 'https://sellers.example-market.com/onboarding/done',
      type: 'account_onboarding',
    });
    return link.url;
  }

  async instantPayout(sellerId: string, amountCents: number) {
    const seller = await this.sellers.findOneByOrFail({ id: sellerId });
    const key = randomUUID();
    await this.payouts.save({ sellerId, amountCents, idempotencyKey: key, kind: 'instant' });
    return this.stripe.payouts.create(
      { amount: amountCents, currency: seller.currency, method: 'instant' },
      { stripeAccount: seller.stripeAccountId, idempotencyKey: key },
    );
  }
}
