import { SyntaxKind, ts } from '../engine/ts.js';
import { calleeName, dottedName, forEachNode, getProperty, propertyName, propertyValue, stringValue, type FunctionNode } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import { resolveFunction } from './functions.js';
import type { ParsedFile } from '../engine/rule.js';
import { tick } from '../engine/deadline.js';

/** One piece of a route's chain: a middleware, hook, guard or the handler itself. */
export interface RouteStep {
  expression: ts.Node;
  /** The function body the file shows for this step (the wrapped function for `wrap(fn)`). */
  fn?: FunctionNode;
}

export interface Route {
  /** Where a finding about the route starts: the registration call, `@Post()` or the exported handler. */
  node: ts.Node;
  /** How a message names the registration: `app.post`, `@Post()`, `exported POST`. */
  label: string;
  /** The route path as far as the file shows it ('' when there is none, undefined when dynamic). */
  path: string | undefined;
  /** The path expression, for callers that look at dynamic parts. */
  pathExpression?: ts.Expression;
  /** Middleware, hooks and guards, then the handler last. */
  steps: RouteStep[];
  handler: RouteStep;
}

const ROUTE_METHODS = new Set(['post', 'put', 'patch', 'all']);
const FASTIFY_HOOKS = ['onRequest', 'preParsing', 'preValidation', 'preHandler'];
/** Receivers whose `.post(path, ...)` sends a request or mocks one instead of serving it. */
const NON_SERVER_MODULES = new Set(['axios', 'got', 'superagent', 'supertest', 'ky', 'node-fetch', 'undici', 'needle', 'request', 'nock', 'msw', 'cross-fetch', 'ofetch', 'wretch']);

function staticPath(expr: ts.Expression | undefined, facts: FileFacts): string | undefined {
  if (!expr) return '';
  const value = facts.valueOf(expr);
  return value ? stringValue(value) : undefined;
}

function isPathLike(expr: ts.Expression): boolean {
  const node = skipOuter(expr);
  return ts.isStringLiteralLike(node) || ts.isTemplateExpression(node) || ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isBinaryExpression(node) || ts.isRegularExpressionLiteral(node);
}

/** Roots already found: every call of a long chain asks, so each link is walked once, not once per call. */
const chainRoots = new WeakMap<ts.Node, ts.Expression>();

/** The root of a receiver chain: `app` for `app.route('/x')`, the call for `request(app)`. */
function chainRoot(expr: ts.Expression): ts.Expression {
  const walked: ts.Node[] = [];
  let node = skipOuter(expr);
  let root: ts.Expression | undefined;
  while (root === undefined) {
    root = chainRoots.get(node);
    if (root !== undefined) break;
    walked.push(node);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = skipOuter(node.expression);
    else if (ts.isCallExpression(node) && (ts.isPropertyAccessExpression(node.expression) || ts.isElementAccessExpression(node.expression))) node = skipOuter(node.expression);
    else root = node;
  }
  for (const link of walked) chainRoots.set(link, root);
  return root;
}

function isNonServerReceiver(receiver: ts.Expression, facts: FileFacts): boolean {
  const root = chainRoot(receiver);
  const target = ts.isCallExpression(root) ? root.expression : root;
  const ref = facts.resolve(target);
  return ref !== undefined && NON_SERVER_MODULES.has(ref.module);
}

/** A step from an argument: arrays are flattened; `wrap(fn)` keeps the call and shows `fn`. */
function stepsOf(expr: ts.Expression, facts: FileFacts): RouteStep[] {
  const node = skipOuter(expr);
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((element) => stepsOf(element, facts));
  if (ts.isCallExpression(node) && calleeName(node) !== 'bind') {
    const wrapped = node.arguments.map((arg) => handlerFunction(arg, facts)).find((fn) => fn !== undefined);
    return [{ expression: node, fn: wrapped }];
  }
  return [{ expression: node, fn: handlerFunction(node, facts) }];
}

/**
 * The function a route is given, also as a member of an object the file builds: old-style
 * controllers (`exports.hook = function (req, res) {…}`, `hooks.partner = …`, `{ partner: function … }`)
 * registered by reference (`router.post('/hook', exports.hook)`).
 */
