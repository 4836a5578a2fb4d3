import { tick } from '../deadline.js';
import { ancestor, definitionStatement, dottedText, field, forEachInScope, isNone, methodClass, namedChildren, unwrap } from './ast.js';
import type { PyNode, PyTree } from './tree.js';

/** Where a name is bound, and to what (undefined: a value the file does not show, as a parameter or a loop variable). */
interface Binding {
  scope: PyNode;
  value: PyNode | undefined;
  /** The name's node at the binding. */
  target: PyNode;
}

/**
 * A fact computed once per parsed file, when a rule first asks for it (`pyHttpCalls(facts)`):
 * the answers are kept beside the file's facts and go with them.
 */
export function perFile<T>(compute: (facts: PyFacts) => T): (facts: PyFacts) => T {
  const memo = new WeakMap<PyFacts, T>();
  return (facts) => {
    if (!memo.has(facts)) memo.set(facts, compute(facts));
    return memo.get(facts)!;
  };
}

/** What `calledFunctions` gives for a call of nothing the file defines: one list, never filled. */
const NO_FUNCTIONS: readonly PyNode[] = [];

const SCOPES = new Set(['function_definition', 'lambda', 'class_definition', 'module']);
const TUPLE_TARGETS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'expression_list', 'parenthesized_expression']);

/**
 * A Python file's facts in the shape of the JS ones: imports and aliases (`import requests as
 * rq`, `from requests import get`), names bound at module level, in functions and as `self.x`,
 * the file's functions by name, and every node by type. Built from the one copied tree.
 */
export class PyFacts {
  /** Local name → what it imports, dotted (`rq` → `requests`, `get` → `requests.get`). */
  readonly imports = new Map<string, string>();
  readonly functions = new Map<string, PyNode[]>();
  private readonly bindings = new Map<string, Binding[]>();
  /** The same bindings by name, then by scope: a lookup is not a pass over every binding of a name the file reuses in each function. */
  private readonly scoped = new Map<string, Map<PyNode, Binding[]>>();
  // Every rule asks the same questions of the same calls: answered once per node.
  private readonly qualified = new Map<PyNode, string | undefined>();
  private readonly values = new Map<PyNode, PyNode | undefined>();
  private readonly instances = new Map<PyNode, { name: string; call: PyNode } | undefined>();
  /** The names each function declares `global`: assigning them there binds the module's name. */
  private readonly globals = new Map<PyNode, Set<string>>();
  private moduleClassesByName: Map<string, PyNode> | undefined;
  private importedRootNames: Set<string> | undefined;

  constructor(readonly tree: PyTree, readonly text: string) {
    for (const node of this.ofType('import_statement')) this.noteImport(node, '');
    for (const node of this.ofType('import_from_statement')) {
      const module = field(node, 'module_name');
      if (module) this.noteImport(node, this.textOf(module));
    }
    for (const node of this.ofType('global_statement')) {
      const scope = ancestor(node, SCOPES);
      if (scope?.type !== 'function_definition') continue;
      const names = this.globals.get(scope) ?? new Set();
      for (const name of namedChildren(node)) names.add(this.textOf(name));
      this.globals.set(scope, names);
    }
    // An annotation alone (`producer: AIOKafkaProducer`) binds nothing.
    for (const node of this.ofType('assignment')) if (field(node, 'right')) this.noteAssignment(field(node, 'left'), field(node, 'right'));
    for (const node of this.ofType('as_pattern')) {
      const alias = field(node, 'alias');
      const target = alias && (namedChildren(alias)[0] ?? alias);
      if (target) this.bind(target, namedChildren(node)[0]);
    }
    for (const node of this.ofType('for_statement')) this.noteAssignment(field(node, 'left'), undefined);
    for (const node of this.ofType('function_definition')) {
      const name = field(node, 'name');
      if (!name) continue;
      const key = this.textOf(name);
      const list = this.functions.get(key);
      if (list) list.push(node);
      else this.functions.set(key, [node]);
      this.bind(name, node);
      const parameters = field(node, 'parameters');
      for (const parameter of parameters ? namedChildren(parameters) : []) {
        // `x: str` (typed_parameter) has its name as a plain child, not a `name` field.
        const id = parameter.type === 'identifier' ? parameter : field(parameter, 'name') ?? namedChildren(parameter).find((child) => child.type === 'identifier');
        if (id?.type === 'identifier') this.bindIn(node, this.textOf(id), undefined, id);
      }
    }
  }

