import { ts } from '../engine/ts.js';
import { calleeName, forEachDescendant, type FunctionNode } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import type { Edit, Fixer, FixFunction } from '../engine/types.js';
import type { NeededImport } from '../models/imports.js';
import {
  GENERIC_VERIFICATION,
  hmacVerification,
  WEBHOOK_FRAMEWORKS,
  WEBHOOK_PROVIDERS,
  type HandlerNames,
  type VerificationTemplate,
  type WebhookFramework,
  type WebhookProvider,
} from '../models/webhooks.js';
import { indentAt } from './edits.js';
import { inStyle, sourceStyle } from './source-style.js';
import { ImportPlan } from './imports.js';
import { isAsyncFunction } from './make-async.js';
import { pathParts, type Route } from './routes.js';

/** What the unverified-webhook suggestion inserts for one route. */
export interface VerificationSuggestion {
  /** How the suggestion's title names the check. */
  title: string;
  fix: FixFunction;
}

/** The file a route is in, as a rule sees it. */
export interface RouteFile {
  sourceFile: ts.SourceFile;
  facts: FileFacts;
  path: string;
}

/** How many trailing segments of a file path may name the provider of a route without a path (Next.js `app/api/webhooks/github/route.ts`). */
const FILE_PATH_SEGMENTS = 3;

class NoSuggestion extends Error {}

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

function routeWords(route: Route, path: string): string[] {
  if (route.path === '') return words(path.split(/[\\/]/).slice(-FILE_PATH_SEGMENTS).join('/'));
  return route.path !== undefined ? words(route.path) : pathParts(route.pathExpression).flatMap(words);
}

function readsHeader(fn: FunctionNode, headers: readonly string[]): boolean {
  let found = false;
  forEachDescendant(fn, (node) => {
    if (ts.isStringLiteralLike(node) && headers.includes(node.text.toLowerCase())) found = true;
    return found ? false : undefined;
  });
  return found;
}

function usesModule(fn: FunctionNode, modules: readonly string[], facts: FileFacts): boolean {
  let found = false;
  forEachDescendant(fn, (node) => {
    if (ts.isIdentifier(node) && modules.includes(facts.resolve(node)?.module ?? '')) found = true;
    return found ? false : undefined;
  });
  return found;
}

/** The provider a route is for: named by its path, by a signature header its steps read, or by the SDK its handler uses. */
function recognisedProvider(route: Route, file: RouteFile): { provider: WebhookProvider; word?: string } | undefined {
  const pathWords = routeWords(route, file.path);
  for (const provider of WEBHOOK_PROVIDERS) {
    const word = provider.routeWords?.find((candidate) => pathWords.includes(candidate));
    if (word) return { provider, word };
  }
  const stepFns = route.steps.flatMap((step) => (step.fn ? [step.fn] : []));
  const byHeader = WEBHOOK_PROVIDERS.find((provider) => provider.signatureHeaders.length > 0 && stepFns.some((fn) => readsHeader(fn, provider.signatureHeaders)));
  if (byHeader) return { provider: byHeader };
  const handler = route.handler.fn;
  const bySdk = handler && WEBHOOK_PROVIDERS.find((provider) => provider.verification && provider.modules.length > 0 && usesModule(handler, provider.modules, file.facts));
  return bySdk ? { provider: bySdk } : undefined;
}

function templateFor(route: Route, file: RouteFile): { template: VerificationTemplate; secretEnv: string } {
  const recognised = recognisedProvider(route, file);
  if (!recognised) return { template: GENERIC_VERIFICATION, secretEnv: GENERIC_VERIFICATION.secretEnv ?? 'WEBHOOK_SECRET' };
  const { provider, word } = recognised;
  const template =
    provider.verification ??
    hmacVerification({ header: provider.signatureHeaders[0], encoding: 'hex', title: `an HMAC-SHA256 signature in ${provider.signatureHeaders[0]} (check ${provider.provider}'s signing scheme)` });
  const envWord = (word ?? provider.provider).toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return { template, secretEnv: template.secretEnv ?? `${envWord}_WEBHOOK_SECRET` };
}

function registrationOf(route: Route): WebhookFramework['registration'] {
  if (ts.isDecorator(route.node)) return 'decorator';
  return ts.isCallExpression(route.node) ? 'call' : 'export';
}

function parameterNames(fn: FunctionNode): (string | undefined)[] {
  return fn.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : undefined));
}

