// Runs in the same process as global-setup.mjs: what it started, this stops.
export default async function globalTeardown() {
  const template = globalThis.__commentDeskTemplate;
  if (template) await template.dropDatabase(template.adminUrl, template.name);
  await globalThis.__commentDeskEmbeddedServer?.stop();
}
