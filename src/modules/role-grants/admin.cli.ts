/**
 * `npm run admin -- grant <provider>:<subject> admin|moderator [--site <siteId>]` and
 * `npm run admin -- revoke <provider>:<subject> [--site <siteId>]`: names a site's first admin (or
 * any moderator) from the command line, as the role route does from the API, and takes the role back
 * (revoke: a reader again). Someone who has not logged in yet gets the role at their first login.
 * Reads DATABASE_URL, or the embedded PostgreSQL `npm start` uses when it is unset, and brings its
 * schema up to date first, as a start would.
 */
import { loadConfig } from '@/config/config.js';
import { createLogger } from '@/common/logging/logger.js';
import { locateDatabase } from '@/database/database-location.js';
import { applyMigrations } from '@/database/migrations.js';
import { poolAdapter } from '@/database/prisma.service.js';
import { PrismaClient } from '@/generated/prisma/client.js';
import type { SiteRole } from '@/modules/auth/auth.types.js';
import { DEFAULT_SITE_ID } from '@/modules/sites/site-scope.js';
import { toolSiteScope } from '@/modules/sites/tool-site-scope.js';
import { parseIdentityRef } from './identity-ref.js';
import { grantRole, type GrantOutcome } from './role-grants.js';

const USAGE = `usage: npm run admin -- grant <provider>:<subject> admin|moderator [--site <siteId>]
       npm run admin -- revoke <provider>:<subject> [--site <siteId>]`;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

const args = process.argv.slice(2);
const siteAt = args.indexOf('--site');
const siteId = siteAt >= 0 ? args[siteAt + 1] : DEFAULT_SITE_ID;
if (siteAt >= 0) args.splice(siteAt, 2);
const [command, identityText, roleText, ...rest] = args;
if (!siteId || rest.length > 0 || (command !== 'grant' && command !== 'revoke')) fail(USAGE, 2);
const identity = identityText ? parseIdentityRef(identityText) : null;
if (!identity) fail(`${identityText ?? '(nothing)'}: not a provider:subject, such as dev:alice or oidc:248289761001\n${USAGE}`, 2);
let role: SiteRole = 'reader';
if (command === 'grant') {
  if (roleText !== 'admin' && roleText !== 'moderator') fail(`${roleText ?? '(nothing)'}: the role to grant is admin or moderator\n${USAGE}`, 2);
  role = roleText;
} else if (roleText !== undefined) {
  fail(USAGE, 2);
}

const config = loadConfig();
const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
const database = await locateDatabase(config, logger);
const prisma = new PrismaClient({ adapter: poolAdapter(database.url, { size: 2, waitMs: 10_000 }) });
let exitCode = 0;
try {
  await applyMigrations(database.url);
  const scope = await toolSiteScope(prisma, siteId);
  if (!scope) {
    console.error(`there is no site ${siteId}`);
    exitCode = 1;
  } else {
    const outcome = await grantRole(prisma, scope, identity, role, `npm run admin -- ${command}`);
    console.log(describe(outcome, identityText!, siteId));
    if (outcome.kind === 'operator') exitCode = 1;
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await prisma.$disconnect();
  await database.embedded?.stop();
}
// The migrations' WebAssembly engine leaves an idle timer behind.
process.exit(exitCode);

function describe(outcome: GrantOutcome, who: string, site: string): string {
  switch (outcome.kind) {
    case 'changed':
      return `${who} (user ${outcome.userId}) is now ${outcome.role} on site ${site}`;
    case 'unchanged':
      return `${who} (user ${outcome.userId}) already was ${outcome.role} on site ${site}: nothing changed`;
    case 'pending':
      return outcome.role === 'reader'
        ? `${who} has not logged in on site ${site}: no role is waiting for them any more`
        : `${who} has not logged in on site ${site} yet: they will be ${outcome.role} from their first login`;
    case 'operator':
      return `${who} (user ${outcome.userId}) is an operator: that role is the deployment's, and was left as it is`;
  }
}
