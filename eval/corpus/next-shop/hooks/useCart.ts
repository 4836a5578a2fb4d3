'use client';

import { useCallback, useEffect, useState } from 'react';

export type Cart = { id: string; lines: { priceId: string; quantity: number }[]; totalCents: number };

async function readCart(signal: AbortSignal): Promise<Cart> {
  const res = await fetch('/api/cart', { signal, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`cart ${res.status}`);
  return res.json();
}

export function useCart() {
  const [cart, setCart] = useState<Cart | null>(null);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    readCart(controller.signal).then(setCart, (err) => {
      if (err.name !== 'AbortError') setError(err);
    });
    return () => controller.abort();
  }, []);

  const addLine = useCallback(async (priceId: string, quantity = 1) => {
    const res = await fetch('/api/cart/lines', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ priceId, quantity }),
      signal: AbortSignal.timeout(8000),
    });
    if (res.status === 409) {
      setError(new Error('That item just sold out'));
      return;
    }
    setCart(await res.json());
  }, []);

  const removeLine = useCallback(async (priceId: string) => {
    const res = await fetch(`/api/cart/lines/${priceId}`, { method: 'DELETE' }); // expect: missing-timeout
    setCart(await res.json()); // expect: unchecked-response-status
  }, []);

  return { cart, error, addLine, removeLine };
}
