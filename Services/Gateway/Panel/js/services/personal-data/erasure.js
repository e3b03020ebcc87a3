// Erasing a person, in the API's two steps: the first call says what will go (the orders whose
// buyer is anonymized, the customer base record) and gives a ten-minute token; the admin confirms
// by typing the customer id and pressing "Potwierdź usunięcie"; the second call erases. Then the
// progress: the registry's part is done at once, every other service's follows through the
// outbox, polled a bounded number of times.
import * as api from '../../api.js';
import { h, field, header, card, table, figures, notice, formDialog } from '../../dom.js';
import { t, number, dateTime } from '../../i18n.js';
import { customer, apiPath } from './format.js';

const pollEvery = 1000;
const pollsAtMost = 60;

/** The first step, then the confirmation dialog; its errors are shown in `place`. */
export async function startErasure(customerId, place, go) {
  place.replaceChildren();
  const path = `${apiPath(customer(customerId))}/erasure`;
  let step;
  try {
    step = await api.post(path, {});
  } catch (error) {
    place.replaceChildren(notice('error', error.message));
    return;
  }
  const typed = h('input', { name: 'confirmCustomerId', required: true, autocomplete: 'off', spellcheck: 'false' });
  const dialog = formDialog(t('personalData.erasure.dialogTitle', { id: customerId }), [
    h('p', {}, t('personalData.erasure.explanation')),
    figures([
      [t('personalData.erasure.orders'), number(step.orders)],
      [t('personalData.erasure.registered'), step.registered ? t('common.yes') : t('common.no')],
      [t('personalData.erasure.expiresAt'), dateTime(step.expiresAt), true],
    ], { id: 'erasure-summary', class: 'figures compact' }),
    field(t('personalData.erasure.typeId', { id: customerId }), typed, t('personalData.erasure.typeHint')),
  ], async () => {
    if (typed.value.trim() !== customerId) throw new Error(t('personalData.erasure.mismatch', { id: customerId }));
    const started = await api.post(path, { confirmationToken: step.confirmationToken });
    go(`personal-data/erasures/${encodeURIComponent(started.id)}`);
  }, t('personalData.erasure.confirm'));
  const confirmButton = dialog.querySelector('button[type=submit]');
  confirmButton.id = 'confirm-erasure';
  confirmButton.classList.add('danger');
  typed.focus();
}

/** A service's part by its name in the menu ("Kody rabatowe"), or as the API names it. */
function serviceName(service) {
  const key = `${service}.section`;
  const name = t(key);
  return name === key ? service : name;
}

function stateBadge(service, state) {
  return h('span', { class: `badge erasure-${state}`, 'data-service': service }, t(`personalData.erasure.state.${state}`));
}

function progressView(progress) {
  const registry = [t('personalData.erasure.registry'), stateBadge('personal-data', 'done'), '—', '—'];
  return [
    figures([
      [t('personalData.erasure.pseudonym'), h('span', { class: 'mono' }, progress.pseudonym), true],
      [t('personalData.erasure.requestedAt'), dateTime(progress.requestedAt)],
      [t('personalData.erasure.requestedBy'), h('span', { class: 'mono' }, progress.requestedBy)],
      [t('personalData.erasure.complete'),
        h('span', { id: 'erasure-complete' }, progress.complete ? t('common.yes') : t('common.no'))],
    ], { class: 'figures compact' }),
    table([t('personalData.erasure.service'), t('personalData.erasure.stateTitle'), t('personalData.erasure.attempts'),
      t('personalData.erasure.lastError')], [registry, ...progress.services.map((part) => [
      serviceName(part.service), stateBadge(part.service, part.state), number(part.attempts),
      part.lastError ? h('span', { class: 'mono' }, part.lastError) : '—',
    ])]),
  ];
}

/** Erasure `id`'s progress, read again every second until complete or for at most a minute. */
export default async function erasureProgress(main, { id }) {
  const view = h('div', { id: 'erasure-progress' });
  const status = h('div', { id: 'erasure-status', 'aria-live': 'polite' });
  const again = h('button', { type: 'button', id: 'erasure-refresh', hidden: true }, t('personalData.erasure.refresh'));

  /** Shows `line` as the status, only when it says something new (it is read out). */
  function say(line) {
    if (status.textContent !== line.textContent) status.replaceChildren(line);
  }

  async function poll(remaining) {
    // The admin moved to another screen: stop asking.
    if (!view.isConnected) return;
    let progress;
    try {
      progress = await api.get(`personal-data/erasures/${api.segment(id)}`);
    } catch (error) {
      say(notice('error', error.message));
      again.hidden = false;
      return;
    }
    view.replaceChildren(...progressView(progress));
    const done = progress.services.filter((part) => part.state === 'done').length + 1;
    const total = progress.services.length + 1;
    if (progress.complete) {
      say(notice('success', t('personalData.erasure.completed')));
      again.hidden = true;
    } else if (remaining > 1) {
      say(h('p', { class: 'loading' }, t('personalData.erasure.underWay', { done, total })));
      setTimeout(() => poll(remaining - 1), pollEvery);
    } else {
      say(notice('info', t('personalData.erasure.stillUnderWay', { done, total })));
      again.hidden = false;
    }
  }
  again.addEventListener('click', () => {
    again.hidden = true;
    poll(pollsAtMost);
  });
  main.replaceChildren(
    header(t('personalData.erasure.titleFor', { id }),
      h('a', { class: 'button', href: '#/personal-data/search' }, t('personalData.record.back')), again),
    h('p', { class: 'hint' }, t('personalData.erasure.progressExplanation')),
    card(null, status, view));
  await poll(pollsAtMost);
}
