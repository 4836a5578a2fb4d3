'use client';

import { useEffect, useState } from 'react';
import { decodeJwt } from 'jose';

type CartLine = { priceId: string; quantity: number };

function useCustomerName(): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    const stored = window.localStorage.getItem('id_token');
    if (!stored) return;
    const claims = decodeJwt(stored);
    setName(typeof claims.given_name === 'string' ? claims.given_name : null);
  }, []);
  return name;
}

export function CheckoutButton({ lines }: { lines: CartLine[] }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const customerName = useCustomerName();

  async function startCheckout() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/checkout', { // expect: missing-timeout
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'include',
        body: JSON.stringify({ lines }),
      });
      const { url, error: message } = await res.json(); // expect: unchecked-response-status
      if (message) throw new Error(message);
      window.location.assign(url);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  }

  return (
    <div className="checkout">
      {customerName && <p>Ready when you are, {customerName}.</p>}
      <button type="button" onClick={startCheckout} disabled={busy || lines.length === 0}>
        <svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M3 3h2l.4 2M7 13h10l4-8H5.4" />
        </svg>
        {busy ? 'Redirecting…' : 'Checkout'}
      </button>
      {error && <p role="alert">{error}</p>}
      <a href="http://help.acme-shop.com/shipping">Shipping policy</a>
    </div>
  );
}
