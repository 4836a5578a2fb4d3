import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';
import { HangWatch } from './hangWatch';
import type { ClientSession } from './session';
import { AnalysisTimeNotification, HealthRequest, WorkspaceTrustedNotification, type AnalysisTimeParams, type InitializationOptions } from '../../server/src/shared/protocol';
import serverProcess from '../../server/src/shared/server-process.json';

/** The languages the server analyses: JS/TS through the parser, the rest as text. */
export const DOCUMENT_LANGUAGES = [
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact',
  'json', 'jsonc', 'yaml', 'dockercompose', 'properties', 'ini', 'toml', 'dockerfile',
  'terraform', 'python', 'markdown', 'shellscript', 'dotenv', 'plaintext',
];

export const documentSelector = DOCUMENT_LANGUAGES.flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

/** Starts the bundled server over IPC and shows its state in a language status item. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, restarts: RestartPolicy, session: ClientSession): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // V8 grows each isolate's young generation to 16 MB semi-spaces under the analyses and never
  // shrinks it: the server, its main thread and its workers alike, run with a smaller cap, or it
  // keeps 1.3 × its starting memory after 200 documents close (1.08 × with it; `npm run bench`
  // starts it the same way).
  const { execArgv } = serverProcess;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6019'] } },
  };
  // An untrusted workspace's own config file may not set what runs or for how long; the server is told when that changes.
  // Read at every start: a server restarted after a crash scans again if the user had scanned.
  const initializationOptions = (): InitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted, scanWorkspace: session.workspaceScanned });
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    initializationOptions,
    outputChannel: output,
    // The server exits on an unexpected error rather than run on in a state it cannot trust.
    errorHandler: {
      error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
      closed: () =>
        restarts.crashed()
          ? { action: CloseAction.Restart }
          : {
              action: CloseAction.DoNotRestart,
              message: `The Integration Engineer server stopped unexpectedly more than ${restarts.limit} times in ${restarts.windowMs / 60_000} minutes and will not be restarted. See the output for the errors, then run "Integration Engineer: Restart Server".`,
            },
    },
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/{integration-engineer.json,package.json}'),
        vscode.workspace.createFileSystemWatcher('**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts,json,yaml,yml,toml,properties,ini,tf,py,sh,md}'),
      ],
    },
  };
  const client = new LanguageClient('integrationEngineer', 'Integration Engineer', serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem('integrationEngineer.status', documentSelector);
  status.name = 'Integration Engineer';
  status.text = 'Integration Engineer: starting';
  status.command = { title: 'Show Output', command: 'integrationEngineer.showOutput' };
  context.subscriptions.push(status);

  // A hung server is killed: its connection closes and the error handler restarts it, within the restart policy's limit.
  const hangWatch = new HangWatch(
    () => client.sendRequest(HealthRequest),
    () => {
      output.error(`The server has not answered for ${hangWatch.timeoutMs / 1000} s: it is stopped and restarted.`);
      client.serverProcess?.kill('SIGKILL');
    },
  );
  context.subscriptions.push({ dispose: () => hangWatch.stop() });

  client.onDidChangeState((event) => {
    // A server paused in a debugger is not hung.
    if (event.newState === State.Running && !client.isInDebugMode) hangWatch.start();
    else hangWatch.stop();
    status.busy = event.newState === State.Starting;
    status.text = event.newState === State.Running ? 'Integration Engineer' : event.newState === State.Starting ? 'Integration Engineer: starting' : 'Integration Engineer: stopped';
    status.severity = event.newState === State.Stopped ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
  });
  context.subscriptions.push(
    client.onNotification(AnalysisTimeNotification, (params: AnalysisTimeParams) => {
      // The server judged the time against the budget in force for the file's folder.
      const file = vscode.Uri.parse(params.uri).path.split('/').pop();
      status.detail = `last analysis ${params.milliseconds} ms (${file})`;
      status.severity = params.overBudget ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      if (params.overBudget) output.appendLine(`Analysis of ${params.uri} took ${params.milliseconds} ms, over the ${params.budgetMs} ms budget.`);
    }),
  );
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client.isRunning()) void client.sendNotification(WorkspaceTrustedNotification);
    }));
  return client;
}