function handlerFunction(expr: ts.Expression, facts: FileFacts): FunctionNode | undefined {
  const node = skipOuter(expr);
  if (!ts.isPropertyAccessExpression(node)) return resolveFunction(node, facts);
  const owner = ts.isIdentifier(node.expression) ? facts.valueOf(node.expression) : undefined;
  const member = owner && ts.isObjectLiteralExpression(owner) ? getProperty(owner, node.name.text) : undefined;
  if (member && ts.isMethodDeclaration(member)) return member;
  const value = propertyValue(member);
  return (value && resolveFunction(value, facts)) ?? memberAssignedOnce(node, facts) ?? resolveFunction(node, facts);
}

/** The function the file assigns to `a.b` (by its dotted name) when it does so exactly once. */
function memberAssignedOnce(member: ts.PropertyAccessExpression, facts: FileFacts): FunctionNode | undefined {
  const name = dottedName(member);
  if (!name) return undefined;
  const assigned: ts.Expression[] = [];
  forEachNode(member.getSourceFile(), (node) => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken && dottedName(node.left) === name) assigned.push(node.right);
  });
  return assigned.length === 1 ? resolveFunction(assigned[0], facts) : undefined;
}

function looksLikeHandler(step: RouteStep): boolean {
  return step.fn !== undefined;
}

function fastifyOptionSteps(options: ts.ObjectLiteralExpression, facts: FileFacts): { hooks: RouteStep[]; handler?: RouteStep } {
  const hooks = FASTIFY_HOOKS.flatMap((hook) => {
    const value = propertyValue(getProperty(options, hook));
    return value ? stepsOf(value, facts) : [];
  });
  const handlerValue = propertyValue(getProperty(options, 'handler'));
  const handler = handlerValue ? stepsOf(handlerValue, facts)[0] : undefined;
  return { hooks, handler };
}

function isWriteMethod(expr: ts.Expression | undefined, facts: FileFacts): boolean {
  if (!expr) return false;
  const value = facts.valueOf(expr);
  if (!value) return false;
  if (ts.isArrayLiteralExpression(value)) return value.elements.some((element) => isWriteMethod(element, facts));
  const method = stringValue(value);
  return method !== undefined && ROUTE_METHODS.has(method.toLowerCase());
}

/** `fastify.route({ method: 'POST', url, preHandler, handler })` (also hapi-style `path`). */
function routeFromRouteObject(call: ts.CallExpression, facts: FileFacts): Route | undefined {
  const arg = call.arguments[0];
  if (call.arguments.length !== 1 || !arg) return undefined;
  const options = facts.valueOf(arg);
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  if (!isWriteMethod(propertyValue(getProperty(options, 'method')), facts)) return undefined;
  const { hooks, handler } = fastifyOptionSteps(options, facts);
  if (!handler || !looksLikeHandler(handler)) return undefined;
  const pathExpression = propertyValue(getProperty(options, 'url') ?? getProperty(options, 'path'));
  return { node: call, label: `${dottedName(call.expression) ?? 'route'}(...)`, path: staticPath(pathExpression, facts), pathExpression, steps: [...hooks, handler], handler };
}

/**
 * A route registration call: `app.post(path, ...handlers)`, `router.post(name, path, ...)`
 * (koa-router), `app.route(path).post(...)`, `fastify.post(path, opts, handler)`,
 * `fastify.route({...})`, hono's `app.post(path, c => ...)`. Only calls whose handler
 * body the file shows are returned (an imported handler cannot be judged).
 */
export function routeFromCall(call: ts.CallExpression, facts: FileFacts): Route | undefined {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  if (method !== 'route' && !ROUTE_METHODS.has(method)) return undefined;
  if (isNonServerReceiver(callee.expression, facts)) return undefined;
  if (method === 'route') return routeFromRouteObject(call, facts);

  let pathExpression: ts.Expression | undefined;
  let rest: readonly ts.Expression[] = call.arguments;
  const receiver = skipOuter(callee.expression);
  if (ts.isCallExpression(receiver) && calleeName(receiver) === 'route' && receiver.arguments.length === 1) {
    pathExpression = receiver.arguments[0];
  } else {
    const [first, second] = call.arguments;
    if (!first || !isPathLike(first)) return undefined;
    const named = second && stringValue(first) !== undefined && stringValue(second) !== undefined;
    pathExpression = named ? second : first;
    rest = call.arguments.slice(named ? 2 : 1);
  }

  const steps: RouteStep[] = [];
  let handler: RouteStep | undefined;
  for (const arg of rest) {
    const value = skipOuter(arg);
    const options = ts.isObjectLiteralExpression(value) ? value : undefined;
    if (options) {
      const fromOptions = fastifyOptionSteps(options, facts);
      steps.push(...fromOptions.hooks);
      if (fromOptions.handler) handler = fromOptions.handler;
      continue;
    }
    steps.push(...stepsOf(arg, facts));
  }
  if (handler) steps.push(handler);
  handler = steps[steps.length - 1];
  if (!handler || !looksLikeHandler(handler)) return undefined;
  return { node: call, label: dottedName(callee) ?? `.${method}`, path: staticPath(pathExpression, facts), pathExpression, steps, handler };
}

