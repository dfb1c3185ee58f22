// A claim schedule's form, built from the schedule the rules declare (the server puts it in #claim-schedule, and
// GET /api/v1/claims gives it in another language): one table per list of the claim, a column per field, the
// claim posted to the schedule's path, and the itemized answer with every item cut by a cap or a rule highlighted.
// Nothing here knows a schedule; nothing entered is stored.

import { h } from './dom.js';
import { t, getJson, setupLanguage, currentLang, formatMoney } from './i18n.js';
import { relabelQuestions, showFieldErrors, rawValue, typed } from './questions.js';

const form = document.getElementById('claim-form');
const result = document.getElementById('claim-result');
let schedule = JSON.parse(document.getElementById('claim-schedule').textContent);
const bodies = new Map(); // list key -> tbody
let shown = false;
let lastAnswer = null;

const lists = () => schedule.lists;
const itemList = () => lists().find((list) => list.items);
const listOf = (key) => lists().find((list) => list.key === key);
const applies = (field, type) => !field.forTypes.length || field.forTypes.includes(type);

// ---- Tables: a column per field; an "amounts" field has a column per item type ---------------------------------

function columns(list) {
  return list.fields.flatMap((field) => (field.kind === 'amounts'
    ? field.values.map((type) => ({ field, type, name: `${field.name}-${type.value}`, id: `col-${list.key}-${field.name}-${type.value}` }))
    : [{ field, name: field.name, id: `col-${list.key}-${field.name}` }]));
}

function headerText(list, column) {
  const field = list.fields.find((f) => f.name === column.field.name);
  return column.type ? `${field.label}: ${field.values.find((v) => v.value === column.type.value).label}` : field.label;
}

function table(list) {
  const body = h('tbody', {});
  bodies.set(list.key, body);
  return h('table', { id: `${list.key}-table`, 'data-list': list.key },
    h('thead', {}, h('tr', {}, columns(list).map((c) => h('th', { id: c.id, scope: 'col' }, headerText(list, c))), h('th', {}))),
    body);
}

function control(list, column, row) {
  const { field } = column;
  const common = { name: column.name, 'aria-labelledby': column.id };
  if (field.kind === 'choice') {
    return h('select', { ...common, onchange: () => fitToType(row) }, field.values.map((v) => h('option', { value: v.value }, v.label)));
  }
  if (field.kind === 'party') return h('select', { ...common, 'data-party': field.party });
  if (field.kind === 'boolean') {
    return h('select', common, h('option', { value: 'true', 'data-t': 'desk.yes' }, t('desk.yes')), h('option', { value: 'false', 'data-t': 'desk.no' }, t('desk.no')));
  }
  if (field.kind === 'date') return h('input', { ...common, type: 'date' });
  if (field.kind === 'integer' || field.kind === 'amounts') return h('input', { ...common, inputmode: 'numeric', autocomplete: 'off' });
  return h('input', common);
}

function addRow(list) {
  const row = h('tr', { class: list.key });
  columns(list).forEach((column) => row.append(h('td', { class: ['integer', 'amounts'].includes(column.field.kind) ? 'num' : '' }, control(list, column, row))));
  row.append(h('td', {}, h('button', {
    type: 'button', class: 'remove', 'data-t-aria-label': 'claims.remove', 'aria-label': t('claims.remove'),
    onclick: () => { row.remove(); refreshParties(); },
  }, '×')));
  bodies.get(list.key).append(row);
  const id = row.querySelector('input[name=id]');
  if (id) {
    id.value = `${list.key.charAt(0)}${bodies.get(list.key).rows.length}`;
    id.addEventListener('input', refreshParties);
  }
  refreshParties();
  if (list.items) fitToType(row);
}

function partyIds(key) {
  const body = bodies.get(key);
  return body ? [...body.querySelectorAll('input[name=id]')].map((input) => input.value.trim()).filter(Boolean) : [];
}

function fillParty(select) {
  const chosen = select.value;
  const ids = partyIds(select.dataset.party);
  select.replaceChildren(h('option', { value: '', 'data-t': 'claims.none' }, t('claims.none')), ...ids.map((id) => h('option', { value: id }, id)));
  select.value = ids.includes(chosen) ? chosen : (ids[0] ?? '');
}

function refreshParties() {
  form.querySelectorAll('select[data-party]').forEach(fillParty);
}

