"""SendGrid mailer with a plain requests session."""
import logging

import requests
from requests.adapters import HTTPAdapter

logger = logging.getLogger(__name__)


class TimeoutAdapter(HTTPAdapter):
    def __init__(self, *args, timeout: float = 10.0, **kwargs):
        self.timeout = timeout
        super().__init__(*args, **kwargs)

    def send(self, request, **kwargs):
        kwargs.setdefault("timeout", self.timeout)
        return super().send(request, **kwargs)


class SendGridMailer:
    API = "https://api.sendgrid.com/v3"

    def __init__(self, api_key: str = "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"):  # expect: hardcoded-credential
        self.session = requests.Session()
        self.session.mount("https://", TimeoutAdapter(timeout=8))
        self.session.headers.update({"Authorization": f"Bearer {api_key}"})

    def send(self, to: str, template_id: str, data: dict) -> str:
        resp = self.session.post(
            f"{self.API}/mail/send",
            json={"personalizations": [{"to": [{"email": to}], "dynamic_template_data": data}], "template_id": template_id},
        )
        resp.raise_for_status()
        return resp.headers.get("X-Message-Id", "")

    def bounces(self) -> list:
        resp = self.session.get(f"{self.API}/suppression/bounces")
        return resp.json()  # expect: unchecked-response-status

    def stats(self) -> dict:
        resp = self.session.get(f"{self.API}/stats")
        if resp.status_code == 429:
            return {}
        return resp.json()
