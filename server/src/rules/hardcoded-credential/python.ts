import { argument, callArguments, dottedText, field, keywordValue, namedChildren, stringValue, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import type { MessageData } from '../../engine/types.js';
import { PY_FIELD_DEFAULTS, PY_SECRET_SINKS, PY_SETTING_READERS } from '../../models/python.js';
import { pyHttpCalls } from '../../analysis/python/http.js';

/** What the rule's shared judgement says of a literal, handed in by the rule (so this module does not import it back). */
export interface PythonJudge {
  /** The message for a literal bound to `name` (the message naming `shown`, by default `name`), or undefined when it is no credential. */
  named(name: string, value: string, shown?: string): { messageId: string; data?: MessageData } | undefined;
  /** The message for a literal passed to a secret-taking call, or undefined (a placeholder, a test fake). */
  sink(label: string, value: string): { messageId: string; data?: MessageData } | undefined;
}

/** The string literals a value may end up as: itself, either side of `or`, both branches of `x if c else y`. */
function candidateLiterals(node: PyNode | undefined): PyNode[] {
  const value = unwrap(node);
  if (!value) return [];
  if (value.type === 'string' || value.type === 'concatenated_string') return [value];
  if (value.type === 'boolean_operator') return namedChildren(value).flatMap(candidateLiterals);
  if (value.type === 'conditional_expression') return namedChildren(value).filter((_, index) => index !== 1).flatMap(candidateLiterals);
  return [];
}

/** The setting a reader call reads (`"DB_PASSWORD"` of `os.getenv("DB_PASSWORD")`) and its fallback argument. */
function settingRead(call: PyNode | undefined, facts: PyFacts): { name: string; fallback?: PyNode } | undefined {
  if (call?.type !== 'call') return undefined;
  const callee = facts.qualify(field(call, 'function'));
  const reader = PY_SETTING_READERS.find((row) => row.names.includes(callee ?? ''));
  const name = reader && stringValue(callArguments(call, facts.text).positional[0], facts.text);
  if (!reader || !name) return undefined;
  const fallback = (reader.fallback !== undefined ? callArguments(call, facts.text).positional[reader.fallback] : undefined) ?? keywordValue(call, reader.keyword, facts.text);
  return { name, fallback };
}

/** The name a value is bound to: `password` of `password: str = <value>`, of `password=<value>` as an argument or a parameter's default. */
function boundName(value: PyNode, facts: PyFacts): string | undefined {
  const parent = value.parent;
  const slot = parent?.type === 'assignment' ? 'right' : 'value';
  if (!parent || field(parent, slot)?.start !== value.start) return undefined;
  const target = parent.type === 'assignment' ? field(parent, 'left') : ['keyword_argument', 'default_parameter', 'typed_default_parameter'].includes(parent.type) ? field(parent, 'name') : undefined;
  return dottedText(target, facts.text)?.split('.').pop();
}

export function checkPython(ctx: PythonContext, judge: PythonJudge): void {
  const { facts } = ctx.file;
  const reported = new Set<PyNode>();
  const report = (literal: PyNode, message: { messageId: string; data?: MessageData } | undefined) => {
    if (!message || reported.has(literal)) return;
    reported.add(literal);
    ctx.report({ node: literal, ...message });
  };
  const judgeNamed = (name: string, value: PyNode | undefined, boundTo?: string) => {
    for (const literal of candidateLiterals(value)) {
      const text = stringValue(literal, facts.text);
      if (text !== undefined) report(literal, judge.named(name, text) ?? (boundTo ? judge.named(boundTo, text, name) : undefined));
    }
  };

  for (const call of facts.ofType('call')) {
    const callee = facts.qualify(field(call, 'function'));
    const sink = PY_SECRET_SINKS.find((row) => row.names.includes(callee ?? ''));
    if (sink) {
      const key = facts.valueOf(argument(call, sink.argument, sink.keyword, facts.text));
      for (const literal of candidateLiterals(key)) {
        const text = stringValue(literal, facts.text);
        if (text !== undefined) report(literal, judge.sink(sink.label, text));
      }
    }
    // os.getenv("DB_PASSWORD", "<literal>"), config("SECRET_KEY", default="<literal>"); also judged
    // by the name the read is bound to (`password: str = config("PGPASS", default="<literal>")`).
    const read = settingRead(call, facts);
    if (read?.fallback) judgeNamed(read.name, read.fallback, boundName(call, facts));
    // api_key: str = Field(default="<literal>"): the attribute's default, as if assigned the literal.
    const declaration = PY_FIELD_DEFAULTS.find((row) => row.names.includes(callee ?? ''));
    const attribute = declaration && boundName(call, facts);
    if (attribute) judgeNamed(attribute, declaration.index === undefined ? keywordValue(call, declaration.keyword, facts.text) : argument(call, declaration.index, declaration.keyword, facts.text));
  }
  // x = os.getenv("API_TOKEN") or "<literal>"; SIGNING_SECRET = anything() or "<literal>": the
  // literal after `or` is a fallback, judged by the setting read or else by the name it is bound to.
  for (const operator of facts.ofType('boolean_operator')) {
    const [left, right] = namedChildren(operator);
    if (!left || !right || facts.text.slice(left.end, right.start).trim() !== 'or') continue;
    const name = settingRead(unwrap(left), facts)?.name ?? boundName(operator, facts);
    if (name) judgeNamed(name, right);
  }
  // auth=("user", "<literal>") on any call (an HTTP call, an SDK client such as `razorpay.Client`): the tuple's password.
  const httpNames = new Map(pyHttpCalls(facts).map((http) => [http.call, http.name]));
  for (const call of facts.ofType('call')) {
    const auth = unwrap(facts.valueOf(keywordValue(call, 'auth', facts.text)));
    if (auth?.type !== 'tuple' || namedChildren(auth).length !== 2) continue;
    const callee = httpNames.get(call) ?? dottedText(field(call, 'function'), facts.text) ?? 'the call';
    for (const literal of candidateLiterals(namedChildren(auth)[1])) {
      const text = stringValue(literal, facts.text);
      if (text !== undefined) report(literal, judge.sink(`the auth tuple of ${callee}`, text));
    }
  }
}
