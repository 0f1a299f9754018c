// Bundles the embeddable widget into dist/widget/: embed.js (the loader publishers include),
// frame.js + frame.css (the widget inside the iframe, Preact) and moderate.js + moderate.css (the
// moderator page at /moderate, Preact too) and admin.js + admin.css (the admin console at
// /moderate/admin, which shares the desk's login, words and styles). Runs as part of `npm run build`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = path.join(root, 'dist', 'widget');

/** Gzipped size budgets; the e2e tests hold the service to them too. */
const BUDGETS = { 'embed.js': 5 * 1024, 'frame.js': 30 * 1024, 'moderate.js': 40 * 1024, 'admin.js': 40 * 1024 };

const common = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  sourcemap: false,
  legalComments: 'eof',
  logLevel: 'warning',
  tsconfig: path.join(root, 'widget', 'tsconfig.json'),
};

const preactApp = (name, entry) =>
  build({ ...common, entryPoints: { [name]: path.join(root, 'widget', ...entry) }, outdir, jsx: 'automatic', jsxImportSource: 'preact' });

await Promise.all([
  build({ ...common, entryPoints: { embed: path.join(root, 'widget', 'loader.ts') }, outdir }),
  preactApp('frame', ['frame', 'main.tsx']),
  preactApp('moderate', ['moderate', 'main.tsx']),
  preactApp('admin', ['admin', 'main.tsx']),
]);

let overBudget = false;
for (const file of ['embed.js', 'frame.js', 'frame.css', 'moderate.js', 'moderate.css', 'admin.js', 'admin.css']) {
  const content = await readFile(path.join(outdir, file));
  const gzipped = gzipSync(content).length;
  const budget = BUDGETS[file];
  const verdict = budget === undefined ? '' : gzipped <= budget ? ` (budget ${kb(budget)})` : ` OVER the budget of ${kb(budget)}`;
  if (budget !== undefined && gzipped > budget) overBudget = true;
  console.log(`widget: dist/widget/${file.padEnd(12)} ${kb(content.length).padStart(9)}, ${kb(gzipped).padStart(8)} gzipped${verdict}`);
}
if (overBudget) process.exitCode = 1;

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
