import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'app/settings.py' });
// A fake GitHub token, assembled from parts so secret scanners leave this file alone.
const GITHUB = 'gh' + 'p_' + 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d';
const PEM_IN_COMMENTS = ['# -----BEGIN RSA ' + 'PRIVATE KEY-----', '# MIIEowIBAAKCAQEAu7Zk9Qx2mLp4Rt8Vw3Nd6Yb1Cs5Ef9Gh2Jk4Lm7Np0Qr3St6U', '# -----END RSA ' + 'PRIVATE KEY-----', 'KEY_PATH = "keys/app.pem"'].join('\n');

ruleTester('hardcoded-credential', {
  valid: [
    { ...py(`def pagerduty_headers(key):\n    return {"Authorization": "Token token=<your-api-token>", "X-Routing-Key": key}\nHEADERS = {"Authorization": "Token token=YOUR_API_TOKEN"}`), name: 'a placeholder after a key= prefix in an Authorization header' },
    py(`import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDB_PASSWORD = os.getenv("DB_PASSWORD")`),
    py(`import jwt\ntoken = jwt.encode(payload, settings.JWT_SECRET, algorithm="HS256")`),
    py(`import jwt\ntoken = jwt.encode(payload, "<your-secret-here>", algorithm="HS256")`),
    py(`import getpass\npassword = getpass.getpass()`),
    py(`TOKEN_URL = "https://oauth2.example.com/token"\nsecret_name = "prod/db"`),
    py(`import requests\nrequests.get(url, auth=(user, password), timeout=5)`),
    { ...py(`import razorpay\nclient = razorpay.Client(auth=(KEY_ID, os.environ["RAZORPAY_KEY_SECRET"]))`), name: 'an SDK client given its secret from the environment' },
    py(`import os\nAPI_TOKEN = os.getenv("API_TOKEN") or ""`),
    { ...py(`render(title="Docs: setup", theme="solar-winds-dark")`), name: 'a colon in an earlier string does not make the next keyword an annotation' },
    {
      name: "a test's typed passphrase that spells out what it is, in a form post or a URL's password, is a fake",
      filename: 'src/tests/orga/views/test_auth.py',
      code: `def test_reset(client):
    client.post(url, {"password": "brandnewpassword1!", "password_repeat": "brandnewpassword1!"})
    uri = URI(scheme="https", username="me", password="mypasswordwith%40", host="git.example.com")`,
    },
    {
      name: 'a formatted literal is a template: the binding gets the result of the formatting, not a literal',
      ...py(`def url(user, password, token, values):
    auth = "{user}:{password}@".format(user=user, password=password)
    auth = "{token}@".format(token=token)
    secret = "%s:%s@" % (user, password)
    credentials = "%(user)s:%(password)s" % {"user": user, "password": password}
    api_key = "{prefix}-{key}".format_map(values)
    params = {"token": "{}@" "{}".format(token, user)}
    secret = u"string:" + config.get("beaker.session.secret")
    headers = {"api_key": "key-" + tenant.key_suffix}
    return auth`),
    },
    {
      name: 'a credential-named key or assignment in a comment or a docstring is documentation, not a binding',
      ...py(`# The API answers:
#     {"name": "Jordan", "token": "2e82c1e4e8b0091fdaa34ff3972351821406f796"}
#   "auth": "k9Xzm43nBGo=",
def parse(data):
    """Reads an answer such as {"token": "2e82c1e4e8b0091fdaa34ff3972351821406f796"}.

    Call it with password="k8Jd92mQx7Lp0Za3" in tests.
    """
    return data["name"]  # token = "k8Jd92mQx7Lp0Za3"
def other():
    '''api_key = "k8Jd92mQx7Lp0Za3"'''`),
    },
    {
      name: 'a URL whose password place holds a {name} template, the @ after it in the query, documents a format',
      ...py(`# Syntax:
#    postmark://{apikey}:{from_email}?bcc=bcc@example.com
#    postmark://{apikey}:{from_email}#cc=cc@example.com
SYNTAX = "postmark://{apikey}:{from_email}?reply=reply@example.com"`),
    },
    { ...py(`class Resources:\n    _credential = r'credentials/\\d+/'\n    _credentials = 'credentials/'\n    _token = r'^tokens/(?P<pk>\\d+)/$'\nclass urls:\n    auth = "{base}auth/"`), name: 'route paths and route templates are not credentials' },
    { ...py(`import os\nfrom dataclasses import dataclass\n@dataclass(frozen=True)\nclass DatabaseConfig:\n    host: str = os.getenv("PGHOST", "localhost")\n    user: str = os.getenv("PGUSER", "svc-worker-7Kq")\n    password: str = os.getenv("PGPASSWORD", "")\n    api_key: str = os.environ.get("PARTNER_KEY", "<your-api-key>")`), name: 'dataclass fields read from the environment: fallbacks that are no credential, or empty, or placeholders' },
    { ...py(`def connect(password: str, user: str = "svc-worker-7Kq", token_url: str = "https://auth.example.com/token") -> str:\n    return user`), name: "a parameter's default is judged by its own name, not an earlier annotated parameter's" },
  ],
  invalid: [
    { ...py(PEM_IN_COMMENTS), name: 'a PEM block written in # comments', errors: [{ line: 1, message: /PEM private key/ }] },
    { ...py(`import os\nfrom dataclasses import dataclass\n@dataclass(frozen=True)\nclass DatabaseConfig:\n    user: str = os.getenv("PGUSER", "svc-worker-7Kq")\n    password: str = os.getenv("PGPASSWORD", "pg-worker-Local7")`), errors: [{ line: 6, message: /in `password`/, suggestions: [{ messageId: 'dropFallback', output: `import os\nfrom dataclasses import dataclass\n@dataclass(frozen=True)\nclass DatabaseConfig:\n    user: str = os.getenv("PGUSER", "svc-worker-7Kq")\n    password: str = os.environ["PGPASSWORD"]` }] }], name: 'an env fallback bound to a credential-named field, the variable not credential-named' },
    { ...py(`from decouple import config\nclass Settings:\n    db_password: str = config(\n        "PGPASS",\n        default="pg-worker-Local7",\n    )`), errors: [{ line: 5, message: /in `PGPASS`/ }], name: 'a config() default bound to a credential-named attribute' },
    { ...py(`def connect(dsn: str, password: str = "s3cret-Default-Pw") -> str:\n    return dsn`), errors: [{ line: 1, message: /in `password`/, suggestions: [{ messageId: 'useVariable', output: `import os\ndef connect(dsn: str, password: str = os.environ["PASSWORD"]) -> str:\n    return dsn` }] }], name: 'a typed default parameter after an annotated one' },
    { ...py(`def connect(dsn: Dict[str, str], *, api_token: Optional[str] = "k8Jd92mQx7Lp0Za3"):\n    return dsn`), errors: [{ line: 1, message: /in `api_token`/, suggestions: [{ messageId: 'useVariable', output: `import os\ndef connect(dsn: Dict[str, str], *, api_token: Optional[str] = os.environ["API_TOKEN"]):\n    return dsn` }] }], name: 'an annotated parameter after one whose annotation holds a comma' },
    { ...py(`AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ3kT9/"`), errors: [{ line: 1, suggestions: [{ messageId: 'useVariable', output: `import os\nAWS_SECRET = os.environ["AWS_SECRET"]` }] }], name: 'a base64 value ending in a slash is no route' },
    { ...py(`HEADERS = {"Authorization": "Token token=9f8e7d6c5b4a3f2e1d0c"}`), errors: [{ line: 1, message: /Authorization header/ }], name: 'a literal after a key= prefix in an Authorization header' },
    { ...py(`import jwt\ntoken = jwt.encode(payload, "k8Jd92mQx7Lp0Za3", algorithm="HS256")`), errors: [{ line: 2, message: /^Hardcoded secret passed to jwt\.encode\/decode/ }] },
    { ...py(`import hmac, hashlib\ndigest = hmac.new(b"k8Jd92mQx7Lp0Za3", body, hashlib.sha256).hexdigest()`), errors: [{ line: 2, message: /hmac\.new/ }] },
    { ...py(`from requests.auth import HTTPBasicAuth\nauth = HTTPBasicAuth("svc", "k8Jd92mQx7Lp0Za3")`), errors: [{ line: 2 }] },
    { ...py(`import requests\nrequests.get(url, auth=("svc", "k8Jd92mQx7Lp0Za3"), timeout=5)`), errors: [{ line: 2, message: /the auth tuple of requests\.get/ }] },
    { ...py(`import razorpay\nclient = razorpay.Client(auth=(KEY_ID, "Xk29vLq7RmT4wP8zN3cB6dF1"))`), errors: [{ line: 2, message: /the auth tuple of razorpay\.Client/ }], name: 'an auth=(id, secret) tuple given to an SDK client' },
    { ...py(`import os\nAPI_TOKEN = os.getenv("API_TOKEN") or "k8Jd92mQx7Lp0Za3"`), errors: [{ line: 2, message: /^Hardcoded credential in `API_TOKEN`/ }] },
    { ...py(`from decouple import config\nSECRET_KEY = config("SECRET_KEY", default="k8Jd92mQx7Lp0Za3")`), errors: [{ line: 2 }] },
    { ...py(`import os\nos.environ.setdefault("API_TOKEN", "k8Jd92mQx7Lp0Za3")`), errors: [{ line: 2 }] },
    { ...py(`import aiohttp\nauth = aiohttp.BasicAuth("svc", "k8Jd92mQx7Lp0Za3")`), errors: [{ line: 2 }] },
    { ...py(`from twilio.rest import Client\nclient = Client(ACCOUNT_SID, "k8Jd92mQx7Lp0Za3")`), errors: [{ line: 2, message: /Twilio/ }] },
    { name: 'a generated-looking token in a test is still found, as a hint: test data', filename: 'tests/test_credential.py', code: `inputs = {"token": "7rEZK38DJl58A7RxA6EC7lLvUHbBQ1"}`, errors: [{ line: 1, severity: 'hint', suggestions: [{ messageId: 'useVariable', output: `import os\ninputs = {"token": os.environ["TOKEN"]}` }] }] },
    { name: "a test's mail URL password is a hint; the same URL in the app is an error", filename: 'test/test_email.py', code: `URL = "mailtos://user:k9Xq2LmP7vR4tZ8w@mail.example.com"`, errors: [{ line: 1, severity: 'hint', message: /password in a URL/, suggestions: [{ messageId: 'useVariable', output: `import os\nURL = os.environ["MAILTOS_URL"]` }] }] },
    { ...py(`URL = "mailtos://user:k9Xq2LmP7vR4tZ8w@mail.example.com"`), errors: [{ line: 1, severity: 'error', message: /password in a URL/, suggestions: [{ messageId: 'useVariable', output: `import os\nURL = os.environ["MAILTOS_URL"]` }] }] },
    { ...py(`gateway = Gateway(endpoint="https://pay.example.org:8443/v2", retries=3, signing_key="Zr7vQ2mK9xLp4Tn8")`), errors: [{ line: 1, message: /in `signing_key`/, suggestions: [{ messageId: 'useVariable', output: `import os\ngateway = Gateway(endpoint="https://pay.example.org:8443/v2", retries=3, signing_key=os.environ["SIGNING_KEY"])` }] }], name: 'a credential keyword after an argument whose URL holds a colon' },
    { name: 'a known token in a formatted literal is still reported', ...py(`url = "https://api.example.com/{path}?token=${GITHUB}".format(path=path)`), errors: [{ line: 1, message: /GitHub/ }] },
    { name: 'a literal given to a credential keyword of a format call is still reported', ...py(`auth = "{user}:{password}@".format(user=user, password="k8Jd92mQx7Lp0Za3")`), errors: [{ line: 1, message: /in `password`/, suggestions: [{ messageId: 'useVariable', output: `import os\nauth = "{user}:{password}@".format(user=user, password=os.environ["PASSWORD"])` }] }] },
    { name: 'literals added to each other are still a literal, and a known token added to a value is still reported', ...py(`API_TOKEN = "k8Jd92mQx7Lp0Za3" + "Vb4Nc8Xz"\nurl = "${GITHUB}" + path`), errors: [{ line: 1, message: /in `API_TOKEN`/, suggestions: [{ messageId: 'useVariable', output: `import os\nAPI_TOKEN = os.environ["API_TOKEN"] + "Vb4Nc8Xz"\nurl = "${GITHUB}" + path` }] }, { line: 2, message: /GitHub/ }] },
    { name: 'a credential bound to a literal beside a formatted template is still reported', ...py(`password = "k8Jd92mQx7Lp0Za3"\nauth = "{}:{}@".format(user, password)`), errors: [{ line: 1, message: /in `password`/, suggestions: [{ messageId: 'useVariable', output: `import os\npassword = os.environ["PASSWORD"]\nauth = "{}:{}@".format(user, password)` }] }] },
    {
      name: 'a # inside a string, or an apostrophe in a comment, does not hide the binding after it',
      ...py(`# don't commit this
HOME = "https://example.org/#top"; API_TOKEN = "k8Jd92mQx7Lp0Za3"  # "token": "see above"`),
      errors: [{ line: 2, message: /in `API_TOKEN`/, suggestions: [{ messageId: 'useVariable', output: `import os\n# don't commit this\nHOME = "https://example.org/#top"; API_TOKEN = os.environ["API_TOKEN"]  # "token": "see above"` }] }],
    },
    { name: 'a known token in a comment or a docstring is still reported', ...py(`# ${GITHUB}\ndef f():\n    """Use ${GITHUB}."""`), errors: [{ line: 1, message: /GitHub/ }, { line: 3, message: /GitHub/ }] },
    { name: 'a URL password that is no template, with a ? in it, is still reported', ...py(`CACHE = "redis://app:Pa?ss9word@cache.example.com/0"`), errors: [{ line: 1, message: /password in a URL/, suggestions: [{ messageId: 'useVariable', output: `import os\nCACHE = os.environ["REDIS_URL"]` }] }] },
  ],
});

