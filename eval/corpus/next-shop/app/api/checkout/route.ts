import { NextResponse } from 'next/server';
import Stripe from 'stripe';
import { z } from 'zod';
import { auth } from '@/lib/auth';
import { createPendingOrder } from '@/lib/orders';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY as string);

const CheckoutBody = z.object({
  lines: z.array(z.object({ priceId: z.string(), quantity: z.number().int().positive() })).min(1),
  savedCard: z.string().optional(),
});

export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });

  const parsed = CheckoutBody.safeParse(await req.json());
  if (!parsed.success) return NextResponse.json({ error: 'invalid body' }, { status: 400 });

  const order = await createPendingOrder(session.user.id, parsed.data.lines);

  if (parsed.data.savedCard) {
    const intent = await stripe.paymentIntents.create(
      {
        amount: order.totalCents,
        currency: 'eur',
        customer: session.user.stripeCustomerId,
        payment_method: parsed.data.savedCard,
        off_session: true,
        confirm: true,
        metadata: { orderId: order.id },
      },
      { idempotencyKey: `checkout-${order.id}` },
    );
    return NextResponse.json({ status: intent.status, orderId: order.id });
  }

  const checkout = await stripe.checkout.sessions.create({
    mode: 'payment',
    customer: session.user.stripeCustomerId,
    line_items: parsed.data.lines.map((line) => ({ price: line.priceId, quantity: line.quantity })),
    metadata: { orderId: order.id },
    success_url: `${process.env.APP_URL}/orders/${order.id}`,
    cancel_url: `${process.env.APP_URL}/cart`,
  });
  return NextResponse.json({ url: checkout.url });
}