  ofType(type: string): readonly PyNode[] {
    return this.tree.byType.get(type) ?? [];
  }

  textOf(node: PyNode): string {
    return this.text.slice(node.start, node.end);
  }

  /** Whether a node's text is `expected`, read in place: a test asked of many nodes slices none. */
  textIs(node: PyNode, expected: string): boolean {
    return node.end - node.start === expected.length && this.text.startsWith(expected, node.start);
  }

  /** Whether a node's text ends with `suffix`, read in place. */
  textEndsWith(node: PyNode, suffix: string): boolean {
    return node.end - node.start >= suffix.length && this.text.endsWith(suffix, node.end);
  }

  private noteImport(statement: PyNode, from: string): void {
    for (const child of statement.children) {
      if (child.field !== 'name') continue;
      const imported = child.type === 'aliased_import' ? field(child, 'name') : child;
      const alias = child.type === 'aliased_import' ? field(child, 'alias') : undefined;
      if (!imported) continue;
      const dotted = this.textOf(imported);
      const full = from ? `${from}.${dotted}` : dotted;
      // `import a.b` binds `a`; `import a.b as c` binds `c` to `a.b`.
      if (alias) this.imports.set(this.textOf(alias), full);
      else if (from) this.imports.set(dotted, full);
      else this.imports.set(dotted.split('.')[0], dotted.split('.')[0]);
    }
  }

  private noteAssignment(left: PyNode | undefined, right: PyNode | undefined): void {
    if (!left) return;
    if (left.type === 'identifier' || left.type === 'attribute') {
      this.bind(left, right);
      return;
    }
    // A subscript target (`cache[key] = value`) binds neither the mapping nor the key.
    if (!TUPLE_TARGETS.has(left.type)) return;
    // Tuple targets (`a, b = x, y`): element by element when the right side is a tuple too.
    const targets = namedChildren(left);
    const source = unwrap(right);
    const values = source?.type === 'tuple' || source?.type === 'expression_list' ? namedChildren(source) : [];
    targets.forEach((target, index) => {
      if (target.type === 'identifier' || target.type === 'attribute') this.bind(target, values[index]);
    });
  }

  private bind(target: PyNode, value: PyNode | undefined): void {
    if (target.type === 'identifier') {
      // A file whose parse failed as a whole has an ERROR root, not a module: the root is the outermost scope.
      const scope = ancestor(target, SCOPES) ?? this.tree.root;
      const name = this.textOf(target);
      let owner = scope;
      // A function's own name is bound in the scope around it; a name it declares `global`, in the module.
      if (scope.type === 'function_definition' && field(scope, 'name') === target) owner = ancestor(scope, SCOPES) ?? this.tree.root;
      else if (this.globals.get(scope)?.has(name)) owner = this.tree.root;
      this.bindIn(owner, name, value, target);
      return;
    }
    const dotted = dottedText(target, this.text);
    if (dotted?.startsWith('self.') && dotted.split('.').length === 2) this.bindIn(ancestor(target, 'class_definition') ?? this.tree.root, dotted, value, target);
    else if (dotted) this.bindIn(this.tree.root, dotted, value, target);
  }

  private bindIn(scope: PyNode, name: string, value: PyNode | undefined, target: PyNode): void {
    const binding = { scope, value, target };
    const list = this.bindings.get(name);
    if (list) list.push(binding);
    else this.bindings.set(name, [binding]);
    let byScope = this.scoped.get(name);
    if (!byScope) this.scoped.set(name, (byScope = new Map()));
    const here = byScope.get(scope);
    if (here) here.push(binding);
    else byScope.set(scope, [binding]);
  }

