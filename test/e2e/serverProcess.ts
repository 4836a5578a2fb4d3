// The extension's language server processes on this machine, read from /proc (Linux, where the
// e2e suite runs): both the extension-host suite and the UI checks crash one on purpose to see
// the client restart it.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface ServerProcess {
  pid: number;
  /** The extension host that forked it. */
  parentPid: number;
  /** The client starts the server in the window's workspace folder. */
  cwd: string;
  /** Node's own flags, before the server's script (the client's `execArgv`). */
  nodeFlags: string[];
}

/** What the installed extension's server runs: `<extensions>/integration-engineer.integration-engineer-<version>/dist/server.js`. */
const serverScript = /integration-engineer\.integration-engineer-[^/]*\/dist\/server\.js/;

function processAt(pid: number): ServerProcess | undefined {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const script = commandLine.findIndex((part) => serverScript.test(part));
    if (script < 0) return undefined;
    // Field 4 of stat, counted after the command name's closing parenthesis (the name may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return { pid, parentPid, cwd: readlinkSync(`/proc/${pid}/cwd`), nodeFlags: commandLine.slice(1, script) };
  } catch {
    // The process ended while it was read, or is not ours to read.
    return undefined;
  }
}

export function serverProcesses(): ServerProcess[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => processAt(Number(name)))
    .filter((found): found is ServerProcess => found !== undefined);
}
