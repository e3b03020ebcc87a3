// Building the page from elements (never from HTML strings, so API text can never become markup)
// and the few widgets every screen uses: fields, tables, pagers, dialogs, notices.
import { t } from './i18n.js';

/** An element: `h('button', { class: 'primary', onclick }, 'Save')`. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name === 'value') element.value = value;
    else if (name === 'checked') element.checked = Boolean(value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let fieldCounter = 0;

/** A labelled form field around `control` (an input, select or textarea). */
export function field(label, control, hint) {
  const id = control.id || `field-${++fieldCounter}`;
  control.id = id;
  const hintElement = hint ? h('small', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintElement);
}

/** A labelled checkbox. */
export function checkbox(label, attributes) {
  const input = h('input', { type: 'checkbox', ...attributes });
  return h('label', { class: 'check' }, input, ' ', label);
}

/** A select of `options` ([value, label] pairs) with `selected` chosen. */
export function select(options, selected, attributes = {}) {
  return h('select', attributes, options.map(([value, label]) =>
    h('option', { value, selected: String(value) === String(selected) ? 'selected' : null }, label)));
}

/** A notice: `kind` is error, success or info. Errors are announced to screen readers. */
export function notice(kind, text) {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** A table with a header row; `rows` are arrays of cells (text or elements). */
export function table(headers, rows, emptyText = t('common.empty')) {
  if (rows.length === 0) return h('p', { class: 'empty' }, emptyText);
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}

/** A heading with actions on its right. */
export function header(title, ...actions) {
  return h('div', { class: 'screen-header' }, h('h1', {}, title), h('div', { class: 'actions' }, actions));
}

/** A card with a title. */
export function card(title, ...children) {
  return h('section', { class: 'card' }, title ? h('h2', {}, title) : null, children);
}

/** Figures in tiles: `pairs` are [label, value, wide] (a wide one spans the row); null ones are left out. */
export function figures(pairs, attributes = {}) {
  return h('dl', { class: 'figures', ...attributes }, pairs.filter(Boolean).map(([label, value, wide]) =>
    h('div', { class: wide ? 'wide' : null }, h('dt', {}, label), h('dd', {}, value))));
}

/**
 * A list read page by page: `load(cursor)` returns `{items, nextCursor}`, `render(items)` makes
 * the table. Keeps the cursors seen so the admin can go back. Errors show in place.
 */
export function pagedList(load, render) {
  const container = h('div', { class: 'paged' });
  const cursors = [null];
  let index = 0;
  async function show() {
    container.replaceChildren(h('p', { class: 'loading' }, t('common.loading')));
    try {
      const page = await load(cursors[index]);
      cursors.length = index + 1;
      if (page.nextCursor) cursors.push(page.nextCursor);
      const previous = h('button', { type: 'button', disabled: index === 0 ? 'disabled' : null,
        onclick: () => { index -= 1; show(); } }, t('common.previous'));
      const next = h('button', { type: 'button', disabled: page.nextCursor ? null : 'disabled',
        onclick: () => { index += 1; show(); } }, t('common.next'));
      container.replaceChildren(render(page.items),
        h('nav', { class: 'pager', 'aria-label': t('common.pages') }, previous,
          h('span', {}, t('common.page', { page: index + 1 })), next));
    } catch (error) {
      container.replaceChildren(notice('error', error.message));
    }
  }
  show();
  return { element: container, reload: show };
}

/**
 * A modal dialog with a form: `fields` are elements, `submit(form)` returns a promise; its error
 * message is shown in the dialog and the dialog stays open. Escape closes it.
 */
export function formDialog(title, fields, submit, submitLabel = t('common.save')) {
  const message = h('div', { class: 'dialog-message' });
  const form = h('form', { method: 'dialog', class: 'form' }, h('h2', {}, title), fields, message,
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t('common.cancel')),
      h('button', { type: 'submit', class: 'primary' }, submitLabel)));
  const dialog = h('dialog', { class: 'dialog' }, form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    try {
      await submit(form);
      dialog.close();
    } catch (error) {
      message.replaceChildren(notice('error', error.message));
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/**
 * Runs `action(submitter)` on submit of `form` (`submitter` is the button pressed, for a form with
 * several), showing its error (or `success`) in `place`; its submit buttons wait meanwhile.
 */
export function onSubmit(form, place, action, success) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    place.replaceChildren();
    const buttons = [...form.querySelectorAll('button[type=submit]')];
    buttons.forEach((button) => { button.disabled = true; });
    try {
      await action(event.submitter);
      if (success) place.replaceChildren(notice('success', success));
    } catch (error) {
      place.replaceChildren(notice('error', error.message));
    } finally {
      buttons.forEach((button) => { button.disabled = false; });
    }
  });
}