function decoratorCall(decorator: ts.Decorator): { name: string; call?: ts.CallExpression } | undefined {
  const expr = decorator.expression;
  if (ts.isCallExpression(expr)) {
    const name = calleeName(expr);
    return name ? { name, call: expr } : undefined;
  }
  return ts.isIdentifier(expr) ? { name: expr.text } : undefined;
}

function decoratorsOf(node: ts.HasDecorators): readonly ts.Decorator[] {
  return ts.getDecorators(node) ?? [];
}

/** The path a Nest `@Controller(...)` or `@Post(...)` decorator names ('' for none). */
function decoratorPath(call: ts.CallExpression | undefined, facts: FileFacts): string | undefined {
  const arg = call?.arguments[0];
  if (!arg) return '';
  const value = facts.valueOf(arg);
  if (value && ts.isObjectLiteralExpression(value)) return staticPath(propertyValue(getProperty(value, 'path')), facts);
  if (value && ts.isArrayLiteralExpression(value)) return value.elements.map((element) => staticPath(element, facts) ?? '').join(' ');
  return staticPath(arg, facts);
}

function guardSteps(node: ts.HasDecorators): RouteStep[] {
  return decoratorsOf(node)
    .filter((decorator) => ['UseGuards', 'UseInterceptors', 'UsePipes'].includes(decoratorCall(decorator)?.name ?? ''))
    .map((decorator) => ({ expression: decorator }));
}

const NEST_METHODS = new Set(['Post', 'Put', 'Patch', 'All']);

/** `@Post()` / `@Put()` / ... methods of a Nest `@Controller(...)` class, reported at the method decorator. */
export function nestRoutes(cls: ts.ClassDeclaration, facts: FileFacts): Route[] {
  const controller = decoratorsOf(cls).map(decoratorCall).find((d) => d?.name === 'Controller');
  if (!controller) return [];
  const base = decoratorPath(controller.call, facts);
  const routes: Route[] = [];
  for (const member of cls.members) {
    if (!ts.isMethodDeclaration(member) || !member.body) continue;
    const decorator = decoratorsOf(member).find((d) => NEST_METHODS.has(decoratorCall(d)?.name ?? ''));
    if (!decorator) continue;
    const own = decoratorPath(decoratorCall(decorator)?.call, facts);
    const path = base === undefined || own === undefined ? undefined : `${base}/${own}`;
    const handler: RouteStep = { expression: member, fn: member };
    routes.push({ node: decorator, label: `@${decoratorCall(decorator)?.name}()`, path, steps: [...guardSteps(cls), ...guardSteps(member), handler], handler });
  }
  return routes;
}

function hasExport(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === SyntaxKind.ExportKeyword);
}

/** Next.js (app router) route handlers: `export async function POST(req)` / `export const POST = ...`. */
export function exportedPostHandlers(sourceFile: ts.SourceFile, facts: FileFacts): Route[] {
  const routes: Route[] = [];
  const add = (node: ts.Node, expression: ts.Expression | ts.FunctionDeclaration): void => {
    const steps = ts.isFunctionDeclaration(expression) ? [{ expression, fn: expression }] : stepsOf(expression, facts);
    const handler = steps[steps.length - 1];
    if (handler?.fn) routes.push({ node, label: 'exported POST', path: '', steps, handler });
  };
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === 'POST' && statement.body && hasExport(statement)) add(statement, statement);
    if (ts.isVariableStatement(statement) && hasExport(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (ts.isIdentifier(decl.name) && decl.name.text === 'POST' && decl.initializer) add(statement, decl.initializer);
      }
    }
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        if (element.name.text === 'POST') add(statement, element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName : element.name);
      }
    }
  }
  return routes;
}

