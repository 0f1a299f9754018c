import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Cleanup } from './cleanup.js';
import type { LoadPlan, LoadResult } from './load-plan.js';

const GENERATOR = fileURLToPath(new URL('./load-generator.js', import.meta.url));

/** Runs one plan in a fresh load-generator process and returns its result. */
export function runLoad(plan: LoadPlan, cleanup: Cleanup): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(GENERATOR, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    // Stopped with the rest on Ctrl-C; a no-op once it has exited.
    cleanup.add('stop the load generator', () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    let answered = false;
    child.once('message', (result) => {
      answered = true;
      resolve(result as LoadResult);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`the load generator exited with code ${code} before answering`));
    });
    child.send(plan);
  });
}
