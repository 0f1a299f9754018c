import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FeatureConfig } from './features.js';

// The classifier's weights as a file: "CDAC", a little-endian uint32 with the header's length, the
// header as JSON (UTF-8), then one signed byte per hash bucket. The header says how the features were
// made, how to scale the bytes back to weights, and the SHA-256 of the bytes, so a truncated or
// altered file is refused before the first comment rather than scoring nonsense.

export const MODEL_MAGIC = 'CDAC';
export const MODEL_FORMAT_VERSION = 1;

const thresholds = z.strictObject({ ko: z.number().min(0).max(1), en: z.number().min(0).max(1) });

const headerSchema = z.strictObject({
  format: z.literal('comment-desk-abuse-classifier'),
  formatVersion: z.literal(MODEL_FORMAT_VERSION),
  /** The model's own name and version, recorded with every score it gives. */
  model: z.string().min(1).max(100),
  features: z.strictObject({
    hashBits: z.number().int().min(10).max(24),
    charMaxN: z.number().int().min(1).max(8),
    jamoMinN: z.number().int().min(2).max(8),
    jamoMaxN: z.number().int().min(0).max(8),
    words: z.boolean(),
  }),
  bias: z.number().finite(),
  /** Weight of bucket i = weights[i] × scale. */
  scale: z.number().positive().finite(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  /** The hold thresholds the training run found on its development split. */
  suggestedHoldAt: thresholds,
  licence: z.string(),
  sources: z.array(z.string()),
  trainedOn: z.record(z.string(), z.number().int()),
});

export type ModelHeader = z.infer<typeof headerSchema>;

export interface ModelFile {
  header: ModelHeader;
  weights: Int8Array;
}

export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`abuse classifier weights ${file}: ${problem}`);
    this.name = 'ModelFileError';
  }
}

export function encodeModelFile(header: Omit<ModelHeader, 'sha256' | 'formatVersion' | 'format'>, weights: Int8Array): Buffer {
  const bytes = Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength);
  const full: ModelHeader = {
    format: 'comment-desk-abuse-classifier',
    formatVersion: MODEL_FORMAT_VERSION,
    ...header,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  const json = Buffer.from(JSON.stringify(full), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.write(MODEL_MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(json.length, 4);
  return Buffer.concat([prefix, json, bytes]);
}

/** Reads a weights file's bytes; throws a ModelFileError naming `file` for anything amiss. */
export function decodeModelFile(bytes: Buffer, file: string): ModelFile {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== MODEL_MAGIC) throw new ModelFileError(file, 'not a weights file (bad magic)');
  const headerLength = bytes.readUInt32LE(4);
  if (8 + headerLength > bytes.length) throw new ModelFileError(file, 'truncated header');
  let header: ModelHeader;
  try {
    header = headerSchema.parse(JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)));
  } catch (error) {
    throw new ModelFileError(file, `unreadable header (${error instanceof Error ? error.message.slice(0, 200) : 'invalid'})`);
  }
  const body = bytes.subarray(8 + headerLength);
  const expected = 2 ** header.features.hashBits;
  if (body.length !== expected) throw new ModelFileError(file, `expected ${expected} weights, found ${body.length}`);
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) throw new ModelFileError(file, 'checksum mismatch (corrupt or altered)');
  const weights = new Int8Array(expected);
  weights.set(new Int8Array(body.buffer, body.byteOffset, body.byteLength));
  return { header, weights };
}

export type { FeatureConfig };
