import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { quickFixActions, wholeDocumentEdit, type OtherFile } from '../../server/src/lsp/codeActions.js';
import type { Finding } from '../../server/src/engine/types.js';

const uri = 'file:///ws/src/billing.ts';
const text = "const stripe = new Stripe('sk_live_x');\n";
const range = { start: { line: 0, character: 26 }, end: { line: 0, character: 37 } };
const diagnostic: Diagnostic = { range, code: 'hardcoded-credential', source: 'integration-engineer', message: 'm' };
const finding: Finding = {
  ruleId: 'hardcoded-credential', severity: 'error', message: 'm', range, start: 26, end: 37,
  suggestions: [{ messageId: 'useEnv', message: 'Read it from process.env.STRIPE_SECRET_KEY', edits: [{ start: 26, end: 37, text: 'process.env.STRIPE_SECRET_KEY' }], otherFiles: [{ file: '.env.example', appendLine: 'STRIPE_SECRET_KEY=' }] }],
};

function suggestionFor(envExample: string | undefined): CodeAction {
  const [action] = quickFixActions({
    document: TextDocument.create(uri, 'typescript', 3, text),
    path: '/ws/src/billing.ts',
    diagnostics: [diagnostic],
    findingsOf: () => [finding],
    otherFile: (relative): OtherFile => ({ uri: `file:///ws/${relative}`, text: envExample }),
    isRule: () => true,
  });
  return action;
}

describe('suggestions that edit another file', () => {
  it('edit the document and append the line to the other file, in one workspace edit', () => {
    const action = suggestionFor('PORT=3000');
    assert.equal(action.title, 'Read it from process.env.STRIPE_SECRET_KEY');
    assert.equal(action.isPreferred, undefined);
    const [own, env] = action.edit!.documentChanges as TextDocumentEdit[];
    assert.deepEqual(own.textDocument, { uri, version: 3 });
    assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 3, text), own.edits as TextEdit[]), 'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n');
    assert.equal(env.textDocument.uri, 'file:///ws/.env.example');
    assert.equal(TextDocument.applyEdits(TextDocument.create(env.textDocument.uri, 'dotenv', 1, 'PORT=3000'), env.edits as TextEdit[]), 'PORT=3000\nSTRIPE_SECRET_KEY=\n');
  });

  it('create the other file when it is missing', () => {
    const [, create, insert] = suggestionFor(undefined).edit!.documentChanges as [TextDocumentEdit, CreateFile, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: 'file:///ws/.env.example', options: { ignoreIfExists: true } });
    assert.equal((insert.edits[0] as TextEdit).newText, 'STRIPE_SECRET_KEY=\n');
  });

  it('leave the other file alone when it already has the line', () => {
    const action = suggestionFor('STRIPE_SECRET_KEY=sk_test_placeholder\r\n');
    assert.equal(action.edit!.documentChanges, undefined);
    assert.equal(Object.keys(action.edit!.changes!).length, 1);
  });
});

describe('wholeDocumentEdit', () => {
  it('replaces only the changed lines', () => {
    const document = TextDocument.create(uri, 'typescript', 1, 'a\nhttp\nb\nws\nc\n');
    const edit = wholeDocumentEdit(document, 'a\nhttps\nb\nwss\nc\n')!;
    assert.deepEqual(edit, { range: { start: { line: 1, character: 0 }, end: { line: 4, character: 0 } }, newText: 'https\nb\nwss\n' });
    assert.equal(wholeDocumentEdit(document, document.getText()), undefined);
  });

  it('is right at the ends of the text', () => {
    for (const [before, after] of [['x', 'y'], ['x\n', 'x\ny'], ['', 'a'], ['abc', ''], ['a\nb', 'a\nc'], ['p\nq\n', 'q\n']]) {
      const document = TextDocument.create(uri, 'typescript', 1, before);
      assert.equal(TextDocument.applyEdits(document, [wholeDocumentEdit(document, after)!]), after, JSON.stringify([before, after]));
    }
  });
});
