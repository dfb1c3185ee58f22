// The mentor subsidy calculator: mentees and claim items as table rows, POST /api/v1/mentor-subsidy, and the
// itemized answer with every item cut by a cap or a rule highlighted. The item types come from the rules
// (the server puts them in #mentor-schedule); nothing entered is stored.

import { h } from './dom.js';
import { t, hasText, setupLanguage, currentLang, formatMoney } from './i18n.js';
import { relabelQuestions, showFieldErrors, rawValue, typed } from './questions.js';

const form = document.getElementById('mentor-claim');
const result = document.getElementById('mentor-result');
const types = form ? JSON.parse(document.getElementById('mentor-schedule').textContent) : [];
const menteeTypes = types.filter((type) => type.forMentee);
const typeOf = (name) => types.find((type) => type.type === name);
let shown = false;
let lastAnswer = null;

/** A message element that follows language switches; a name the messages do not know stays as it is. */
function say(key, fallback = key) {
  return hasText(key) ? h('span', { 'data-t': key }, t(key)) : fallback;
}

function option(value, key) {
  return h('option', { value, 'data-t': key }, t(key));
}

function column(id, ...label) {
  return h('th', { id, scope: 'col' }, ...label);
}

function removeButton() {
  return h('button', {
    type: 'button', class: 'remove', 'data-t-aria-label': 'mentor.remove', 'aria-label': t('mentor.remove'),
    onclick: (event) => { event.target.closest('tr').remove(); refreshMenteeChoices(); },
  }, '×');
}

// ---- Mentees -------------------------------------------------------------------------------------------------

const menteeBody = h('tbody', {});
const menteeTable = () => h('table', { id: 'mentees-table' },
  h('thead', {}, h('tr', {},
    column('col-mentee-id', say('mentor.menteeId')),
    column('col-start', say('mentor.startDate')),
    column('col-employed', say('mentor.employedAtStart')),
    menteeTypes.map((type) => column(`col-paid-${type.type}`, say('mentor.previouslyPaid'), ': ', say(`mentor.type.${type.type}`, type.type))),
    h('th', {}))),
  menteeBody);

function menteeRow(id) {
  return h('tr', { class: 'mentee' },
    h('td', {}, h('input', { name: 'id', value: id, 'aria-labelledby': 'col-mentee-id', oninput: refreshMenteeChoices })),
    h('td', {}, h('input', { type: 'date', name: 'startDate', 'aria-labelledby': 'col-start' })),
    h('td', {}, h('select', { name: 'employedAtStart', 'aria-labelledby': 'col-employed' }, option('true', 'desk.yes'), option('false', 'desk.no'))),
    menteeTypes.map((type) => h('td', { class: 'num' }, h('input', {
      name: `previouslyPaid-${type.type}`, inputmode: 'numeric', autocomplete: 'off', 'aria-labelledby': `col-paid-${type.type}`,
    }))),
    h('td', {}, removeButton()));
}

function menteeIds() {
  return [...menteeBody.querySelectorAll('input[name=id]')].map((input) => input.value.trim()).filter(Boolean);
}

// ---- Claim items ---------------------------------------------------------------------------------------------

const itemBody = h('tbody', {});
const itemTable = () => h('table', { id: 'items-table' },
  h('thead', {}, h('tr', {},
    column('col-item-mentee', say('mentor.mentee')),
    column('col-type', say('mentor.type')),
    column('col-date', say('mentor.date')),
    column('col-quantity', say('mentor.quantity')),
    column('col-insured', say('mentor.insuredMonths')),
    h('th', {}))),
  itemBody);

function itemRow() {
  const row = h('tr', { class: 'item' },
    h('td', {}, h('select', { name: 'mentee', 'aria-labelledby': 'col-item-mentee' })),
    h('td', {}, h('select', { name: 'type', 'aria-labelledby': 'col-type', onchange: () => fitToType(row) },
      types.map((type) => h('option', { value: type.type }, say(`mentor.type.${type.type}`, type.type))))),
    h('td', {}, h('input', { type: 'date', name: 'date', 'aria-labelledby': 'col-date' })),
    h('td', { class: 'num' }, h('input', { name: 'quantity', inputmode: 'numeric', autocomplete: 'off', 'aria-labelledby': 'col-quantity' })),
    h('td', { class: 'num' }, h('input', { name: 'insuredMonths', inputmode: 'numeric', autocomplete: 'off', 'aria-labelledby': 'col-insured' })),
    h('td', {}, removeButton()));
  fillMenteeChoices(row.querySelector('select[name=mentee]'));
  fitToType(row);
  return row;
}

