// A strict reader of VS Code snippet bodies: it parses the TextMate-style syntax VS Code
// uses (tab stops, placeholders, choices, variables), reports what VS Code would read
// differently from what the author meant, and expands a body the way accepting every
// default would.

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

/** Sample values for the variables VS Code resolves; empty ones fall back to their default. */
const VARIABLE_VALUES: Record<string, string> = {
  TM_SELECTED_TEXT: '', TM_CURRENT_LINE: '', TM_CURRENT_WORD: '', TM_LINE_INDEX: '0', TM_LINE_NUMBER: '1',
  TM_FILENAME: 'orders.ts', TM_FILENAME_BASE: 'orders', TM_DIRECTORY: '/app/src', TM_FILEPATH: '/app/src/orders.ts',
  RELATIVE_FILEPATH: 'src/orders.ts', CLIPBOARD: '', WORKSPACE_NAME: 'app', WORKSPACE_FOLDER: '/app',
  CURSOR_INDEX: '0', CURSOR_NUMBER: '1', CURRENT_YEAR: '2025', CURRENT_YEAR_SHORT: '25', CURRENT_MONTH: '01',
  CURRENT_MONTH_NAME: 'January', CURRENT_MONTH_NAME_SHORT: 'Jan', CURRENT_DATE: '01', CURRENT_DAY_NAME: 'Monday',
  CURRENT_DAY_NAME_SHORT: 'Mon', CURRENT_HOUR: '12', CURRENT_MINUTE: '00', CURRENT_SECOND: '00',
  CURRENT_SECONDS_UNIX: '1735732800', CURRENT_TIMEZONE_OFFSET: '+00:00', RANDOM: '123456', RANDOM_HEX: 'a1b2c3',
  UUID: '6f1c1f0e-1d2b-4c3a-9e8f-7a6b5c4d3e2f', BLOCK_COMMENT_START: '/*', BLOCK_COMMENT_END: '*/', LINE_COMMENT: '//',
};

