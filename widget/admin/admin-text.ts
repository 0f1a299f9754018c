import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from '@widget/shared/lang.js';
import type { AdminApi } from './api/admin-api.js';
import type { AdminMessages } from './i18n/messages.js';

/** What every part of the console reads: its words, the API, and the line that says what just happened. */
export interface ConsoleContext {
  t: AdminMessages;
  lang: Lang;
  now: number;
  api: AdminApi;
  /** Says what an action did (or why it failed) in the console's status line, read out by screen readers. */
  say: (words: string, isError?: boolean) => void;
  /** Says why a call failed, in the console's words. */
  fail: (failure: unknown) => void;
}

export const ConsoleContextValue = createContext<ConsoleContext | null>(null);

export function useConsole(): ConsoleContext {
  const value = useContext(ConsoleContextValue);
  if (!value) throw new Error('useConsole() outside the console');
  return value;
}
