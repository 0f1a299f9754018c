import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('./apply-migrations.cli.js', import.meta.url));

/**
 * Applies the migrations from a short-lived child process and answers the names applied. Prisma's
 * schema engine is a large WebAssembly module: loaded into the service itself, its compiled code
 * and memory stayed resident for the life of the process (about 150 MB of an idle instance's RSS).
 */
export async function applyMigrationsApart(databaseUrl: string): Promise<string[]> {
  try {
    const { stdout } = await run(process.execPath, [CLI, '--json'], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      maxBuffer: 16 * 2 ** 20,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as string[];
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`applying the database migrations failed${stderr ? `:\n${stderr}` : ''}`, { cause: error });
  }
}
