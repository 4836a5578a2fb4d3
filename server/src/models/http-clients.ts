/**
 * HTTP client libraries as data: how each one sends a request, where its timeout goes
 * and what a message advises. `analysis/http-clients.ts` matches calls against these rows;
 * `missing-timeout`, `insecure-transport`, `unchecked-response-status` and
 * `tls-verification-disabled` judge what it finds. A new client is a new row plus a test
 * case in the rules' tests: no rule code.
 */

/**
 * Where a call shape puts the URL and the options object.
 * - positions: fixed argument indexes (`fetch(url, init)`, `axios.post(url, data, config)`,
 *   `needle(method, url, data, options)`); no `options` when the call takes none.
 * - `url-or-options`: `(options)` when the first argument is an object, else `(url, options?)`
 *   (axios, got); a lone argument that is evidently not a URL is taken as options.
 * - `url-or-options-then-callback`: node's `(url, options?, callback?)` or `(options, callback?)`.
 * - `method-and-url-or-url`: superagent's `(method, url)`, or `(url)` for a GET.
 */
export type CallShape =
  | { url: number; options?: number; method?: number }
  | 'url-or-options'
  | 'url-or-options-then-callback'
  | 'method-and-url-or-url';

export interface HttpMethodModel {
  /** Member names on a client that send a request with this shape; dotted for nested ones (`stream.get`). */
  names: readonly string[];
  shape: CallShape;
}

export interface HttpFactoryModel {
  /** Member names on a client that build a new client with defaults: axios `create`, got `extend`. */
  names: readonly string[];
  /** Whether an instance can build another one (`ky.create(...).extend(...)`). */
  onInstances: boolean;
  /** The options of the factory call that bound every request of the client it builds. */
  timeoutOptions: readonly string[];
  /** The option of the factory call every request's relative URL is resolved against (the integration map's target). */
  baseUrlOption?: string;
}

export interface HttpTimeoutModel {
  /** Option names in a request's options that bound it (`timeout`, `signal`). */
  options: readonly string[];
  /**
   * `any`: one of the options bounds the whole request (axios `timeout` or `signal`).
   * `phases`: each option bounds one phase, and turning any of them off leaves the request
   * unbounded (undici's `headersTimeout` and `bodyTimeout`).
   */
  combine: 'any' | 'phases';
  /** The client applies a finite timeout when none is set (ky 10 s): only turning it off is reported. */
  finiteDefault: boolean;
  /**
   * Not judged by missing-timeout, whose contract does not list the client (the deprecated
   * `request`): its calls are still found for insecure-transport and TLS.
   */
  unjudged?: boolean;
  /** A method of the returned request object that bounds it: superagent `.timeout(ms)`, node's `req.setTimeout(ms)`. */
  method?: string;
  /**
   * The returned request is node's `ClientRequest`: a timeout on its socket
   * (`req.on('socket', (s) => s.setTimeout(ms))`), a timer that destroys it or
   * `addAbortSignal(signal, req)` bound it too.
   */
  clientRequest?: boolean;
  /** The URL argument may be a `Request` carrying its own options (`fetch(new Request(url, init))`). */
  requestObject?: boolean;
  /**
   * A defaults object whose timeout applies to the requests and instances that set none:
   * `axios.defaults.timeout = ms` on the module, `api.defaults.timeout = ms` on an instance.
   */
  defaults?: { property: string; option: string };
  /** What a quick fix writes to bound a request, or a client a factory builds. */
  fix: HttpTimeoutFix;
}

/**
 * The text of a timeout a quick fix writes. It adds `option` to the options (creating them)
 * when none bounds the request, or chains `method` onto a client without options; an option
 * turned off gets its value replaced.
 */
export interface HttpTimeoutFix {
  /** The option added to a request's or factory's options: `signal`, `timeout`. */
  option?: string;
  /** The value bounding each option for a timeout in ms (`AbortSignal.timeout(ms)`); an option not listed takes the ms. */
  values?: Readonly<Record<string, (ms: string) => string>>;
}

/** A connection pool whose options carry the client's timeouts: undici's `new Agent(options)`, `new Pool(origin, options)`. */
export interface HttpPoolModel {
  /** The constructor's export name and the position of its options argument. */
  constructors: Readonly<Record<string, number>>;
  /** What a message advises when a pool turns its timeouts off. */
  advice: string;
}

