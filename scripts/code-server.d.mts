// Types for code-server.mjs, which stays plain JavaScript so `npm start` can use it before any build.

export const CODE_SERVER_VERSION: string;

export interface CodeServerOptions {
  /** Where scripts/install-code-server.sh put code-server; defaults to its cache folder. */
  installDir?: string;
  /** Extensions folder to use; defaults to a fresh one inside the temporary folder. */
  extensionsDir?: string;
  /** .vsix files to install with `--install-extension` before starting. */
  installExtensions?: string[];
  /** Port on 127.0.0.1; defaults to a free one. */
  port?: number;
  /** Extra user settings merged over the defaults. */
  settings?: Record<string, unknown>;
  /** Extra environment variables for code-server and so for its extension host. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /** Receives code-server's stdout and stderr as they arrive. */
  log?: (text: string) => void;
}

export interface RunningCodeServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  /** Settles when code-server's main process exits, with its exit code or signal. */
  exited: Promise<number | string | null>;
  /** The last lines code-server printed, for failure messages. */
  output(): string;
  /** Kills code-server and everything it started, then deletes its temporary folder. */
  stop(): Promise<void>;
}

export function codeServerInstallDir(): string;
export function freePort(): Promise<number>;
export function portInUse(port: number): Promise<boolean>;
export function startCodeServer(options?: CodeServerOptions): Promise<RunningCodeServer>;