/** Directories whose files are each one API route: Next.js pages router `pages/api/`, Vercel functions `api/`. */
const API_ROUTE_DIRECTORY = /(^|\/)(pages\/)?api\//;

/**
 * The `(req, res)` handler a file in an API route directory exports as its default:
 * `export default function handler(req, res)`, `export default handler`, `module.exports = function (req, res)`.
 */
export function exportedDefaultHandlers(sourceFile: ts.SourceFile, path: string, facts: FileFacts): Route[] {
  if (!API_ROUTE_DIRECTORY.test(path.replace(/\\/g, '/'))) return [];
  const routes: Route[] = [];
  const add = (node: ts.Node, expression: ts.Expression | ts.FunctionDeclaration): void => {
    const fn = ts.isFunctionDeclaration(expression) ? expression : resolveFunction(expression, facts);
    if (fn?.body && takesRequestAndResponse(fn)) routes.push({ node, label: 'exported handler', path: '', steps: [{ expression, fn }], handler: { expression, fn } });
  };
  for (const statement of sourceFile.statements) {
    const isDefault = ts.isFunctionDeclaration(statement) && hasExport(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === SyntaxKind.DefaultKeyword);
    if (isDefault) add(statement, statement);
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) add(statement, statement.expression);
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === SyntaxKind.EqualsToken && dottedName(statement.expression.left) === 'module.exports') {
      add(statement, statement.expression.right);
    }
  }
  return routes;
}

/** `(req, res)`, `(request: NextApiRequest, response: NextApiResponse)`: not a React hook's `(url, options)` in `src/api/hooks.ts`. */
function takesRequestAndResponse(fn: FunctionNode): boolean {
  const [request, response] = fn.parameters;
  const says = (param: ts.ParameterDeclaration | undefined, names: RegExp, type: RegExp): boolean =>
    !!param && ((ts.isIdentifier(param.name) && names.test(param.name.text)) || (!!param.type && type.test(param.type.getText())));
  return says(request, /^(req|request)$/, /Request\b|IncomingMessage/) && says(response, /^(res|response)$/, /Response\b|ServerResponse/);
}

/** The string keys of an object a route path is built from, for callers that read dynamic paths. */
export function pathParts(expr: ts.Expression | undefined): string[] {
  if (!expr) return [];
  const node = skipOuter(expr);
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.flatMap((span) => [dottedName(span.expression) ?? propertyName(span.expression) ?? '', span.literal.text])];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.PlusToken) return [...pathParts(node.left), ...pathParts(node.right)];
  return [dottedName(node) ?? stringValue(node) ?? ''];
}

/** How many trailing segments of the file path say whether the file is a webhook route. */
const FILE_PATH_SEGMENTS = 5;

function mentionsHook(text: string): boolean {
  return /hook/i.test(text);
}

/** The route's path, or the file it is declared in, says it receives webhooks (`/webhooks/stripe`, `api/hooks/github.ts`). */
export function saysWebhook(route: Route, filePath: string): boolean {
  const pathSays = route.path !== undefined ? mentionsHook(route.path) : pathParts(route.pathExpression).some(mentionsHook);
  return pathSays || mentionsHook(filePath.split(/[\\/]/).slice(-FILE_PATH_SEGMENTS).join('/'));
}

const routesByFacts = new WeakMap<FileFacts, Route[]>();

/**
 * Every route of the file whose handler it shows: registration calls, Nest controllers and
 * exported handlers. Found once per parse, for the webhook rule and the integration map alike.
 */
export function fileRoutes(file: ParsedFile): Route[] {
  const { facts, sourceFile, path, nodes } = file;
  let routes = routesByFacts.get(facts);
  if (routes) return routes;
  routes = [];
  for (const call of nodes.ofKind<ts.CallExpression>(SyntaxKind.CallExpression)) {
    tick();
    const route = routeFromCall(call, facts);
    if (route) routes.push(route);
  }
  for (const declaration of nodes.ofKind<ts.ClassDeclaration>(SyntaxKind.ClassDeclaration)) routes.push(...nestRoutes(declaration, facts));
  routes.push(...exportedPostHandlers(sourceFile, facts), ...exportedDefaultHandlers(sourceFile, path, facts));
  routesByFacts.set(facts, routes);
  return routes;
}
