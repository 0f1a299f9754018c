import { useEffect, useRef, useState } from 'preact/hooks';
import type { QueueItem } from '@/contract/moderation-queue.js';
import { itemElementId } from '../components/ItemCard.js';
import { QUEUE_PANEL_ID } from '../components/QueueTabs.js';

const EXCERPT = 80;

export interface Selection {
  currentId: string | null;
  current: QueueItem | null;
  /** j/k: the next or previous item (the first when none is current yet), focused and announced. */
  move: (step: 1 | -1) => void;
  /** A click or focus inside an item makes it current, without moving focus. */
  point: (commentId: string) => void;
  /** Before items leave the list: the current one hands over to its neighbour, keeping keyboard focus in the list. */
  handOver: (leaving: readonly string[]) => void;
  /** Puts keyboard focus back on the current item (after a form under it closes). */
  refocus: () => void;
  clear: () => void;
}

/**
 * The current item: the one the keys act on, claimed while it is current. Moving with the keyboard
 * focuses it and says which it is (`speak`, an aria-live region), so the moderator never loses
 * their place, also when items leave under them.
 */
export function useSelection(
  items: QueueItem[],
  speak: (text: string) => void,
  describe: (position: number, total: number, item: QueueItem) => string,
): Selection {
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  /**
   * Where keyboard focus should go once rendered: an item's id, null for the list itself, undefined
   * for nowhere. A ref, not a flag per render: two quick key presses may run the first render's
   * effect late, and it must then focus the latest target, not the one it was scheduled for.
   */
  const focusTarget = useRef<string | null | undefined>(undefined);
  const latest = useRef({ items, currentId });
  latest.current = { items, currentId };

  // An item that left some other way (a refresh after a conflict, a ban) is no longer current.
  useEffect(() => {
    if (currentId && !items.some((item) => item.comment.id === currentId)) setCurrentId(null);
  }, [items]);

  useEffect(() => {
    const target = focusTarget.current;
    if (target === undefined) return;
    focusTarget.current = undefined;
    document.getElementById(target ? itemElementId(target) : QUEUE_PANEL_ID)?.focus();
  }, [currentId, focusTick]);

  const focusOn = (commentId: string | null): void => {
    focusTarget.current = commentId;
    setFocusTick((tick) => tick + 1);
  };

  const focusAndSay = (index: number, list: QueueItem[]): void => {
    const item = list[index];
    const id = item?.comment.id ?? null;
    latest.current = { ...latest.current, currentId: id };
    setCurrentId(id);
    focusOn(id);
    if (item) speak(describe(index + 1, list.length, item));
  };

  return {
    currentId,
    current: items.find((item) => item.comment.id === currentId) ?? null,
    move(step) {
      const { items: list, currentId: id } = latest.current;
      if (list.length === 0) return;
      const index = list.findIndex((item) => item.comment.id === id);
      focusAndSay(index < 0 ? 0 : Math.max(0, Math.min(list.length - 1, index + step)), list);
    },
    point(commentId) {
      if (commentId !== latest.current.currentId) setCurrentId(commentId);
    },
    handOver(leaving) {
      const { items: list, currentId: id } = latest.current;
      if (!id || !leaving.includes(id)) return;
      const index = list.findIndex((item) => item.comment.id === id);
      const remaining = list.filter((item) => !leaving.includes(item.comment.id));
      const next =
        list.slice(index + 1).find((item) => !leaving.includes(item.comment.id)) ??
        [...list.slice(0, index)].reverse().find((item) => !leaving.includes(item.comment.id));
      const element = document.getElementById(itemElementId(id));
      const hadFocus = element !== null && element.contains(document.activeElement);
      if (hadFocus) focusAndSay(next ? remaining.indexOf(next) : -1, remaining);
      else setCurrentId(next?.comment.id ?? null);
    },
    refocus() {
      focusOn(latest.current.currentId);
    },
    clear() {
      setCurrentId(null);
    },
  };
}

/** The first words of a comment, for announcing it. */
export function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat;
}
