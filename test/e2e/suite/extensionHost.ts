// Runs inside the real VS Code extension host (code-server's smoke-test driver payload):
// the packaged extension is installed as a user would have it, and these checks look at what
// a user sees through the editor's own APIs. Bundled to CommonJS by scripts/e2e/run.ts.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { disableAndDocsTitles, FIX_ON_SAVE_FILE, fixTitle, QUICK_FIX_FILE, quickFixTarget } from '../quickFixRule.js';
import { serverProcesses } from '../serverProcess.js';

const extensionId = 'integration-engineer.integration-engineer';
const source = 'integration-engineer';
const analyzeToolName = 'integrationEngineer_analyze';
const askTitle = 'Ask the Integration Engineer about this finding';
const fixAllKind = 'source.fixAll.integrationEngineer';
const pollTimeoutMs = 30_000;

type Outcome = { name: string; status: 'passed' | 'failed' | 'skipped'; detail?: string };
type Check = { name: string; run: () => Promise<string | void> };

/** A check returns this (through `skip`) when what it tests does not exist yet. */
class Skip extends Error {}
const skip = (reason: string): never => {
  throw new Skip(reason);
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` returns a value (not undefined), or fails with what it last saw. */
async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, describe: () => string): Promise<T> {
  const deadline = Date.now() + pollTimeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(100);
  }
  throw new assert.AssertionError({ message: `timed out after ${pollTimeoutMs} ms waiting for ${what}; last seen: ${describe()}` });
}

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === source);
}

function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  return all.length ? all.map((d) => `${d.source}:${codeOf(d)}@${d.range.start.line + 1}`).join(', ') : 'no diagnostics';
}

/** Waits for one of our findings with this rule code that starts on this 1-based line. */
function waitForFinding(uri: vscode.Uri, code: string, line: number): Promise<vscode.Diagnostic> {
  return waitFor(
    `${code} on line ${line} of ${vscode.workspace.asRelativePath(uri)}`,
    () => ours(uri).find((diagnostic) => codeOf(diagnostic) === code && diagnostic.range.start.line === line - 1),
    () => describeDiagnostics(uri),
  );
}

async function openInEditor(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The 1-based line of the first line holding `text`. */
function lineWith(text: string, marker: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(marker));
  assert.ok(index >= 0, `no line holds "${marker}"`);
  return index + 1;
}

/** Resolves once the file has no finding with this rule code (the fixtures have one per rule). */
function waitForNoFinding(uri: vscode.Uri, code: string): Promise<true> {
  return waitFor(
    `no ${code} in ${vscode.workspace.asRelativePath(uri)}`,
    () => (ours(uri).some((diagnostic) => codeOf(diagnostic) === code) ? undefined : true),
    () => describeDiagnostics(uri),
  );
}

const checks: Check[] = [
  {
    name: 'the installed extension activates',
    run: async () => {
      const extension = vscode.extensions.getExtension(extensionId);
      assert.ok(extension, `${extensionId} is installed`);
      await openInEditor('src/github.ts');
      await waitFor('the extension to activate', () => (extension.isActive ? true : undefined), () => 'not active');
      return `version ${extension.packageJSON.version}`;
    },
  },
  {
    name: 'an open TS file shows hardcoded-credential (line 2) and missing-timeout (line 5)',
    run: async () => {
      const uri = workspaceFile('src/github.ts');
      const credential = await waitForFinding(uri, 'hardcoded-credential', 2);
      const timeout = await waitForFinding(uri, 'missing-timeout', 5);
      assert.equal(credential.severity, vscode.DiagnosticSeverity.Error, 'a hardcoded credential is an error');
      assert.equal(timeout.severity, vscode.DiagnosticSeverity.Warning, 'a missing timeout is a warning');
      assert.match(credential.message, /GitHub token/);
      assert.match(timeout.message, /fetch has no timeout/);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      assert.ok(document, 'the document is open');
      assert.match(document.getText(credential.range), /ghp_/, 'the squiggle covers the token');
    },
  },
  {
    name: 'a finding on a construct with a body covers its head: the retry loop\'s two on `while (true)`, the multi-line fetch\'s on its first line',
    run: async () => {
      const document = await openInEditor('src/retry.ts');
      const backoff = await waitForFinding(document.uri, 'retry-without-backoff', 3);
      const unbounded = await waitForFinding(document.uri, 'unbounded-retry', 3);
      for (const finding of [backoff, unbounded]) {
        assert.equal(finding.range.end.line, finding.range.start.line, `${codeOf(finding)} ends on its first line (${finding.range.end.line + 1})`);
        assert.equal(document.getText(finding.range), 'while (true)', `${codeOf(finding)} covers the loop's head`);
      }
      const github = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('/src/github.ts'));
      assert.ok(github, 'src/github.ts is open');
      const timeout = await waitForFinding(github.uri, 'missing-timeout', 5);
      assert.equal(timeout.range.end.line, 4, 'the fetch call over lines 5-7 is marked on line 5 only');
      assert.equal(github.getText(timeout.range), 'fetch(`https://api.github.com/orgs/${org}/repos`, {');
      return `"${document.getText(backoff.range)}" and "${github.getText(timeout.range)}"`;
    },
  },
  {
    name: 'an open Python file shows missing-timeout (line 5), and its fix adds timeout=10',
    run: async () => {
      const document = await openInEditor('src/partner.py');
      const finding = await waitForFinding(document.uri, 'missing-timeout', 5);
      assert.match(finding.message, /requests\.get has no timeout/);
      const actions = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      const fix = actions.find((action): action is vscode.CodeAction => action instanceof vscode.CodeAction && action.title === fixTitle('missing-timeout'));
      assert.ok(fix?.edit, `the fix is offered: ${actions.map((action) => action.title).join(' | ') || 'none'}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the fix applied');
      const fixed = document.lineAt(4).text;
      assert.match(fixed, /requests\.get\("https:\/\/api\.partner\.com\/v1\/orders", timeout=10\)/);
      await waitForNoFinding(document.uri, 'missing-timeout');
      await vscode.commands.executeCommand('workbench.action.files.revert');
      return `line 5 became "${fixed.trim()}"`;
    },
  },
  {
    name: 'an open YAML file shows the hardcoded password (line 5)',
    run: async () => {
      const document = await openInEditor('config/database.yaml');
      const finding = await waitForFinding(document.uri, 'hardcoded-credential', 5);
      assert.match(finding.message, /`password`/);
    },
  },
  {
    name: 'Scan Workspace reports a file that was never opened',
    run: async () => {
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('integrationEngineer.scanWorkspace'), 'the command is registered');
      const uri = workspaceFile('src/unopened.ts');
      assert.equal(ours(uri).length, 0, 'no findings before the scan');
      // The command resolves only when its summary notification is dismissed: do not await it.
      void vscode.commands.executeCommand('integrationEngineer.scanWorkspace');
      const finding = await waitForFinding(uri, 'missing-timeout', 3);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file was not opened');
      return finding.message.slice(0, 40);
    },
  },
  {
    name: `a finding offers the code action "${askTitle}"`,
    run: async () => {
      const uri = workspaceFile('src/github.ts');
      const credential = await waitForFinding(uri, 'hardcoded-credential', 2);
      const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, credential.range);
      const titles = (actions ?? []).map((action) => action.title);
      const ask = (actions ?? []).find((action): action is vscode.CodeAction => action.title === askTitle);
      assert.ok(ask, `code actions were: ${titles.join(' | ') || 'none'}`);
      assert.equal(ask.command?.command, 'integrationEngineer.chat.askAboutFinding');
    },
  },
  {
    name: `the code actions on the ${quickFixTarget.rule} finding: the fix first and preferred, then suggestions, disable for line and file, docs, Ask; the fix removes the finding`,
    run: async () => {
      const { rule, marker } = quickFixTarget;
      const document = await openInEditor(QUICK_FIX_FILE);
      const line = lineWith(document.getText(), marker);
      const finding = await waitForFinding(document.uri, rule, line);
      // Quick fixes only: the light bulb also lists TypeScript's refactorings (after them, in their own group).
      const listed = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      const actions = listed.filter((action): action is vscode.CodeAction => action instanceof vscode.CodeAction);
      const shown = actions.map((action) => `${action.title}${action.isPreferred ? ' (preferred)' : ''}`).join(' | ') || 'none';
      assert.equal(actions.length, listed.length, `every item is a code action: ${shown}`);
      // Ours end with Ask; VS Code's own AI actions ("Fix", "Explain"), when a chat model is there, come after.
      const trailing = [...disableAndDocsTitles(rule), askTitle];
      const ask = actions.findIndex((action) => action.title === askTitle);
      assert.ok(ask >= 0, `Ask is offered: ${shown}`);
      const ours = actions.slice(0, ask + 1);
      const [fix, ...rest] = ours;
      assert.equal(fix?.title, fixTitle(rule), `the fix comes first: ${shown}`);
      assert.ok(fix.isPreferred && fix.edit, `the fix is preferred and carries its edit: ${shown}`);
      assert.equal(ours.filter((action) => action.isPreferred).length, 1, `only the fix is preferred: ${shown}`);
      assert.deepEqual(rest.slice(-trailing.length).map((action) => action.title), trailing, `after the fix and suggestions: ${shown}`);
      const suggestions = rest.slice(0, -trailing.length);
      assert.ok(suggestions.every((action) => action.edit && vscode.CodeActionKind.QuickFix.contains(action.kind ?? vscode.CodeActionKind.Empty)), `between the fix and the disables only suggestions: ${shown}`);

      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the fix applied');
      await waitForNoFinding(document.uri, rule);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      return shown;
    },
  },
  {
    name: `saving with "${fixAllKind}" in editor.codeActionsOnSave fixes the ${quickFixTarget.rule} finding`,
    run: async () => {
      const { rule, marker } = quickFixTarget;
      const document = await openInEditor(FIX_ON_SAVE_FILE);
      const onSave = vscode.workspace.getConfiguration('editor', document.uri).get<Record<string, string>>('codeActionsOnSave');
      assert.equal(onSave?.[fixAllKind], 'explicit', 'the fixture workspace asks for fix-all on save');
      const original = document.getText();
      const line = lineWith(original, marker);
      await waitForFinding(document.uri, rule, line);
      // As the save will, ask the server for fix-all (it has the file by now).
      const fixAll = await waitFor(
        'the server to offer fix-all',
        async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 0, 0, 0), fixAllKind))?.find((action) => action.kind?.value === fixAllKind),
        () => 'not offered',
      );
      assert.equal(fixAll.title, 'Fix all Integration Engineer problems');
      // Ctrl+S: an explicit save runs the save participants even when the file has no changes.
      await vscode.commands.executeCommand('workbench.action.files.save');
      const saved = await waitFor(
        'the save to write the fixed file',
        async () => {
          const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
          return onDisk !== original && !document.isDirty ? onDisk : undefined;
        },
        () => `on disk unchanged; the editor ${document.isDirty ? 'has unsaved changes' : 'is saved'}`,
      );
      assert.equal(saved, document.getText(), 'the file on disk is what the editor shows');
      const findingLine = original.split('\n')[line - 1];
      assert.ok(!saved.split('\n').includes(findingLine), `fix-all changed "${findingLine.trim()}" before the save`);
      await waitForNoFinding(document.uri, rule);
      return `line ${line} saved as "${saved.split('\n')[line - 1].trim()}"`;
    },
  },
  {
    name: 'ie- snippets are offered in TS completion',
    run: async () => {
      const contributed: unknown[] = vscode.extensions.getExtension(extensionId)?.packageJSON.contributes?.snippets ?? [];
      if (contributed.length === 0) skip('the package contributes no snippets yet (contributes.snippets is empty)');
      const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'ie' });
      await vscode.window.showTextDocument(document);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 2));
      const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      const snippets = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      const ieSnippets = snippets.filter((label) => label.startsWith('ie-'));
      assert.ok(ieSnippets.length > 0, `no ie- snippet among ${labels.length} completions (snippets: ${snippets.join(', ') || 'none'})`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      return `${ieSnippets.length} snippets: ${ieSnippets.slice(0, 6).join(', ')}${ieSnippets.length > 6 ? ', …' : ''}`;
    },
  },
  {
    name: `the language model tool ${analyzeToolName} is registered and reports findings`,
    run: async () => {
      if (!vscode.lm || !Array.isArray(vscode.lm.tools)) skip('this VS Code has no vscode.lm.tools');
      const tool = await waitFor('the tool to register', () => vscode.lm.tools.find((t) => t.name === analyzeToolName), () => vscode.lm.tools.map((t) => t.name).join(', ') || 'no tools');
      assert.deepEqual(tool.tags.includes('integration'), true, 'the manifest tags come through');
      const result = await vscode.lm.invokeTool(analyzeToolName, { input: { paths: ['src/github.ts'] }, toolInvocationToken: undefined });
      const text = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
      assert.match(text, /src\/github\.ts:2:\d+ error \[hardcoded-credential\]/);
      assert.match(text, /src\/github\.ts:5:\d+ warning \[missing-timeout\]/);
      assert.doesNotMatch(text, /ghp_R8xK/, 'the tool output does not repeat the secret');
    },
  },
  {
    name: 'the @integration chat participant is declared and the chat API exists',
    run: async () => {
      if (typeof vscode.chat?.createChatParticipant !== 'function') skip('this VS Code has no vscode.chat API');
      // VS Code has no API to list other extensions' participants: the manifest plus a clean activation is what can be seen.
      const participants: Array<{ id: string; name: string }> = vscode.extensions.getExtension(extensionId)?.packageJSON.contributes?.chatParticipants ?? [];
      const participant = participants.find((p) => p.name === 'integration');
      assert.ok(participant, 'the manifest declares @integration');
      assert.equal(participant.id, 'integrationEngineer.integration');
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('integrationEngineer.chat.open'), 'the chat commands are registered (registerChat ran)');
    },
  },
  {
    // Last: it restarts the server under the checks above.
    name: 'a crashed server is restarted: the open file\'s findings and the last Scan Workspace\'s come back',
    run: async () => {
      const opened = workspaceFile('src/github.ts');
      const scanned = workspaceFile('src/unopened.ts');
      await waitForFinding(opened, 'hardcoded-credential', 2);
      await waitForFinding(scanned, 'missing-timeout', 3);
      const servers = serverProcesses().filter((server) => server.parentPid === process.pid);
      assert.equal(servers.length, 1, `one server runs for this extension host (found ${servers.length})`);
      const [crashed] = servers;
      // The client drops a crashed server's diagnostics: what shows afterwards comes from its successor.
      let cleared = false;
      const watch = vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => uri.toString() === scanned.toString()) && ours(scanned).length === 0) cleared = true;
      });
      try {
        process.kill(crashed.pid, 'SIGKILL');
        await waitFor('the crashed server\'s findings to be cleared', () => (cleared ? true : undefined), () => describeDiagnostics(scanned));
        const successor = await waitFor(
          'a new server process',
          () => serverProcesses().find((server) => server.parentPid === process.pid && server.pid !== crashed.pid),
          () => `server pids: ${serverProcesses().map((server) => server.pid).join(', ') || 'none'}`,
        );
        await waitForFinding(opened, 'hardcoded-credential', 2);
        await waitForFinding(scanned, 'missing-timeout', 3);
        return `server ${crashed.pid} killed, ${successor.pid} started; both findings back`;
      } finally {
        watch.dispose();
      }
    },
  },
];

async function runCheck(check: Check): Promise<Outcome> {
  const started = Date.now();
  const name = (): string => `${check.name} (${Date.now() - started} ms)`;
  try {
    const detail = await check.run();
    return { name: name(), status: 'passed', detail: detail || undefined };
  } catch (error) {
    if (error instanceof Skip) return { name: name(), status: 'skipped', detail: error.message };
    return { name: name(), status: 'failed', detail: (error as Error).stack ?? String(error) };
  }
}

/** The entry point the extension host calls; a throw makes the run exit with code 1. */
export async function run(): Promise<void> {
  const outcomes: Outcome[] = [];
  for (const check of checks) {
    const outcome = await runCheck(check);
    outcomes.push(outcome);
    const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[outcome.status];
    console.log(`[e2e] ${mark} ${outcome.name}${outcome.detail ? ` — ${outcome.detail}` : ''}`);
  }
  const count = (status: Outcome['status']): number => outcomes.filter((o) => o.status === status).length;
  const summary = `${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`;
  console.log(`[e2e] ${summary}`);
  // The runner reads the outcomes from this file: the extension host's console is not its stdout.
  const resultsFile = process.env.IE_E2E_RESULTS;
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ summary, outcomes }, null, 2));
  if (count('failed') > 0) throw new Error(summary);
}
