import shutil
from pathlib import Path

import httpx
import requests

CHUNK = 1 << 20


def download_dataset(url: str, dest: Path) -> Path:
    with requests.get(url, stream=True, timeout=(5, 60)) as resp:
        with dest.open("wb") as fh:
            for chunk in resp.iter_content(CHUNK):  # expect: unchecked-response-status
                fh.write(chunk)
    return dest


def download_release(url: str, dest: Path) -> Path:
    with requests.get(url, stream=True, timeout=30) as resp:
        resp.raise_for_status()
        with dest.open("wb") as fh:
            shutil.copyfileobj(resp.raw, fh)
    return dest


def mirror_artifact(url: str, dest: Path) -> None:
    with httpx.stream("GET", url, timeout=None, follow_redirects=True) as resp:  # expect: missing-timeout
        resp.raise_for_status()
        with dest.open("wb") as fh:
            for chunk in resp.iter_bytes():
                fh.write(chunk)


def fetch_manifest(url: str) -> list[str]:
    with httpx.Client(follow_redirects=True) as client:
        resp = client.get(url)
        return resp.text.splitlines()  # expect: unchecked-response-status
