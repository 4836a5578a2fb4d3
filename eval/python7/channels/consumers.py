import json
import logging

import jwt
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings

logger = logging.getLogger(__name__)


class NotificationsConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        query = dict(p.split("=") for p in self.scope["query_string"].decode().split("&") if p)
        token = query.get("token")
        claims = jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
        logger.info("ws connect token=%s", token)  # expect: secret-in-log
        self.user_id = claims["sub"]
        await self.accept()


class FeedConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        query = dict(p.split("=") for p in self.scope["query_string"].decode().split("&") if p)
        claims = jwt.decode(query["token"], settings.JWT_PUBLIC_KEY, algorithms=["RS256"])
        logger.info("feed connect user=%s", claims["sub"])
        await self.accept()

    async def receive_json(self, content):
        logger.debug("frame %s", json.dumps(content)[:200])
