import { fakeExtensionContext, resetFakeVscode, vscode } from '../helpers/fakeVscode.js';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { registerChat, type LoadedChat } from '../../client/src/chat/activation.js';
import { ROOT } from '../helpers/processes.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributedChatCommands: string[] = manifest.contributes.commands.map((entry: { command: string }) => entry.command).filter((id: string) => id.startsWith('integrationEngineer.chat.'));

/** A chat whose every part records what reached it. */
function recordingChat(calls: string[]): LoadedChat {
  const commands = Object.fromEntries(contributedChatCommands.map((id) => [id, (...args: unknown[]) => void calls.push(`${id}(${args.join(',')})`)]));
  return {
    commands,
    resolveWebviewView: () => void calls.push('resolveWebviewView'),
    participant: async () => (calls.push('participant'), {}),
    analyze: async () => (calls.push('analyze'), new vscode.LanguageModelToolResult([])),
  } as unknown as LoadedChat;
}

describe('the chat at activation', () => {
  beforeEach(resetFakeVscode);

  it('registers every contributed chat command, the chat view, @integration and the analyzer tool without loading the chat', () => {
    let loads = 0;
    registerChat(fakeExtensionContext(ROOT) as never, () => {
      loads++;
      return recordingChat([]);
    });
    assert.ok(contributedChatCommands.length > 0);
    assert.deepEqual(contributedChatCommands.filter((id) => !vscode.commands.registered.has(id)), [], 'contributed commands with no handler');
    const webviewViews = manifest.contributes.views.integrationEngineer.filter((view: { type?: string }) => view.type === 'webview').map((view: { id: string }) => view.id);
    assert.deepEqual([...vscode.window.webviewViews.keys()], webviewViews);
    assert.deepEqual([...vscode.chat.participants.keys()], manifest.contributes.chatParticipants.map((entry: { id: string }) => entry.id));
    assert.deepEqual([...vscode.lm.tools.keys()], manifest.contributes.languageModelTools.map((entry: { name: string }) => entry.name));
    assert.equal(vscode.languages.codeActionProviders.length, 1, 'the "ask about this finding" code action');
    assert.equal(loads, 0, 'the chat was loaded at activation');
  });

  it('loads the chat on its first use, once, and hands each part what VS Code passed', async () => {
    const calls: string[] = [];
    let loads = 0;
    registerChat(fakeExtensionContext(ROOT) as never, () => {
      loads++;
      return recordingChat(calls);
    });
    await vscode.commands.executeCommand('integrationEngineer.chat.askAboutFinding', 'finding');
    vscode.window.webviewViews.get('integrationEngineer.chatView')?.resolveWebviewView({});
    await vscode.chat.participants.get('integrationEngineer.integration')?.handler();
    await vscode.lm.tools.get('integrationEngineer_analyze')?.invoke({ input: { paths: ['src'] } }, {});
    assert.equal(loads, 1);
    assert.deepEqual(calls, ['integrationEngineer.chat.askAboutFinding(finding)', 'resolveWebviewView', 'participant', 'analyze']);
  });
});

it('the activation bundle leaves the chat out: no Anthropic SDK, Markdown, sanitizer, schema library or secret detector', async () => {
  const built = await esbuild.build({ entryPoints: [join(ROOT, 'client/src/extension.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], write: false, metafile: true, outfile: 'client.js', logLevel: 'silent' });
  const inputs = Object.keys(built.metafile.inputs);
  const chatModules = inputs.filter((path) => path.includes('client/src/chat/') && !/\/(activation|contributions)\.ts$/.test(path));
  const chatLibraries = inputs.filter((path) => /node_modules\/(@anthropic-ai|markdown-it|sanitize-html|zod)\//.test(path) || path.includes('server/src/secrets/'));
  assert.deepEqual([...chatModules, ...chatLibraries], []);
});
