'use server';

import { revalidatePath } from 'next/cache';
import { auth } from '@/auth';

export async function subscribe(formData: FormData) {
  const email = String(formData.get('email'));
  const res = await fetch('https://api.mailing.example.com/v1/subscribers', {
    method: 'POST',
    headers: { Authorization: 'Bearer ml_live_8f3kd92jf0s9d8f7g6h5', 'Content-Type': 'application/json' }, // expect: hardcoded-credential
    body: JSON.stringify({ email }),
    signal: AbortSignal.timeout(5_000),
  });
  if (!res.ok) return { error: 'Could not subscribe' };
  revalidatePath('/');
  return { ok: true };
}

export async function updateProfile(formData: FormData) {
  const session = await auth();
  const res = await fetch(`${process.env.USERS_API}/users/${session?.user.id}`, { // expect: missing-timeout
    method: 'PATCH',
    body: formData,
    headers: { Authorization: `Bearer ${session?.accessToken}` },
  });
  const data = await res.json(); // expect: unchecked-response-status
  if (!data.ok) return { error: data.message as string };
  revalidatePath('/settings');
  return { ok: true };
}
