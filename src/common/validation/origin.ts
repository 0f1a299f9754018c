import { z } from 'zod';

/** A web origin (`https://news.example.com`, a trailing slash allowed), as its canonical `URL.origin`. */
export const originSchema = z.string().transform((value, ctx) => {
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '')) return url.origin;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: `"${value}" is not an origin like https://news.example.com` });
  return z.NEVER;
});