// Blind set python7: a literal after `or` in a credential-named binding is a fallback whatever the
// left side reads (a dynaconf or config object's `.get`, a call of the project's own).
ruleTester('hardcoded-credential', {
  valid: [
    { ...py(`from dynaconf import Dynaconf\ndyn = Dynaconf()\nSIGNING_SECRET = dyn.get("signing_secret") or "<signing-secret>"\nREGION = dyn.get("region") or "eu-west-1"\nAPI_KEY = dyn.get("api_key") or ""\nok = dyn.get("token") or "k8Jd92mQx7Lp0Za3"`), name: 'placeholders, names that are no credential, empty fallbacks and unbound expressions' },
  ],
  invalid: [
    { ...py(`from dynaconf import Dynaconf\ndyn = Dynaconf()\nSIGNING_SECRET = dyn.get("signing_secret") or "d7f1e8c2b9a4"\ndef connect(cfg, password=load_password() or "Pg-local-7731"):\n    client = Client(api_token=cfg.token or "k8Jd92mQx7Lp0Za3")`), errors: [{ line: 3, column: 47, message: /in `SIGNING_SECRET`/, suggestions: [] }, { line: 4, message: /in `password`/ }, { line: 5, message: /in `api_token`/ }], name: 'a fallback after `or` in a binding, an argument and a default' },
  ],
});

