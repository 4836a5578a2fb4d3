import { argument, calleeName } from '../../engine/python/ast.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { keywordState } from '../../analysis/python/arguments.js';
import { pyHttpCalls, pyPassedInClientCalls, type PyHttpCall } from '../../analysis/python/http.js';
import { secureSchemeEditAt, urlLiterals } from '../../analysis/python/urls.js';
import { insecureUrlOf } from '../../analysis/urls.js';

/** The URL a request call sends to: `request(method, url)` takes it second. */
function requestUrl(http: PyHttpCall, text: string): PyNode | undefined {
  const url = http.model.url;
  const method = calleeName(http.call, text);
  if (!url || method === 'send') return undefined;
  return argument(http.call, method === 'request' ? 1 : url.index, url.keyword, text);
}

/** A client's base URL: `base_url=` (httpx, aiohttp), or aiohttp's first argument. */
function clientUrls(http: PyHttpCall, ctx: PythonContext): PyNode[] {
  const { facts } = ctx.file;
  return (http.model.baseUrl ?? []).flatMap((name) => {
    const state = keywordState(http.call, name, facts, http.model.clientUrlIndex);
    return state.kind === 'present' ? [state.value] : [];
  });
}

export function checkPython(ctx: PythonContext<{ localHosts: string[] }>): void {
  const { facts } = ctx.file;
  const reported = new Set<PyNode>();
  for (const http of [...pyHttpCalls(facts), ...pyPassedInClientCalls(facts)]) {
    const urls = http.kind === 'request' ? [requestUrl(http, facts.text)] : clientUrls(http, ctx);
    for (const url of urls) {
      for (const { literal, text, whole } of urlLiterals(url, facts)) {
        const clear = insecureUrlOf({ text, whole }, ctx.options.localHosts);
        if (!clear || reported.has(literal)) continue;
        reported.add(literal);
        const secure = clear.scheme === 'ws' ? 'wss://' : 'https://';
        ctx.report({ node: literal, messageId: 'clearText', data: { call: http.name, url: `${clear.scheme}://${clear.host}`, secure }, fix: () => secureSchemeEditAt(literal, facts) });
      }
    }
  }
}
