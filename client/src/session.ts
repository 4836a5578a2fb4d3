/** What the client remembers across restarts of the language server, which forgets everything. */
export interface ClientSession {
  /** The user ran Scan Workspace: a restarted server scans again, so its results come back. */
  workspaceScanned: boolean;
}
