// What each snippet expects around it in a real file: the imports it uses and the app
// objects (an express app, a Stripe client) it is written against. The compile test puts
// this above the expanded snippet; a snippet missing from this table fails the suite.

export interface SnippetContext {
  /** Lines above the snippet in a TypeScript file. */
  ts: string[];
  /** Lines above the snippet in a JavaScript file (no type-only imports). */
  js: string[];
}

const EXPRESS_APP = ["import express from 'express';", 'const app = express();'];
const STRIPE_CLIENT = ["import Stripe from 'stripe';", "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');"];
const HMAC = ["import { createHmac, timingSafeEqual } from 'node:crypto';"];

const same = (lines: string[]): SnippetContext => ({ ts: lines, js: lines });

/** Keyed by prefix. `export {}` makes a file without imports a module, so snippets do not clash. */
export const SNIPPET_CONTEXT: Record<string, SnippetContext> = {
  'ie-fetch-retry': same(['export {};']),
  'ie-axios-retry': { ts: ["import axios, { type InternalAxiosRequestConfig } from 'axios';"], js: ["import axios from 'axios';"] },
  'ie-circuit-breaker': same(['export {};']),
  'ie-bulkhead': same(['export {};']),
  'ie-token-bucket': same(['export {};']),
  'ie-idempotent-payment': same(STRIPE_CLIENT),
  'ie-idempotent-post': same(["import { randomUUID } from 'node:crypto';"]),
  'ie-webhook-stripe': same([...EXPRESS_APP, ...STRIPE_CLIENT]),
  'ie-webhook-github': same([...EXPRESS_APP, ...HMAC]),
  'ie-webhook-slack': same([...EXPRESS_APP, ...HMAC]),
  'ie-webhook-svix': same([...EXPRESS_APP, "import { Webhook } from 'svix';"]),
  'ie-webhook-hmac': same([...EXPRESS_APP, ...HMAC]),
  'ie-queue-consumer': { ts: ["import amqp, { type ConsumeMessage } from 'amqplib';"], js: ["import amqp from 'amqplib';"] },
  'ie-consumer-shutdown': same(['export {};']),
  'ie-correlation-id': same([...EXPRESS_APP, "import { AsyncLocalStorage } from 'node:async_hooks';", "import { randomUUID } from 'node:crypto';"]),
  'ie-zod-response': same(["import { z } from 'zod';"]),
};

const FASTAPI_APP = ['import json', 'import os', 'from fastapi import FastAPI, Header, HTTPException, Request', 'app = FastAPI()'];
const FLASK_APP = ['import json', 'import os', 'from flask import Flask, abort, request', 'app = Flask(__name__)'];
const PY_HMAC = ['import hashlib', 'import hmac'];
const PY_RETRY = ['import random', 'import time', 'import requests'];

/** Lines above each Python snippet (keyed by prefix; the Python file reuses some JavaScript prefixes). */
export const PYTHON_SNIPPET_CONTEXT: Record<string, string[]> = {
  'ie-requests-retry': PY_RETRY,
  'ie-circuit-breaker': ['import threading', 'import time', 'from typing import Callable, TypeVar', 'T = TypeVar("T")'],
  'ie-idempotent-post': [...PY_RETRY, 'import uuid', 'from typing import Any'],
  'ie-webhook-stripe-fastapi': [...FASTAPI_APP, 'import stripe'],
  'ie-webhook-stripe-flask': [...FLASK_APP, 'import stripe'],
  'ie-webhook-github-fastapi': [...FASTAPI_APP, ...PY_HMAC],
  'ie-webhook-github-flask': [...FLASK_APP, ...PY_HMAC],
  'ie-webhook-slack-fastapi': [...FASTAPI_APP, ...PY_HMAC, 'import time'],
  'ie-webhook-slack-flask': [...FLASK_APP, ...PY_HMAC, 'import time'],
  'ie-queue-consumer': ['import json', 'import logging', 'import pika', 'logger = logging.getLogger(__name__)'],
};
