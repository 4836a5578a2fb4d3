import { writable } from 'svelte/store';

export function useCheckout() {
  const status = writable<'idle' | 'pending' | 'done' | 'failed'>('idle');

  async function submit(cartId: string) {
    status.set('pending');
    const res = await fetch(`/api/checkout/${cartId}`, { method: 'POST', signal: AbortSignal.timeout(15_000) });
    status.set(res.ok ? 'done' : 'failed');
    return res.ok ? ((await res.json()) as { url: string }) : null;
  }

  return { status, submit };
}