export class SnippetSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} (at offset ${offset})`);
  }
}

const DIGITS = /^\d+/;
const VARIABLE_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/**
 * Parses a snippet body. Stricter than VS Code, which reads a malformed `$` construct as
 * text: here every literal `$` must be escaped as `\$`, so a JavaScript `${x}` left
 * unescaped is an error rather than a silently inserted placeholder.
 */
export function parseSnippet(body: string): SnippetNode[] {
  return new Reader(body).readNodes(false);
}

class Reader {
  private pos = 0;

  constructor(private readonly text: string) {}

  readNodes(insidePlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === '\\' && '$}\\'.includes(this.text[this.pos + 1] ?? '')) {
        text += this.text[this.pos + 1];
        this.pos += 2;
      } else if (ch === '$') {
        flush();
        nodes.push(this.readDollar());
      } else if (ch === '}' && insidePlaceholder) {
        flush();
        return nodes;
      } else {
        text += ch;
        this.pos++;
      }
    }
    if (insidePlaceholder) throw new SnippetSyntaxError('placeholder is not closed', this.pos);
    flush();
    return nodes;
  }

  private readDollar(): SnippetNode {
    const start = this.pos;
    this.pos++;
    const rest = this.text.slice(this.pos);
    const digits = DIGITS.exec(rest);
    if (digits) {
      this.pos += digits[0].length;
      return { kind: 'tabstop', index: Number(digits[0]) };
    }
    const name = VARIABLE_NAME.exec(rest);
    if (name) {
      this.pos += name[0].length;
      return this.variable(name[0], start);
    }
    if (rest[0] !== '{') throw new SnippetSyntaxError('a literal $ must be escaped as \\$', start);
    this.pos++;
    return this.readBraced(start);
  }

  private readBraced(start: number): SnippetNode {
    const rest = this.text.slice(this.pos);
    const digits = DIGITS.exec(rest);
    if (digits) {
      this.pos += digits[0].length;
      return this.readIndexed(Number(digits[0]), start);
    }
    const name = VARIABLE_NAME.exec(rest);
    if (!name) throw new SnippetSyntaxError('a literal ${ must be escaped as \\${', start);
    this.pos += name[0].length;
    const next = this.text[this.pos];
    if (next === '}') {
      this.pos++;
      return this.variable(name[0], start);
    }
    if (next === ':') {
      this.pos++;
      return this.variable(name[0], start, this.readNodes(true), true);
    }
    throw new SnippetSyntaxError(`unsupported form after \${${name[0]}`, start);
  }

  private readIndexed(index: number, start: number): SnippetNode {
    const next = this.text[this.pos];
    this.pos++;
    if (next === '}') return { kind: 'tabstop', index };
    if (next === ':') {
      const children = this.readNodes(true);
      this.pos++;
      return { kind: 'placeholder', index, children };
    }
    if (next === '|') return { kind: 'choice', index, options: this.readChoiceOptions(start) };
    throw new SnippetSyntaxError(`unsupported form after \${${index} (transforms are not used here)`, start);
  }

  private readChoiceOptions(start: number): string[] {
    const options: string[] = [];
    let option = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === '\\' && ',|$}\\'.includes(this.text[this.pos + 1] ?? '')) {
        option += this.text[this.pos + 1];
        this.pos += 2;
      } else if (ch === ',') {
        options.push(option);
        option = '';
        this.pos++;
      } else if (ch === '|') {
        if (this.text[this.pos + 1] !== '}') throw new SnippetSyntaxError('a choice must end with |}', this.pos);
        options.push(option);
        this.pos += 2;
        return options;
      } else {
        option += ch;
        this.pos++;
      }
    }
    throw new SnippetSyntaxError('choice is not closed', start);
  }

  private variable(name: string, start: number, children?: SnippetNode[], closeBrace = false): SnippetNode {
    if (!(name in VARIABLE_VALUES)) throw new SnippetSyntaxError(`unknown variable ${name}: VS Code would insert its name as a placeholder`, start);
    if (closeBrace) this.pos++;
    return children ? { kind: 'variable', name, children } : { kind: 'variable', name };
  }
}

/** Every tab stop, placeholder and choice in a body, nested ones included, in order. */
function indexedNodes(nodes: SnippetNode[]): Array<Exclude<SnippetNode, { kind: 'text' | 'variable' }>> {
  return nodes.flatMap((node) => {
    if (node.kind === 'text') return [];
    if (node.kind === 'variable') return node.children ? indexedNodes(node.children) : [];
    if (node.kind === 'placeholder') return [node, ...indexedNodes(node.children)];
    return [node];
  });
}

/** What VS Code would need to insert this body as its author meant; empty when it is well formed. */
export function snippetProblems(body: string): string[] {
  let nodes: SnippetNode[];
  try {
    nodes = parseSnippet(body);
  } catch (error) {
    return [(error as Error).message];
  }
  const problems: string[] = [];
  const indexed = indexedNodes(nodes);
  const finalStops = indexed.filter((node) => node.index === 0);
  if (finalStops.length > 1) problems.push('$0 appears more than once');
  if (finalStops.some((node) => node.kind !== 'tabstop')) problems.push('$0 is the final cursor position and takes no default');
  const numbers = [...new Set(indexed.map((node) => node.index).filter((index) => index > 0))].sort((a, b) => a - b);
  numbers.forEach((index, position) => {
    if (index !== position + 1) problems.push(`tab stops are not numbered 1..${numbers.length}: found ${numbers.join(', ')}`);
  });
  for (const index of numbers) {
    const defining = indexed.filter((node) => node.index === index && node.kind !== 'tabstop');
    if (defining.length > 1) problems.push(`tab stop ${index} has ${defining.length} defaults: give it one and mirror it with $${index}`);
  }
  for (const choice of indexed.filter((node) => node.kind === 'choice')) {
    if (choice.options.length < 2) problems.push(`choice ${choice.index} offers fewer than two options`);
    if (choice.options.some((option) => option === '')) problems.push(`choice ${choice.index} has an empty option`);
    if (new Set(choice.options).size !== choice.options.length) problems.push(`choice ${choice.index} repeats an option`);
  }
  return [...new Set(problems)];
}

/** The text VS Code inserts when the user accepts every default and first choice. */
export function expandSnippet(body: string): string {
  const nodes = parseSnippet(body);
  const defaults = new Map<number, string>();
  const render = (list: SnippetNode[]): string => list.map((node) => renderNode(node, defaults, render)).join('');
  // Defaults first, so a mirror that comes before its placeholder still gets the value;
  // innermost first, so a placeholder's default includes its nested placeholders' defaults.
  for (const node of indexedNodes(nodes).reverse()) {
    if (node.kind === 'placeholder' && !defaults.has(node.index)) defaults.set(node.index, render(node.children));
    if (node.kind === 'choice' && !defaults.has(node.index)) defaults.set(node.index, node.options[0]);
  }
  return render(nodes);
}

function renderNode(node: SnippetNode, defaults: Map<number, string>, render: (list: SnippetNode[]) => string): string {
  switch (node.kind) {
    case 'text':
      return node.value;
    case 'variable':
      return VARIABLE_VALUES[node.name] || (node.children ? render(node.children) : '');
    default:
      return defaults.get(node.index) ?? '';
  }
}
