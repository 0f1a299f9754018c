import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api/client.js';
import type { SessionView } from '@/contract/auth.js';
import type { Lang } from '../shared/lang.js';
import type { Messages } from './i18n/messages.js';

/** What every part of the widget needs: set once by App, read with useWidget(). */
export interface WidgetContextValue {
  api: Api;
  t: Messages;
  lang: Lang;
  articleId: string;
  session: SessionView | null;
  /** The reader may post: logged in and the article is open. */
  canWrite: boolean;
  /** Memorial mode: no likes, no replies. */
  memorial: boolean;
  /** Ticks every half minute, so relative times stay true. */
  now: number;
  /** The comment to move focus to once it is on screen (a reply just posted). */
  focusRequest: { commentId: string | null };
  /** Says something to screen readers (polite). */
  announce: (text: string) => void;
  /** After a failed call: ends the session when the service no longer accepts the token. */
  noteFailure: (error: unknown) => void;
  /** The article's counts changed (a post or a delete). */
  refreshArticle: () => void;
}

export const WidgetContext = createContext<WidgetContextValue | null>(null);

export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error('useWidget() outside <WidgetContext.Provider>');
  return value;
}
