# DM: a docker-compose service on the deployment's internal network (IntelOwl cyberchef.py:15, phoneinfoga_scan.py:45).
import requests


class CyberChef:
    url: str = "http://cyberchef-server:3000/bake"

    def run(self, payload):
        return requests.post(self.url, json=payload, timeout=30)