function frameworkOf(route: Route, fn: FunctionNode, facts: FileFacts): WebhookFramework | undefined {
  const registration = registrationOf(route);
  const candidates = WEBHOOK_FRAMEWORKS.filter((framework) => framework.registration === registration);
  if (registration !== 'call') return candidates[0];
  const imported = candidates.find((framework) => framework.modules.some((module) => facts.importedModules.has(module)));
  if (imported) return imported;
  const names = parameterNames(fn);
  return candidates.find((framework) => framework.conventionalNames?.every((name, i) => names[i] === name));
}

function isDecoratedWith(parameter: ts.ParameterDeclaration, names: readonly string[]): boolean {
  return (ts.getDecorators(parameter) ?? []).some((decorator) => ts.isCallExpression(decorator.expression) && names.includes(calleeName(decorator.expression) ?? ''));
}

/** The handler's request (and response) names, or the parameter to add for them (a Nest method without `@Req()`). */
function handlerNames(framework: WebhookFramework, fn: FunctionNode): { request: string; response: string; addParameter?: string } | undefined {
  if (framework.registration === 'decorator') {
    const parameter = fn.parameters.find((p) => isDecoratedWith(p, ['Req', 'Request']));
    if (parameter) return ts.isIdentifier(parameter.name) ? { request: parameter.name.text, response: parameter.name.text } : undefined;
    const added = framework.requestParameter;
    return added ? { request: added.name, response: added.name, addParameter: added.declaration } : undefined;
  }
  const [request, response] = parameterNames(fn);
  if (!request || (framework.parameters === 2 && !response)) return undefined;
  return { request, response: response ?? request };
}

function stepCall(expression: ts.Node, facts: FileFacts): ts.CallExpression | undefined {
  if (!ts.isExpression(expression)) return undefined;
  const value = ts.isIdentifier(expression) ? facts.valueOf(expression) : expression;
  const node = value && skipOuter(value);
  return node && ts.isCallExpression(node) ? node : undefined;
}

/** The raw body as the route's body parser leaves it, and the edit that makes a JSON parser keep it. */
function rawBodyOf(route: Route, framework: WebhookFramework, names: HandlerNames, facts: FileFacts, fixer: Fixer): { rawBody: string; note?: string; edit?: Edit } {
  const parsers = framework.bodyParsers;
  const middleware = route.steps.filter((step) => step !== route.handler);
  for (const step of middleware) {
    const call = parsers && stepCall(step.expression, facts);
    if (!parsers || !call) continue;
    const name = calleeName(call) ?? '';
    if (parsers.raw.includes(name)) return { rawBody: parsers.rawBody(names) };
    // Only a parser written in this registration: a shared one serves other routes too.
    if (parsers.keep.parsers.includes(name) && call.arguments.length === 0 && step.expression === call) {
      return { rawBody: framework.rawBody(names), edit: fixer.insertTextAfter([call.arguments.pos, call.arguments.pos], parsers.keep.options) };
    }
  }
  return { rawBody: framework.rawBody(names), note: framework.rawBodyNote?.(names) };
}

function identifiersIn(node: ts.Node): Set<string> {
  const names = new Set<string>();
  forEachDescendant(node, (child) => void (ts.isIdentifier(child) && names.add(child.text)));
  return names;
}

/** Template lines (two spaces a level) indented in the file's unit, `reject` expanded in place. */
function layout(lines: readonly string[], reject: readonly string[], unit: string): string[] {
  return lines.flatMap((line) => {
    const depth = Math.floor((/^ */.exec(line)?.[0].length ?? 0) / 2);
    const body = line.trimStart();
    return (body === 'reject' ? reject : [body]).map((statement) => unit.repeat(depth) + statement);
  });
}

/**
 * The suggestion that verifies a route's deliveries: the recognised provider's check (else a
 * generic HMAC) in the handler's framework, inserted at the start of the handler body, with
 * the imports it needs and the secret's variable added to `.env.example`.
 */
export function verificationSuggestion(route: Route, file: RouteFile): VerificationSuggestion | undefined {
  const fn = route.handler.fn;
  const body = fn?.body;
  if (!fn || !body || !ts.isBlock(body) || body.statements.length === 0) return undefined;
  const framework = frameworkOf(route, fn, file.facts);
  const handler = framework && handlerNames(framework, fn);
  if (!framework || !handler) return undefined;
  const { template, secretEnv } = templateFor(route, file);
  return {
    title: template.title,
    fix: (fixer) => {
      try {
        return snippetEdits({ route, file, fn, body, framework, handler, template, secretEnv, fixer });
      } catch (error) {
        if (error instanceof NoSuggestion) return null;
        throw error;
      }
    },
  };
}

