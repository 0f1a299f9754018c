import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from '../shared/lang.js';
import type { Messages } from './i18n/messages.js';

/** The words and the clock every part of the page reads: set once by the app, read with usePageText(). */
export interface PageText {
  t: Messages;
  lang: Lang;
  /** Ticks every half minute, so relative times stay true. */
  now: number;
}

export const PageTextContext = createContext<PageText | null>(null);

export function usePageText(): PageText {
  const value = useContext(PageTextContext);
  if (!value) throw new Error('usePageText() outside <PageTextContext.Provider>');
  return value;
}
