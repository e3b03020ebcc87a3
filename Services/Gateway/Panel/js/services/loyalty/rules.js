// Earning rules with a live preview of what an example order earns, computed by
// the server's own arithmetic (POST /loyalty/rules/preview).
import * as api from '../../api.js';
import { h, field, checkbox, select, header, card, table, pagedList, notice, onSubmit } from '../../dom.js';
import { t, number, money, parseMoney, moneyInput } from '../../i18n.js';

const actions = ['orderCreated', 'orderStatus', 'newsletterSignup', 'reviewPublished'];
const statuses = ['created', 'paid', 'fulfilled', 'cancelled', 'refunded'];

/** "1 pkt / 5,00 zł, w dół, do 1" — an award in a line. */
function describeAward(award) {
  if (award.type === 'fixed') return t('loyalty.rules.fixedSummary', { points: number(award.points) });
  return t('loyalty.rules.proportionalSummary', {
    points: number(award.points), per: money(award.per), basis: t(`loyalty.basis.${award.basis}`),
    rounding: t(`loyalty.rounding.${award.rounding}`), roundTo: number(award.roundTo),
  });
}

export default async function rules(main) {
  const list = pagedList(
    (cursor) => api.get('loyalty/rules', { cursor, limit: 20 }),
    (items) => table(
      [t('loyalty.rules.name'), t('loyalty.rules.action'), t('loyalty.rules.award'), t('loyalty.rules.active'), ''],
      items.map((rule) => [
        rule.name,
        t(`loyalty.action.${rule.action}`) + (rule.status ? ` (${t(`order.status.${rule.status}`)})` : ''),
        describeAward(rule.award),
        rule.active ? t('common.yes') : t('common.no'),
        h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'link', onclick: () => edit(rule) }, t('common.edit')),
          h('button', { type: 'button', class: 'link danger', onclick: () => remove(rule) }, t('common.delete'))),
      ])));
  const formPlace = h('div');
  const listNotice = h('div');

  async function remove(rule) {
    if (!confirm(t('loyalty.rules.confirmDelete', { name: rule.name }))) return;
    listNotice.replaceChildren();
    try {
      await api.del(`loyalty/rules/${rule.id}`);
      list.reload();
    } catch (error) {
      listNotice.replaceChildren(notice('error', error.message));
    }
  }

  function edit(rule) {
    formPlace.replaceChildren(ruleForm(rule, () => {
      formPlace.replaceChildren();
      list.reload();
    }));
    formPlace.querySelector('input')?.focus();
  }

  main.replaceChildren(
    header(t('loyalty.rules.title'),
      h('button', { type: 'button', class: 'primary', id: 'new-rule', onclick: () => edit(null) }, t('loyalty.rules.new'))),
    h('p', { class: 'hint' }, t('loyalty.rules.explanation')),
    formPlace, listNotice, card(null, list.element));
}

