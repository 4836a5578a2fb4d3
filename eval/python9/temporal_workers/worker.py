"""Temporal worker and the renewal workflow; retries are Temporal's own retry policies."""
import asyncio
import logging
import os
from datetime import timedelta

from temporalio import workflow
from temporalio.client import Client, TLSConfig
from temporalio.common import RetryPolicy
from temporalio.worker import Worker

with workflow.unsafe.imports_passed_through():
    from .activities import RenewalInput, charge_card, notify_customer, refund_renewal

logger = logging.getLogger(__name__)

CHARGE_RETRY = RetryPolicy(
    initial_interval=timedelta(seconds=5),
    backoff_coefficient=2.0,
    maximum_attempts=4,
)


@workflow.defn
class RenewalWorkflow:
    @workflow.run
    async def run(self, inp: RenewalInput) -> str:
        intent = await workflow.execute_activity(
            charge_card, inp, start_to_close_timeout=timedelta(seconds=60), retry_policy=CHARGE_RETRY
        )
        await workflow.execute_activity(
            notify_customer, args=[inp, "renewed"], start_to_close_timeout=timedelta(seconds=30)
        )
        return intent


async def main():
    with open(os.environ["TEMPORAL_CLIENT_CERT"], "rb") as fh:
        client_cert = fh.read()
    with open(os.environ["TEMPORAL_CLIENT_KEY"], "rb") as fh:
        client_private_key = fh.read()
    client = await Client.connect(
        os.environ.get("TEMPORAL_ADDRESS", "temporal.internal:7233"),
        namespace=os.environ.get("TEMPORAL_NAMESPACE", "billing"),
        tls=TLSConfig(client_cert=client_cert, client_private_key=client_private_key),
    )
    logger.info("connected to temporal with cert of %d bytes", len(client_cert))
    worker = Worker(
        client,
        task_queue="renewals",
        workflows=[RenewalWorkflow],
        activities=[charge_card, notify_customer, refund_renewal],
    )
    await worker.run()


if __name__ == "__main__":
    asyncio.run(main())
