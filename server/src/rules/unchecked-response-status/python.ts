import { enclosingFunction, field, forEachInScope, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { dictEntries, keywordState } from '../../analysis/python/arguments.js';
import { pyHttpCalls, type PyHttpCall } from '../../analysis/python/http.js';
import { validatedBySchema } from '../../analysis/python/schemas.js';
import { boundName } from '../../analysis/python/bindings.js';

/** The expression a request call's value stands in: through `await` and parentheses. */
function valueSite(call: PyNode): PyNode {
  let site = call;
  while (site.parent && (site.parent.type === 'await' || site.parent.type === 'parenthesized_expression')) site = site.parent;
  return site;
}

/** A body read on `object`: `.json()` and the other reading methods called, or `.text` / `.content` read. */
function bodyRead(access: PyNode, http: PyHttpCall, facts: PyFacts): PyNode | undefined {
  if (access.type !== 'attribute') return undefined;
  const name = facts.textOf(field(access, 'attribute')!);
  const called = access.parent?.type === 'call' && access.field === 'function';
  if (called && http.model.bodyMethods.includes(name)) return access.parent!;
  if (!called && http.model.bodyAttributes.includes(name)) return access;
  return undefined;
}

/** aiohttp `raise_for_status=True`, or an httpx client with a response event hook: every response is checked. */
function raisesByItself(http: PyHttpCall, facts: PyFacts): boolean {
  const option = http.model.raiseOption;
  for (const call of [http.call, http.client]) {
    if (!call) continue;
    if (option) {
      const state = keywordState(call, option, facts);
      if (state.kind === 'unknown' || (state.kind === 'present' && !(unwrap(state.value)?.type === 'false'))) return true;
    }
    const hooks = keywordState(call, 'event_hooks', facts);
    if (hooks.kind === 'unknown' || (hooks.kind === 'present' && (dictEntries(facts.valueOf(hooks.value), facts)?.has('response') ?? true))) return true;
  }
  return false;
}

export function checkPython(ctx: PythonContext): void {
  const { facts } = ctx.file;
  // A response name bound in two branches (`r = post(a)` / `r = post(b)`) reaches one read from both calls: one finding.
  const reported = new Set<PyNode>();
  for (const http of pyHttpCalls(facts)) {
    if (http.kind !== 'request' || http.model.raisesOnError || (http.model.bodyMethods.length === 0 && http.model.bodyAttributes.length === 0)) continue;
    if (raisesByItself(http, facts)) continue;
    const check = http.model.statusChecks.includes('raise_for_status') ? 'raise_for_status()' : 'status';
    const advice = (response: string) => (response === 'the response' ? `Keep the response and check its \`${check}\` before reading it.` : `Check \`${response}.${check}\` first.`);
    const site = valueSite(http.call);
    // `requests.get(u, timeout=5).json()`: a body read with no chance of a check.
    if (site.parent?.type === 'attribute' && site.field === 'object') {
      const read = bodyRead(site.parent, http, facts);
      if (read && !validatedBySchema(read, facts)) ctx.report({ node: read, messageId: 'pyUnchecked', data: { read: facts.textOf(read).split('\n')[0], response: 'the response', advice: advice('the response') } });
      continue;
    }
    const name = boundName(site, facts);
    if (!name) continue;
    const scope = enclosingFunction(http.call) ?? ctx.file.tree.root;
    let read: PyNode | undefined;
    let checked = false;
    forEachInScope(scope, (node) => {
      if (checked || node.start < site.end) return !checked;
      if (node.type !== 'identifier' || facts.textOf(node) !== name) return true;
      const parent = node.parent!;
      if (parent.type === 'attribute' && node.field === 'object') {
        const attribute = facts.textOf(field(parent, 'attribute')!);
        if (http.model.statusChecks.includes(attribute)) checked = true;
        else {
          // A body given straight to a schema fails loudly on an error page (contract 1.4).
          const body = bodyRead(parent, http, facts);
          if (body && !validatedBySchema(body, facts)) read ??= body;
        }
      } else if (parent.type === 'argument_list' || parent.type === 'return_statement' || parent.type === 'keyword_argument' || parent.type === 'yield') {
        // Handed to a helper (which may check it), or returned to the caller.
        checked = true;
      }
      return true;
    });
    if (checked || !read || reported.has(read)) continue;
    const found = read;
    reported.add(found);
    ctx.report({ node: found, messageId: 'pyUnchecked', data: { read: facts.textOf(found).split('\n')[0], response: name, advice: advice(name) }, fix: check === 'raise_for_status()' ? () => insertCheck(found, name, facts) : undefined });
  }
}

/** `name.raise_for_status()` on its own line before the statement that reads the body. */
function insertCheck(read: PyNode, name: string, facts: PyFacts) {
  let statement = read;
  while (statement.parent && statement.parent.type !== 'block' && statement.parent.type !== 'module') statement = statement.parent;
  const lineStart = facts.text.lastIndexOf('\n', statement.start - 1) + 1;
  const indent = facts.text.slice(lineStart, statement.start);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  return { start: statement.start, end: statement.start, text: `${name}.raise_for_status()\n${indent}` };
}
