import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'client.py' });

ruleTester('insecure-transport', {
  valid: [
    py(`import requests\nrequests.get("https://api.example.com/users", timeout=5)`),
    py(`import requests\nrequests.get("http://localhost:8080/health", timeout=5)`),
    py(`import requests\nrequests.get(f"http://{host}/x", timeout=5)`),
    { ...py(`API_URL = "http://api.example.com"\nDOCS = "http://example.com/docs"`), name: 'settings constants never used in a call' },
    { ...py(`import http.client\nconn = http.client.HTTPConnection("api.example.com", timeout=5)`), name: 'http.client takes a host' },
    py(`import httpx\nclient = httpx.Client(base_url="https://api.example.com")`),
    { ...py(`import httpx\ndef levels(sku, host):\n    return httpx.get(f"{host}/levels/{sku}")`), name: 'an f-string starting with a parameter: its value is not in the file' },
    { ...py(`import aiohttp\nasync def feed(session: aiohttp.ClientSession, url: str):\n    async with session.get(url) as resp:\n        return await resp.read()`), name: 'a typed session passed in, with a URL the file does not show' },
  ],
  invalid: [
    { ...py(`import aiohttp\nasync def sync():\n    async with aiohttp.ClientSession(base_url="https://api.example.com") as s:\n        await s.get("/x")\n    async with aiohttp.ClientSession() as s:\n        await s.get("http://api.example.com/y")`), errors: [{ line: 6, message: /http:\/\/api\.example\.com/ }], output: `import aiohttp\nasync def sync():\n    async with aiohttp.ClientSession(base_url="https://api.example.com") as s:\n        await s.get("/x")\n    async with aiohttp.ClientSession() as s:\n        await s.get("https://api.example.com/y")`, name: 'a session name bound again by a later async with: its own session sends the call' },
    { ...py(`import httpx\ndef sync():\n    with httpx.Client(base_url="https://api.example.com") as c:\n        c.get("/a")\n    with httpx.Client(timeout=5) as c:\n        c.get("http://api.example.com/b")`), errors: [{ line: 6 }], output: `import httpx\ndef sync():\n    with httpx.Client(base_url="https://api.example.com") as c:\n        c.get("/a")\n    with httpx.Client(timeout=5) as c:\n        c.get("https://api.example.com/b")`, name: 'an httpx client name bound by two with blocks' },
    { ...py(`import requests\nrequests.get("http://api.example.com/users", timeout=5)`), errors: [{ line: 2, message: /^requests\.get uses clear-text http:\/\/api\.example\.com/ }], output: `import requests\nrequests.get("https://api.example.com/users", timeout=5)` },
    { ...py(`import requests\nBASE = "http://api.example.com"\ndef users():\n    return requests.get(BASE + "/users", timeout=5)`), errors: [{ line: 2 }], output: `import requests\nBASE = "https://api.example.com"\ndef users():\n    return requests.get(BASE + "/users", timeout=5)` },
    { ...py(`import requests\nfrom urllib.parse import urljoin\nclass Api:\n    base = "http://10.0.0.5/api/"\n    def go(self):\n        requests.post(urljoin(self.base, "x"), timeout=5)`), name: 'a private IP through a class attribute and urljoin', errors: [{ line: 4 }], output: `import requests\nfrom urllib.parse import urljoin\nclass Api:\n    base = "https://10.0.0.5/api/"\n    def go(self):\n        requests.post(urljoin(self.base, "x"), timeout=5)` },
    { ...py(`import requests\nrequests.request("POST", f"http://api.example.com/{path}", timeout=5)`), errors: [{ line: 2 }], output: `import requests\nrequests.request("POST", f"https://api.example.com/{path}", timeout=5)` },
    { ...py(`import httpx\nclient = httpx.AsyncClient(base_url="http://billing.internal.example.com")`), errors: [{ line: 2 }], output: `import httpx\nclient = httpx.AsyncClient(base_url="https://billing.internal.example.com")` },
    { ...py(`import aiohttp\nsession = aiohttp.ClientSession("http://api.example.com")`), errors: [{ line: 2 }], output: `import aiohttp\nsession = aiohttp.ClientSession("https://api.example.com")` },
    { ...py(`import websockets\nasync def go():\n    async with websockets.connect("ws://stream.example.com/feed") as ws:\n        pass`), errors: [{ line: 3, message: /Use wss:\/\// }], output: `import websockets\nasync def go():\n    async with websockets.connect("wss://stream.example.com/feed") as ws:\n        pass` },
    { ...py(`import urllib.request\nreq = urllib.request.Request("http://api.example.com/x")\nurllib.request.urlopen(req, timeout=5)`), errors: [{ line: 2 }], output: `import urllib.request\nreq = urllib.request.Request("https://api.example.com/x")\nurllib.request.urlopen(req, timeout=5)` },
    { ...py(`import httpx\nclass Inventory:\n    ROOT = "http://stock.example.org"\n    def levels(self, sku):\n        return httpx.get(f"{self.ROOT}/levels/{sku}")`), errors: [{ line: 3 }], output: `import httpx\nclass Inventory:\n    ROOT = "https://stock.example.org"\n    def levels(self, sku):\n        return httpx.get(f"{self.ROOT}/levels/{sku}")`, name: 'an f-string that starts with a class attribute holding the URL' },
    { ...py(`import httpx\nasync def prices(client: httpx.AsyncClient):\n    return await client.get("http://quotes.example.net/latest")`), errors: [{ line: 3 }], output: `import httpx\nasync def prices(client: httpx.AsyncClient):\n    return await client.get("https://quotes.example.net/latest")`, name: 'a clear-text URL sent through a client passed in as a typed parameter' },
  ],
});
