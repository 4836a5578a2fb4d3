"""httpx clients for the partner hub; the long-poll event stream deliberately has no timeout."""
import httpx

from hub.config import settings


def _raise_on_4xx_5xx(response: httpx.Response) -> None:
    response.raise_for_status()


events_client = httpx.Client(  # expect: missing-timeout
    base_url=settings.EVENTS_URL,
    headers={"Accept": "text/event-stream"},
    timeout=None,
)

api = httpx.Client(
    base_url="https://api.partner-hub.io/v3",
    timeout=httpx.Timeout(10.0, connect=5.0),
    event_hooks={"response": [_raise_on_4xx_5xx]},
)


def stream_events(handle):
    with events_client.stream("GET", "/events") as resp:
        resp.raise_for_status()
        for line in resp.iter_lines():
            if line:
                handle(line)


def get_partner(partner_id: str) -> dict:
    return api.get(f"/partners/{partner_id}").json()


def get_rates(currency: str) -> dict:
    r = httpx.get("https://rates.partner-hub.io/latest", params={"base": currency})
    return r.json()  # expect: unchecked-response-status


def start_export(payload: dict) -> str:
    r = httpx.post(f"{settings.EXPORT_URL}/jobs", json=payload, timeout=None)  # expect: missing-timeout
    r.raise_for_status()
    return r.json()["id"]


async def fetch_report(report_id: str) -> dict | None:
    async with httpx.AsyncClient(timeout=httpx.Timeout(None)) as client:  # expect: missing-timeout
        resp = await client.get(f"{settings.REPORTS_URL}/{report_id}")
        if resp.is_error:
            return None
        return resp.json()


async def fetch_thumbnail(url: str) -> bytes:
    # Large images: a slow read is fine as long as the connection itself comes up quickly.
    async with httpx.AsyncClient(timeout=httpx.Timeout(5.0, read=None)) as client:
        resp = await client.get(url)
        if not resp.is_success:
            raise RuntimeError(f"thumbnail {url}: {resp.status_code}")
        return resp.content


async def notify_partner(partner_id: str, event: dict) -> None:
    no_limit = httpx.Timeout(connect=None, read=None, write=None, pool=None)
    async with httpx.AsyncClient(base_url=settings.NOTIFY_URL) as client:
        resp = await client.post(f"/partners/{partner_id}/events", json=event, timeout=no_limit)  # expect: missing-timeout
        resp.raise_for_status()