  private bindingsIn(name: string, scope: PyNode | undefined): readonly Binding[] {
    return (scope && this.scoped.get(name)?.get(scope)) ?? [];
  }

  /** The bindings of a name visible from `at`: the nearest scope that binds it (class bodies are not seen from methods). */
  bindingsOf(name: string, at: PyNode): readonly Binding[] {
    const all = this.bindings.get(name) ?? [];
    if (name.startsWith('self.')) {
      const owner = ancestor(at, 'class_definition');
      // A class attribute (`timeout = 5` in the class body) is read through `self` too.
      return [...this.bindingsIn(name, owner), ...this.bindingsIn(name.slice(5), owner)];
    }
    if (name.includes('.') || all.length === 0) return all;
    const nearest = ancestor(at, SCOPES);
    for (let scope = nearest; scope; scope = ancestor(scope, SCOPES)) {
      if (scope.type === 'class_definition' && scope !== nearest) continue;
      const here = this.bindingsIn(name, scope);
      if (here.length > 0) return here;
    }
    // An ERROR root (a file whose parse failed as a whole) is the outermost scope, though not a module.
    return this.bindingsIn(name, this.tree.root);
  }

  /**
   * The value a name or `self.x` holds, when the file binds it exactly once where it is read;
   * the expression itself otherwise (a literal, a call). Follows a few links (`a = b`, `b = ...`).
   */
  valueOf(node: PyNode | undefined): PyNode | undefined {
    if (!node) return undefined;
    const known = this.values.get(node);
    if (known !== undefined || this.values.has(node)) return known;
    const value = this.followValue(node);
    this.values.set(node, value);
    return value;
  }

  private followValue(node: PyNode): PyNode | undefined {
    let current = unwrap(node);
    for (let depth = 0; current && depth < 5; depth++) {
      tick();
      if (current.type !== 'identifier' && current.type !== 'attribute') return current;
      const name = dottedText(current, this.text);
      if (!name) return current;
      const bindings = this.bindingsOf(name, current);
      if (bindings.length === 0) return current.type === 'attribute' || this.imports.has(name) ? current : undefined;
      const inBlock = current.type === 'identifier' ? this.withBinding(bindings, current) : undefined;
      const values = inBlock ? [inBlock.value] : bindings.map((binding) => binding.value);
      if (values.some((value) => value === undefined)) return undefined;
      const distinct = new Set(values.map((value) => (value ? this.textOf(value) : '')));
      if (distinct.size !== 1) return undefined;
      const next = unwrap(values[0]);
      if (next === current) return current;
      current = next;
    }
    return current;
  }

  /**
   * The dotted name an expression stands for, through imports and aliases: `rq.get` →
   * `requests.get`, `get` (from requests import get) → `requests.get`. A name the file does not
   * import reads as written (`print`, `app.route`).
   */
  qualify(node: PyNode | undefined): string | undefined {
    if (!node) return undefined;
    // One lookup for the usual answer (a name); a second tells an unknown node from an undefined answer.
    const known = this.qualified.get(node);
    if (known !== undefined || this.qualified.has(node)) return known;
    const name = this.qualifyOnce(node);
    this.qualified.set(node, name);
    return name;
  }

  private qualifyOnce(node: PyNode): string | undefined {
    const dotted = dottedText(node, this.text);
    if (!dotted) return undefined;
    const dot = dotted.indexOf('.');
    const imported = this.imports.get(dot === -1 ? dotted : dotted.slice(0, dot));
    if (imported) return dot === -1 ? imported : imported + dotted.slice(dot);
    // `s = requests` is rare; `api = requests.Session()` is an instance, read by `instanceOf`.
    return dotted;
  }

  /** The top-level packages the file imports from (`requests` of `requests.adapters.HTTPAdapter`), made once. */
  importedRoots(): ReadonlySet<string> {
    return (this.importedRootNames ??= new Set([...this.imports.values()].map((module) => module.split('.')[0])));
  }