/** The form for a new rule (`rule` null) or an existing one, with its preview. */
function ruleForm(rule, done) {
  const award = rule?.award || { type: 'proportional', points: 1, per: 500, basis: 'net', rounding: 'down', roundTo: 1 };
  const conditions = rule?.conditions || {};
  const name = h('input', { name: 'name', required: true, maxlength: 200, value: rule?.name || '' });
  const active = checkbox(t('loyalty.rules.active'), { name: 'active', checked: rule ? rule.active : true });
  const action = select(actions.map((a) => [a, t(`loyalty.action.${a}`)]), rule?.action || 'orderStatus', { name: 'action' });
  const status = select(statuses.map((s) => [s, t(`order.status.${s}`)]), rule?.status || 'fulfilled', { name: 'status' });
  const statusField = field(t('loyalty.rules.status'), status);
  const type = select([['proportional', t('loyalty.rules.proportional')], ['fixed', t('loyalty.rules.fixed')]],
    award.type, { name: 'awardType' });
  const points = h('input', { name: 'points', type: 'number', min: '0', step: '1', required: true, value: award.points });
  const per = h('input', { name: 'per', inputmode: 'decimal', value: moneyInput(award.per ?? 500) });
  const basis = select(['net', 'gross'].map((b) => [b, t(`loyalty.basis.${b}`)]), award.basis || 'net', { name: 'basis' });
  const rounding = select(['down', 'nearest', 'up'].map((r) => [r, t(`loyalty.rounding.${r}`)]),
    award.rounding || 'down', { name: 'rounding' });
  const roundTo = select([1, 10, 100, 1000].map((s) => [s, t(`loyalty.roundTo.${s}`)]), award.roundTo || 1, { name: 'roundTo' });
  const proportional = h('div', { class: 'grid' },
    field(t('loyalty.rules.per'), per, t('loyalty.rules.perHint')), field(t('loyalty.rules.basis'), basis),
    field(t('loyalty.rules.rounding'), rounding), field(t('loyalty.rules.roundTo'), roundTo));
  const minValue = h('input', { name: 'minOrderValue', inputmode: 'decimal', value: moneyInput(conditions.minOrderValue) });
  const from = h('input', { name: 'validFrom', type: 'date', value: conditions.validFrom?.slice(0, 10) || '' });
  const to = h('input', { name: 'validTo', type: 'date', value: conditions.validTo?.slice(0, 10) || '' });
  const products = h('input', { name: 'productIds', value: (conditions.productIds || []).join(', ') });
  const categories = h('input', { name: 'categories', value: (conditions.categories || []).join(', ') });
  const example = h('input', { name: 'example', inputmode: 'decimal', value: moneyInput(10393) });
  const result = h('output', { class: 'preview-result', id: 'preview-result', for: example.id }, '…');
  const place = h('div');

  const list = (text) => {
    const items = text.split(/[\s,]+/).filter(Boolean);
    return items.length ? items : undefined;
  };
  function readAward() {
    const value = { type: type.value, points: Number(points.value) };
    if (type.value === 'proportional') {
      const perMinor = parseMoney(per.value);
      if (perMinor === null || perMinor <= 0) throw new Error(t('loyalty.rules.badPer'));
      Object.assign(value, { per: perMinor, basis: basis.value, rounding: rounding.value, roundTo: Number(roundTo.value) });
    }
    return value;
  }
  function toggle() {
    statusField.hidden = action.value !== 'orderStatus';
    proportional.hidden = type.value !== 'proportional';
  }

  let previewTimer = null;
  let previewGeneration = 0;
  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(updatePreview, 150);
  }
  async function updatePreview() {
    const generation = ++previewGeneration;
    let body;
    try {
      const orderValue = parseMoney(example.value);
      if (orderValue === null) throw new Error(t('loyalty.rules.badExample'));
      body = { award: readAward(), orderValue };
    } catch (error) {
      result.replaceChildren(notice('error', error.message));
      return;
    }
    try {
      const answer = await api.post('loyalty/rules/preview', body);
      if (generation !== previewGeneration) return;
      result.replaceChildren(t('loyalty.rules.previewResult', { value: money(body.orderValue), points: number(answer.points) }));
      result.dataset.points = String(answer.points);
    } catch (error) {
      if (generation === previewGeneration) result.replaceChildren(notice('error', error.message));
    }
  }

  const form = h('form', { class: 'form', id: 'rule-form' },
    h('div', { class: 'columns' },
      card(rule ? t('loyalty.rules.editTitle', { name: rule.name }) : t('loyalty.rules.new'),
        field(t('loyalty.rules.name'), name), active,
        h('div', { class: 'grid' }, field(t('loyalty.rules.action'), action), statusField),
        h('div', { class: 'grid' }, field(t('loyalty.rules.awardType'), type),
          field(t('loyalty.rules.points'), points, t('loyalty.rules.pointsHint'))),
        proportional),
      h('div', {},
        card(t('loyalty.rules.preview'),
          field(t('loyalty.rules.example'), example, t('loyalty.rules.exampleHint')), result),
        card(t('loyalty.rules.conditions'),
          field(t('loyalty.rules.minOrderValue'), minValue),
          h('div', { class: 'grid' }, field(t('loyalty.rules.validFrom'), from), field(t('loyalty.rules.validTo'), to)),
          field(t('loyalty.rules.productIds'), products, t('loyalty.program.idsHint')),
          field(t('loyalty.rules.categories'), categories, t('loyalty.program.idsHint'))))),
    place,
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'secondary', onclick: done }, t('common.cancel')),
      h('button', { type: 'submit', class: 'primary' }, t('common.save'))));
  for (const control of [type, points, per, basis, rounding, roundTo, example]) {
    control.addEventListener('input', schedulePreview);
    control.addEventListener('change', schedulePreview);
  }
  action.addEventListener('change', toggle);
  type.addEventListener('change', toggle);
  toggle();
  updatePreview();

  onSubmit(form, place, async () => {
    const minimum = minValue.value.trim() ? parseMoney(minValue.value) : undefined;
    if (minimum === null) throw new Error(t('loyalty.rules.badMinimum'));
    const body = {
      name: name.value.trim(),
      active: active.querySelector('input').checked,
      action: action.value,
      status: action.value === 'orderStatus' ? status.value : undefined,
      award: readAward(),
      conditions: {
        minOrderValue: minimum,
        validFrom: from.value ? `${from.value}T00:00:00Z` : undefined,
        validTo: to.value ? `${to.value}T23:59:59Z` : undefined,
        productIds: list(products.value),
        categories: list(categories.value),
      },
    };
    if (rule) await api.put(`loyalty/rules/${rule.id}`, body);
    else await api.post('loyalty/rules', body);
    done();
  });
  return form;
}
