"""Thin GitHub REST client used by the repository mirror."""
from pathlib import Path

import requests


class GitHubClient:
    def __init__(self, token: str, base_url: str = "https://api.github.com", timeout: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update(
            {"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json"}
        )

    def _request(self, method: str, path: str, **kwargs):
        resp = self.session.request(method, f"{self.base_url}{path}", timeout=self.timeout, **kwargs)
        if resp.status_code == 404:
            return None
        resp.raise_for_status()
        return resp.json() if resp.content else None

    def get_repo(self, owner: str, name: str):
        return self._request("GET", f"/repos/{owner}/{name}")

    def create_issue(self, owner: str, name: str, title: str, body: str):
        return self._request("POST", f"/repos/{owner}/{name}/issues", json={"title": title, "body": body})

    def download_tarball(self, owner: str, name: str, dest: Path) -> Path:
        with self.session.get(f"{self.base_url}/repos/{owner}/{name}/tarball", stream=True) as resp:  # expect: missing-timeout
            resp.raise_for_status()
            with dest.open("wb") as fh:
                for chunk in resp.iter_content(chunk_size=65536):
                    fh.write(chunk)
        return dest

    def rate_limit(self) -> dict:
        return self.session.get(f"{self.base_url}/rate_limit", timeout=self.timeout).json()["rate"]  # expect: unchecked-response-status
