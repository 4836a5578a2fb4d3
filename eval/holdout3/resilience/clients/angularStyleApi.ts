// A thin wrapper that mirrors Angular's HttpClient API for our server-side renderer.
// `this.http` here is our own transport, not Node's http module.
import { Transport, TransportOptions } from './transport';

export interface Product {
  sku: string;
  title: string;
  price: number;
}

export class CatalogApi {
  constructor(private readonly http: Transport, private readonly options: TransportOptions) {}

  product(sku: string): Promise<Product> {
    return this.http.get<Product>(`/products/${sku}`, this.options);
  }

  search(term: string): Promise<Product[]> {
    return this.http.request<Product[]>({ path: '/search', query: { term }, ...this.options });
  }
}
