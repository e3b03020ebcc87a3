// "Generate codes": the seed's two tabs — basic data and the generator, where a mask shows the
// first codes it gives and how many it can give before anything is written.
import * as api from '../../api.js';
import { h, field, select, header, card, notice, onSubmit } from '../../dom.js';
import { t, number, parseMoney } from '../../i18n.js';

const currencies = ['PLN', 'EUR', 'CZK', 'USD', 'GBP'];

/** Two tabs over `panels` ([label, element] pairs); arrow keys move between the tabs. */
function tabs(panels) {
  const buttons = panels.map(([label], index) => h('button', {
    type: 'button', role: 'tab', id: `tab-${index}`, 'aria-controls': `tab-panel-${index}`,
    'aria-selected': index === 0 ? 'true' : 'false', tabindex: index === 0 ? '0' : '-1',
    onclick: () => choose(index),
    onkeydown: (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step) choose((index + step + panels.length) % panels.length, true);
    },
  }, label));
  const sections = panels.map(([, element], index) => h('div', {
    role: 'tabpanel', id: `tab-panel-${index}`, 'aria-labelledby': `tab-${index}`, hidden: index !== 0,
  }, element));
  function choose(chosen, focus = false) {
    buttons.forEach((button, index) => {
      button.setAttribute('aria-selected', index === chosen ? 'true' : 'false');
      button.tabIndex = index === chosen ? 0 : -1;
      sections[index].hidden = index !== chosen;
    });
    if (focus) buttons[chosen].focus();
  }
  return { element: h('div', { class: 'tabs' }, h('div', { role: 'tablist', class: 'tablist' }, buttons), sections), choose };
}

export default async function campaignForm(main, _params, { go }) {
  const name = h('input', { name: 'name', required: true, maxlength: 200 });
  const kind = select(['singleUse', 'multiUse', 'assigned'].map((value) => [value, t(`discounts.kind.${value}`)]),
    'singleUse', { name: 'kind' });
  const count = h('input', { name: 'count', type: 'number', min: '1', max: '10000000', step: '1', required: true, value: '100' });
  const from = h('input', { name: 'validFrom', type: 'date' });
  const to = h('input', { name: 'validTo', type: 'date' });
  const discountType = select(['percent', 'amount', 'freeShipping'].map((value) => [value, t(`discounts.discount.${value}`)]),
    'percent', { name: 'discountType' });
  const discountValue = h('input', { name: 'discountValue', inputmode: 'decimal', value: '10' });
  const valueField = field(t('discounts.generate.discountValue'), discountValue, t('discounts.generate.discountValueHint'));
  const minimum = h('input', { name: 'minOrderValue', inputmode: 'decimal' });
  const points = h('input', { name: 'pointsPrice', type: 'number', min: '1', step: '1' });
  const currency = select(currencies.map((code) => [code, code]), 'PLN', { name: 'currency' });
  const mask = h('input', { name: 'mask', maxlength: 200, autocomplete: 'off', placeholder: 'PROMO<NUM:1000><RAND:10000:99999>' });
  const preview = h('div', { id: 'mask-preview', 'aria-live': 'polite' }, h('p', { class: 'hint' }, t('discounts.generate.noMask')));
  const place = h('div');

  discountType.addEventListener('change', () => { valueField.hidden = discountType.value === 'freeShipping'; });

  let previewTimer = null;
  let previewGeneration = 0;
  async function updatePreview() {
    const generation = ++previewGeneration;
    if (!mask.value.trim()) {
      preview.replaceChildren(h('p', { class: 'hint' }, t('discounts.generate.noMask')));
      return;
    }
    try {
      const answer = await api.post('discounts/campaigns/preview', { mask: mask.value.trim(), count: Number(count.value) || 1 });
      if (generation !== previewGeneration) return;
      // A key space past 2^53 cannot be read exactly by JavaScript: it is said in words.
      const huge = answer.keySpace > Number.MAX_SAFE_INTEGER;
      preview.replaceChildren(...[
        h('p', {}, huge ? t('discounts.generate.keySpaceHuge')
          : t('discounts.generate.keySpace', { keySpace: number(answer.keySpace), available: number(answer.available) })),
        answer.enough ? null : notice('error', t('discounts.generate.notEnough', { available: number(answer.available) })),
        h('ol', { class: 'codes mono', id: 'preview-codes' }, answer.codes.map((code) => h('li', {}, code))),
      ].filter(Boolean));
    } catch (error) {
      if (generation === previewGeneration) preview.replaceChildren(notice('error', error.message));
    }
  }
  for (const control of [mask, count]) {
    control.addEventListener('input', () => {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(updatePreview, 200);
    });
  }

  const basic = h('div', {},
    field(t('discounts.campaign.name'), name),
    h('div', { class: 'grid' }, field(t('discounts.campaign.kind'), kind), field(t('discounts.campaign.count'), count)),
    h('div', { class: 'grid' }, field(t('discounts.campaign.validFrom'), from), field(t('discounts.campaign.validTo'), to,
      t('discounts.generate.noEndHint'))),
    h('div', { class: 'grid' }, field(t('discounts.campaign.discount'), discountType), valueField,
      field(t('discounts.campaign.currency'), currency)),
    h('div', { class: 'grid' }, field(t('discounts.campaign.minOrderValue'), minimum),
      field(t('discounts.campaign.pointsPrice'), points, t('discounts.generate.pointsHint'))));
  const generator = h('div', {},
    field(t('discounts.campaign.mask'), mask, t('discounts.generate.maskHint')),
    card(t('discounts.generate.preview'), preview));
  const tabbed = tabs([[t('discounts.generate.basicTab'), basic], [t('discounts.generate.generatorTab'), generator]]);

  const form = h('form', { class: 'form narrow', id: 'campaign-form' }, card(null, tabbed.element), place,
    h('div', { class: 'buttons' },
      h('a', { class: 'button secondary', href: '#/discounts/campaigns' }, t('common.cancel')),
      h('button', { type: 'submit', class: 'primary' }, t('discounts.generate.submit'))));
  onSubmit(form, place, async () => {
    const body = {
      name: name.value.trim(), kind: kind.value, count: Number(count.value), currency: currency.value,
      discount: { type: discountType.value },
      validFrom: from.value ? `${from.value}T00:00:00Z` : undefined,
      validTo: to.value ? `${to.value}T23:59:59Z` : undefined,
      mask: mask.value.trim() || undefined,
      pointsPrice: points.value ? Number(points.value) : undefined,
    };
    if (discountType.value === 'percent') body.discount.value = Number(discountValue.value);
    if (discountType.value === 'amount') {
      body.discount.value = parseMoney(discountValue.value);
      if (body.discount.value === null) throw new Error(t('discounts.generate.badAmount'));
    }
    if (minimum.value.trim()) {
      body.minOrderValue = parseMoney(minimum.value);
      if (body.minOrderValue === null) throw new Error(t('discounts.generate.badAmount'));
    }
    try {
      const campaign = await api.post('discounts/campaigns', body);
      go(`discounts/campaigns/${campaign.id}`);
    } catch (error) {
      // A mask problem is shown on the generator tab, beside the mask.
      if (error.code === 'invalid_mask' || error.code === 'mask_too_small') tabbed.choose(1);
      throw error;
    }
  });
  main.replaceChildren(header(t('discounts.generate.title')), h('p', { class: 'hint' }, t('discounts.generate.explanation')), form);
  name.focus();
}
