"""Wagtail hooks: purge the CDN and notify the newsroom channel when a page goes live."""
import logging

import requests
from django.conf import settings
from wagtail import hooks

logger = logging.getLogger(__name__)

CLOUDFLARE_API = "https://api.cloudflare.com/client/v4"
PURGE_HEADERS = {
    "Authorization": "Bearer 7Hq2vXk9LmP4rT8wZ1cN5bY3dF6gJ0sA",  # expect: hardcoded-credential
    "Content-Type": "application/json",
}
NEWSROOM_HOOK = settings.NEWSROOM_SLACK_WEBHOOK_URL


def _purge(urls):
    resp = requests.post(  # expect: missing-timeout
        f"{CLOUDFLARE_API}/zones/{settings.CLOUDFLARE_ZONE_ID}/purge_cache",
        json={"files": urls},
        headers=PURGE_HEADERS,
    )
    if resp.status_code >= 400:
        logger.error("purge failed: %s", resp.text)


@hooks.register("after_publish_page")
def purge_published_page(request, page):
    urls = [page.full_url]
    if page.get_parent():
        urls.append(page.get_parent().full_url)
    _purge(urls)


@hooks.register("after_delete_page")
def purge_deleted_page(request, page):
    _purge([page.full_url])


@hooks.register("after_publish_page")
def announce(request, page):
    if not page.specific_class.__name__ == "NewsPage":
        return
    requests.post(
        NEWSROOM_HOOK,
        json={"text": f"Published: {page.title} {page.full_url}"},
        timeout=4,
    )


@hooks.register("register_admin_menu_item")
def status_menu():
    from wagtail.admin.menu import MenuItem

    return MenuItem("CDN status", "/admin/cdn-status/", icon_name="site")


@hooks.register("before_serve_page")
def log_preview(page, request, serve_args, serve_kwargs):
    if request.GET.get("preview_token"):
        logger.info("preview of %s with token=%s", page.pk, bool(request.GET.get("preview_token")))
