"""Dask bag job that geocodes addresses in batches and writes parquet."""
import logging
import os

import backoff
import dask.bag as db
import httpx

logger = logging.getLogger(__name__)

GEOCODE_URL = "https://geo.batch-geocoder.example.com/v1/batch"
GEOCODE_TOKEN = os.getenv("GEOCODE_TOKEN") or "gk_81c0f5e7a3d94b2e"  # expect: hardcoded-credential


@backoff.on_exception(backoff.constant, httpx.HTTPError, interval=5)  # expect: retry-without-backoff, unbounded-retry
def geocode_batch(rows):
    resp = httpx.post(  # expect: missing-idempotency-key
        GEOCODE_URL,
        json={"addresses": [r["address"] for r in rows]},
        headers={"Authorization": f"Bearer {GEOCODE_TOKEN}"},
        timeout=30,
    )
    resp.raise_for_status()
    return [dict(r, **g) for r, g in zip(rows, resp.json()["results"])]


@backoff.on_exception(backoff.expo, httpx.HTTPError, max_tries=5)
def reverse_batch(points):
    resp = httpx.get(f"{GEOCODE_URL}/reverse", params={"points": ";".join(points)}, timeout=30)
    resp.raise_for_status()
    return resp.json()["results"]


def quota_left():
    resp = httpx.get("https://geo.batch-geocoder.example.com/v1/quota", headers={"Authorization": f"Bearer {GEOCODE_TOKEN}"})
    return resp.json()["remaining"]  # expect: unchecked-response-status


def run(path_in, path_out):
    bag = db.read_text(path_in).map(lambda line: dict(zip(("id", "address"), line.rstrip("\n").split("\t"))))
    logger.info("quota before run: %s", quota_left())
    batches = bag.repartition(npartitions=64).map_partitions(lambda part: geocode_batch(list(part)))
    batches.to_dataframe().to_parquet(path_out)
    logger.info("geocoding token used: %s", GEOCODE_TOKEN)  # expect: secret-in-log
