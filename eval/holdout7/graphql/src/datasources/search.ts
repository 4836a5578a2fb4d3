import { RESTDataSource } from '@apollo/datasource-rest';

export class SearchDataSource extends RESTDataSource {
  override baseURL = 'https://search.acme.dev/v1/';

  async find(q: string) {
    return this.get('search', { params: { q } });
  }
}

export class LegacyPricingSource extends RESTDataSource {
  override baseURL = 'http://pricing.acme-legacy.com/v1/'; // expect: insecure-transport

  async price(sku: string) {
    return this.get(`prices/${encodeURIComponent(sku)}`);
  }
}