/** An item takes only the fields its type takes; the others are disabled (and left out of the claim). */
function fitToType(row) {
  const list = itemList();
  const typeSelect = row.querySelector('select[name=type]');
  if (!typeSelect || !row.classList.contains(list.key)) return;
  list.fields.forEach((field) => {
    const input = row.querySelector(`[name="${field.name}"]`);
    if (!input || field.name === 'type') return;
    input.disabled = !applies(field, typeSelect.value);
    if (field.kind === 'party') {
      if (input.disabled) input.value = '';
      else if (!input.value) input.value = partyIds(field.party)[0] ?? '';
    }
  });
}

// ---- The claim and its answer ----------------------------------------------------------------------------------

function cell(row, name) {
  const c = row.querySelector(`[name="${name}"]`);
  return !c || c.disabled ? '' : c.value.trim();
}

/** The claim as the schedule's path takes it; blank cells are left out, so the server names them. */
function claim() {
  const claimant = {};
  form.querySelectorAll('.claimant-questions .q[data-field]').forEach((item) => {
    const answer = rawValue(item);
    if (answer !== '') claimant[item.dataset.field] = typed(item.dataset.type, answer);
  });
  const body = { lang: currentLang(), [schedule.claimant.key]: claimant };
  lists().forEach((list) => {
    body[list.key] = [...bodies.get(list.key).rows].map((row) => {
      const entry = {};
      list.fields.forEach((field) => {
        if (field.kind === 'amounts') {
          const amounts = {};
          field.values.forEach((type) => {
            const value = cell(row, `${field.name}-${type.value}`);
            if (value) amounts[type.value] = typed('integer', value);
          });
          if (Object.keys(amounts).length) entry[field.name] = amounts;
          return;
        }
        const value = cell(row, field.name);
        if (value) entry[field.name] = field.kind === 'integer' || field.kind === 'boolean' ? typed(field.kind, value) : value;
      });
      return entry;
    });
  });
  if (form.elements.asOf.value) body.asOf = form.elements.asOf.value;
  return body;
}

/** Gives every table cell an id that the server's pointers name: /items/2/quantity is items-2-quantity. */
function numberRows() {
  bodies.forEach((body, key) => [...body.rows].forEach((row, i) => {
    row.querySelectorAll('[name]').forEach((c) => { c.id = `${key}-${i}-${c.name}`; });
  }));
}

function idOf(pointer) {
  const claimant = `/${schedule.claimant.key}/`;
  if (pointer.startsWith(claimant)) return pointer.slice(claimant.length);
  return pointer.slice(1).replaceAll('/', '-');
}

async function calculate() {
  numberRows();
  const response = await fetch(schedule.path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(claim()),
  });
  const body = await response.json();
  shown = true;
  const unplaced = showFieldErrors(form, response.ok ? [] : body.errors ?? [], idOf);
  lastAnswer = response.ok ? body : null;
  result.hidden = false;
  result.replaceChildren(...(response.ok ? answer(body) : problem(body, unplaced)));
  result.focus();
}

/** A refused claim: the problem, and each bad cell as a link that takes the keyboard there. */
function problem(body, unplaced) {
  const cells = (body.errors ?? []).filter((error) => !unplaced.includes(error) || document.getElementById(idOf(error.pointer)));
  return [
    h('h2', {}, body.title),
    h('p', { class: 'failed-text' }, body.detail),
    h('ul', { class: 'errors' }, (body.errors ?? []).map((error) => {
      const c = document.getElementById(idOf(error.pointer));
      const row = error.pointer.match(/^\/[A-Za-z]+\/(\d+)/);
      const where = [row && t('claims.row', Number(row[1]) + 1), c && c.getAttribute('aria-labelledby')
        && document.getElementById(c.getAttribute('aria-labelledby'))?.textContent].filter(Boolean).join(' · ');
      return h('li', {}, c && cells.includes(error)
        ? h('a', { href: `#${c.id}`, onclick: (event) => { event.preventDefault(); c.focus(); } }, where || error.pointer)
        : h('code', {}, error.pointer), t('page.colon'), error.message);
    })),
  ];
}

const money = (amount) => formatMoney(amount, lastAnswer.currency);
const label = (list, name) => list.fields.find((f) => f.name === name)?.label ?? name;
const reason = (id) => schedule.reasons[id] ?? id;

function capText(cap) {
  const known = schedule.caps[cap];
  return known ? known.text.replace('{0}', money(known.amount)) : cap;
}

