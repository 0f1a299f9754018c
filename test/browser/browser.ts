import { mkdir } from 'node:fs/promises';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';

export const ARTIFACTS_DIR = new URL('../../test-artifacts/', import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Debian Chromium; playwright keeps its own throw-away profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function artifactPath(name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return new URL(name, ARTIFACTS_DIR).pathname;
}

type Truthy<T> = Exclude<T, null | undefined | false | 0 | ''>;

/** Polls `probe` until it answers something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T> | T, timeoutMs = 10_000): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as Truthy<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The widget's frame on the page, once its document has rendered the widget. */
export async function widgetFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-comments] iframe', { timeout: 15_000 });
  const frame = await waitFor('the widget frame', () => handle.contentFrame());
  await frame.waitForSelector('.widget', { timeout: 15_000 });
  return frame;
}

/** The frame's size against its iframe's, for "no inner scroll bar". */
export async function frameFit(page: Page, frame: Frame): Promise<{ iframeHeight: number; documentHeight: number }> {
  const iframeHeight = await page.$eval('[data-comments] iframe', (iframe) => (iframe as HTMLIFrameElement).clientHeight);
  const documentHeight = await frame.evaluate(() => document.documentElement.scrollHeight);
  return { iframeHeight, documentHeight };
}