/** A type paid in parts counts insured months, the others a quantity; a type not for a mentee has no mentee. */
function fitToType(row) {
  const type = typeOf(row.querySelector('select[name=type]').value);
  row.querySelector('input[name=quantity]').disabled = type.paidInParts;
  row.querySelector('input[name=insuredMonths]').disabled = !type.paidInParts;
  const mentee = row.querySelector('select[name=mentee]');
  mentee.disabled = !type.forMentee;
  if (!type.forMentee) mentee.value = '';
  else if (!mentee.value) mentee.value = menteeIds()[0] ?? '';
}

function fillMenteeChoices(select) {
  const chosen = select.value;
  select.replaceChildren(option('', 'mentor.noMentee'), ...menteeIds().map((id) => h('option', { value: id }, id)));
  select.value = menteeIds().includes(chosen) ? chosen : (menteeIds()[0] ?? '');
}

function refreshMenteeChoices() {
  itemBody.querySelectorAll('select[name=mentee]').forEach(fillMenteeChoices);
}

// ---- The claim and its answer --------------------------------------------------------------------------------

function value(row, name) {
  const control = row.querySelector(`[name="${name}"]`);
  return control.disabled ? '' : control.value.trim();
}

/** The claim as POST /api/v1/mentor-subsidy takes it; blank cells are left out, so the server names them. */
function claim() {
  const mentor = {};
  form.querySelectorAll('.mentor-questions .q[data-field]').forEach((item) => {
    const answer = rawValue(item);
    if (answer !== '') mentor[item.dataset.field] = typed(item.dataset.type, answer);
  });
  const mentees = [...menteeBody.rows].map((row) => {
    const mentee = { id: value(row, 'id'), employedAtStart: value(row, 'employedAtStart') === 'true' };
    if (value(row, 'startDate')) mentee.startDate = value(row, 'startDate');
    const paid = {};
    menteeTypes.forEach((type) => {
      const amount = value(row, `previouslyPaid-${type.type}`);
      if (amount) paid[type.type] = typed('integer', amount);
    });
    if (Object.keys(paid).length) mentee.previouslyPaid = paid;
    return mentee;
  });
  const items = [...itemBody.rows].map((row) => {
    const item = { type: value(row, 'type') };
    for (const name of ['mentee', 'date']) if (value(row, name)) item[name] = value(row, name);
    for (const name of ['quantity', 'insuredMonths']) if (value(row, name)) item[name] = typed('integer', value(row, name));
    return item;
  });
  const body = { lang: currentLang(), mentor, mentees, items };
  if (form.elements.asOf.value) body.asOf = form.elements.asOf.value;
  return body;
}

/** Gives every table cell an id that the server's pointers name: /items/2/quantity is items-2-quantity. */
function numberRows() {
  [['mentees', menteeBody], ['items', itemBody]].forEach(([list, body]) => [...body.rows].forEach((row, i) => {
    row.querySelectorAll('[name]').forEach((control) => { control.id = `${list}-${i}-${control.name}`; });
  }));
}

function idOf(pointer) {
  if (pointer.startsWith('/mentor/')) return pointer.slice('/mentor/'.length);
  return pointer.slice(1).replaceAll('/', '-');
}

async function calculate() {
  numberRows();
  const response = await fetch('/api/v1/mentor-subsidy', {
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
      const control = document.getElementById(idOf(error.pointer));
      const row = error.pointer.match(/^\/(?:mentees|items)\/(\d+)/);
      const where = [row && t('mentor.row', Number(row[1]) + 1), control && control.getAttribute('aria-labelledby')
        && document.getElementById(control.getAttribute('aria-labelledby'))?.textContent].filter(Boolean).join(' · ');
      return h('li', {}, control && cells.includes(error)
        ? h('a', { href: `#${control.id}`, onclick: (event) => { event.preventDefault(); control.focus(); } }, where || error.pointer)
        : h('code', {}, error.pointer), ': ', error.message);
    })),
  ];
}