export interface HttpClientModel {
  /** The client's id in findings' wording and in other analyses: several modules may share one (`fetch`). */
  library: string;
  /** The npm modules (or `'<global>'`) the client comes from. */
  modules: readonly string[];
  /**
   * Exports of the module that are a client, dotted (`''` = the module itself): `axios`'s
   * default export, the global `fetch`, ofetch's `ofetch` and `$fetch`.
   */
  clients: readonly string[];
  /** How messages name a client and its calls; by default the module name, or the export's name. */
  name?: string;
  /** Calling a client itself sends a request with this shape (`axios(config)`, `fetch(url)`). */
  callable?: CallShape;
  methods?: readonly HttpMethodModel[];
  factories?: HttpFactoryModel;
  pools?: HttpPoolModel;
  timeout: HttpTimeoutModel;
  /** What a message advises for a request with no timeout, for a suggested timeout in ms. */
  advice: (ms: string) => string;
  /** A request resolves to a fetch `Response` whatever its status: its body may be an error page. */
  resolvesToResponse?: boolean;
  /**
   * Node's implementation rejects a relative URL (`fetch('/api/cart')`), so a request to one runs
   * in a browser, against the page's own origin.
   */
  relativeUrlMeansBrowser?: boolean;
}

/** A signal that aborts the request after the timeout, for the clients that take one. */
/** The Fetch API's body readers, of a `Response` as of an incoming `Request` (`await request.json()`). */
export const FETCH_BODY_READERS: ReadonlySet<string> = new Set(['json', 'text', 'blob', 'arrayBuffer', 'formData']);

const abortAfter = (ms: string): string => `AbortSignal.timeout(${ms})`;

/** Clients with a finite default: keep it on. */
const keepDefaultAdvice = (ms: string): string => `Leave the library's default timeout on or set one (${ms} ms).`;

const fetchApi = {
  library: 'fetch',
  name: 'fetch',
  callable: { url: 0, options: 1 },
  advice: (ms: string) => `Pass \`signal: AbortSignal.timeout(${ms})\` in its options.`,
  resolvesToResponse: true,
  relativeUrlMeansBrowser: true,
} as const;

const fetchTimeout: HttpTimeoutModel = { options: ['signal'], combine: 'any', finiteDefault: false, requestObject: true, fix: { option: 'signal', values: { signal: abortAfter } } };

const GOT_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head'];

