import { useEffect, useRef } from 'preact/hooks';
import { usePageText } from '../page-text.js';

/** The keyboard shortcuts, in a modal dialog (the browser keeps focus inside it and closes it on Escape). */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = usePageText();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  return (
    <dialog ref={dialog} class="help" aria-labelledby="help-heading" onClose={onClose}>
      <h2 id="help-heading">{t.shortcutsHeading}</h2>
      <dl class="shortcut-list">
        {t.shortcuts.map(([key, what]) => (
          <div key={key} class="shortcut">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p class="muted">{t.shortcutsNote}</p>
      <button type="button" class="button" onClick={() => dialog.current?.close()}>
        {t.close}
      </button>
    </dialog>
  );
}