function money(amount) {
  return formatMoney(amount, lastAnswer.currency);
}

function typeLabel(name) {
  return hasText(`mentor.type.${name}`) ? t(`mentor.type.${name}`) : name;
}

function capText(cap) {
  const type = types.find((candidate) => candidate.cap === cap);
  return type ? t('mentor.capDetail', money(type.capPerMentee)) : cap;
}

function answer(a) {
  const num = (content, extra = '') => h('td', { class: `num ${extra}` }, content);
  return [
    h('h2', {}, t('mentor.result')),
    h('p', { class: a.mentorEligible ? 'ok' : 'failed-text' }, t(a.mentorEligible ? 'mentor.eligible' : 'mentor.notEligible')),
    h('div', { class: 'table-scroll' }, h('table', { id: 'answer-items' },
      h('thead', {}, h('tr', {}, [t('mentor.index'), t('mentor.mentee'), t('mentor.type'), t('mentor.date')].map((label) => h('th', { scope: 'col' }, label)),
        h('th', { class: 'num', scope: 'col' }, t('mentor.requested')), h('th', { class: 'num', scope: 'col' }, t('mentor.payable')),
        h('th', { scope: 'col' }, t('mentor.reason')))),
      h('tbody', {}, a.items.map((line) => h('tr', {
        class: line.payable === 0 && line.requested > 0 ? 'refused' : line.payable < line.requested ? 'cut' : '',
        'data-index': line.index,
      },
      h('td', {}, line.index + 1), h('td', {}, line.mentee ?? '—'), h('td', {}, typeLabel(line.type)), h('td', {}, line.date),
      num(money(line.requested)), num(money(line.payable), 'payable'),
      h('td', {}, line.reason && t(`mentor.reason.${line.reason}`),
        line.cap && h('span', { class: 'badge cap' }, capText(line.cap)))))))),
    h('div', { class: 'table-scroll' }, h('table', { id: 'answer-mentees' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('mentor.menteeId')), h('th', { scope: 'col' }, t('mentor.accepted')),
        h('th', { class: 'num', scope: 'col' }, t('mentor.payable')))),
      h('tbody', {}, a.mentees.map((mentee) => h('tr', { class: mentee.accepted ? '' : 'refused' },
        h('td', {}, mentee.id),
        h('td', {}, mentee.accepted ? t('mentor.accepted') : `${t('mentor.refused')}: ${t(`mentor.reason.${mentee.reason}`)}`),
        num(money(mentee.payable))))))),
    h('p', { class: 'total' }, `${t('mentor.total')}: `, h('strong', { id: 'mentor-total' }, money(a.totalPayable))),
    h('p', { class: 'meta' }, `${t('page.asOf')}: ${a.asOf} · ${t('page.rulesetVersion')}: `, h('code', {}, a.rulesetVersion)),
  ];
}

async function switched(lang) {
  if (!form) return;
  await relabelQuestions(form, lang);
  if (shown) await calculate();
}

await setupLanguage(switched);
if (!form) {
  document.getElementById('app').append(h('section', {}, h('p', { class: 'note', 'data-t': 'mentor.unavailable' }, t('mentor.unavailable'))));
} else {
  // Built once the words are loaded: say() keeps a message key only for the messages it knows.
  document.getElementById('mentor-mentees').append(menteeTable(),
    h('div', { class: 'row-tools' }, h('button', {
      type: 'button', 'data-t': 'mentor.addMentee',
      onclick: () => { menteeBody.append(menteeRow(`m${menteeBody.rows.length + 1}`)); refreshMenteeChoices(); },
    }, t('mentor.addMentee'))));
  document.getElementById('mentor-items').append(itemTable(),
    h('div', { class: 'row-tools' }, h('button', { type: 'button', 'data-t': 'mentor.addItem', onclick: () => itemBody.append(itemRow()) }, t('mentor.addItem'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    calculate();
  });
  menteeBody.append(menteeRow('m1'));
  itemBody.append(itemRow());
  document.getElementById('print').hidden = false;
  document.getElementById('print').addEventListener('click', () => window.print());
}
