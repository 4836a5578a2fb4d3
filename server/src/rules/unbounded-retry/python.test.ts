import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'sync.py' });

ruleTester('unbounded-retry', {
  valid: [
    { ...py(`import time\nfrom confluent_kafka import Consumer\nconsumer = Consumer(CONF)\nwhile True:\n    msg = consumer.poll(1.0)\n    if msg is None:\n        continue\n    try:\n        handle(msg.value())\n    except Exception:\n        log.exception("failed")\n        time.sleep(1)`), name: 'a consume loop whose try holds only the processing: no reconnect' },
    { ...py(`import time, redis\nr = redis.Redis(host=HOST, socket_timeout=5)\ndef listen():\n    for attempt in range(5):\n        try:\n            r.ping()\n            return\n        except redis.ConnectionError:\n            time.sleep(2 ** attempt)`), name: 'a bounded reconnect' },
    py(`import time, requests\nattempt = 0\nwhile True:\n    try:\n        requests.post(URL, timeout=5)\n        break\n    except requests.ConnectionError:\n        attempt += 1\n        if attempt >= 5:\n            raise\n        time.sleep(2 ** attempt)`),
    py(`import time, requests\nfor attempt in range(5):\n    try:\n        requests.post(URL, timeout=5)\n        break\n    except requests.ConnectionError:\n        time.sleep(2 ** attempt)`),
    { ...py(`import itertools, time, httpx\nfor n in itertools.count(1):\n    try:\n        httpx.get(URL)\n        break\n    except httpx.TransportError:\n        if n > 4:\n            raise\n        time.sleep(n * 2)`), name: 'an itertools.count loop whose variable is compared is counted' },
    py(`from tenacity import retry, stop_after_attempt, wait_exponential\n@retry(stop=stop_after_attempt(5), wait=wait_exponential())\ndef call():\n    pass`),
    py(`import backoff, requests\n@backoff.on_exception(backoff.expo, requests.RequestException, max_time=60)\ndef call():\n    pass`),
    { ...py(`from celery import shared_task\n@shared_task(autoretry_for=(IOError,), retry_backoff=True)\ndef sync():\n    pass`), name: 'autoretry_for alone is bounded (max_retries=3)' },
    py(`from urllib3.util.retry import Retry\nretry = Retry(total=None, connect=3, backoff_factor=1)`),
    { ...py(`from tenacity import Retrying, stop_after_delay, wait_exponential\ndef fetch():\n    for attempt in Retrying(stop=stop_after_delay(60), wait=wait_exponential()):\n        with attempt:\n            call()`), name: 'a tenacity Retrying controller with a stop' },
    { ...py(`import requests\ndef fetch_all(url):\n    items = []\n    while True:\n        res = requests.get(url, timeout=10)\n        if res.status_code != 200:\n            return None\n        items.extend(res.json()["data"])\n        url = res.json()["next"]\n        if not url:\n            break\n    return items`), name: 'endless pagination that leaves the loop on a failure status is no retry' },
  ],
  invalid: [
    { ...py(`import time, pika\ndef run():\n    while True:\n        try:\n            connection = pika.BlockingConnection(pika.ConnectionParameters(host=HOST))\n            channel = connection.channel()\n            channel.basic_consume(queue="q", on_message_callback=handle)\n            channel.start_consuming()\n        except pika.exceptions.AMQPConnectionError:\n            time.sleep(5)`), errors: [{ line: 3 }], name: 'a reconnect loop around a pika connection' },
    { ...py(`import time, redis\nr = redis.Redis(host=HOST, socket_timeout=5)\ndef listen():\n    while True:\n        try:\n            pubsub = r.pubsub()\n            pubsub.subscribe("events")\n            for item in pubsub.listen():\n                handle(item)\n        except redis.ConnectionError:\n            time.sleep(2)`), errors: [{ line: 4 }], name: 'a reconnect loop around a Redis pub/sub subscription' },
    { ...py(`import asyncio\nfrom aiobotocore.session import get_session\nasync def run():\n    session = get_session()\n    delay = 1\n    while True:\n        try:\n            async with session.create_client("sqs") as client:\n                await relay(client)\n        except Exception:\n            await asyncio.sleep(delay)\n            delay = min(delay * 2, 60)`), errors: [{ line: 6 }], name: 'a reconnect loop around an SDK client' },
    { ...py(`import time, requests\nwhile True:\n    try:\n        requests.post(URL, timeout=5)\n        break\n    except requests.ConnectionError:\n        time.sleep(5)`), errors: [{ line: 2, message: /^This loop retries requests\.post with no attempt limit/ }] },
    { ...py(`import itertools, time, requests\nfor attempt in itertools.count():\n    try:\n        requests.post(URL, timeout=5)\n        break\n    except requests.ConnectionError:\n        time.sleep(2 ** attempt)`), errors: [{ line: 2 }] },
    { ...py(`from tenacity import retry, wait_exponential\n@retry(wait=wait_exponential())\ndef call():\n    pass`), errors: [{ line: 2, message: /^tenacity @retry has no finite `stop=`/ }] },
    { ...py(`import tenacity\n@tenacity.retry(stop=tenacity.stop_never, wait=tenacity.wait_exponential())\ndef call():\n    pass`), errors: [{ line: 2 }] },
    { ...py(`import backoff, requests\n@backoff.on_exception(backoff.expo, requests.RequestException)\ndef call():\n    pass`), errors: [{ line: 2, message: /max_tries/ }] },
    { ...py(`from urllib3.util.retry import Retry\nretry = Retry(total=None, backoff_factor=1)`), errors: [{ line: 2 }] },
    { ...py(`from celery import shared_task\n@shared_task(autoretry_for=(IOError,), retry_backoff=True, max_retries=None)\ndef sync():\n    pass`), errors: [{ line: 2 }] },
    { ...py(`from tenacity import Retrying, stop_never, wait_exponential\ndef fetch():\n    for attempt in Retrying(wait=wait_exponential()):\n        with attempt:\n            call()\n    for attempt in Retrying(stop=stop_never, wait=wait_exponential()):\n        with attempt:\n            call()`), errors: [{ line: 3, message: /Retrying\(\.\.\.\) has no finite `stop=`/ }, { line: 6 }], name: 'a tenacity Retrying controller with no stop, or stop_never' },
    { ...py(`import time\nimport websocket\nwhile 1:\n    try:\n        conn = websocket.create_connection(FEED, timeout=10)\n        stream(conn)\n    except OSError:\n        time.sleep(3)`), errors: [{ line: 3 }], name: 'a reconnect loop with no attempt limit' },
  ],
});
