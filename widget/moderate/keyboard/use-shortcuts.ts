import { useEffect, useRef } from 'preact/hooks';

export const SHORTCUT_KEYS = ['j', 'k', 'a', 'r', 'b', 't', 'x', '?', 'Escape'] as const;
export type ShortcutKey = (typeof SHORTCUT_KEYS)[number];

/** Inputs that take text; a checkbox or a radio button does not, so keys still work there. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'time', 'month', 'week']);

/** True while the moderator types: a letter then belongs to the field, not to a shortcut. */
export function isTypingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/**
 * The shortcut a key press means. With a Korean keyboard layout the J key types "ㅓ", so a letter
 * outside ASCII is read by its physical key (event.code) instead.
 */
function shortcutOf(event: KeyboardEvent): ShortcutKey | null {
  if ((SHORTCUT_KEYS as readonly string[]).includes(event.key)) return event.key as ShortcutKey;
  const physical = /^Key([JKARBTX])$/.exec(event.code)?.[1];
  return physical && event.key.length === 1 && event.key.charCodeAt(0) > 0x7f && !event.shiftKey ? (physical.toLowerCase() as ShortcutKey) : null;
}

/** Calls `onKey` for the desk's single-key shortcuts, except while typing or with a modifier (browser shortcuts stay the browser's). */
export function useShortcuts(onKey: (key: ShortcutKey, event: KeyboardEvent) => void): void {
  const latest = useRef(onKey);
  latest.current = onKey;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const key = shortcutOf(event);
      if (!key || (key !== 'Escape' && isTypingIn(event.target))) return;
      latest.current(key, event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
