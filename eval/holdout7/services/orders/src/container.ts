import { createHttpClient } from '@acme/http-client';
import type { AxiosInstance } from 'axios';
import Stripe from 'stripe';
import { PaymentsService } from './payments.service';
import { FulfilmentClient } from './fulfilment';

export interface Container {
  stripe: Stripe;
  warehouse: AxiosInstance;
  payments: PaymentsService;
  fulfilment: FulfilmentClient;
}

export function buildContainer(env: NodeJS.ProcessEnv): Container {
  const stripe = new Stripe(env.STRIPE_SECRET_KEY ?? '', { apiVersion: '2024-06-20', timeout: 20_000 });
  const warehouse = createHttpClient({ baseURL: env.WAREHOUSE_URL ?? 'http://warehouse.svc.cluster.local', timeoutMs: 5_000 });
  const payments = new PaymentsService(stripe);
  const fulfilment = new FulfilmentClient(warehouse, env.FULFILMENT_URL ?? 'https://fulfil.acme.dev');
  return { stripe, warehouse, payments, fulfilment };
}
