import { Configuration } from './generated/runtime';
import { EmployeesApi } from './generated/EmployeesApi';
import createClient from 'openapi-fetch';
import type { paths } from './generated/ledger-schema';

const timedFetch: typeof fetch = (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(10_000) });

export const employees = new EmployeesApi(
  new Configuration({ basePath: process.env.PAYROLL_URL, fetchApi: timedFetch, accessToken: async () => getAccessToken() }),
);

export const ledger = createClient<paths>({ baseUrl: 'http://ledger.acme-internal.net/v2', fetch: timedFetch }); // expect: insecure-transport

export const ledgerLocal = createClient<paths>({ baseUrl: 'http://127.0.0.1:4010', fetch: timedFetch });

async function getAccessToken(): Promise<string> {
  const res = await fetch(`${process.env.PAYROLL_AUTH_URL}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: process.env.PAYROLL_CLIENT_ID!, client_secret: process.env.PAYROLL_CLIENT_SECRET! }),
    signal: AbortSignal.timeout(5_000),
  });
  if (!res.ok) throw new Error(`payroll token: ${res.status}`);
  const { access_token } = (await res.json()) as { access_token: string };
  return access_token;
}
