"""Config flow for Solar Gateway: validates the local gateway's credentials."""
from __future__ import annotations

import logging

import aiohttp
import voluptuous as vol
from homeassistant import config_entries
from homeassistant.const import CONF_HOST, CONF_PASSWORD, CONF_USERNAME

_LOGGER = logging.getLogger(__name__)
DOMAIN = "solar_gateway"

STEP_USER_SCHEMA = vol.Schema(
    {
        vol.Required(CONF_HOST): str,
        vol.Required(CONF_USERNAME, default="installer"): str,
        vol.Required(CONF_PASSWORD): str,
    }
)
FACTORY_PASSWORD = "Sg-7731-fx94"  # expect: hardcoded-credential
DISCOVERY_PROBE = "http://192.168.4.1/api/info"  # expect: insecure-transport


async def validate_input(data: dict) -> dict:
    url = f"http://{data[CONF_HOST]}/api/login"
    async with aiohttp.ClientSession() as session:
        async with session.post(
            url,
            json={"user": data[CONF_USERNAME], "password": data[CONF_PASSWORD]},
            ssl=False,  # expect: tls-verification-disabled
        ) as resp:
            if resp.status == 401:
                raise InvalidAuth
            resp.raise_for_status()
            info = await resp.json()
    _LOGGER.debug("login ok for %s with password %s", data[CONF_USERNAME], data[CONF_PASSWORD])  # expect: secret-in-log
    return {"title": info.get("name", "Solar Gateway"), "serial": info["serial"]}


async def probe_access_point() -> dict | None:
    async with aiohttp.ClientSession() as session:
        async with session.get(DISCOVERY_PROBE, timeout=aiohttp.ClientTimeout(total=3)) as resp:
            if not resp.ok:
                return None
            return await resp.json()


class SolarGatewayConfigFlow(config_entries.ConfigFlow, domain=DOMAIN):
    VERSION = 1

    async def async_step_user(self, user_input=None):
        errors = {}
        if user_input is not None:
            if user_input[CONF_PASSWORD] == FACTORY_PASSWORD:  # expect: timing-unsafe-comparison
                errors["base"] = "factory_password"
            else:
                try:
                    info = await validate_input(user_input)
                except InvalidAuth:
                    errors["base"] = "invalid_auth"
                else:
                    await self.async_set_unique_id(info["serial"])
                    return self.async_create_entry(title=info["title"], data=user_input)
        return self.async_show_form(step_id="user", data_schema=STEP_USER_SCHEMA, errors=errors)


class InvalidAuth(Exception):
    """The gateway refused the credentials."""
