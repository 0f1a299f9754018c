/**
 * `npm run export:decisions -- [--out decisions.jsonl] [--since 2026-01-01] [--site <id>]`: writes
 * every moderator decision on a held or reported comment as one JSON line `{ text, label, tag, site,
 * ... }`, the format `npm run train:classifier -- --data <folder>` reads, to retrain the classifier on a
 * newsroom's own readers: one site's (`--site`), or every site's, each line naming its site. Reads
 * DATABASE_URL, or the embedded PostgreSQL `npm start` uses when it is unset.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { loadConfig } from '@/config/config.js';
import { createLogger } from '@/common/logging/logger.js';
import { locateDatabase } from '@/database/database-location.js';
import { poolAdapter } from '@/database/prisma.service.js';
import { PrismaClient } from '@/generated/prisma/client.js';
import { siteScopesIn } from '@/modules/sites/sites.repository.js';
import { decisionExamples } from './decision-examples.repository.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const config = loadConfig();
const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
const sinceText = option('since');
const since = sinceText ? new Date(sinceText) : undefined;
if (since && Number.isNaN(since.getTime())) {
  console.error(`--since ${sinceText}: not a date`);
  process.exit(2);
}
const outPath = option('out');
const siteId = option('site');
const database = await locateDatabase(config, logger);
const prisma = new PrismaClient({ adapter: poolAdapter(database.url, { size: 2, waitMs: 10_000 }) });
const sites = await siteScopesIn(prisma);
const chosen = siteId === undefined ? sites : sites.filter((scope) => scope.siteId === siteId);
if (chosen.length === 0) {
  console.error(`--site ${siteId}: no such site (the sites are: ${sites.map((scope) => scope.siteId).join(', ')})`);
  await prisma.$disconnect();
  await database.embedded?.stop();
  process.exit(2);
}
const out = outPath ? createWriteStream(outPath) : process.stdout;
let count = 0;
try {
  for await (const line of decisionExamples(prisma, chosen, since)) {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
    count++;
  }
  if (outPath) {
    out.end();
    await once(out, 'finish');
  }
  console.error(`exported ${count} labelled decision(s) of ${siteId === undefined ? 'every site' : `site ${siteId}`}${outPath ? ` to ${outPath}` : ''}`);
} finally {
  await prisma.$disconnect();
  await database.embedded?.stop();
}
process.exit(0);