// Real-code set five (rotki): a bytes literal of raw binary (bytes that are no text: control bytes,
// or no valid UTF-8) is no password or token, which are typed or sent as text; it is an event hash
// named like one. Key material is raw bytes as often as text, and a bytes literal of text is text.
ruleTester('hardcoded-credential', {
  valid: [
    { ...py(`REDEEM_COMPOUND_TOKEN = b'\\xe5\\xb7T\\xfb\\x1a\\xbb\\x7f\\x01\\xb4\\x99y\\x1d\\x0b\\x82\\n\\xe3\\xb6\\xaf4$\\xac\\x1cYv\\x8e\\xdbS\\xf4\\xec1\\xa9)'\nMINT_AUTH: Final = b"\\xcf_\\x9d\\xe2\\x98A2&R\\x03\\xb5\\xc35\\xb2W'p,\\xa7rb\\xffb.\\x13k\\xaasb\\xbf\\x1d\\xa9"`), name: 'raw binary bound to a token or auth name' },
  ],
  invalid: [
    { ...py(`app.secret_key = b'_5#y2L"F4Q8z\\n\\xec]/'\nSIGNING_KEY = b'\\xe5\\xb7T\\xfb\\x1a\\xbb\\x7f\\x01\\xb4\\x99y\\x1d\\x0b\\x82'\nAPI_TOKEN = b'k8Jd92mQx7Lp0Za3'\nDB_PASSWORD = b'p\\xc3\\xa4ssw0rd-Local7'\nSERVICE_TOKEN = rb'\\xe5\\xb7T\\xfb\\x1a\\xbb\\x7f\\x01'`), errors: [{ line: 1, suggestions: [{ messageId: 'useVariable', output: `import os\napp.secret_key = os.environ['SECRET_KEY'].encode()\nSIGNING_KEY = b'\\xe5\\xb7T\\xfb\\x1a\\xbb\\x7f\\x01\\xb4\\x99y\\x1d\\x0b\\x82'\nAPI_TOKEN = b'k8Jd92mQx7Lp0Za3'\nDB_PASSWORD = b'p\\xc3\\xa4ssw0rd-Local7'\nSERVICE_TOKEN = rb'\\xe5\\xb7T\\xfb\\x1a\\xbb\\x7f\\x01'` }] }, { line: 2, suggestions: [{ messageId: 'useVariable', output: `import os\napp.secret_key = b'_5#y2L"F4Q8z\\n\\xec]/'\nSIGNING_KEY = os.environ['SIGNING_KEY'].encode()\nAPI_TOKEN = b'k8Jd92mQx7Lp0Za3'\nDB_PASSWORD = b'p\\xc3\\xa4ssw0rd-Local7'\nSERVICE_TOKEN = rb'\\xe5\\xb7T\\xfb\\x1a\\xbb\\x7f\\x01'` }] }, { line: 3, suggestions: [{ messageId: 'useVariable', output: `import os\napp.secret_key = b'_5#y2L"F4Q8z\\n\\xec]/'\nSIGNING_KEY = b'\\xe5\\xb7T\\xfb\\x1a\\xbb\\x7f\\x01\\xb4\\x99y\\x1d\\x0b\\x82'\nAPI_TOKEN = os.environ['API_TOKEN'].encode()\nDB_PASSWORD = b'p\\xc3\\xa4ssw0rd-Local7'\nSERVICE_TOKEN = rb'\\xe5\\xb7T\\xfb\\x1a\\xbb\\x7f\\x01'` }] }, { line: 4, suggestions: [{ messageId: 'useVariable', output: `import os\napp.secret_key = b'_5#y2L"F4Q8z\\n\\xec]/'\nSIGNING_KEY = b'\\xe5\\xb7T\\xfb\\x1a\\xbb\\x7f\\x01\\xb4\\x99y\\x1d\\x0b\\x82'\nAPI_TOKEN = b'k8Jd92mQx7Lp0Za3'\nDB_PASSWORD = os.environ['DB_PASSWORD'].encode()\nSERVICE_TOKEN = rb'\\xe5\\xb7T\\xfb\\x1a\\xbb\\x7f\\x01'` }] }, { line: 5, suggestions: [{ messageId: 'useVariable', output: `import os\napp.secret_key = b'_5#y2L"F4Q8z\\n\\xec]/'\nSIGNING_KEY = b'\\xe5\\xb7T\\xfb\\x1a\\xbb\\x7f\\x01\\xb4\\x99y\\x1d\\x0b\\x82'\nAPI_TOKEN = b'k8Jd92mQx7Lp0Za3'\nDB_PASSWORD = b'p\\xc3\\xa4ssw0rd-Local7'\nSERVICE_TOKEN = os.environ['SERVICE_TOKEN'].encode()` }] }], name: 'raw binary key material, and bytes literals of text (printable, UTF-8, raw escapes); the variable read as bytes' },
  ],
});