  /** True when the file imports any of these modules (or something from them). */
  importsAny(modules: readonly string[]): boolean {
    for (const imported of this.imports.values()) {
      if (modules.some((module) => imported === module || imported.startsWith(`${module}.`))) return true;
    }
    return false;
  }

  /**
   * The constructor or factory call a value was made by, qualified: `requests.Session` for
   * `s` after `s = requests.Session()` or `with requests.Session() as s:`, and for
   * `self.session` after `self.session = requests.Session()`.
   */
  instanceOf(node: PyNode | undefined): { name: string; call: PyNode } | undefined {
    if (!node) return undefined;
    const known = this.instances.get(node);
    if (known !== undefined || this.instances.has(node)) return known;
    const instance = this.constructorOf(node);
    this.instances.set(node, instance);
    return instance;
  }

  private constructorOf(node: PyNode, depth = 0): { name: string; call: PyNode } | undefined {
    const own = this.selfClass(node);
    if (own) return this.subclassInstance(own, depth);
    let value = this.valueOf(node) ?? this.valueOf(this.valueOnceSet(node)) ?? this.sameConstruction(node);
    if (value?.type === 'await') value = unwrap(namedChildren(value)[0]);
    if (value?.type !== 'call') return undefined;
    const name = this.qualify(field(value, 'function'));
    if (!name) return undefined;
    if (depth < 4) {
      const made = this.factoryInstance(value, depth + 1) ?? (this.moduleClass(name) && this.subclassInstance(this.moduleClass(name)!, depth + 1));
      if (made) return made;
    }
    return { name, call: value };
  }

  /**
   * Of a name's bindings, the `with ... as name:` whose block holds the read, when the block does
   * not bind the name again before it: the value in effect there, whatever else the function
   * binds to the name (`async with ClientSession() as s:` twice).
   */
  private withBinding(bindings: readonly Binding[], read: PyNode): Binding | undefined {
    let found: { binding: Binding; body: PyNode } | undefined;
    for (const binding of bindings) {
      const statement = ancestor(binding.target, 'with_statement');
      const body = field(statement, 'body');
      if (!body || binding.target.start >= body.start || read.start < body.start || read.end > body.end) continue;
      if (!found || body.start > found.body.start) found = { binding, body };
    }
    if (!found) return undefined;
    const { binding, body } = found;
    return bindings.some((other) => other !== binding && other.target.start >= body.start && other.target.start < read.start) ? undefined : binding;
  }

  /**
   * The value a name or `self.x` holds once something is made for it: its bindings to `None`
   * left out (a module global a FastAPI lifespan sets, `self.session = None` in `__init__` until
   * `start()` opens one), when the others all bind the same expression. What a method is called
   * on is not `None`.
   */
  private valueOnceSet(node: PyNode): PyNode | undefined {
    const name = node.type === 'identifier' || node.type === 'attribute' ? dottedText(node, this.text) : undefined;
    const set = name ? this.bindingsOf(name, node).filter((binding) => !isNone(binding.value)) : [];
    if (set.length === 0 || set.some((binding) => binding.value === undefined)) return undefined;
    return new Set(set.map((binding) => this.textOf(binding.value!))).size === 1 ? set[0].value : undefined;
  }

  /**
   * The first of a name's constructions when every binding makes it with the same constructor
   * (`client = StripeClient(live_key)` in one branch, `client = StripeClient(test_key)` in the
   * other): what the name holds is known whichever branch ran. Bindings to `None` are left out.
   */
  private sameConstruction(node: PyNode): PyNode | undefined {
    const name = node.type === 'identifier' || node.type === 'attribute' ? dottedText(node, this.text) : undefined;
    const made = name ? this.bindingsOf(name, node).filter((binding) => !isNone(binding.value)).map((binding) => unwrap(binding.value)) : [];
    if (made.length < 2 || made.some((value) => value?.type !== 'call')) return undefined;
    const constructors = new Set(made.map((call) => this.qualify(field(call!, 'function'))));
    return constructors.size === 1 && !constructors.has(undefined) ? made[0] : undefined;
  }