interface SnippetInput {
  route: Route;
  file: RouteFile;
  fn: FunctionNode;
  body: ts.Block;
  framework: WebhookFramework;
  handler: { request: string; response: string; addParameter?: string };
  template: VerificationTemplate;
  secretEnv: string;
  fixer: Fixer;
}

function snippetEdits({ route, file, fn, body, framework, handler, template, secretEnv, fixer }: SnippetInput): Edit[] {
  const { sourceFile } = file;
  const text = sourceFile.text;
  const style = sourceStyle(sourceFile);
  const plan = new ImportPlan(sourceFile, style);
  const needs: NeededImport[] = [...template.imports, ...(framework.imports ?? []), ...(handler.addParameter ? framework.requestParameter?.imports ?? [] : [])];
  const ref = (name: string): string => {
    const need = needs.find((candidate) => candidate.defaultName === name || candidate.names?.includes(name) || candidate.typeNames?.includes(name));
    const reference = need && plan.ref(need, name);
    if (!reference) throw new NoSuggestion();
    return reference;
  };
  const used = identifiersIn(fn);
  const locals = new Map<string, string>();
  const local = (name: string): string => {
    let chosen = locals.get(name);
    for (let n = 2; !chosen; n++) {
      const candidate = n === 2 ? name : `${name}${n - 1}`;
      if (!used.has(candidate)) chosen = candidate;
    }
    locals.set(name, chosen);
    used.add(chosen);
    return chosen;
  };
  const names: HandlerNames = { request: handler.request, response: handler.response, ref };
  const { rawBody, note, edit: parserEdit } = rawBodyOf(route, framework, names, file.facts, fixer);
  const secret = `process.env.${secretEnv}${/\.[mc]?tsx?$/.test(sourceFile.fileName) ? '!' : ''}`;
  let readsRawBody = false;
  const code = template.code({
    header: (name) => framework.header(names, name),
    headers: framework.headers(names),
    get rawBody() {
      readsRawBody = true;
      return rawBody;
    },
    url: framework.url(names),
    params: framework.params(names),
    reject: framework.reject(names),
    secret,
    ref,
    local,
  });
  if (!isAsyncFunction(fn) && code.some((line) => /\bawait\b/.test(line))) return [];
  if (handler.addParameter) for (const name of ['Req', 'RawBodyRequest', 'Request']) ref(name);

  const first = body.statements[0];
  const open = body.getStart(sourceFile);
  const outer = indentAt(text, open);
  const newline = text.indexOf('\n', open);
  const bodyOnItsOwnLines = newline >= 0 && newline < first.getStart(sourceFile);
  const firstIndent = indentAt(text, first.getStart(sourceFile));
  const unit = bodyOnItsOwnLines && firstIndent.startsWith(outer) && firstIndent.length > outer.length ? firstIndent.slice(outer.length) : '  ';
  const indent = outer + unit;
  const lines = layout([...(note && readsRawBody ? [`// ${note}`] : []), ...code], framework.reject(names), unit).map((line) => inStyle(line, style));
  // After the line holding `{` (a trailing comment stays on it); a body written on one line is opened up.
  const insertion = bodyOnItsOwnLines
    ? fixer.insertTextAfter([newline + 1, newline + 1], lines.map((line) => `${indent}${line}\n`).join(''))
    : fixer.replaceTextRange([open + 1, first.getStart(sourceFile)], lines.map((line) => `\n${indent}${line}`).join('') + `\n${indent}`);

  const edits: Edit[] = [insertion, ...plan.edits(fixer), fixer.appendLineToFile('.env.example', `${secretEnv}=`)];
  if (parserEdit && readsRawBody) edits.push(parserEdit);
  if (handler.addParameter) edits.push(parameterEdit(fn, handler.addParameter, sourceFile, fixer));
  return edits;
}

function parameterEdit(fn: FunctionNode, declaration: string, sourceFile: ts.SourceFile, fixer: Fixer): Edit {
  const last = fn.parameters[fn.parameters.length - 1];
  if (last) return fixer.insertTextAfter(last, `, ${declaration}`);
  return fixer.insertTextAfter([fn.parameters.pos, fn.parameters.pos], declaration);
}