/**
 * A settings module of `NAME = "literal"` lines, each a credential: one finding per line, whose
 * quick fix reads that name from the environment.
 */
function eachLineReported(lines: readonly string[], name: string) {
  return {
    ...py(lines.join('\n')),
    name,
    errors: lines.map((line, index) => {
      const binding = line.split(' ')[0];
      const output = ['import os', ...lines.map((other, at) => (at === index ? `${binding} = os.environ["${binding}"]` : other))].join('\n');
      return { line: index + 1, message: new RegExp(`in \`${binding}\``), suggestions: [{ messageId: 'useVariable', output }] };
    }),
  };
}

// Real-code set seven: a regular expression a password must match, and an object named by its
// module path (the entry-point form), say what or where something is; neither is a credential.
ruleTester('hardcoded-credential', {
  valid: [
    { ...py(`REGEX_PASSWORD = r"^[a-zA-Z0-9]{12,}$"\nOTP_TOKEN = r"^\\d{6}$"\n_factories = {\n    "api-token": "ckan.tests.factories:APIToken",\n    "auth": "myapp.auth.backends:TokenBackend.build",\n}`), name: 'an anchored pattern with a quantified class, and module.path:Object references' },
  ],
  invalid: [
    eachLineReported(['ADMIN_PASSWORD = "^Secr3t-Pa55$"', 'SERVICE_TOKEN = "svc.deploy:Kq8vT2mZ9x"', 'API_SECRET = "^[k8Jd92mQx7Lp0Za3"'], 'a password between ^ and $ with no quantified class, a user.name:password pair, and an unclosed class'),
  ],
});

// Real-code set seven (class DC): a value in words that says the secret is missing or unused
// (a dependency's required setting filled with a note, a sentinel start-up refuses) is a placeholder.
ruleTester('hardcoded-credential', {
  valid: [
    { ...py(`DRF_RECAPTCHA_SECRET_KEY = "not-active"\nDEFAULT_SECRET_KEY = 'secret-key-missing!'\nAPI_TOKEN = "token_not_set"`), name: 'notes that the secret is missing or not in use' },
  ],
  invalid: [
    eachLineReported(['SESSION_SECRET = "active-session-secret"', 'ADMIN_PASSWORD = "missing-horse-battery"', 'API_TOKEN = "not-active-9f8e7d6c5b"'], 'a state that is no absence, and absence words beside other words'),
  ],
});
