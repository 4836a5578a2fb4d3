import { ruleTester } from '../../../../test/helpers/ruleTester.js';

const py = (code: string) => ({ code, filename: 'billing.py' });

ruleTester('missing-idempotency-key', {
  valid: [
    { ...py(`import requests\nfrom tenacity import Retrying, stop_after_attempt, wait_exponential\ndef refund(order_id, key):\n    for attempt in Retrying(stop=stop_after_attempt(3), wait=wait_exponential()):\n        with attempt:\n            resp = requests.post(URL, json={"order": order_id}, headers={"Idempotency-Key": key}, timeout=5)\n            resp.raise_for_status()\ndef lines(order_ids):\n    for order_id in order_ids:\n        requests.post(URL, json={"order": order_id}, timeout=5)`), name: 'a POST in a tenacity Retrying loop that sends the key; a POST in a plain loop' },
    py(`import stripe\nstripe.PaymentIntent.create(amount=1000, currency="usd", idempotency_key=f"order-{order.id}")`),
    py(`import stripe\nstripe.Customer.create(email=email)`),
    py(`from stripe import StripeClient\nclient = StripeClient(KEY)\nclient.v1.refunds.create(params={"charge": ch}, options={"idempotency_key": key})`),
    { ...py(`import requests\nfor attempt in range(3):\n    try:\n        requests.post(URL, json=body, headers={"Idempotency-Key": key}, timeout=5)\n        break\n    except requests.RequestException:\n        pass`), name: 'the retried POST sends a key' },
    { ...py(`import requests\nrequests.post(URL, json=body, timeout=5)`), name: 'a POST not retried' },
    { ...py(`import requests\nfor attempt in range(3):\n    try:\n        requests.get(URL, timeout=5)\n        break\n    except requests.RequestException:\n        pass`), name: 'a retried GET' },
    { ...py(`import requests\nfrom requests.adapters import HTTPAdapter\nfrom urllib3.util import Retry\npayments = requests.Session()\npayments.mount("https://", HTTPAdapter(max_retries=Retry(total=3, backoff_factor=1)))\ndef pay(body):\n    return payments.post(PAY_URL, json=body, timeout=10)`), name: 'a urllib3 Retry with its default methods does not resend POST' },
  ],
  invalid: [
    { ...py(`import requests\nfrom tenacity import Retrying, stop_after_attempt, wait_exponential\ndef refund(order_id):\n    for attempt in Retrying(stop=stop_after_attempt(3), wait=wait_exponential()):\n        with attempt:\n            resp = requests.post(URL, json={"order": order_id}, timeout=5)\n            resp.raise_for_status()`), errors: [{ line: 6, message: /a retry helper sends it again/ }], name: 'a POST in a tenacity Retrying loop' },
    { ...py(`import stripe\ncharge = stripe.Charge.create(amount=1000, currency="usd", source=token)`), errors: [{ line: 2, message: /^stripe\.Charge\.create has no idempotency key: .*`idempotency_key=\.\.\.`/ }] },
    { ...py(`from stripe import StripeClient\nclass Billing:\n    def __init__(self):\n        self.stripe = StripeClient(KEY)\n    def refund(self, ch):\n        return self.stripe.refunds.create(params={"charge": ch})`), errors: [{ line: 6, message: /options=\{"idempotency_key": \.\.\.\}/ }] },
    { ...py(`import requests\nfor attempt in range(3):\n    try:\n        requests.post(URL, json=body, timeout=5)\n        break\n    except requests.RequestException:\n        pass`), errors: [{ line: 4, message: /^requests\.post is retried with no `Idempotency-Key`: this loop/ }] },
    { ...py(`import requests\nfrom tenacity import retry, stop_after_attempt, wait_exponential\n@retry(stop=stop_after_attempt(3), wait=wait_exponential())\ndef pay(body):\n    return requests.request("POST", URL, json=body, timeout=5)`), errors: [{ line: 5, message: /a retry helper sends it again/ }] },
    { ...py(`import requests\nfrom requests.adapters import HTTPAdapter\nfrom urllib3.util import Retry\npolicy = Retry(total=3, backoff_factor=1, allowed_methods=["GET", "PUT", "POST"])\npayments = requests.Session()\npayments.mount("https://", HTTPAdapter(max_retries=policy))\ndef pay(body):\n    return payments.post(PAY_URL, json=body, timeout=10)`), errors: [{ line: 8, message: /a retry helper sends it again/ }], name: 'a POST through a session whose urllib3 Retry allows POST' },
  ],
});
