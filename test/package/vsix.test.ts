import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { copyProject } from '../helpers/processes.js';

const EXPECTED = [
  'extension/package.json',
  'extension/dist/client.js',
  'extension/dist/chat.js',
  'extension/dist/server.js',
  'extension/dist/worker.js',
  'extension/dist/webview.js',
  'extension/dist/docs/rules/missing-timeout.md',
  'extension/schemas/integration-engineer.schema.json',
  'extension/prompts/integration-engineer.md',
  'extension/media/icon.png',
  'extension/changelog.md',
];

it('npm run package builds a .vsix with the bundles, docs and no node_modules tree', (t) => {
  const copy = copyProject(t);
  const built = spawnSync('npm', ['run', 'package'], { cwd: copy, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stdout + built.stderr);
  const vsix = join(copy, 'integration-engineer.vsix');
  assert.ok(existsSync(vsix));
  // A .vsix is a zip; the Python standard library lists it without extra tools.
  const listed = spawnSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix], { encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const files = listed.stdout.trim().split('\n');
  for (const expected of EXPECTED) assert.ok(files.includes(expected), `${expected} missing from the package`);
  assert.ok(!files.some((f) => f.includes('node_modules/')), 'the package ships a node_modules tree');
  assert.ok(!files.some((f) => (f.startsWith('extension/server/src/') && !f.endsWith('.md')) || f.startsWith('extension/test/')), 'sources or tests in the package');
  // The README is shown from the package (links are not rewritten): each relative link must reach a packaged file.
  const readme = readFileSync(join(copy, 'README.md'), 'utf8');
  const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]).filter((target) => !/^[a-z]+:/.test(target));
  assert.ok(links.length > 0);
  assert.deepEqual(links.filter((target) => !files.includes(`extension/${target}`)), [], 'README links to files the package does not ship');
  const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8'));
  // VS Code reads each contributed snippet file from the package; one left out is a silent loss of those snippets.
  const snippetPaths = (manifest.contributes.snippets as Array<{ path: string }>).map((entry) => `extension/${entry.path.replace(/^\.\//, '')}`);
  assert.ok(snippetPaths.some((path) => path.endsWith('/python.code-snippets')), 'no Python snippets are contributed');
  assert.deepEqual(snippetPaths.filter((path) => !files.includes(path)), [], 'contributed snippet files missing from the package');
  assert.ok(files.includes(`extension/${manifest.icon}`), 'the icon is packaged');
  const container = (manifest.contributes.viewsContainers.activitybar as Array<{ id: string; icon: string }>).find((entry) => entry.id === 'integrationEngineer');
  assert.ok(container && files.includes(`extension/${container.icon}`), 'the activity bar icon is packaged');
  // The chat bubble marks @integration in VS Code's Chat; in the activity bar it would pass for VS Code's own Chat.
  assert.notEqual(container.icon, 'media/chat-icon.svg', 'the activity bar shows a chat bubble');
  // No public repository exists yet: a guessed URL would send users to a page that is not ours
  // (vsce is told to package without one). Add the real URL here, and drop the flag, once there is one.
  assert.equal(manifest.repository, undefined, 'a repository URL that does not exist');
  assert.doesNotMatch(built.stdout + built.stderr, /WARNING/, 'vsce warns while packaging');
});
