import httpx
from prefect import flow, task
from prefect.blocks.system import Secret
from tenacity import retry, stop_after_attempt, wait_fixed, wait_exponential


@retry(stop=stop_after_attempt(5), wait=wait_fixed(3))  # expect: retry-without-backoff
def fetch_rates(client: httpx.Client):
    r = client.get("/rates")
    r.raise_for_status()
    return r.json()


@retry(stop=stop_after_attempt(5), wait=wait_exponential(multiplier=1, max=30))
def fetch_symbols(client: httpx.Client):
    r = client.get("/symbols")
    r.raise_for_status()
    return r.json()


@retry(wait=wait_exponential(max=60))  # expect: unbounded-retry
def submit_order(client: httpx.Client, order):
    r = httpx.post("https://fx.example-rates.com/orders", json=order, timeout=10)  # expect: missing-idempotency-key
    r.raise_for_status()
    return r.json()


@task(retries=2, retry_delay_seconds=10)
def load(rows):
    api_key = Secret.load("warehouse-key").get()
    with httpx.Client(base_url="http://warehouse.example-data.net", headers={"X-Api-Key": api_key}) as wh:  # expect: insecure-transport
        wh.post("/load", json=rows)


@flow
def fx_pipeline():
    with httpx.Client(base_url="https://fx.example-rates.com", timeout=httpx.Timeout(10.0)) as client:
        rates = fetch_rates(client)
        fetch_symbols(client)
        load(rates)
