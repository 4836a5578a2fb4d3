"""Downloads of export files and media from the asset service."""
import shutil
from pathlib import Path

import requests

from assets.conf import ASSET_API, CHUNK


def download_export(export_id: str, dest: Path) -> Path:
    with requests.get(f"{ASSET_API}/exports/{export_id}", stream=True, timeout=(5, 60)) as r:
        r.raise_for_status()
        with dest.open("wb") as fh:
            for chunk in r.iter_content(chunk_size=CHUNK):
                fh.write(chunk)
    return dest


def download_media(media_id: str, dest: Path) -> Path:
    r = requests.get(f"{ASSET_API}/media/{media_id}", stream=True, timeout=(5, 60))
    with dest.open("wb") as fh:
        for chunk in r.iter_content(chunk_size=CHUNK):  # expect: unchecked-response-status
            fh.write(chunk)
    return dest


def copy_original(media_id: str, dest: Path) -> None:
    r = requests.get(f"{ASSET_API}/media/{media_id}/original", stream=True, timeout=30)
    with dest.open("wb") as fh:
        shutil.copyfileobj(r.raw, fh)  # expect: unchecked-response-status


def manifest_lines(batch_id: str):
    r = requests.get(f"{ASSET_API}/batches/{batch_id}/manifest", stream=True, timeout=30)
    if r.status_code == 404:
        return
    for line in r.iter_lines(decode_unicode=True):
        yield line


def asset_size(asset_id: str) -> int:
    return int(requests.get(f"{ASSET_API}/assets/{asset_id}", timeout=10).json()["size"])  # expect: unchecked-response-status
