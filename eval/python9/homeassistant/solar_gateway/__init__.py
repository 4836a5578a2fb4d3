"""The Solar Gateway integration: set-up of a config entry and its polling coordinator."""
from __future__ import annotations

import logging
from datetime import timedelta

import aiohttp
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_HOST, CONF_PASSWORD, CONF_USERNAME, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed

_LOGGER = logging.getLogger(__name__)
DOMAIN = "solar_gateway"
PLATFORMS = [Platform.SENSOR]
CLOUD_API = "https://api.solar-gateway-cloud.example.com/v1"


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    host = entry.data[CONF_HOST]
    session = aiohttp.ClientSession(  # expect: missing-timeout
        timeout=aiohttp.ClientTimeout(total=None, connect=None),
        auth=aiohttp.BasicAuth(entry.data[CONF_USERNAME], entry.data[CONF_PASSWORD]),
    )
    coordinator = SolarCoordinator(hass, session, f"http://{host}")
    await coordinator.async_config_entry_first_refresh()
    hass.data.setdefault(DOMAIN, {})[entry.entry_id] = coordinator
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    coordinator = hass.data[DOMAIN].pop(entry.entry_id)
    await coordinator.session.close()
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


class SolarCoordinator(DataUpdateCoordinator):
    def __init__(self, hass, session, base_url):
        super().__init__(hass, _LOGGER, name=DOMAIN, update_interval=timedelta(seconds=30))
        self.session = session
        self.base_url = base_url

    async def _async_update_data(self):
        try:
            async with self.session.get(f"{self.base_url}/api/realtime") as resp:
                resp.raise_for_status()
                return await resp.json()
        except aiohttp.ClientError as err:
            raise UpdateFailed(f"gateway unreachable: {err}") from err


async def async_report_cloud(hass: HomeAssistant, serial: str, reading: dict) -> None:
    session = async_get_clientsession(hass)
    async with session.post(f"{CLOUD_API}/readings/{serial}", json=reading) as resp:
        if resp.status >= 400:
            _LOGGER.warning("cloud rejected reading: %s", resp.status)


async def async_fetch_firmware_notes(version: str) -> str:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{CLOUD_API}/firmware/{version}/notes") as resp:
            return await resp.text()  # expect: unchecked-response-status
