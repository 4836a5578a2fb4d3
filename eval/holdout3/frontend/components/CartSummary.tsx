'use client';

import { useEffect, useState } from 'react';

type CartLine = { sku: string; title: string; quantity: number; priceCents: number };
type Cart = { lines: CartLine[]; totalCents: number };

async function loadCart(signal: AbortSignal): Promise<Cart> {
  const res = await fetch('/api/cart', { signal, credentials: 'include' });
  if (!res.ok) throw new Error(`cart: ${res.status}`);
  return res.json();
}

async function applyCoupon(code: string): Promise<Cart> {
  const res = await fetch('/api/cart/coupon', { // expect: missing-timeout
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (res.status === 422) throw new Error('coupon not valid');
  return res.json();
}

export function CartSummary() {
  const [cart, setCart] = useState<Cart | null>(null);
  const [coupon, setCoupon] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    loadCart(controller.signal).then(setCart, (err) => setError(String(err)));
    return () => controller.abort();
  }, []);

  if (!cart) return <p>{error ?? 'Loading…'}</p>;
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        setCart(await applyCoupon(coupon));
      }}
    >
      <ul>
        {cart.lines.map((line) => (
          <li key={line.sku}>
            {line.quantity} × {line.title}
          </li>
        ))}
      </ul>
      <input value={coupon} onChange={(e) => setCoupon(e.target.value)} placeholder="Coupon code" />
      <strong>{(cart.totalCents / 100).toFixed(2)}</strong>
    </form>
  );
}
