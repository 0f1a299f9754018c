// Copies what the compiled sources read at run time besides code (the classifier's weights) from
// src/ into a build folder, at the same relative paths: `node scripts/copy-assets.mjs <folder>`.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ASSETS = ['modules/policy/classifier-weights'];
const target = process.argv[2];
if (!target) throw new Error('usage: node scripts/copy-assets.mjs <build folder>');
for (const folder of ASSETS) {
  for (const name of readdirSync(join('src', folder))) {
    if (!name.endsWith('.cdac')) continue;
    mkdirSync(join(target, folder), { recursive: true });
    cpSync(join('src', folder, name), join(target, folder, name));
  }
}
