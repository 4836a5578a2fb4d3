import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFile } from '../../server/src/engine/files.js';
import { pathToUri, uriToPath } from '../../server/src/lsp/settings.js';

/** What the server does with the URIs VS Code sends from Windows: a drive letter with its colon encoded, a UNC share. */
const windows = process.platform === 'win32';
const DRIVE = 'file:///c%3A/Users/dev/app/config.yaml';
const UNC = 'file://fileserver/team/app/Dockerfile';

describe('URIs and paths', () => {
  it('a drive-letter URI is a path with its drive, and back to the same URI', () => {
    const path = uriToPath(DRIVE);
    assert.equal(path, windows ? 'c:\\Users\\dev\\app\\config.yaml' : 'c:/Users/dev/app/config.yaml');
    assert.deepEqual(classifyFile(path ?? ''), { kind: 'text', text: 'yaml' });
    assert.equal(pathToUri(path ?? ''), DRIVE);
  });

  it('a UNC URI is a path on its share, and back to the same URI', () => {
    const path = uriToPath(UNC);
    assert.equal(path, windows ? '\\\\fileserver\\team\\app\\Dockerfile' : '//fileserver/team/app/Dockerfile');
    assert.deepEqual(classifyFile(path ?? ''), { kind: 'text', text: 'dockerfile' });
    assert.equal(pathToUri(path ?? ''), UNC);
  });

  it('a POSIX path with a space round-trips; another scheme has no path', () => {
    assert.equal(uriToPath('file:///home/dev/my%20app/index.ts'), windows ? '\\home\\dev\\my app\\index.ts' : '/home/dev/my app/index.ts');
    assert.equal(pathToUri('/home/dev/my app/index.ts'), 'file:///home/dev/my%20app/index.ts');
    assert.equal(uriToPath('untitled:Untitled-1'), undefined);
    assert.equal(uriToPath('vscode-notebook-cell:/home/dev/a.ipynb#W0sZmlsZQ%3D%3D'), undefined);
  });
});