function answer(a) {
  const items = itemList();
  const num = (content, extra = '') => h('td', { class: `num ${extra}` }, content);
  const partyFields = items.fields.filter((f) => f.kind === 'party');
  return [
    h('h2', {}, t('claims.result')),
    h('p', { class: a[`${schedule.claimant.key}Eligible`] ? 'ok' : 'failed-text' },
      a[`${schedule.claimant.key}Eligible`] ? schedule.claimant.eligible : schedule.claimant.notEligible),
    h('div', { class: 'table-scroll' }, h('table', { id: 'answer-items' },
      h('thead', {}, h('tr', {}, [t('claims.index'), ...partyFields.map((f) => f.label), label(items, 'type'), label(items, 'date')]
        .map((text) => h('th', { scope: 'col' }, text)),
      h('th', { class: 'num', scope: 'col' }, t('claims.requested')), h('th', { class: 'num', scope: 'col' }, t('claims.payable')),
      h('th', { scope: 'col' }, t('claims.reason')))),
      h('tbody', {}, a[items.key].map((line) => h('tr', {
        class: line.payable === 0 && line.requested > 0 ? 'refused' : line.payable < line.requested ? 'cut' : '',
        'data-index': line.index,
      },
      h('td', {}, line.index + 1), partyFields.map((f) => h('td', {}, line[f.name] ?? '—')),
      h('td', {}, schedule.itemTypes.find((type) => type.value === line.type)?.label ?? line.type), h('td', {}, line.date),
      num(money(line.requested)), num(money(line.payable), 'payable'),
      h('td', {}, line.reason && reason(line.reason), line.cap && h('span', { class: 'badge cap' }, capText(line.cap)))))))),
    lists().filter((list) => !list.items).map((list) => h('div', { class: 'table-scroll' }, h('table', { id: `answer-${list.key}` },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, label(list, 'id')), h('th', { scope: 'col' }, t('claims.accepted')),
        h('th', { class: 'num', scope: 'col' }, t('claims.payable')))),
      h('tbody', {}, a[list.key].map((party) => h('tr', { class: party.accepted ? '' : 'refused' },
        h('td', {}, party.id),
        h('td', {}, party.accepted ? t('claims.accepted') : `${t('claims.refused')}${t('page.colon')}${reason(party.reason)}`),
        num(money(party.payable)))))))),
    h('p', { class: 'total' }, `${t('claims.total')}${t('page.colon')}`, h('strong', { id: 'claim-total' }, money(a.totalPayable))),
    h('p', { class: 'meta' }, `${t('page.asOf')}${t('page.colon')}${a.asOf} · ${t('page.rulesetVersion')}${t('page.colon')}`, h('code', {}, a.rulesetVersion)),
  ];
}

/** Another language: the schedule's words from GET /api/v1/claims, the questions from the profile schema. */
async function switched(lang) {
  const all = await getJson(`/api/v1/claims?lang=${encodeURIComponent(lang)}`);
  schedule = all.schedules.find((s) => s.id === schedule.id) ?? schedule;
  document.querySelectorAll('[data-s]').forEach((el) => {
    const key = el.dataset.s;
    if (key === 'intro') el.textContent = schedule.intro;
    else if (key === 'claimant') el.textContent = schedule.claimant.label;
    else if (key === 'name') el.textContent = schedule.name;
    else if (key.startsWith('list-')) el.textContent = listOf(key.slice(5))?.label ?? el.textContent;
  });
  document.title = schedule.name;
  lists().forEach((list) => columns(list).forEach((c) => {
    const th = document.getElementById(c.id);
    if (th) th.textContent = headerText(list, c);
  }));
  const types = new Map(schedule.itemTypes.map((type) => [type.value, type.label]));
  form.querySelectorAll('select[name=type] option').forEach((o) => { o.textContent = types.get(o.value) ?? o.textContent; });
  await relabelQuestions(form, lang);
  if (shown) await calculate();
}

await setupLanguage(switched);
lists().forEach((list) => {
  document.getElementById(`list-${list.key}`).append(table(list),
    h('div', { class: 'row-tools' }, h('button', {
      type: 'button', 'data-add': list.key, 'data-t': 'claims.add', onclick: () => addRow(list),
    }, t('claims.add'))));
});
lists().filter((list) => !list.items).forEach(addRow);
lists().filter((list) => list.items).forEach(addRow);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  calculate();
});
document.getElementById('print').hidden = false;
document.getElementById('print').addEventListener('click', () => window.print());
