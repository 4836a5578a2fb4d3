import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ts } from '../../server/src/engine/ts.js';
import { changeRange, Parser } from '../../server/src/engine/parser.js';
import { initPython, parsePython, type PyTree } from '../../server/src/engine/python/tree.js';
import { FileNodes } from '../../server/src/engine/walk.js';
import { ROOT } from '../helpers/processes.js';

/**
 * Every node as `kind@pos-end`, parents checked (the one walk sets them, as analysis does): two
 * trees that print the same are the same parse.
 */
function shape(sourceFile: ts.SourceFile): string[] {
  new FileNodes(sourceFile);
  const out: string[] = [];
  const stack: ts.Node[] = [sourceFile];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(`${ts.SyntaxKind[node.kind]}@${node.pos}-${node.end}`);
    ts.forEachChild(node, (child) => {
      assert.equal(child.parent, node, 'a child without its parent set');
      stack.push(child);
    });
  }
  return out;
}

/**
 * Every named node of a Python parse as `type.field@start-end`, its tokens, its parent's place and
 * where its subtree ends, then the lists by type (places checked against the document order).
 */
function pythonShape(tree: PyTree): string[] {
  const nodes = tree.all.map((node, index) => {
    assert.ok(node.index === index && node.order === tree.all, 'a node out of its place in the document order');
    const tokens = node.children.filter((child) => !child.named).map((token) => token.type);
    return `${node.type}.${node.field}@${node.start}-${node.end} ${tokens.join(' ')} ${node.parent?.index} ${node.after}`;
  });
  const byType = [...tree.byType].map(([type, list]) => `${type}: ${list.map((node) => node.index).join(' ')}`).sort();
  return [...nodes, ...byType, `hasError ${tree.hasError}`];
}

function sources(dir: string, extensions = /\.(ts|tsx|js|jsx|mjs|cjs)$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path, extensions) : extensions.test(name) ? [path] : [];
  });
}

/**
 * One random edit: a snippet typed (or nothing) over up to a dozen characters; with `blocks`, now
 * and then a block cut or a stretch of the file pasted elsewhere.
 */
function randomEdit(text: string, next: () => number, snippets: readonly string[], blocks = false): string {
  const at = Math.floor(next() * text.length);
  const removed = Math.floor(next() * (blocks && next() < 0.1 ? 300 : 12));
  const pasted = blocks && next() < 0.1 ? text.slice(Math.floor(next() * text.length), Math.floor(next() * text.length)) : '';
  return text.slice(0, at) + (pasted || (next() < 0.7 ? snippets[Math.floor(next() * snippets.length)] : '')) + text.slice(at + removed);
}

/** A deterministic generator, so a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

describe('parser', () => {
  it('changeRange spans exactly what changed', () => {
    const range = changeRange('const a = 1;', 'const abc = 1;');
    assert.deepEqual([range.span.start, range.span.length, range.newLength], [7, 0, 2]);
    const same = changeRange('x', 'x');
    assert.deepEqual([same.span.start, same.span.length, same.newLength], [1, 0, 0]);
  });

  it('an incremental re-parse after typing, deleting and pasting gives the tree a fresh parse gives', () => {
    const files = sources(join(ROOT, 'eval')).slice(0, 60);
    assert.ok(files.length >= 30, 'too few files to exercise the re-parse');
    const next = random(7);
    const parser = new Parser();
    const snippets = ['x', '(', '}', '\n', '`${a}`', ' await fetch(url)', '/* c */', "'", 'if (a) {', '<div>'];
    let edits = 0;
    for (const file of files) {
      let text = readFileSync(file, 'utf8');
      parser.parse(file, text);
      for (let i = 0; i < 8; i++) {
        text = randomEdit(text, next, snippets);
        const incremental = parser.parse(file, text);
        const fresh = new Parser().parse(file, text);
        assert.deepEqual(shape(incremental), shape(fresh), `${file} after edit ${i}`);
        edits++;
      }
      parser.forget(file);
    }
    assert.ok(edits >= 240);
  });

  it('keeps the trees of the documents parsed last, not one per document ever parsed', () => {
    const parser = new Parser(3);
    const trees = ['a', 'b', 'c', 'd'].map((name) => parser.parse(`${name}.ts`, `export const ${name} = 1;\n`));
    assert.equal(parser.size, 3);
    assert.equal(parser.parse('d.ts', 'export const d = 1;\n'), trees[3], 'a kept tree serves the same text again');
    parser.parse('b.ts', 'export const b = 1;\n');
    assert.notEqual(parser.parse('a.ts', 'export const a = 1;\n'), trees[0], 'the oldest was let go');
    assert.equal(parser.parse('b.ts', 'export const b = 1;\n'), trees[1], 'a tree used again is kept over older ones');
    assert.equal(parser.size, 3);
  });

  describe('Python', () => {
    before(() => initPython());

    it('an incremental re-parse after typing, deleting and pasting gives the tree a fresh parse gives', () => {
      const files = sources(join(ROOT, 'eval'), /\.py$/).slice(0, 60);
      assert.ok(files.length >= 30, 'too few files to exercise the re-parse');
      const next = random(11);
      const parser = new Parser();
      // Lines, indentation, strings left open, and characters of two UTF-16 units (the binding counts units).
      const snippets = ['x', '(', ')', '\n', '\n    ', ':\n        pass\n', 'f"{a}"', "'", '"""', 'if a:', 'é', '🔑 token', '\r\n', '#'];
      let edits = 0;
      for (const file of files) {
        let text = readFileSync(file, 'utf8');
        parser.parsePython(file, text);
        for (let i = 0; i < 16; i++) {
          text = randomEdit(text, next, snippets, true);
          assert.deepEqual(pythonShape(parser.parsePython(file, text)), pythonShape(parsePython(text)), `${file} after edit ${i}`);
          edits++;
        }
        parser.forget(file);
      }
      assert.ok(edits >= 480);
      assert.equal(parser.size, 0, 'a forgotten document keeps no tree');
    });

    it('keeps the trees of the Python documents parsed last, beside the TypeScript ones', () => {
      const parser = new Parser(2);
      for (const name of ['a', 'b', 'c']) parser.parsePython(`${name}.py`, `${name} = 1\n`);
      parser.parse('d.ts', 'export const d = 1;\n');
      assert.equal(parser.size, 3, 'two Python trees and one TypeScript tree');
      // The oldest Python tree was let go (and deleted): parsing it again starts afresh, and right.
      assert.deepEqual(pythonShape(parser.parsePython('a.py', 'a = 2\n')), pythonShape(parsePython('a = 2\n')));
      parser.forget('a.py');
      assert.equal(parser.size, 2);
    });
  });
});