  /** The class of the method `self` is read in (`self.post(...)` in a method of the class). */
  private selfClass(node: PyNode): PyNode | undefined {
    if (node.type !== 'identifier' || this.textOf(node) !== 'self') return undefined;
    const method = ancestor(node, 'function_definition');
    const binding = this.bindingsOf('self', node)[0];
    return method && binding?.scope === method && binding.value === undefined ? methodClass(method) : undefined;
  }

  /** A class the file defines at module level under this name (the first, when two are). */
  moduleClass(name: string): PyNode | undefined {
    return this.moduleClasses().get(name);
  }

  /** The module-level classes by name, the first of a name kept: made once, as every constructor call asks. */
  private moduleClasses(): Map<string, PyNode> {
    if (this.moduleClassesByName) return this.moduleClassesByName;
    const byName = new Map<string, PyNode>();
    for (const cls of this.ofType('class_definition')) {
      const name = field(cls, 'name');
      if (name && definitionStatement(cls).parent?.type === 'module' && !byName.has(this.textOf(name))) byName.set(this.textOf(name), cls);
    }
    return (this.moduleClassesByName = byName);
  }

  /**
   * An instance of a file's class with one imported base (`class LedgerSession(requests.Session)`)
   * is an instance of that base; the class stands for its constructor call, as its methods
   * (`self.mount(...)`) configure every instance.
   */
  private subclassInstance(cls: PyNode, depth: number): { name: string; call: PyNode } | undefined {
    const bases = field(cls, 'superclasses');
    const positional = bases ? namedChildren(bases).filter((base) => base.type === 'identifier' || base.type === 'attribute') : [];
    if (positional.length !== 1 || namedChildren(bases!).length !== 1) return undefined;
    const name = this.qualify(positional[0]);
    if (!name) return undefined;
    const parent = this.moduleClass(name);
    if (parent) return depth < 4 ? this.subclassInstance(parent, depth + 1) : undefined;
    return this.imports.has(name.split('.')[0]) ? { name, call: cls } : undefined;
  }

  /** What a call of a file's function returns, when every `return` gives the same construction (`def build_client(): return httpx.Client(...)`). */
  private factoryInstance(call: PyNode, depth: number): { name: string; call: PyNode } | undefined {
    const [definition, ...others] = this.calledFunctions(call);
    if (!definition || others.length > 0) return undefined;
    const made: { name: string; call: PyNode }[] = [];
    let bare = false;
    forEachInScope(definition, (node) => {
      if (node.type !== 'return_statement') return;
      const value = namedChildren(node)[0];
      const instance = value && this.constructorOf(value, depth);
      if (instance) made.push(instance);
      else bare = true;
    });
    if (bare || made.length === 0 || made.some((instance) => instance.call !== made[0].call)) return undefined;
    return made[0];
  }

  /** The functions defined in the file that a call names (`helper(...)`, `self.helper(...)`). */
  calledFunctions(call: PyNode): readonly PyNode[] {
    const callee = unwrap(field(call, 'function'));
    const dotted = dottedText(callee, this.text);
    if (!dotted) return NO_FUNCTIONS;
    // Asked of every call by several rules: the name is cut at its dot, not split into an array.
    const dot = dotted.indexOf('.');
    if (dot === -1) return this.functions.get(dotted) ?? NO_FUNCTIONS;
    const receiver = dotted.slice(0, dot);
    const method = dotted.slice(dot + 1);
    if ((receiver === 'self' || receiver === 'cls') && !method.includes('.')) {
      const owner = ancestor(call, 'class_definition');
      return (this.functions.get(method) ?? NO_FUNCTIONS).filter((fn) => ancestor(fn, 'class_definition') === owner);
    }
    return NO_FUNCTIONS;
  }
}
