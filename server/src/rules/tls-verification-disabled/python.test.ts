import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'client.py' });

ruleTester('tls-verification-disabled', {
  valid: [
    py(`import requests\nrequests.get(url, timeout=5, verify="/etc/ssl/ca.pem")`),
    py(`import requests\nrequests.get(url, timeout=5, verify=True)`),
    { ...py(`import urllib3\nurllib3.disable_warnings()`), name: 'disable_warnings alone is no finding' },
    py(`import ssl\nctx = ssl.create_default_context(cafile="ca.pem")\nctx.check_hostname = True`),
    { ...py(`import os\nos.environ["REQUESTS_CA_BUNDLE"] = ""`), name: 'an empty CA bundle falls back to verify=True' },
    { ...py(`def check(verify=False):\n    return verify`), name: 'a parameter named verify' },
    py(`import httpx\nclient = httpx.Client(verify=ctx)`),
    { ...py(`import ssl\ncontext = ssl._create_default_https_context()`), name: 'calling the default context factory' },
  ],
  invalid: [
    { ...py(`import requests\nrequests.get(url, timeout=5, verify=False)`), errors: [{ line: 2, message: /^`verify=False` turns off TLS certificate checks/ }], output: `import requests\nrequests.get(url, timeout=5, verify=True)` },
    { ...py(`import requests\ns = requests.Session()\ns.verify = False`), errors: [{ line: 3 }], output: `import requests\ns = requests.Session()\ns.verify = True` },
    { ...py(`import httpx\nclient = httpx.AsyncClient(\n    base_url=URL,\n    verify=False,\n)`), errors: [{ line: 4 }], output: `import httpx\nclient = httpx.AsyncClient(\n    base_url=URL,\n    verify=True,\n)` },
    { ...py(`import aiohttp\nasync def go():\n    async with aiohttp.ClientSession() as s:\n        await s.get(url, ssl=False)\nconnector = aiohttp.TCPConnector(ssl=False)`), errors: [{ line: 4 }, { line: 5 }] },
    { ...py(`import urllib3, ssl\nhttp = urllib3.PoolManager(cert_reqs="CERT_NONE")\npool = urllib3.PoolManager(cert_reqs=ssl.CERT_NONE)`), errors: [{ line: 2 }, { line: 3 }] },
    { ...py(`import ssl, websocket\nws = websocket.create_connection(url, sslopt={"cert_reqs": ssl.CERT_NONE})`), errors: [{ line: 2 }] },
    { ...py(`import ssl\nctx = ssl._create_unverified_context()\nssl._create_default_https_context = ssl._create_unverified_context`), errors: [{ line: 2, message: /checks no certificate/ }, { line: 3 }] },
    { ...py(`import ssl\nctx = ssl.create_default_context()\nctx.check_hostname = False\nctx.verify_mode = ssl.CERT_NONE`), errors: [{ line: 3 }, { line: 4 }] },
    { ...py(`import os\nos.environ["PYTHONHTTPSVERIFY"] = "0"`), errors: [{ line: 2, message: /^PYTHONHTTPSVERIFY=0/ }] },
    { code: `FROM python:3.12\nENV PYTHONHTTPSVERIFY=0\n`, filename: 'Dockerfile', errors: [{ line: 2 }], output: `FROM python:3.12\n` },
  ],
});
