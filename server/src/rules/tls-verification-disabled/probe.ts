/**
 * Contract 1.4: a TLS connection opened only to look at the server's certificate (it reads
 * `getPeerCertificate()` or the handshake result, writes nothing and ends) is a probe, not a
 * transport, so turning off `rejectUnauthorized` there lets it see an invalid certificate.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { forEachDescendant, isFunctionNode } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { TLS_CONNECT_CALLS, TLS_SOCKET_USES } from '../../models/tls.js';

const HANDSHAKE_READS = new Set<string>(TLS_SOCKET_USES.handshakeReads);
const ENDS = new Set<string>(TLS_SOCKET_USES.ends);
const NEUTRAL = new Set<string>(TLS_SOCKET_USES.neutral);
const LISTENS = new Set<string>(TLS_SOCKET_USES.listens);
const HANDSHAKE_EVENTS = new Set<string>(TLS_SOCKET_USES.handshakeEvents);

function opensTlsConnection(call: ts.CallExpression | ts.NewExpression, facts: FileFacts): boolean {
  const ref = facts.resolve(call.expression);
  return !!ref && TLS_CONNECT_CALLS.some((row) => row.modules.includes(ref.module) && ref.path.join('.') === row.export);
}

/** The expressions that stand for the connected socket: its const's references, and `this` in a `function` callback. */
function socketReferences(call: ts.CallExpression | ts.NewExpression, facts: FileFacts): ts.Expression[] | undefined {
  const references: ts.Expression[] = [];
  let holder: ts.Node = call;
  while (ts.isParenthesizedExpression(holder.parent) || ts.isAsExpression(holder.parent)) holder = holder.parent;
  const declaration = holder.parent;
  if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)) {
    const name = declaration.name;
    forEachDescendant(name.getSourceFile(), (node) => {
      if (ts.isIdentifier(node) && node !== name && facts.declarationName(node) === name) references.push(node);
    });
  } else if (!ts.isExpressionStatement(declaration)) {
    return undefined; // returned, passed on or chained: used beyond this code
  }
  const callback = call.arguments?.at(-1);
  if (callback && ts.isFunctionExpression(callback)) {
    forEachDescendant(callback.body, (node) => {
      if (node.kind === SyntaxKind.ThisKeyword) references.push(node as ts.Expression);
      return !isFunctionNode(node) || ts.isArrowFunction(node);
    });
  }
  return references;
}

/** `socket.on('secureConnect', …)`: a listener for the handshake's outcome. */
function listensForHandshake(name: string, invoked: ts.CallExpression | undefined): boolean {
  const event = invoked?.arguments[0];
  return LISTENS.has(name) && !!event && ts.isStringLiteralLike(event) && HANDSHAKE_EVENTS.has(event.text);
}

/** The connect callback, which listens for the handshake's outcome. */
function hasConnectCallback(call: ts.CallExpression | ts.NewExpression): boolean {
  const callback = call.arguments?.at(-1);
  return !!callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback));
}

/**
 * True when every use of the socket reads or awaits the handshake, listens or ends it with
 * no data, and it does observe the handshake (a read, or timing its event) and end.
 */
export function isCertificateProbe(call: ts.CallExpression | ts.NewExpression, facts: FileFacts): boolean {
  if (!opensTlsConnection(call, facts)) return false;
  const references = socketReferences(call, facts);
  if (!references) return false;
  let reads = hasConnectCallback(call);
  let ends = false;
  for (const reference of references) {
    let use: ts.Node = reference;
    while (use.parent && skipOuter(use.parent as ts.Expression) !== use.parent) use = use.parent;
    const member = use.parent;
    if (!ts.isPropertyAccessExpression(member) || member.expression !== use) return false;
    const name = member.name.text;
    const invoked = ts.isCallExpression(member.parent) && member.parent.expression === member ? member.parent : undefined;
    if (HANDSHAKE_READS.has(name) || listensForHandshake(name, invoked)) reads = true;
    else if (ENDS.has(name) && invoked && (name === 'destroy' || invoked.arguments.length === 0)) ends = true;
    else if (!NEUTRAL.has(name) && !LISTENS.has(name)) return false;
  }
  return reads && ends;
}
