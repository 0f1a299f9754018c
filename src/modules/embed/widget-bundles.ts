import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ServiceUnavailableError } from '@/common/errors/app-error.js';

// Three levels up from both src/modules/embed (under Jest) and dist/modules/embed (at run time):
// the bundles are always where scripts/build-widget.mjs writes them.
export const WIDGET_DIST_DIR = fileURLToPath(new URL('../../../dist/widget/', import.meta.url));

export interface WidgetAsset {
  body: Buffer;
  contentType: string;
  /** A hash of the content: the ETag, and the `?v=` that lets browsers keep a file for good. */
  version: string;
}

const FILES = {
  loader: { file: 'embed.js', contentType: 'application/javascript; charset=utf-8' },
  frameScript: { file: 'frame.js', contentType: 'application/javascript; charset=utf-8' },
  frameStyles: { file: 'frame.css', contentType: 'text/css; charset=utf-8' },
  moderateScript: { file: 'moderate.js', contentType: 'application/javascript; charset=utf-8' },
  moderateStyles: { file: 'moderate.css', contentType: 'text/css; charset=utf-8' },
  adminScript: { file: 'admin.js', contentType: 'application/javascript; charset=utf-8' },
  adminStyles: { file: 'admin.css', contentType: 'text/css; charset=utf-8' },
} as const;

export type WidgetAssetName = keyof typeof FILES;

/** The built widget and moderator page, read once at start-up. */
export class WidgetBundles {
  constructor(private readonly assets: Partial<Record<WidgetAssetName, WidgetAsset>>) {}

  get missing(): string[] {
    return (Object.keys(FILES) as WidgetAssetName[]).filter((name) => !this.assets[name]).map((name) => FILES[name].file);
  }

  require(name: WidgetAssetName): WidgetAsset {
    const asset = this.assets[name];
    if (!asset) throw new ServiceUnavailableError(`The widget is not built on this server: ${FILES[name].file} is missing (npm run build).`);
    return asset;
  }
}

export async function loadWidgetBundles(dir = WIDGET_DIST_DIR): Promise<WidgetBundles> {
  const entries = await Promise.all(
    (Object.keys(FILES) as WidgetAssetName[]).map(async (name) => {
      const { file, contentType } = FILES[name];
      const body = await readFile(path.join(dir, file)).catch(() => null);
      if (!body) return [name, undefined] as const;
      const version = createHash('sha256').update(body).digest('base64url').slice(0, 16);
      return [name, { body, contentType, version }] as const;
    }),
  );
  return new WidgetBundles(Object.fromEntries(entries.filter(([, asset]) => asset)));
}
