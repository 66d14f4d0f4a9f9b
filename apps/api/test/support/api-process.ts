import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as path from 'node:path';

/** One line of the API's JSON log (pino). */
export type LogLine = Record<string, unknown> & { msg?: string; context?: string };

/** The API as production runs it (src/main.ts: startServer), in a Node process of its own. */
export interface ApiProcess {
  name: string;
  /** e.g. http://127.0.0.1:41137 */
  url: string;
  pid: number;
  /** the JSON log lines written so far */
  logs(): LogLine[];
  stop(): Promise<void>;
}

const API_DIR = path.join(__dirname, '../..');
// ts-node with swc, transpile only (as the benchmark runs the API): types are checked elsewhere.
const ENTRY = `require('ts-node').register({ transpileOnly: true, swc: true }); require('./src/main.ts');`;

/** Starts `src/main.ts` with `env` over this process's environment; resolves once it listens. */
export function startApiProcess(
  name: string,
  env: Record<string, string>,
  timeoutMs = 80_000,
): Promise<ApiProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['-e', ENTRY], {
    cwd: API_DIR,
    env: { ...process.env, ...env },
  });
  const lines: LogLine[] = [];
  let text = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`API ${name} did not start within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const complete = text.split('\n');
      text = complete.pop() ?? '';
      for (const line of complete) {
        if (line.startsWith('{')) lines.push(JSON.parse(line) as LogLine);
        // main.ts prints "  App:      http://localhost:<port>/" once it listens.
        const listening = /App:\s+http:\/\/localhost:(\d+)\//.exec(line);
        if (listening) {
          clearTimeout(timer);
          resolve({
            name,
            url: `http://127.0.0.1:${listening[1]}`,
            pid: child.pid!,
            logs: () => [...lines],
            stop,
          });
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API ${name} exited with ${code} before listening:\n${stderr}`));
    });
  });
}
