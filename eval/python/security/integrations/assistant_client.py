"""Summarises support tickets with the LLM providers."""
import logging
import os

import anthropic
import httpx
from openai import OpenAI

logger = logging.getLogger(__name__)

openai_client = OpenAI(api_key="sk-proj-Dp4CqLCYYPBp8tYQbcsBSAvww9sCGgF7foAAXIBRBcZiKf1D")  # expect: hardcoded-credential
claude = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])
FALLBACK_ANTHROPIC_KEY = "sk-ant-api03-2ZOwUw1wtqGTlrmAdWe84cMlRtsa51JuXqQguWimaG3vGAE6KvNG0c5INnAIjM5xeOwH5Nmpcv3Ga4a5"  # expect: hardcoded-credential

GOOGLE_MAPS_KEY = "AIzat1OY99vDQPY2maNikPaztLijkKdKzwOtXTX"  # expect: hardcoded-credential
TRANSLATE_API = "https://translation.googleapis.com/language/translate/v2"


def summarise(ticket_text: str) -> str:
    completion = openai_client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Summarise:\n{ticket_text}"}],
        timeout=30,
    )
    usage = completion.usage
    logger.info("summary used %d prompt tokens and %d completion tokens", usage.prompt_tokens, usage.completion_tokens)
    return completion.choices[0].message.content


def translate(text: str, target: str) -> str:
    resp = httpx.post(TRANSLATE_API, params={"key": os.environ["TRANSLATE_API_KEY"]}, json={"q": text, "target": target})
    resp.raise_for_status()
    return resp.json()["data"]["translations"][0]["translatedText"]


def classify(text: str) -> str:
    msg = claude.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=20,
        messages=[{"role": "user", "content": text}],
    )
    return msg.content[0].text
