import { callArguments, calleeName, calleeObject, field, forEachDescendant, isNone, namedChildren, numberValue } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { addKeyword, keywordState } from '../../analysis/python/arguments.js';
import { pyHttpCalls, type PyHttpCall } from '../../analysis/python/http.js';
import type { PyHttpClientModel } from '../../models/python.js';

type Setting = 'on' | 'off' | 'missing' | 'unknown';

/** `float("inf")`, `math.inf`. */
function isInfinite(node: PyNode, facts: PyFacts): boolean {
  if (facts.qualify(node) === 'math.inf') return true;
  if (node.type !== 'call' || facts.qualify(field(node, 'function')) !== 'float') return false;
  const [arg] = callArguments(node, facts.text).positional;
  return arg !== undefined && /^["'][+]?inf(inity)?["']$/i.test(facts.textOf(arg));
}

/** A timeout object (`httpx.Timeout(None)`, `aiohttp.ClientTimeout()`) that bounds no phase. */
function isTimeoutObjectOff(node: PyNode, model: PyHttpClientModel, facts: PyFacts): boolean {
  if (node.type !== 'call' || !model.timeoutObjects?.includes(facts.qualify(field(node, 'function')) ?? '')) return false;
  const args = callArguments(node, facts.text);
  if (args.dictSplats.length > 0 || args.listSplats.length > 0) return false;
  const values = [...args.positional, ...[...args.keywords.values()].map((keyword) => field(keyword, 'value')!)];
  // aiohttp: off unless some field is a finite positive bound (`ClientTimeout()` has none); httpx: off when every field is None.
  if (model.zeroIsOff) return values.every((value) => isOff(value, model, facts) || numberValue(facts.valueOf(value), facts.text) === 0);
  if (values.length === 0) return model.emptyTimeoutIsOff === true;
  return values.every((value) => isNone(facts.valueOf(value)));
}

/** True when a timeout value the file shows waits for ever: None, infinity, `(connect, None)`, 0 where it means off. */
function isOff(value: PyNode, model: PyHttpClientModel, facts: PyFacts): boolean {
  const shown = facts.valueOf(value);
  if (!shown) return false;
  if (shown.type === 'none' || isInfinite(shown, facts)) return true;
  if (model.zeroIsOff && numberValue(shown, facts.text) === 0) return true;
  if (shown.type === 'tuple') return namedChildren(shown).some((part) => isNone(facts.valueOf(part)));
  return isTimeoutObjectOff(shown, model, facts);
}

function timeoutSetting(call: PyNode, model: PyHttpClientModel, facts: PyFacts): { setting: Setting; value?: PyNode } {
  const state = keywordState(call, 'timeout', facts, model.timeoutIndex);
  if (state.kind !== 'present') return { setting: state.kind };
  return { setting: isOff(state.value, model, facts) ? 'off' : 'on', value: state.value };
}

/** `socket.setdefaulttimeout(n)` in the file bounds urllib (as `axios.defaults.timeout`). */
function hasSocketDefault(facts: PyFacts): boolean {
  return facts.ofType('call').some((call) => facts.qualify(field(call, 'function')) === 'socket.setdefaulttimeout' && !isNone(facts.valueOf(callArguments(call, facts.text).positional[0])));
}

/** The file's classes with one of these methods setting a timeout (`def send(...)`: kwargs.setdefault("timeout", ...)). */
function classesSettingTimeout(facts: PyFacts, methods: readonly string[], base?: string): PyNode[] {
  return facts.ofType('class_definition').filter((cls) => {
    const bases = field(cls, 'superclasses');
    if (!bases || (base && !facts.textOf(bases).includes(base))) return false;
    let sets = false;
    forEachDescendant(cls, (node) => {
      if (node.type === 'function_definition' && methods.includes(facts.textOf(field(node, 'name')!)) && facts.textOf(node).includes('timeout')) sets = true;
      return !sets;
    });
    return sets;
  });
}

/**
 * The sessions (their constructor calls) whose requests are bounded: those on which the file
 * mounts an `HTTPAdapter` whose `send` sets a default timeout, and a Session subclass of the
 * file whose own `request` or `send` does (it stands for its instances' constructor).
 */
function sessionsWithTimeoutAdapter(facts: PyFacts): Set<PyNode> {
  const adapters = new Set(classesSettingTimeout(facts, ['send'], 'HTTPAdapter').map((cls) => facts.textOf(field(cls, 'name')!)));
  const sessions = new Set<PyNode>(classesSettingTimeout(facts, ['request', 'send']));
  if (adapters.size === 0) return sessions;
  for (const call of facts.ofType('call')) {
    if (calleeName(call, facts.text) !== 'mount') continue;
    const adapter = facts.valueOf(callArguments(call, facts.text).positional[1]);
    const session = facts.instanceOf(calleeObject(call))?.call;
    if (session && adapter?.type === 'call' && adapters.has(facts.textOf(field(adapter, 'function')!))) sessions.add(session);
  }
  return sessions;
}

export function checkPython(ctx: PythonContext<{ defaultTimeoutMs: number }>): void {
  const { facts } = ctx.file;
  const seconds = String(Math.round(ctx.options.defaultTimeoutMs / 100) / 10);
  const advice = `Pass \`timeout=${seconds}\` (seconds).`;
  const calls = pyHttpCalls(facts);
  if (calls.length === 0) return;
  let socketDefault: boolean | undefined;
  let adapted: Set<PyNode> | undefined;

  const fixFor = (http: PyHttpCall, value: PyNode | undefined) => () => {
    if (value) return { start: value.start, end: value.end, text: seconds };
    return addKeyword(http.call, `timeout=${seconds}`);
  };

  for (const http of calls) {
    const { model, call, kind } = http;
    if (model.timeoutDefault === 'finite') {
      // httpx and aiohttp bound requests by default: only turning it off is reported.
      const { setting, value } = timeoutSetting(call, model, facts);
      if (setting !== 'off') continue;
      // aiohttp's `ClientSession(timeout=None)` means different things across versions: not reported.
      if (kind === 'client' && model.zeroIsOff && isNone(facts.valueOf(value))) continue;
      ctx.report({ node: call, messageId: kind === 'client' ? 'clientOff' : 'requestOff', data: { call: http.name, advice, setting: `\`timeout=${seconds}\`` } });
      continue;
    }
    if (model.timeoutDefault === 'constructor') {
      if (kind === 'request' && http.client) continue;
      const { setting, value } = timeoutSetting(call, model, facts);
      if (setting !== 'missing' && setting !== 'off') continue;
      const messageId = kind === 'client' ? (setting === 'off' ? 'clientOff' : 'clientMissing') : setting === 'off' ? 'requestOff' : 'requestMissing';
      ctx.report({ node: call, messageId, data: { call: http.name, advice, setting: `\`timeout=${seconds}\`` }, fix: fixFor(http, value) });
      continue;
    }
    // No default (requests, urllib): each request needs its own; building a Session is not a request.
    if (kind === 'client') continue;
    const { setting, value } = timeoutSetting(call, model, facts);
    if (setting !== 'missing' && setting !== 'off') continue;
    if (setting === 'missing' && model.timeoutIndex !== undefined && (socketDefault ??= hasSocketDefault(facts))) continue;
    if (http.client && (adapted ??= sessionsWithTimeoutAdapter(facts)).has(http.client)) continue;
    ctx.report({ node: call, messageId: setting === 'off' ? 'requestOff' : 'requestMissing', data: { call: http.name, advice }, fix: fixFor(http, value) });
  }
}
