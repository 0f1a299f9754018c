import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

type EngineModule = typeof engineBindings;

let loading: Promise<EngineModule> | undefined;

/**
 * Prisma's schema engine compiled to WebAssembly. Its package entry imports the `.wasm` file as an
 * ES module, which Node 20 only allows behind --experimental-wasm-modules, so the module is
 * instantiated here by hand, exactly as that entry would do it.
 */
function loadEngineModule(): Promise<EngineModule> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(path.dirname(bindingsPath), 'schema_engine_bg.wasm'));
    // The engine reports a Rust panic's message here before it throws.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message: string) => console.error(`prisma schema engine panic: ${message}`),
    };
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
    });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return engineBindings;
  })();
  return loading;
}

/**
 * The `pg` adapter as the schema engine needs it. The adapter's executeScript splits a migration at
 * every semicolon, which breaks any function body (PL/pgSQL is full of them); PostgreSQL's simple
 * query protocol takes the whole script at once, as Prisma's native engine sends it.
 */
class WholeScriptPrismaPg extends PrismaPg {
  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  override async connect(): ReturnType<PrismaPg['connect']> {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string): Promise<void> => {
      try {
        await this.pool.query(script);
      } catch (error) {
        // The adapter's own translation into the engine's error kinds (a protected method in JS only).
        (adapter as unknown as { onError(error: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}

export interface SchemaEngineSession {
  engine: SchemaEngine;
  logs: string[];
}

/** Opens the schema engine on a database through the `pg` driver adapter, runs `work`, and frees it. */
export async function withSchemaEngine<T>(
  connectionString: string,
  schema: { path: string; content: string },
  work: (session: SchemaEngineSession) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const logs: string[] = [];
  // Our own pool, so its connections are closed when the work is done (freeing the engine does not).
  const pool = new pg.Pool({ connectionString, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPrismaPg(pool));
  let engine: SchemaEngine;
  try {
    engine = await SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, (line: string) => logs.push(line), adapter);
  } catch (error) {
    await pool.end();
    throw error;
  }
  try {
    return await work({ engine, logs });
  } finally {
    engine.free();
    await pool.end();
  }
}
