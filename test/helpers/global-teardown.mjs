import { rm } from 'node:fs/promises';

// Runs in the same process as global-setup.mjs: what it started, this stops.
export default async function globalTeardown() {
  const template = globalThis.__commentDeskTemplate;
  if (template) await template.dropDatabase(template.adminUrl, template.name);
  const embedded = globalThis.__commentDeskEmbeddedServer;
  if (embedded) {
    await embedded.server.stop();
    await rm(embedded.dataDir, { recursive: true, force: true });
  }
}
