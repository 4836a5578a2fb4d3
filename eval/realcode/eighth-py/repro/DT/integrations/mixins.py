# DT: the integration token is the last path segment of the alert-ingest URL, so every proxy and access log
# already records it (oncall integrations/mixins/alert_channel_defining_mixin.py:35,40,70,76,100,121,
# ratelimit_mixin.py:138).
import logging

logger = logging.getLogger(__name__)


class AlertChannelDefiningMixin:
    def dispatch(self, *args, **kwargs):
        token = str(kwargs["alert_channel_key"])
        logger.info(f"AlertChannelDefiningMixin started token={token}")
        channel = self.lookup(token)
        if channel is None:
            logger.info(f"Integration {token} does not exist")
        return channel
