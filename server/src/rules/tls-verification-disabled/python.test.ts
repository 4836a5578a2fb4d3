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
    { ...py(`import socket, ssl\ndef expiry(host):\n    ctx = ssl.create_default_context()\n    ctx.check_hostname = False\n    ctx.verify_mode = ssl.CERT_NONE\n    with socket.create_connection((host, 443), timeout=5) as sock:\n        with ctx.wrap_socket(sock, server_hostname=host) as tls:\n            der = tls.getpeercert(binary_form=True)\n    return der`), name: 'a certificate probe: the context only wraps a socket that reads the peer certificate' },
    { ...py(`import socket, ssl\ndef cipher_of(host):\n    ctx = ssl._create_unverified_context()\n    tls = ctx.wrap_socket(socket.create_connection((host, 443), timeout=5), server_hostname=host)\n    name = tls.cipher()\n    tls.close()\n    return name`), name: 'an unverified context that only probes the handshake' },
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
    { ...py(`import socket, ssl\ndef fetch(host):\n    ctx = ssl.create_default_context()\n    ctx.check_hostname = False\n    ctx.verify_mode = ssl.CERT_NONE\n    with socket.create_connection((host, 443), timeout=5) as sock:\n        with ctx.wrap_socket(sock, server_hostname=host) as tls:\n            cert = tls.getpeercert()\n            tls.sendall(b"GET / HTTP/1.0\\r\\n\\r\\n")\n            return tls.recv(4096)`), errors: [{ line: 4 }, { line: 5 }], name: 'a socket that reads the certificate and then sends data is a transport' },
    { ...py(`import ssl, urllib.request\ndef call(req):\n    ctx = ssl.create_default_context()\n    ctx.check_hostname = False\n    return urllib.request.urlopen(req, context=ctx, timeout=5)`), errors: [{ line: 4 }], name: 'a context passed to an HTTP call' },
    { ...py(`import os\nos.environ["PYTHONHTTPSVERIFY"] = "0"`), errors: [{ line: 2, message: /^PYTHONHTTPSVERIFY=0/ }] },
    { code: `FROM python:3.12\nENV PYTHONHTTPSVERIFY=0\n`, filename: 'Dockerfile', errors: [{ line: 2 }], output: `FROM python:3.12\n` },
  ],
});
