import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AbuseModel } from './abuse-model.js';
import { decodeModelFile, ModelFileError } from './model-file.js';

/** The weights that ship in the repository (CC BY-SA 4.0; see MODEL_CARD.md beside them). */
export const SHIPPED_MODEL_FILE = fileURLToPath(new URL('../../classifier-weights/abuse-ko-en.v1.cdac', import.meta.url));

let shared: AbuseModel | undefined;
let sharedFile = SHIPPED_MODEL_FILE;

/** Reads and checks a weights file; throws a ModelFileError naming it for anything amiss. */
export function loadAbuseModel(file: string): AbuseModel {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new ModelFileError(file, code === 'ENOENT' ? 'file not found' : `cannot be read (${String(code ?? error)})`);
  }
  return new AbuseModel(decodeModelFile(bytes, file));
}

/**
 * Loads the classifier every policy shares, from `file` (the shipped weights by default): called once
 * at start-up, so a missing or corrupt file stops the process there, never at the first comment.
 */
export function useAbuseModel(file: string = SHIPPED_MODEL_FILE): AbuseModel {
  if (shared && sharedFile === file) return shared;
  shared = loadAbuseModel(file);
  sharedFile = file;
  return shared;
}

/** The shared classifier, loaded on first use when start-up did not load it. */
export function sharedAbuseModel(): AbuseModel {
  shared ??= loadAbuseModel(sharedFile);
  return shared;
}
