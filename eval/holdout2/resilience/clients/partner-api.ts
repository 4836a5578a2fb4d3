import axios, { AxiosError, AxiosInstance, InternalAxiosRequestConfig } from 'axios';
import axiosRetry, { exponentialDelay, isNetworkOrIdempotentRequestError } from 'axios-retry';
import { randomUUID } from 'node:crypto';
import { tokenCache } from './token-cache';

export interface Shipment {
  id: string;
  carrier: string;
  status: 'created' | 'in_transit' | 'delivered' | 'exception';
}

/**
 * Thin SDK around the logistics partner's REST API. Two hosts: the modern API and the
 * legacy tracking host that only exists on plain HTTP inside their VPN peering.
 */
export class PartnerApi {
  private readonly api: AxiosInstance = axios.create({
    baseURL: 'https://api.logistics-partner.com/v2',
    timeout: 8_000,
    headers: { accept: 'application/json' },
  });

  private readonly tracking: AxiosInstance = axios.create({ // expect: missing-timeout
    baseURL: 'http://tracking.logistics-partner.com/legacy', // expect: insecure-transport
    headers: { accept: 'application/xml' },
  });

  private readonly labels = axios.create({
    baseURL: 'https://labels.logistics-partner.com',
    timeout: 20_000,
    responseType: 'arraybuffer',
  });

  constructor() {
    axiosRetry(this.api, { retries: 3, retryDelay: exponentialDelay, retryCondition: isNetworkOrIdempotentRequestError });
    axiosRetry(this.tracking, { retries: 5 }); // expect: retry-without-backoff
    axiosRetry(this.labels, { retries: 2, retryDelay: () => 1_500 }); // expect: retry-without-backoff

    for (const client of [this.api, this.tracking, this.labels]) {
      client.interceptors.request.use(async (config: InternalAxiosRequestConfig) => {
        const accessToken = await tokenCache.get('logistics-partner');
        config.headers.set('Authorization', `Bearer ${accessToken}`);
        config.headers.set('X-Correlation-Id', randomUUID());
        return config;
      });
    }

    this.api.interceptors.response.use(undefined, (error: AxiosError) => {
      if (error.response?.status === 401) tokenCache.invalidate('logistics-partner');
      return Promise.reject(error);
    });
  }

  async createShipment(order: { id: string; weightGrams: number; to: Record<string, string> }): Promise<Shipment> {
    // axios-retry leaves POST alone with the idempotent-only condition above.
    const { data } = await this.api.post<Shipment>('/shipments', {
      reference: order.id,
      parcel: { weight: order.weightGrams },
      destination: order.to,
    });
    return data;
  }

  async getShipment(id: string): Promise<Shipment> {
    const { data } = await this.api.get<Shipment>(`/shipments/${id}`);
    return data;
  }

  async trackingHistory(id: string): Promise<string> {
    const { data } = await this.tracking.get<string>(`/track.xml`, { params: { id } });
    return data;
  }

  async label(id: string): Promise<Buffer> {
    const { data } = await this.labels.get<ArrayBuffer>(`/labels/${id}.pdf`);
    return Buffer.from(data);
  }

  async cancel(id: string): Promise<void> {
    await this.api.delete(`/shipments/${id}`);
  }

  /** Carrier capability lookup; public endpoint, no auth. */
  static async carriers(country: string): Promise<string[]> {
    const { data } = await axios.get<{ carriers: string[] }>('https://api.logistics-partner.com/v2/carriers', { // expect: missing-timeout
      params: { country },
    });
    return data.carriers;
  }

  static async serviceLevels(country: string): Promise<string[]> {
    const { data } = await axios.get<string[]>('https://api.logistics-partner.com/v2/service-levels', {
      params: { country },
      timeout: 3_000,
    });
    return data;
  }
}
