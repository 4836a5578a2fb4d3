import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'client.py' });

ruleTester('unchecked-response-status', {
  valid: [
    { ...py(`import requests\nfrom pydantic import BaseModel\nclass Geo(BaseModel):\n    lat: float\nclass Tz(Geo):\n    zone: str\ndef tz():\n    r = requests.get(URL, timeout=5)\n    return Tz.model_validate(r.json())\ndef geo():\n    return Geo(**requests.get(URL, timeout=5).json())`), name: 'a body validated by a pydantic model' },
    { ...py(`import requests\nfrom marshmallow import Schema\nclass OrderSchema(Schema):\n    pass\ndef order():\n    r = requests.get(URL, timeout=5)\n    return OrderSchema().load(r.json())`), name: 'a body loaded by a marshmallow schema' },
    py(`import requests\ndef users():\n    r = requests.get(URL, timeout=5)\n    r.raise_for_status()\n    return r.json()`),
    py(`import requests\ndef users():\n    r = requests.get(URL, timeout=5)\n    if not r.ok:\n        raise ApiError(r.status_code)\n    return r.json()`),
    py(`import requests\ndef users():\n    r = requests.get(URL, timeout=5)\n    if r.status_code != 200:\n        return None\n    return r.text`),
    { ...py(`import requests\ndef users():\n    r = requests.get(URL, timeout=5)\n    check(r)\n    return r.json()`), name: 'passed to a helper' },
    { ...py(`import httpx\nasync def users():\n    async with httpx.AsyncClient() as client:\n        resp = await client.get(URL)\n        if resp.is_success:\n            return resp.json()`), name: 'httpx is_success' },
    { ...py(`import aiohttp\nasync def users():\n    async with aiohttp.ClientSession(raise_for_status=True) as s:\n        async with s.get(URL) as resp:\n            return await resp.json()`), name: 'aiohttp raise_for_status=True on the session' },
    { ...py(`import aiohttp\nclass Api:\n    def __init__(self):\n        self.session: aiohttp.ClientSession | None = None\n    async def start(self):\n        self.session = aiohttp.ClientSession(raise_for_status=True)\n    async def users(self):\n        async with self.session.get(URL) as resp:\n            return await resp.json()`), name: 'aiohttp raise_for_status=True on a session a method other than __init__ stores on self' },
    { ...py(`import urllib.request, json\ndef users():\n    with urllib.request.urlopen(URL, timeout=5) as resp:\n        return json.load(resp)`), name: 'urlopen raises on 4xx/5xx' },
    { ...py(`import httpx\nclient = httpx.Client(event_hooks={"response": [raise_on_4xx_5xx]})\ndef users():\n    r = client.get(URL)\n    return r.json()`), name: 'an httpx response hook' },
    { ...py(`import httpx\ndef build():\n    return httpx.Client(event_hooks={"response": [raise_on_4xx_5xx]})\nclass Api:\n    def __init__(self):\n        self.client = build()\n    def users(self):\n        r = self.client.get(URL)\n        return r.json()`), name: 'an httpx client with a response hook returned by a factory of the file' },
  ],
  invalid: [
    { ...py(`import httpx\ndef build():\n    return httpx.Client(base_url=BASE)\nclass Api:\n    def __init__(self):\n        self.client = build()\n    def users(self):\n        r = self.client.get("/users")\n        return r.json()`), errors: [{ line: 9 }], output: `import httpx\ndef build():\n    return httpx.Client(base_url=BASE)\nclass Api:\n    def __init__(self):\n        self.client = build()\n    def users(self):\n        r = self.client.get("/users")\n        r.raise_for_status()\n        return r.json()`, name: 'an httpx client returned by a factory of the file' },
    { ...py(`import requests\nclass Geo:\n    def __init__(self, **fields):\n        self.fields = fields\ndef geo():\n    r = requests.get(URL, timeout=5)\n    return Geo(**r.json())`), errors: [{ line: 7 }], output: `import requests\nclass Geo:\n    def __init__(self, **fields):\n        self.fields = fields\ndef geo():\n    r = requests.get(URL, timeout=5)\n    r.raise_for_status()\n    return Geo(**r.json())`, name: 'a plain class is no schema' },
    { ...py(`import requests\nfrom pydantic import BaseModel\nclass Geo(BaseModel):\n    lat: float\ndef geo():\n    r = requests.get(URL, timeout=5)\n    data = r.json()\n    return Geo(lat=data["lat"])`), errors: [{ line: 7 }], output: `import requests\nfrom pydantic import BaseModel\nclass Geo(BaseModel):\n    lat: float\ndef geo():\n    r = requests.get(URL, timeout=5)\n    r.raise_for_status()\n    data = r.json()\n    return Geo(lat=data["lat"])`, name: 'fields picked from the body before the model sees it' },
    { ...py(`import requests\ndef users():\n    r = requests.get(URL, timeout=5)\n    return r.json()`), errors: [{ line: 4, message: /^`r\.json\(\)` reads the body without a status check.*Check `r\.raise_for_status\(\)` first/ }], output: `import requests\ndef users():\n    r = requests.get(URL, timeout=5)\n    r.raise_for_status()\n    return r.json()` },
    { ...py(`import requests\ndef users():\n    return requests.get(URL, timeout=5).json()`), errors: [{ line: 3 }] },
    { ...py(`import requests\ndef users():\n    data = requests.get(URL, timeout=5).json()\n    if data["ok"]:\n        return data`), name: 'a check on the parsed body is no check', errors: [{ line: 3 }] },
    { ...py(`import requests\ns = requests.Session()\ndef page():\n    resp = s.post(URL, json={}, timeout=5)\n    html = resp.text\n    return html`), errors: [{ line: 5 }], output: `import requests\ns = requests.Session()\ndef page():\n    resp = s.post(URL, json={}, timeout=5)\n    resp.raise_for_status()\n    html = resp.text\n    return html` },
    { ...py(`import aiohttp\nasync def users():\n    async with aiohttp.ClientSession() as session:\n        async with session.get(URL) as resp:\n            return await resp.json()`), errors: [{ line: 5 }], output: `import aiohttp\nasync def users():\n    async with aiohttp.ClientSession() as session:\n        async with session.get(URL) as resp:\n            resp.raise_for_status()\n            return await resp.json()` },
    { ...py(`import urllib3\nhttp = urllib3.PoolManager(timeout=5)\ndef users():\n    resp = http.request("GET", URL)\n    return resp.data`), errors: [{ line: 5, message: /Check `resp\.status` first/ }] },
    {
      ...py(`import aiohttp\nclass Api:\n    def __init__(self):\n        self.session: aiohttp.ClientSession | None = None\n    async def start(self):\n        self.session = aiohttp.ClientSession(base_url=BASE)\n    async def users(self):\n        async with self.session.get("/users") as resp:\n            return await resp.json()\n    async def close(self):\n        await self.session.close()\n        self.session = None`),
      errors: [{ line: 9 }],
      output: `import aiohttp\nclass Api:\n    def __init__(self):\n        self.session: aiohttp.ClientSession | None = None\n    async def start(self):\n        self.session = aiohttp.ClientSession(base_url=BASE)\n    async def users(self):\n        async with self.session.get("/users") as resp:\n            resp.raise_for_status()\n            return await resp.json()\n    async def close(self):\n        await self.session.close()\n        self.session = None`,
      name: 'an aiohttp session stored on self by a method other than __init__, None until then',
    },
  ],
});
