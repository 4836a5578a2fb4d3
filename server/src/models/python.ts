/**
 * Python libraries as data, in the spirit of the JS tables beside this file: names are
 * qualified through the file's imports (`import requests as rq` makes `rq.get` read as
 * `requests.get`). The rules' Python checks (`rules/<id>/python.ts`) match calls against these
 * rows; a new library is a row plus a test case in the rule's `python.test.ts`.
 */

/** How an HTTP client library bounds a request, and what it does when nothing is set. */
export interface PyHttpClientModel {
  label: string;
  modules: readonly string[];
  /** Module-level functions that send a request (`requests.get`), qualified. */
  functions: readonly string[];
  /** Constructors of a client whose methods send requests (`requests.Session`). */
  clients: readonly string[];
  /** Methods of such a client that send a request. */
  methods: readonly string[];
  /**
   * `none`: no timeout unless one is passed (requests, urllib); every request needs its own.
   * `finite`: a finite default (httpx 5 s, aiohttp 300 s); only turning it off is reported.
   * `constructor`: the timeout goes on the constructor (urllib3 pools, http.client), reported there.
   */
  timeoutDefault: 'none' | 'finite' | 'constructor';
  /** The positional index of the timeout argument, where the signature has one (`urlopen(url, data, timeout)`). */
  timeoutIndex?: number;
  /** `0` turns the timeout off too (aiohttp); requests rejects `0`. */
  zeroIsOff?: boolean;
  /** The constructor of a timeout object whose fields can each be `None` (`httpx.Timeout`, `aiohttp.ClientTimeout`), under each name it is imported from. */
  timeoutObjects?: readonly string[];
  /** A timeout object built with no field bounds nothing (urllib3's `Timeout()` falls back to the socket default, unlimited). */
  emptyTimeoutIsOff?: boolean;
  /** The argument naming the URL, positional index and keyword, for insecure-transport. */
  url?: { index: number; keyword: string };
  /** The client's attribute holding the headers it sends with every request (`session.headers`), where the file may fill it in. */
  defaultHeaders?: string;
  /** Keywords of the client constructor holding a base URL (`base_url=`). */
  baseUrl?: readonly string[];
  /** The constructor's positional argument standing for the base URL (aiohttp's `ClientSession(base_url)`). */
  clientUrlIndex?: number;
  /** The response's body readers: methods (`json`) and attributes (`text`) read without a status check. */
  bodyMethods: readonly string[];
  bodyAttributes: readonly string[];
  /** What counts as looking at the status: a method call or an attribute read on the response. */
  statusChecks: readonly string[];
  /** The response's method that raises on 4xx/5xx (`raise_for_status()`): called outside a `try`, a failure leaves the code around it. */
  raisingCheck?: string;
  /** The response raises on 4xx/5xx by itself (urllib's `urlopen`). */
  raisesOnError?: boolean;
  /** A keyword of the client or the call that makes every response raise (aiohttp `raise_for_status=True`). */
  raiseOption?: string;
  /** The TLS keywords that turn certificate checks off when given `False`. */
  tlsKeywords: readonly string[];
  /** Calls whose first argument is the HTTP method, the URL next (`requests.request("POST", url)`), for the integration map. */
  methodFirst?: readonly string[];
  /** A client constructor given a host, not a URL (`HTTPSConnection("api.x.com")`): where the host is, and each constructor's scheme. */
  clientHost?: { index: number; keyword: string; schemes: Readonly<Record<string, 'http' | 'https'>> };
  /** Calls, by their last name, that build a request without sending it (`requests.Request(...)`, `s.prepare_request(...)`): what they return carries the request's headers. */
  requestBuilders?: readonly string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'];
const STATUS = ['raise_for_status', 'ok', 'status_code', 'status', 'is_success', 'is_error', 'is_client_error', 'is_server_error'];

export const PY_HTTP_CLIENTS: readonly PyHttpClientModel[] = [
  {
    label: 'requests',
    modules: ['requests'],
    functions: METHODS.map((method) => `requests.${method}`),
    clients: ['requests.Session', 'requests.session', 'requests.sessions.Session'],
    methods: [...METHODS, 'send'],
    timeoutDefault: 'none',
    defaultHeaders: 'headers',
    url: { index: 0, keyword: 'url' },
    bodyMethods: ['json', 'iter_content', 'iter_lines'],
    bodyAttributes: ['text', 'content', 'raw'],
    statusChecks: STATUS,
    raisingCheck: 'raise_for_status',
    tlsKeywords: ['verify'],
    methodFirst: ['request'],
    requestBuilders: ['Request', 'PreparedRequest', 'prepare', 'prepare_request'],
  },
  {
    label: 'httpx',
    modules: ['httpx'],
    functions: [...METHODS, 'stream'].map((method) => `httpx.${method}`),
    clients: ['httpx.Client', 'httpx.AsyncClient'],
    methods: [...METHODS, 'stream', 'send'],
    timeoutDefault: 'finite',
    defaultHeaders: 'headers',
    timeoutObjects: ['httpx.Timeout'],
    url: { index: 0, keyword: 'url' },
    baseUrl: ['base_url'],
    bodyMethods: ['json', 'iter_bytes', 'iter_text', 'iter_lines', 'aread', 'read'],
    bodyAttributes: ['text', 'content'],
    statusChecks: STATUS,
    raisingCheck: 'raise_for_status',
    tlsKeywords: ['verify'],
    methodFirst: ['request', 'stream'],
    requestBuilders: ['Request', 'build_request'],
  },
  {
    label: 'aiohttp',
    modules: ['aiohttp'],
    functions: ['aiohttp.request'],
    clients: ['aiohttp.ClientSession'],
    methods: [...METHODS, 'ws_connect'],
    timeoutDefault: 'finite',
    zeroIsOff: true,
    timeoutObjects: ['aiohttp.ClientTimeout'],
    url: { index: 0, keyword: 'url' },
    baseUrl: ['base_url'],
    clientUrlIndex: 0,
    bodyMethods: ['json', 'text', 'read'],
    bodyAttributes: [],
    statusChecks: STATUS,
    raisingCheck: 'raise_for_status',
    raiseOption: 'raise_for_status',
    tlsKeywords: ['ssl', 'verify_ssl'],
    methodFirst: ['request'],
  },
  {
    label: 'urllib',
    modules: ['urllib.request', 'urllib'],
    functions: ['urllib.request.urlopen'],
    clients: ['urllib.request.build_opener'],
    methods: ['open'],
    timeoutDefault: 'none',
    timeoutIndex: 2,
    url: { index: 0, keyword: 'url' },
    bodyMethods: [],
    bodyAttributes: [],
    statusChecks: STATUS,
    raisesOnError: true,
    tlsKeywords: [],
    requestBuilders: ['Request'],
  },
  {
    label: 'urllib3',
    modules: ['urllib3'],
    functions: ['urllib3.request'],
    clients: ['urllib3.PoolManager', 'urllib3.HTTPConnectionPool', 'urllib3.HTTPSConnectionPool', 'urllib3.connection_from_url', 'urllib3.poolmanager.PoolManager'],
    methods: ['request', 'urlopen', 'request_encode_url', 'request_encode_body'],
    timeoutDefault: 'constructor',
    timeoutObjects: ['urllib3.Timeout', 'urllib3.util.Timeout', 'urllib3.util.timeout.Timeout'],
    emptyTimeoutIsOff: true,
    url: { index: 1, keyword: 'url' },
    bodyMethods: ['json'],
    bodyAttributes: ['data'],
    statusChecks: ['status'],
    tlsKeywords: [],
    methodFirst: ['request', 'urlopen', 'request_encode_url', 'request_encode_body'],
    clientHost: { index: 0, keyword: 'host', schemes: { 'urllib3.HTTPConnectionPool': 'http', 'urllib3.HTTPSConnectionPool': 'https' } },
  },
  {
    label: 'http.client',
    modules: ['http.client'],
    functions: [],
    clients: ['http.client.HTTPConnection', 'http.client.HTTPSConnection'],
    methods: ['request'],
    timeoutDefault: 'constructor',
    bodyMethods: [],
    bodyAttributes: [],
    statusChecks: ['status'],
    tlsKeywords: [],
    methodFirst: ['request'],
    clientHost: { index: 0, keyword: 'host', schemes: { 'http.client.HTTPConnection': 'http', 'http.client.HTTPSConnection': 'https' } },
  },
  {
    label: 'websockets',
    modules: ['websockets', 'websocket'],
    functions: ['websockets.connect', 'websockets.client.connect', 'websocket.create_connection', 'websocket.WebSocketApp'],
    clients: [],
    methods: [],
    timeoutDefault: 'finite',
    url: { index: 0, keyword: 'uri' },
    bodyMethods: [],
    bodyAttributes: [],
    statusChecks: [],
    tlsKeywords: [],
  },
];

/**
 * TLS switches outside the HTTP clients' keywords: calls that build an unverified context,
 * attributes whose assignment turns a check off, and environment variables.
 */
export const PY_TLS = [
  {
    modules: ['ssl'],
    /** Calls that build a context checking no certificate. */
    unverifiedContext: ['ssl._create_unverified_context'],
    /** The factory whose replacement by an unverified one turns checks off process-wide. */
    defaultContext: ['ssl._create_default_https_context'],
    /** `ctx.verify_mode = ssl.CERT_NONE`, `ctx.check_hostname = False`. */
    offAssignments: [{ attribute: 'verify_mode', value: 'ssl.CERT_NONE' }, { attribute: 'check_hostname', value: 'False' }],
    certNone: ['ssl.CERT_NONE', 'CERT_NONE'],
    environment: ['PYTHONHTTPSVERIFY'],
    /**
     * A certificate probe (contract 1.4): a context used only to wrap a socket whose every use
     * reads the handshake (`tls.getpeercert(binary_form=True)`) is not a transport.
     */
    probe: {
      wrap: ['wrap_socket'],
      /** Context methods that configure it without using it. */
      setup: ['set_ciphers', 'set_alpn_protocols', 'load_default_certs', 'load_verify_locations', 'load_cert_chain', 'set_default_verify_paths'],
      handshakeReads: ['getpeercert', 'get_verified_chain', 'get_unverified_chain', 'cipher', 'shared_ciphers', 'version', 'selected_alpn_protocol', 'compression', 'server_hostname'],
      /** Socket methods that neither write nor read application data. */
      neutral: ['do_handshake', 'settimeout', 'close', 'shutdown', 'unwrap'],
    },
  },
];

/**
 * Broker and SDK connections, for the retry rules (contract 1.1: a reconnect loop around a
 * long-lived connection is a retry loop). `opens`: qualified calls that connect; `clients`:
 * constructors of a client or session whose `methods` talk to the server, called on the client
 * or on what one of its methods returns (`r.pubsub().listen()`, `connection.channel().start_consuming()`).
 */
export interface PyConnectionModel {
  label: string;
  modules: readonly string[];
  opens: readonly string[];
  clients: readonly string[];
  methods: readonly string[];
}

export const PY_CONNECTIONS: readonly PyConnectionModel[] = [
  {
    label: 'pika',
    modules: ['pika', 'aio_pika'],
    opens: ['pika.BlockingConnection', 'pika.SelectConnection', 'pika.adapters.blocking_connection.BlockingConnection', 'aio_pika.connect', 'aio_pika.connect_robust'],
    clients: ['pika.BlockingConnection', 'pika.adapters.blocking_connection.BlockingConnection'],
    methods: ['start_consuming', 'process_data_events', 'basic_get', 'consume'],
  },
  {
    label: 'redis',
    modules: ['redis'],
    opens: [],
    clients: ['redis.Redis', 'redis.StrictRedis', 'redis.from_url', 'redis.Redis.from_url', 'redis.asyncio.Redis', 'redis.asyncio.from_url', 'redis.asyncio.Redis.from_url'],
    methods: ['ping', 'subscribe', 'psubscribe', 'listen', 'get_message', 'blpop', 'brpop', 'blmove', 'brpoplpush', 'xread', 'xreadgroup'],
  },
  {
    label: 'Kafka',
    modules: ['kafka', 'aiokafka', 'confluent_kafka'],
    opens: ['kafka.KafkaConsumer', 'kafka.KafkaProducer'],
    clients: ['aiokafka.AIOKafkaConsumer', 'aiokafka.AIOKafkaProducer', 'confluent_kafka.Consumer'],
    methods: ['start', 'getone', 'getmany', 'poll', 'consume'],
  },
  {
    label: 'AWS SDK',
    modules: ['boto3', 'aiobotocore'],
    opens: [],
    clients: ['boto3.client', 'boto3.resource', 'aiobotocore.session.get_session', 'aiobotocore.session.AioSession', 'aiobotocore.get_session'],
    methods: ['create_client', 'receive_message', 'receive_messages', 'send_message', 'send_message_batch', 'publish', 'put_record', 'put_records', 'get_records', 'invoke'],
  },
  {
    label: 'google-cloud-pubsub',
    modules: ['google.cloud.pubsub_v1', 'google.cloud'],
    opens: [],
    clients: ['google.cloud.pubsub_v1.SubscriberClient'],
    methods: ['subscribe', 'pull'],
  },
  { label: 'NATS', modules: ['nats'], opens: ['nats.connect'], clients: [], methods: [] },
];

/** ASGI connection scopes a consumer reads the request from: Django Channels' `self.scope["query_string"]`. */
export const PY_REQUEST_SCOPES = [
  { modules: ['channels'], owners: ['self.scope'], keys: ['query_string', 'headers', 'cookies'] },
];

/** JWT libraries: the decode call, how it is told to skip the signature, and an always-unverified read. */
export const PY_JWT = [
  { modules: ['jwt'], decode: ['jwt.decode'], encode: ['jwt.encode'], unverified: [] as string[] },
  { modules: ['jose', 'jose.jwt'], decode: ['jose.jwt.decode'], encode: ['jose.jwt.encode'], unverified: ['jose.jwt.get_unverified_claims'] },
];

/** Logging: module functions, logger-like receivers and the methods that write. */
export const PY_LOGGERS = [
  {
    modules: ['logging', 'loguru', 'structlog'],
    functions: ['logging.debug', 'logging.info', 'logging.warning', 'logging.warn', 'logging.error', 'logging.exception', 'logging.critical', 'logging.log', 'loguru.logger', 'print'],
    receivers: /^(?:(?:self|cls|app|current_app)\.)?_?(?:logger|log|LOGGER|LOG|logging)$|^structlog\.get_logger\(\)$/,
    methods: ['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'log', 'msg', 'trace', 'success', 'fatal'],
    /** Calls that make a logger. */
    factories: ['logging.getLogger', 'structlog.get_logger', 'structlog.getLogger'],
    /** Ready-made logger objects a module exports (`from loguru import logger as log`). */
    instances: ['loguru.logger'],
    /** A logger's methods that return another logger writing to the same place (structlog/loguru `bind`, `getChild`). */
    derived: ['bind', 'new', 'opt', 'patch', 'getChild'],
  },
];

/** tenacity: its decorator and objects, where the wait and the bound go, and the ones that never grow or stop. */
export const PY_TENACITY = [
  {
    modules: ['tenacity'],
    decorators: ['tenacity.retry', 'tenacity.Retrying', 'tenacity.AsyncRetrying'],
    /** Retry controllers iterated by hand (`for attempt in Retrying(...): with attempt:`), configured as `@retry`. */
    controllers: ['tenacity.Retrying', 'tenacity.AsyncRetrying'],
    wait: 'wait',
    constantWaits: ['tenacity.wait_fixed', 'tenacity.wait_none'],
    stop: 'stop',
    endless: ['tenacity.stop_never'],
  },
];

/** backoff: its decorators, the wait generator that never grows, and the options that bound it. */
export const PY_BACKOFF = [
  {
    modules: ['backoff'],
    decorators: ['backoff.on_exception', 'backoff.on_predicate'],
    /** The wait generator is the first argument. */
    waitIndex: 0,
    constantWaits: ['backoff.constant'],
    bounds: ['max_tries', 'max_time'],
  },
];

/** urllib3's retry policy object and the adapter that takes one. */
export const PY_RETRY_POLICIES = [
  {
    modules: ['urllib3', 'requests'],
    retry: ['urllib3.Retry', 'urllib3.util.retry.Retry', 'urllib3.util.Retry', 'requests.packages.urllib3.util.retry.Retry'],
    adapter: ['requests.adapters.HTTPAdapter', 'requests.HTTPAdapter'],
    /** The Retry keyword listing the methods it resends (`method_whitelist` before urllib3 1.26); POST is left out by default. */
    methodKeywords: ['allowed_methods', 'method_whitelist'],
  },
];

/** Clocks: a loop that compares one of these readings with a deadline and leaves when it passes is bounded in time. */
export const PY_CLOCKS = [
  { modules: ['time'], calls: ['time.monotonic', 'time.monotonic_ns', 'time.time', 'time.time_ns', 'time.perf_counter', 'time.perf_counter_ns'] },
  { modules: ['datetime'], calls: ['datetime.datetime.now', 'datetime.datetime.utcnow', 'datetime.now', 'datetime.utcnow'] },
  { modules: ['django.utils'], calls: ['django.utils.timezone.now'] },
];

/** Enumeration base classes: a member of a class derived from one names a kind or a mode, it holds no secret. */
export const PY_ENUM_BASES = [
  { modules: ['enum'], bases: ['enum.Enum', 'enum.IntEnum', 'enum.StrEnum', 'enum.Flag', 'enum.IntFlag'] },
  { modules: ['django.db'], bases: ['django.db.models.TextChoices', 'django.db.models.IntegerChoices', 'django.db.models.Choices'] },
];

/**
 * Event logs of Ethereum-compatible chains (a receipt's or `eth_getLogs`' log, as web3.py and the
 * chain's JSON-RPC shape it): the first of its `topics` is the keccak hash of the event's
 * declaration, which names the event's kind and is public on the chain. Compared with a constant, it
 * asks which event a log is (contract 1.4: a kind value); later topics are the event's arguments.
 */
export const PY_EVENT_KIND_FIELDS = [
  // `pattern`: the read as a file writes it (attribute or key), which a rule test must show.
  { protocol: 'EVM event logs', field: 'topics', index: 0, pattern: /\btopics(?:\]|['"]\])?\[0\]/ },
];

/** Errors a JSON body parser raises on a body that is not JSON (any class named `JSONDecodeError` is one too). */
export const PY_DECODE_ERRORS = [
  { modules: ['json'], errors: ['ValueError', 'json.JSONDecodeError', 'json.decoder.JSONDecodeError'] },
  { modules: ['requests'], errors: ['requests.JSONDecodeError', 'requests.exceptions.JSONDecodeError'] },
];

/** Celery: tasks, their retry options, the exception that requeues and the calls that queue a task (`task.delay(...)`). */
export const PY_CELERY = [{
  modules: ['celery'],
  taskDecorators: ['task', 'shared_task'],
  reject: ['celery.exceptions.Reject'],
  dispatch: ['delay', 'apply_async', 'send_task'],
  /** What a task raises when it overruns its own time limit (billiard's, re-exported by celery): no call to another service failed. */
  timeLimitErrors: ['celery.exceptions.SoftTimeLimitExceeded', 'celery.exceptions.TimeLimitExceeded', 'billiard.exceptions.SoftTimeLimitExceeded', 'billiard.exceptions.TimeLimitExceeded'],
}];

/** Stripe's Python SDK: creations that move money, and where the idempotency key goes. */
export const PY_STRIPE = [
  {
    modules: ['stripe'],
    resources: ['stripe.Charge.create', 'stripe.PaymentIntent.create', 'stripe.Refund.create', 'stripe.Transfer.create', 'stripe.Payout.create'],
    clientServices: ['charges', 'payment_intents', 'refunds', 'transfers', 'payouts'],
    client: ['stripe.StripeClient'],
    keyword: 'idempotency_key',
  },
];

/** Web frameworks: how a route is registered, and how a view reads the request. */
export const PY_WEB_FRAMEWORKS = [
  {
    modules: ['flask', 'fastapi', 'starlette', 'django', 'rest_framework'],
    routeMethods: ['route', 'post', 'api_route', 'websocket'],
    postOnly: ['post'],
    apiView: 'api_view',
    /** Decorators only a Django view carries: a function under one is a view whatever its module's name. */
    djangoViewDecorators: ['django.views.decorators.csrf.csrf_exempt', 'django.views.decorators.http.require_POST', 'django.views.decorators.http.require_http_methods'],
    /** Keywords giving a router's path prefix, on its constructor (`APIRouter(prefix=)`, `Blueprint(url_prefix=)`) or where it is mounted. */
    prefixKeywords: ['prefix', 'url_prefix'],
    /** Methods mounting a router under a prefix: `app.include_router(router, prefix=)`, `app.register_blueprint(bp, url_prefix=)`. */
    mountMethods: ['include_router', 'register_blueprint'],
    /** How the base class of a class-based view ends: Django `View`, DRF `APIView` / `ModelViewSet`, Flask `MethodView`, Starlette `HTTPEndpoint`. */
    viewClassSuffixes: ['View', 'ViewSet', 'HTTPEndpoint'],
    /** Starlette's route: `Route(path, endpoint, methods=[...])`; a class endpoint answers the methods it defines. */
    starletteRoutes: ['starlette.routing.Route', 'Route'],
    /** Class methods making a class-based view's callable (Django's `View.as_view()`): a view calling one hands its request to that class's methods. */
    viewFactories: ['as_view'],
  },
];

/** Webhook providers: signature headers (as read from a request, and as FastAPI parameters) and their SDK verifiers. */
export const PY_WEBHOOK_VERIFIERS = [
  {
    modules: ['stripe', 'svix', 'standardwebhooks', 'slack_sdk', 'twilio', 'hmac'],
    headers: ['stripe-signature', 'x-hub-signature-256', 'x-hub-signature', 'x-slack-signature', 'svix-signature', 'webhook-signature', 'x-shopify-hmac-sha256', 'x-twilio-signature'],
    verifiers: ['stripe.Webhook.construct_event', 'stripe.WebhookSignature.verify_header', 'svix.webhooks.Webhook', 'svix.Webhook', 'standardwebhooks.Webhook', 'slack_sdk.signature.SignatureVerifier', 'twilio.request_validator.RequestValidator', 'hmac.new', 'hmac.compare_digest'],
    verifyMethods: ['construct_event', 'verify_header', 'verify', 'is_valid', 'is_valid_request', 'validate'],
    /** Methods that verify in a file importing their library, whatever the receiver: django-anymail's webhook views check the ESP's secret or signature in `run_validators(request)`. */
    importedVerifyMethods: [{ module: 'anymail', method: 'run_validators' }],
  },
];

/**
 * How a Python route says only a signed-in user (or an admin) may call it (unverified-webhook):
 * a provider's delivery carries no user session, so such a route manages webhooks (the app's own
 * hook settings) rather than receiving them. Rows are libraries' names; `PY_SIGNED_IN_NAMING`
 * reads the guards apps and libraries name by convention.
 */
export interface PySignedInRouteModel {
  label: string;
  modules: readonly string[];
  /** Calls whose first argument is a dependency of the route, on its parameters, its registration or its router (`Depends(get_current_user)`). */
  dependencyCalls?: readonly string[];
  /**
   * The view class attribute, and the decorator of function views, listing its permission classes
   * (`permission_classes = (WebhookKeyPermission,)`, `@permission_classes([IsAdminUser])`). Any
   * class there but an open one guards the view: it admits a signed-in user, or it is where the
   * app checks a signature.
   */
  permissionAttribute?: string;
  /** Permission classes that let anyone in. */
  openPermissions?: readonly string[];
  /** The attribute and decorator listing how a view authenticates: empty, nobody signs in, and its permission classes can ask for no user. */
  authenticationAttribute?: string;
  /**
   * The signed-in user as a view reads it (`request.user`, Flask-Login's `current_user`), its
   * flags that hold only for a signed-in (or privileged) user (`is_authenticated`, `is_superuser`,
   * `has_perm(...)`) and those that hold only for a visitor who is not (`is_anonymous`): a view
   * that raises or returns when no such user is there refuses a provider's delivery.
   */
  signedInUser?: { objects: readonly string[]; flags: readonly string[]; anonymousFlags: readonly string[] };
}

export const PY_SIGNED_IN_ROUTES: readonly PySignedInRouteModel[] = [
  { label: 'FastAPI', modules: ['fastapi'], dependencyCalls: ['Depends', 'Security'] },
  { label: 'Django REST framework', modules: ['rest_framework'], permissionAttribute: 'permission_classes', openPermissions: ['AllowAny'], authenticationAttribute: 'authentication_classes' },
  {
    label: 'Django',
    modules: ['django'],
    signedInUser: { objects: ['request.user', 'self.request.user'], flags: ['is_authenticated', 'is_superuser', 'is_staff', 'has_perm', 'has_perms', 'has_module_perms'], anonymousFlags: ['is_anonymous'] },
  },
  { label: 'Flask-Login', modules: ['flask_login'], signedInUser: { objects: ['current_user'], flags: ['is_authenticated'], anonymousFlags: ['is_anonymous'] } },
];

/**
 * The words (as `splitWords` gives them) of a dependency, decorator or base class name that
 * require a signed-in user: `get_current_user`, Flask-Login's and Django's `login_required`,
 * `user_passes_test`, `jwt_required`, `LoginRequiredMixin`, `BaseUserController`, an app's own
 * `allow_permission` / `requires_permission`.
 */
export interface PySignedInNaming {
  /** Every such name has one: who must be signed in. */
  userWords: readonly string[];
  /** A decorator needs one too (`login_required`, `is_admin`); a dependency's name alone suffices (`require_admin`, `current_user`). */
  requiringWords: readonly string[];
  /** The last word of a base class that guards its views (`LoginRequiredMixin`, `BaseUserController`). */
  baseKinds: readonly string[];
  /** Parts of a word that put the name on the hook or its signature (`user_from_webhook_token`): never a sign-in. */
  hookParts: readonly string[];
  /** Words that open the route to anyone (`allow_anonymous_user`): never a sign-in. */
  openWords: readonly string[];
}

export const PY_SIGNED_IN_NAMING: PySignedInNaming = {
  userWords: ['user', 'users', 'admin', 'superuser', 'staff', 'login', 'authenticated', 'permission', 'permissions', 'jwt'],
  requiringWords: ['required', 'require', 'requires', 'passes', 'current', 'get', 'authenticated', 'is', 'allow', 'allowed'],
  baseKinds: ['controller', 'mixin', 'view', 'resource'],
  hookParts: ['hook', 'sig', 'hmac'],
  openWords: ['any', 'anonymous', 'anon', 'public', 'optional'],
};

/** Calls that bind a function's leading arguments and hand it on as a callback (`functools.partial(on_message, db)`). */
export const PY_CALLBACK_BINDERS = [{ modules: ['functools'], names: ['functools.partial'] }];

/** RabbitMQ clients: consume keywords, acks, nacks with their requeue defaults, where a delivery count shows. */
export const PY_RABBITMQ = [
  {
    modules: ['pika', 'aio_pika'],
    callbackKeywords: ['on_message_callback', 'callback'],
    autoAck: ['auto_ack', 'no_ack'],
    acks: ['basic_ack', 'ack'],
    /** Requeue defaults when `requeue=` is not given: pika's nack and reject requeue, aio-pika's reject does not. */
    nacks: [{ name: 'basic_nack', requeueDefault: true }, { name: 'basic_reject', requeueDefault: true }, { name: 'nack', requeueDefault: true }, { name: 'reject', requeueDefault: false }],
    deliveryCounts: ['redelivered', 'x-death', 'x-delivery-count', 'delivery_count', 'retry_count', 'retries'],
    /** aio-pika's context manager on the message that acks it when its block ends without an exception (`async with message.process():`). */
    ackingContexts: ['process'],
    /** How an aio-pika message's payload is read (`message.body`); pika hands the callback the body itself. Its delivery fields (`redelivered`, `headers`) are no content. */
    content: { keys: [], attributes: ['body'] },
    /** Flags a consumer sets while it stops: a requeue under them hands the message to another consumer. */
    shutdownFlags: ['shutting_down', 'shutdown', 'closing', 'stopping', 'draining', 'terminating'],
  },
];

/** Kafka clients: consumers iterated (`for msg in consumer`) or polled (confluent), the explicit commit and the message's accessors. */
export const PY_KAFKA = [
  {
    modules: ['kafka', 'aiokafka', 'confluent_kafka'],
    consumers: ['kafka.KafkaConsumer', 'aiokafka.AIOKafkaConsumer'],
    polled: ['confluent_kafka.Consumer'],
    acks: ['commit'],
    /** A confluent message's accessors (`msg.value()`): reading the message, not working on it. */
    messageReaders: ['value', 'key', 'headers', 'topic', 'partition', 'offset', 'error', 'timestamp'],
    /** How a record's payload is read (`msg.value`, confluent's `msg.value()`); its other accessors are no content. */
    content: { keys: [], attributes: ['value'] },
  },
];

/** SQS through boto3 / aiobotocore: deleting a received message is its acknowledgement. */
/**
 * `content`: how a received message's payload is read (`m["Body"]`, `m.get("Body")`, a resource
 * message's `message.body`); its other fields (`MessageId`, `ReceiptHandle`) are no content.
 */
export const PY_SQS = [{ modules: ['boto3', 'aiobotocore'], acks: ['delete_message', 'delete'], content: { keys: ['Body'], attributes: ['body'] } }];

/** Google Cloud Pub/Sub: a subscriber callback acks its message. */
export const PY_PUBSUB = [{ modules: ['google.cloud.pubsub_v1', 'google.cloud'], acks: ['ack'], /** The payload (`message.data`); `attributes`, `message_id`, `delivery_attempt` are no content. */ content: { keys: [], attributes: ['data'] } }];

/**
 * Publishes: coroutines that must be awaited, futures that must be kept, callbacks that must be
 * given, and (for the integration map) calls that confirm before they return. `broker` names
 * the library on the map; `destination` is where the queue or topic is given.
 */
export const PY_PUBLISHES = [
  { broker: 'aio-pika', modules: ['aio_pika'], coroutines: ['publish'], receivers: /exchange$/i, destination: { keywords: ['routing_key'] } },
  { broker: 'aiokafka', modules: ['aiokafka'], coroutines: ['send', 'send_and_wait'], producer: 'aiokafka.AIOKafkaProducer', destination: { index: 0, keywords: ['topic'] } },
  { broker: 'aiobotocore SQS', modules: ['aiobotocore'], coroutines: ['send_message'], receivers: /sqs|client/i, destination: { keywords: ['QueueUrl'] } },
  { broker: 'kafka-python', modules: ['kafka'], futures: ['send'], producer: 'kafka.KafkaProducer', destination: { index: 0, keywords: ['topic'] } },
  { broker: 'google-cloud-pubsub', modules: ['google.cloud.pubsub_v1'], futures: ['publish'], producer: 'google.cloud.pubsub_v1.PublisherClient', destination: { index: 0, keywords: ['topic'] } },
  { broker: 'confluent-kafka', modules: ['confluent_kafka'], callbackRequired: ['produce'], producer: 'confluent_kafka.Producer', callbackKeywords: ['on_delivery', 'callback'], destination: { index: 0, keywords: ['topic'] } },
  { broker: 'pika', modules: ['pika'], confirmed: ['basic_publish'], receivers: /channel$/i, destination: { index: 1, keywords: ['routing_key'] } },
  { broker: 'boto3 SQS', modules: ['boto3'], confirmed: ['send_message', 'send_message_batch'], receivers: /sqs|client/i, destination: { keywords: ['QueueUrl'] } },
];

/**
 * Schema validation (contract 1.4, unchecked-response-status): a body given to a schema fails
 * loudly when it is an error page. `bases` make a class in the file a schema; `classMethods`
 * validate their argument (pydantic's names are its own, so any class calling them is a model
 * in a file importing the module); `instanceMethods` validate on a schema instance
 * (marshmallow `OrderSchema().load(...)`); `constructs`: `Model(**body)` validates too.
 */
export const PY_SCHEMA_VALIDATORS = [
  { modules: ['pydantic'], bases: ['pydantic.BaseModel'], classMethods: ['model_validate', 'model_validate_json', 'parse_obj', 'parse_raw'], instanceMethods: ['validate_python', 'validate_json'], constructs: true },
  { modules: ['marshmallow'], bases: ['marshmallow.Schema'], classMethods: [], instanceMethods: ['load', 'loads'], constructs: false },
];

/** Calls that take a secret (contract, hardcoded-credential's Python sinks): a literal there is hardcoded. */
export const PY_SECRET_SINKS = [
  { modules: ['jwt'], names: ['jwt.encode', 'jwt.decode'], argument: 1, keyword: 'key', label: 'jwt.encode/decode' },
  { modules: ['jose'], names: ['jose.jwt.encode', 'jose.jwt.decode'], argument: 1, keyword: 'key', label: 'python-jose jwt' },
  { modules: ['hmac'], names: ['hmac.new'], argument: 0, keyword: 'key', label: 'hmac.new' },
  { modules: ['stripe'], names: ['stripe.StripeClient'], argument: 0, keyword: 'api_key', label: 'The Stripe client' },
  { modules: ['twilio'], names: ['twilio.rest.Client'], argument: 1, keyword: 'password', label: 'The Twilio client' },
  { modules: ['requests'], names: ['requests.auth.HTTPBasicAuth', 'requests.auth.HTTPDigestAuth', 'requests.HTTPBasicAuth'], argument: 1, keyword: 'password', label: 'HTTPBasicAuth' },
  { modules: ['httpx'], names: ['httpx.BasicAuth', 'httpx.DigestAuth'], argument: 1, keyword: 'password', label: 'httpx.BasicAuth' },
  { modules: ['aiohttp'], names: ['aiohttp.BasicAuth'], argument: 1, keyword: 'password', label: 'aiohttp.BasicAuth' },
];

/**
 * Settings readers that take a fallback: a literal fallback of a credential-named setting is a
 * hardcoded credential (`os.getenv("DB_PASSWORD", "<literal>")`, `config("SECRET_KEY", default=...)`).
 * `source` is where the integration map says the setting comes from; `mappings` are read by subscript (`os.environ["X"]`).
 */
export const PY_SETTING_READERS = [
  { modules: ['os'], names: ['os.getenv', 'os.environ.get', 'os.environ.setdefault'], fallback: 1, keyword: 'default', source: 'env' as const, mappings: ['os.environ'] },
  { modules: ['decouple', 'environ'], names: ['decouple.config', 'config', 'env', 'env.str', 'environ.Env'], fallback: undefined, keyword: 'default', source: 'config' as const, mappings: [] as string[] },
];

/**
 * Field declarations of typed classes (`api_key: str = Field(default="...")`): the attribute takes
 * the declared default unless its input or environment sets it, as a setting takes a reader's
 * fallback. `index` is the default's positional place, where the signature has one.
 */
export const PY_FIELD_DEFAULTS = [
  { modules: ['pydantic', 'sqlmodel'], names: ['pydantic.Field', 'pydantic.fields.Field', 'sqlmodel.Field'], keyword: 'default', index: 0 as number | undefined },
  { modules: ['dataclasses'], names: ['dataclasses.field'], keyword: 'default', index: undefined },
  { modules: ['attr', 'attrs'], names: ['attr.ib', 'attr.attrib', 'attr.field', 'attrs.field'], keyword: 'default', index: 0 },
];

/**
 * Application objects whose `.config` mapping holds the application's own configuration
 * (`app.config["JOB_TOKEN"]`): the proxy for the current one, or an instance of the class.
 */
export const PY_APP_CONFIGS = [
  { modules: ['flask'], proxies: ['flask.current_app'], classes: ['flask.Flask'] },
];

/** Settings objects loaded once at start-up (`django.conf.settings`): a plain read of an attribute gives the same value on every attempt of a loop. */
export const PY_SETTINGS_OBJECTS = [
  { modules: ['django'], names: ['django.conf.settings'] },
];

/**
 * Provider SDKs for the integration map: a call through the module (`stripe.Refund.create`) or
 * through a client it makes (`client.messages.create`) is a call to the provider. `provider`
 * is the name the webhook models give it, so its webhooks and calls are one system.
 */
export const PY_PROVIDER_SDKS = [
  { provider: 'Stripe', modules: ['stripe'], clients: ['stripe.StripeClient'] },
  { provider: 'Twilio', modules: ['twilio'], clients: ['twilio.rest.Client'] },
  { provider: 'Slack', modules: ['slack_sdk'], clients: ['slack_sdk.WebClient', 'slack_sdk.web.WebClient', 'slack_sdk.web.async_client.AsyncWebClient'] },
  { provider: 'SendGrid', modules: ['sendgrid'], clients: ['sendgrid.SendGridAPIClient'] },
];

/**
 * Who acknowledges a consumed message: `auto` the broker or runtime on delivery, `manual` the
 * handler, `option` auto when the consume call says so (`auto_ack=True`), or a setting on the
 * consumer (`enable_auto_commit`, a config dict's `enable.auto.commit`, Celery's `acks_late`)
 * that makes it manual when it equals `manualWhen`.
 */
export type PyAckMode = 'auto' | 'manual' | 'option' | { keywords?: readonly string[]; configKeys?: readonly string[]; manualWhen: boolean };

/**
 * The integration map's consumers, by the broker `analysis/python/message-handlers.ts` names:
 * the library's name on the map (by the module its consumer comes from, where several share a
 * broker), how messages are acknowledged, and where the queue or topic is given — on the
 * consume call, or on the constructor of its receiver (`onReceiver`: aio-pika's declared queue).
 */
export const PY_CONSUMERS: ReadonlyArray<{ broker: string; label: string; labels?: Readonly<Record<string, string>>; ack: PyAckMode; destination?: { index?: number; keywords: readonly string[] }; onReceiver?: boolean }> = [
  { broker: 'pika', label: 'pika', ack: 'option', destination: { index: 0, keywords: ['queue'] } },
  { broker: 'aio-pika', label: 'aio-pika', ack: 'option', destination: { index: 0, keywords: ['name'] }, onReceiver: true },
  { broker: 'kafka', label: 'kafka-python', labels: { aiokafka: 'aiokafka' }, ack: { keywords: ['enable_auto_commit'], manualWhen: false }, destination: { index: 0, keywords: [] } },
  { broker: 'confluent', label: 'confluent-kafka', ack: { configKeys: ['enable.auto.commit'], manualWhen: false }, onReceiver: true },
  { broker: 'sqs', label: 'boto3 SQS', ack: 'manual' },
  { broker: 'lambda', label: 'AWS Lambda (SQS)', ack: 'auto' },
  { broker: 'pubsub', label: 'google-cloud-pubsub', ack: 'manual', destination: { index: 0, keywords: ['subscription'] } },
  { broker: 'celery', label: 'celery', ack: { keywords: ['acks_late'], manualWhen: true }, destination: { keywords: ['queue'] } },
];
