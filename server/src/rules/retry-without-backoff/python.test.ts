import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'sync.py' });

ruleTester('retry-without-backoff', {
  valid: [
    { ...py(`from celery import Celery\napp = Celery("x")\n@app.task(bind=True, max_retries=5)\ndef deliver(self, delivery_id):\n    delivery = Delivery.objects.filter(pk=delivery_id).first()\n    if delivery is None:\n        raise self.retry(countdown=1)\n    send(delivery)`), name: 'self.retry with a fixed countdown outside an except: no call failed' },
    py(`import random, time, requests\nfor attempt in range(5):\n    try:\n        r = requests.get(URL, timeout=5)\n        break\n    except requests.RequestException:\n        time.sleep(2 ** attempt + random.random())`),
    py(`import time, requests\ndelay = 1\nwhile True:\n    try:\n        requests.post(URL, timeout=5)\n        break\n    except requests.ConnectionError:\n        time.sleep(delay)\n        delay *= 2`),
    { ...py(`import requests\nfor url in urls:\n    try:\n        requests.get(url, timeout=5)\n    except requests.RequestException:\n        log(url)`), name: 'a loop over items is not a retry' },
    { ...py(`import requests\nfor attempt in range(3):\n    try:\n        return requests.get(URL, timeout=5)\n    except requests.RequestException:\n        raise`), name: 'the except re-raises: no retry' },
    py(`from tenacity import retry, wait_exponential, stop_after_attempt\n@retry(wait=wait_exponential(multiplier=1, max=30), stop=stop_after_attempt(5))\ndef call():\n    pass`),
    { ...py(`from tenacity import retry, wait_random, stop_after_attempt\n@retry(wait=wait_random(1, 3), stop=stop_after_attempt(5))\ndef call():\n    pass`), name: 'wait_random alone is left open' },
    py(`import backoff, requests\n@backoff.on_exception(backoff.expo, requests.RequestException, max_tries=5)\ndef call():\n    pass`),
    py(`from urllib3.util.retry import Retry\nretry = Retry(total=5, backoff_factor=0.5)`),
    py(`from celery import shared_task\n@shared_task(autoretry_for=(IOError,), retry_backoff=True, max_retries=5)\ndef sync():\n    pass`),
    { ...py(`import httpx\nfrom tenacity import Retrying, stop_after_attempt, wait_random_exponential\ndef fetch():\n    for attempt in Retrying(stop=stop_after_attempt(4), wait=wait_random_exponential(max=10)):\n        with attempt:\n            return httpx.get(URL).json()`), name: 'a tenacity Retrying controller with a growing wait' },
    { ...py(`import time, requests\nwhile True:\n    try:\n        publish(requests.get(STATUS_URL, timeout=5).json())\n    except requests.RequestException:\n        log.warning("status poll failed")\n    time.sleep(30)`), name: 'a poller that waits every round, failed or not' },
    { ...py(`import time, requests\ndef wait_for_export(job):\n    for _ in range(20):\n        r = requests.get(f"{API}/exports/{job}", timeout=5)\n        if r.status_code in (202, 204):\n            time.sleep(5)\n            continue\n        r.raise_for_status()\n        return r.content`), name: 'polling while the status says the work is still pending (2xx) is no retry' },
  ],
  invalid: [
    { ...py(`import requests\nfor attempt in range(5):\n    try:\n        r = requests.get(URL, timeout=5)\n        break\n    except requests.RequestException:\n        pass`), errors: [{ line: 2, message: /^This for loop retries requests\.get with no wait/ }] },
    { ...py(`import time, requests\nwhile True:\n    try:\n        requests.post(URL, timeout=5)\n        break\n    except requests.ConnectionError:\n        time.sleep(5)`), errors: [{ line: 2, message: /after the same `time\.sleep\(5\)` every time/ }] },
    { ...py(`import asyncio, httpx\nRETRY_DELAY = 2\nasync def go(client):\n    for attempt in range(3):\n        resp = await httpx.AsyncClient().get(URL)\n        if resp.status_code < 500:\n            return resp\n        await asyncio.sleep(RETRY_DELAY)`), errors: [{ line: 4 }] },
    { ...py(`from tenacity import retry, stop_after_attempt\n@retry(stop=stop_after_attempt(3))\ndef call():\n    pass`), errors: [{ line: 2, message: /^tenacity @retry has no `wait`/ }] },
    { ...py(`from tenacity import retry, wait_fixed, stop_after_attempt\n@retry(wait=wait_fixed(2), stop=stop_after_attempt(3))\ndef call():\n    pass`), errors: [{ line: 2, message: /waits the same `wait_fixed\(2\)`/ }] },
    { ...py(`import backoff, requests\n@backoff.on_exception(backoff.constant, requests.RequestException, max_tries=5)\ndef call():\n    pass`), errors: [{ line: 2 }] },
    { ...py(`from urllib3 import Retry\nfrom requests.adapters import HTTPAdapter\nadapter = HTTPAdapter(max_retries=Retry(total=3))\nother = HTTPAdapter(max_retries=3)`), errors: [{ line: 3, message: /^urllib3 Retry has no `backoff_factor`/ }, { line: 4 }] },
    { ...py(`from celery import shared_task\n@shared_task(autoretry_for=(IOError,), max_retries=5)\ndef sync():\n    pass`), errors: [{ line: 2 }] },
    { ...py(`from celery import Celery\napp = Celery("x")\n@app.task(bind=True, max_retries=3)\ndef sync(self):\n    try:\n        pass\n    except IOError as exc:\n        raise self.retry(exc=exc, countdown=60)`), errors: [{ line: 8, message: /waits the same `countdown=60`/ }] },
    { ...py(`import httpx\nimport tenacity\nasync def fetch(client):\n    async for attempt in tenacity.AsyncRetrying(stop=tenacity.stop_after_attempt(4)):\n        with attempt:\n            await client.get(URL)\nasync def again(client):\n    retrying = tenacity.AsyncRetrying(wait=tenacity.wait_fixed(3), stop=tenacity.stop_after_attempt(2))\n    async for attempt in retrying:\n        with attempt:\n            await client.get(URL)`), errors: [{ line: 4, message: /AsyncRetrying\(\.\.\.\) has no `wait`/ }, { line: 8, message: /waits the same `tenacity\.wait_fixed\(3\)`/ }], name: 'tenacity Retrying controllers iterated by hand' },
    { ...py(`import time\nimport websocket\nwhile 1:\n    try:\n        conn = websocket.create_connection(FEED, timeout=10)\n        stream(conn)\n    except OSError:\n        time.sleep(3)`), errors: [{ line: 3 }], name: 'a reconnect loop that waits the same time only after a failure' },
    { ...py(`import time, requests\ndef fetch(job):\n    for _ in range(20):\n        r = requests.get(f"{API}/exports/{job}", timeout=5)\n        if r.status_code == 503:\n            time.sleep(5)\n            continue\n        return r.content`), errors: [{ line: 3 }], name: 'a failure status retried after the same wait' },
    { ...py(`import asyncio\nfrom aiohttp import ClientSession\nasync def submit(session: ClientSession, body):\n    while True:\n        async with session.post(URL, json=body) as resp:\n            if resp.status >= 500:\n                await asyncio.sleep(2)\n                continue\n            return await resp.json()`), errors: [{ line: 4 }], name: 'a retry loop through a session passed in as a typed parameter' },
  ],
});
