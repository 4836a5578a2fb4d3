import json
import urllib.parse
import urllib.request

API = "https://api.weather.example.com/v3"


def current_conditions(lat: float, lon: float, api_key: str) -> dict:
    query = urllib.parse.urlencode({"lat": lat, "lon": lon, "key": api_key})
    with urllib.request.urlopen(f"{API}/current?{query}") as resp:  # expect: missing-timeout
        return json.load(resp)


def forecast(lat: float, lon: float, api_key: str) -> dict:
    req = urllib.request.Request(
        f"{API}/forecast?lat={lat}&lon={lon}",
        headers={"X-Api-Key": api_key, "Accept": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


def radar_tile(z: int, x: int, y: int) -> bytes:
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler())
    opener.addheaders = [("User-Agent", "weather-widget/2.1")]
    with opener.open(f"http://tiles.weather-radar.net/{z}/{x}/{y}.png") as resp:  # expect: missing-timeout, insecure-transport
        return resp.read()
