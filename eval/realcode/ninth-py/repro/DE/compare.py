# DE: a content hash used to see whether a bundled template changed; no secret, nothing from a request
# (baserow backend/src/baserow/core/handler.py:1983 and :1994).
import hashlib
import json


def needs_reinstall(installed_template, parsed_json, force=False):
    export_hash = hashlib.sha256(json.dumps(parsed_json["export"]).encode("utf-8")).hexdigest()
    if installed_template and installed_template.export_hash != export_hash:
        return True
    return not installed_template or installed_template.export_hash != export_hash or force
