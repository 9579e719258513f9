/** Small helpers for the project's scripts: run a command, stream and keep its output. */
import { spawn } from 'node:child_process';

export interface RunResult {
  code: number;
  output: string;
}

export function run(command: string, args: string[], options: { quiet?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<RunResult>((resolve) => {
    const child = spawn(command, args, {
      env: { ...process.env, FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!options.quiet) process.stdout.write(chunk);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
  });
}

export const bin = (name: string) => `node_modules/.bin/${name}`;
