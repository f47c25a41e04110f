import { h, type Child } from './dom';

/** A button of a dialog and the answer it gives. */
export interface DialogChoice<T> {
  readonly label: string;
  readonly value: T;
  /** The button focused when the dialog opens: the choice that loses nothing. */
  readonly safe?: boolean;
}

let dialogs = 0;

/**
 * Asks in an in-page modal dialog (the native `<dialog>`: focus moves into it, the page behind is inert, Escape
 * closes it) and resolves with the chosen value; Escape gives the safe choice. Used instead of `window.confirm`,
 * which cannot say what will be lost in the page's own words and blocks the page.
 */
export function ask<T>(title: string, body: Child, choices: readonly DialogChoice<T>[]): Promise<T> {
  const id = `dialog-${++dialogs}`;
  const safe = choices.find((choice) => choice.safe === true) ?? choices[0];
  if (safe === undefined) throw new Error('A dialog needs at least one choice.');
  const buttons = choices.map((choice) =>
    h(
      'button',
      {
        type: 'button',
        class: choice.safe === true ? 'primary' : undefined,
        'data-choice': String(choices.indexOf(choice)),
      },
      choice.label,
    ),
  );
  const dialog = h(
    'dialog',
    { class: 'ask', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-body` },
    h('h2', { id: `${id}-title` }, title),
    h('div', { id: `${id}-body`, class: 'ask-body' }, body),
    h('div', { class: 'ask-actions' }, buttons),
  );
  document.body.append(dialog);
  return new Promise<T>((resolve) => {
    let answer: T = safe.value;
    for (const button of buttons) {
      button.addEventListener('click', () => {
        answer = (choices[Number(button.dataset.choice)] as DialogChoice<T>).value;
        dialog.close();
      });
    }
    dialog.addEventListener('cancel', () => {
      answer = safe.value;
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    dialog.showModal();
    buttons[choices.indexOf(safe)]?.focus();
  });
}