export const HTTP_CLIENTS: readonly HttpClientModel[] = [
  { ...fetchApi, modules: ['<global>', 'undici'], clients: ['fetch'], timeout: fetchTimeout },
  { ...fetchApi, modules: ['cross-fetch', 'isomorphic-fetch'], clients: ['', 'fetch'], timeout: fetchTimeout },
  // node-fetch v2 also takes a `timeout` option.
  { ...fetchApi, modules: ['node-fetch'], clients: ['', 'fetch'], timeout: { ...fetchTimeout, options: ['signal', 'timeout'] } },
  {
    library: 'axios',
    modules: ['axios'],
    clients: [''],
    callable: 'url-or-options',
    methods: [
      { names: ['request'], shape: 'url-or-options' },
      { names: ['get', 'delete', 'head', 'options'], shape: { url: 0, options: 1 } },
      { names: ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'], shape: { url: 0, options: 2 } },
    ],
    factories: { names: ['create'], onInstances: false, timeoutOptions: ['timeout'], baseUrlOption: 'baseURL' },
    timeout: { options: ['timeout', 'signal'], combine: 'any', finiteDefault: false, defaults: { property: 'defaults', option: 'timeout' }, fix: { option: 'timeout', values: { signal: abortAfter } } },
    advice: (ms) => `Pass \`{ timeout: ${ms} }\` in its config, or set \`axios.defaults.timeout\`.`,
  },
  {
    library: 'got',
    modules: ['got'],
    clients: [''],
    callable: 'url-or-options',
    methods: [
      {
        names: [...GOT_VERBS, 'stream', 'paginate', ...['stream', 'paginate'].flatMap((base) => [...GOT_VERBS, 'all', 'each'].map((name) => `${base}.${name}`))],
        shape: 'url-or-options',
      },
    ],
    factories: { names: ['extend'], onInstances: false, timeoutOptions: ['timeout'], baseUrlOption: 'prefixUrl' },
    timeout: { options: ['timeout', 'signal'], combine: 'any', finiteDefault: false, fix: { option: 'timeout', values: { timeout: (ms) => `{ request: ${ms} }`, signal: abortAfter } } },
    advice: (ms) => `Pass \`{ timeout: { request: ${ms} } }\`.`,
  },
  {
    library: 'ky',
    modules: ['ky'],
    clients: [''],
    callable: { url: 0, options: 1 },
    methods: [{ names: ['get', 'post', 'put', 'patch', 'delete', 'head'], shape: { url: 0, options: 1 } }],
    factories: { names: ['create', 'extend'], onInstances: true, timeoutOptions: ['timeout'], baseUrlOption: 'prefixUrl' },
    // ky aborts after 10 s unless told otherwise.
    timeout: { options: ['timeout'], combine: 'any', finiteDefault: true, fix: { option: 'timeout' } },
    advice: keepDefaultAdvice,
  },
  {
    library: 'node-http',
    modules: ['http', 'https'],
    clients: [''],
    methods: [{ names: ['request', 'get'], shape: 'url-or-options-then-callback' }],
    // The `timeout` option the message advises (a signal would abort with an 'error' event the code may not handle).
    timeout: { options: ['timeout', 'signal'], combine: 'any', finiteDefault: false, method: 'setTimeout', clientRequest: true, fix: { option: 'timeout', values: { signal: abortAfter } } },
    advice: (ms) => `Pass \`timeout: ${ms}\` in its options, or call \`req.setTimeout(${ms}, () => req.destroy())\`.`,
  },
  {
    library: 'superagent',
    modules: ['superagent'],
    clients: [''],
    callable: 'method-and-url-or-url',
    methods: [{ names: ['get', 'post', 'put', 'patch', 'del', 'delete', 'head', 'options'], shape: { url: 0 } }],
    timeout: { options: [], combine: 'any', finiteDefault: false, method: 'timeout', fix: {} },
    advice: (ms) => `Chain \`.timeout(${ms})\` onto the request.`,
  },
  {
    // The deprecated request and its promise wrappers: `request(uri | options, callback?)`, `rp({ uri, json })`.
    library: 'request',
    modules: ['request', 'request-promise', 'request-promise-native'],
    clients: [''],
    callable: 'url-or-options-then-callback',
    methods: [{ names: ['get', 'post', 'put', 'patch', 'del', 'delete', 'head'], shape: 'url-or-options-then-callback' }],
    timeout: { options: ['timeout'], combine: 'any', finiteDefault: false, unjudged: true, fix: { option: 'timeout' } },
    advice: (ms) => `Pass \`timeout: ${ms}\` in its options.`,
  },
  {
    library: 'undici',
    modules: ['undici'],
    clients: [''],
    methods: [{ names: ['request', 'stream'], shape: { url: 0, options: 1 } }],
    pools: { constructors: { Agent: 0, Client: 1, Pool: 1, BalancedPool: 1 }, advice: 'Keep `headersTimeout` and `bodyTimeout` above 0.' },
    // undici waits 300 s for headers and for each body chunk unless told otherwise.
    timeout: { options: ['headersTimeout', 'bodyTimeout'], combine: 'phases', finiteDefault: true, fix: {} },
    advice: keepDefaultAdvice,
  },
  {
    library: 'needle',
    modules: ['needle'],
    clients: [''],
    callable: { method: 0, url: 1, options: 3 },
    methods: [
      { names: ['request'], shape: { method: 0, url: 1, options: 3 } },
      { names: ['get', 'head'], shape: { url: 0, options: 1 } },
      { names: ['post', 'put', 'patch', 'delete'], shape: { url: 0, options: 2 } },
    ],
    // needle gives up on a connection after 10 s (`open_timeout`) unless told otherwise.
    timeout: { options: ['open_timeout', 'timeout'], combine: 'phases', finiteDefault: true, fix: {} },
    advice: keepDefaultAdvice,
  },
  {
    library: 'ofetch',
    modules: ['ofetch'],
    clients: ['ofetch', '$fetch'],
    callable: { url: 0, options: 1 },
    methods: [{ names: ['raw'], shape: { url: 0, options: 1 } }],
    factories: { names: ['create'], onInstances: true, timeoutOptions: ['timeout'], baseUrlOption: 'baseURL' },
    timeout: { options: ['timeout', 'signal'], combine: 'any', finiteDefault: false, fix: { option: 'timeout', values: { signal: abortAfter } } },
    advice: (ms) => `Pass \`{ timeout: ${ms} }\` in its options.`,
  },
];

/** The value text bounding a timeout option, for a timeout in ms. */
export function timeoutValue(fix: HttpTimeoutFix, option: string, ms: string): string {
  return fix.values?.[option]?.(ms) ?? ms;
}

/** The `name: value` text bounding a timeout option, for a timeout in ms. */
export function timeoutProperty(fix: HttpTimeoutFix, option: string, ms: string): string {
  return `${option}: ${timeoutValue(fix, option, ms)}`;
}

/**
 * Mocking libraries whose `http.get(url, resolver)`-style calls register a fake route for a
 * test: the URL is matched against the code's requests, nothing is sent to it.
 */
export const MOCK_SERVERS: ReadonlyArray<{ library: string; modules: readonly string[] }> = [
  { library: 'msw', modules: ['msw', 'msw/node', 'msw/browser'] },
];
