import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ts } from '../engine/ts.js';
import { applyEdits } from '../engine/fixer.js';
import { addProperty, appendStatements, insertStatementsBefore, nextTokenStart, removeProperty, removeStatement, restOfLineEnd } from './edits.js';
import { sourceStyle } from './source-style.js';

function parse(text: string): ts.SourceFile {
  return ts.createSourceFile('case.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** The first node of a kind in the text. */
function first<T extends ts.Node>(sourceFile: ts.SourceFile, test: (node: ts.Node) => node is T): T {
  let found: T | undefined;
  const visit = (node: ts.Node): void => {
    if (!found && test(node)) found = node;
    if (!found) ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found!;
}

function withProperty(text: string, property: string): string | undefined {
  const sourceFile = parse(text);
  const edits = addProperty(first(sourceFile, ts.isObjectLiteralExpression), property, sourceFile);
  return edits && applyEdits(text, edits);
}

function withoutMember(text: string, name: string): string | undefined {
  const sourceFile = parse(text);
  const member = first(sourceFile, (node): node is ts.PropertyAssignment => ts.isPropertyAssignment(node) && node.name.getText() === name);
  const edits = removeProperty(member, sourceFile);
  return edits && applyEdits(text, edits);
}

describe('analysis/edits', () => {
  it('adds a property on one line, or on its own line keeping the trailing comma and line comments', () => {
    assert.equal(withProperty(`f({ a: 1 });`, 'b: 2'), `f({ a: 1, b: 2 });`);
    assert.equal(withProperty(`f({});`, 'b: 2'), `f({ b: 2 });`);
    assert.equal(withProperty(`f({\n    a: 1, // one\n  });`, 'b: 2'), `f({\n    a: 1, // one\n    b: 2,\n  });`);
    assert.equal(withProperty(`f({\n  a: 1 // one\n});`, 'b: 2'), `f({\n  a: 1, // one\n  b: 2\n});`);
    assert.equal(withProperty(`f({ /* none */ });`, 'b: 2'), undefined);
  });

  it('removes a member with its comma, its line when it has one, and leaves {} for the only one', () => {
    assert.equal(withoutMember(`f({ a: 1, b: 2 });`, 'b'), `f({ a: 1 });`);
    assert.equal(withoutMember(`f({ a: 1, b: 2 });`, 'a'), `f({ b: 2 });`);
    assert.equal(withoutMember(`f({\n  a: 1,\n  b: 2, // off\n  c: 3,\n});`, 'b'), `f({\n  a: 1,\n  c: 3,\n});`);
    assert.equal(withoutMember(`f({\n  a: 1,\n  b: 2\n});`, 'b'), `f({\n  a: 1\n});`);
    assert.equal(withoutMember(`f({\n  b: 2, // off\n});`, 'b'), `f({});`);
  });

  it('removes a statement with its line, and only from a statement list', () => {
    const text = `if (a) {\n  x = 1; // off\n}\nif (b) y = 2;`;
    const sourceFile = parse(text);
    const [inBlock, alone] = [first(sourceFile, ts.isExpressionStatement), (sourceFile.statements[1] as ts.IfStatement).thenStatement];
    assert.equal(applyEdits(text, [removeStatement(inBlock, sourceFile)!]), `if (a) {\n}\nif (b) y = 2;`);
    assert.equal(removeStatement(alone, sourceFile), undefined);
  });

  it('inserts statements before one, in its indentation', () => {
    const text = `function f() {\n    return g();\n}`;
    const sourceFile = parse(text);
    const edit = insertStatementsBefore(first(sourceFile, ts.isReturnStatement), ['a();', 'b();'], sourceFile);
    assert.equal(applyEdits(text, [edit]), `function f() {\n    a();\n    b();\n    return g();\n}`);
  });

  it('reads the text around a position: the next token, the end of a line of comments, the semicolon style', () => {
    assert.equal(nextTokenStart(`a /* x */ // y\n  , b`, 1), 17);
    assert.equal(restOfLineEnd(`a, // x\nb`, 2), 7);
    assert.equal(restOfLineEnd(`a, b\n`, 2), undefined);
    assert.equal(sourceStyle(parse(`a()\nb()\nc();`)).semicolon, '');
    assert.equal(sourceStyle(parse(`a();\nb()`)).semicolon, ';');
  });
});

describe('edits in a file with a syntax error', () => {
  // Error recovery can leave a block or literal without its closing bracket, or give it no
  // text at all: an edit computed from its last character would land outside it.
  it('adds no statement to a block whose closing brace is missing', () => {
    const sourceFile = parse('try { work(); } catch (err) {');
    assert.equal(appendStatements(first(sourceFile, ts.isCatchClause).block, ['throw err;'], sourceFile), undefined);
  });

  it('adds no property to an object literal whose closing brace is missing', () => {
    assert.equal(withProperty('call({ a: 1', 'timeout: 5000'), undefined);
    assert.equal(withProperty('call({', 'timeout: 5000'), undefined);
  });

  it('still adds to a closed block', () => {
    const text = 'try { work(); } catch (err) {}';
    const sourceFile = parse(text);
    const edit = appendStatements(first(sourceFile, ts.isCatchClause).block, ['throw err;'], sourceFile, { oneLineWhenEmpty: true });
    assert.equal(edit && applyEdits(text, [edit]), 'try { work(); } catch (err) { throw err; }');
  });
});
