"""Push published pages to the hosted search index (Meilisearch Cloud)."""
import logging

import httpx
from django.conf import settings

logger = logging.getLogger(__name__)

SEARCH_HOST = settings.MEILI_HOST
search_client = httpx.Client(  # expect: missing-timeout
    base_url=SEARCH_HOST,
    headers={"Authorization": f"Bearer {settings.MEILI_MASTER_KEY}"},
    timeout=None,
)
admin_client = httpx.Client(base_url=SEARCH_HOST, timeout=httpx.Timeout(10.0, connect=3.0))


def index_page(page):
    doc = {
        "id": page.pk,
        "title": page.title,
        "url": page.full_url,
        "body": page.search_description,
    }
    resp = search_client.post("/indexes/pages/documents", json=[doc])
    resp.raise_for_status()
    task = resp.json()
    logger.info("queued search task %s", task.get("taskUid"))


def remove_page(page_id):
    resp = search_client.delete(f"/indexes/pages/documents/{page_id}")
    if resp.is_error:
        logger.warning("delete failed %s", resp.status_code)


def index_stats():
    resp = admin_client.get("/indexes/pages/stats")
    return resp.json()  # expect: unchecked-response-status


def rebuild(pages):
    batch = [{"id": p.pk, "title": p.title} for p in pages]
    resp = admin_client.put("/indexes/pages/documents", json=batch)
    if not resp.is_success:
        raise RuntimeError(f"rebuild failed: {resp.status_code}")
    return resp.json()["taskUid"]


def slow_export():
    with httpx.stream("GET", f"{SEARCH_HOST}/dumps", timeout=httpx.Timeout(None)) as resp:  # expect: missing-timeout
        resp.raise_for_status()
        return b"".join(resp.iter_bytes())
