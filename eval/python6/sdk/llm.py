"""OpenAI wrapper: one module-level client, retried with tenacity."""
import logging
import os

import httpx
from openai import APIConnectionError, OpenAI, RateLimitError
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_fixed, wait_random_exponential

log = logging.getLogger(__name__)

client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY"), timeout=30.0, max_retries=0)
batch_client = OpenAI(
    api_key="sk-proj-Qm3Zx8Lr2Tv6Wp9Ys4Kb1Nf7T3BlbkFJHc5Gd0Ja8Mu2Re6Vq",  # expect: hardcoded-credential
    http_client=httpx.Client(timeout=None),  # expect: missing-timeout
)


@retry(retry=retry_if_exception_type((RateLimitError, APIConnectionError)), wait=wait_random_exponential(min=1, max=30), stop=stop_after_attempt(6))
def summarize(text: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Summarize:\n{text}"}],
    )
    return completion.choices[0].message.content


@retry(retry=retry_if_exception_type(RateLimitError), wait=wait_fixed(2), stop=stop_after_attempt(5))  # expect: retry-without-backoff
def embed(texts: list) -> list:
    result = client.embeddings.create(model="text-embedding-3-small", input=texts)
    return [item.embedding for item in result.data]


@retry(wait=wait_random_exponential(max=60))  # expect: unbounded-retry
def moderate(text: str) -> bool:
    result = client.moderations.create(input=text)
    log.debug("moderation for key %s...", os.environ.get("OPENAI_API_KEY", "")[:4])
    return result.results[0].flagged
