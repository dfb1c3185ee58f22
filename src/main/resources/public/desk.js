// The desk: the server renders the form (it works without scripting); this module makes the results follow the
// answers (at once for a choice, after a pause while typing), keeps a short summary and the next question in view,
// announces a one-line status, switches the language in place, saves and reopens a consultation by reference, and
// prints the applicant's handout (or the consultant's view). Answers live only in the form.

import { h, fill as fillElement } from './dom.js';
import { t, setupLanguage, currentLang, formatDate, formatDateTime } from './i18n.js';
import { relabelQuestions, showFieldErrors, rawValue, typed } from './questions.js';
import { renderResults, renderSummary, renderAskNext, groupsOf, announcement, fieldLink } from './results.js';
import { renderHandout, asLead } from './handout.js';

const TYPING_PAUSE_MS = 300;

const form = document.getElementById('desk-profile');
const results = document.getElementById('desk-results');
const top = document.getElementById('desk-top');
const summary = document.getElementById('desk-summary');
const askNext = document.getElementById('desk-ask-next');
const status = document.getElementById('desk-status');
const verdicts = document.getElementById('desk-verdicts');
const printSummary = document.getElementById('desk-print-summary');
const handout = document.getElementById('desk-handout');
const referenceView = document.getElementById('desk-reference');
const toolsMessage = document.getElementById('desk-tools-message');
const changesView = document.getElementById('desk-changes');
const openInput = document.getElementById('desk-open-ref');
const items = [...form.querySelectorAll('.q[data-field]')];
const details = JSON.parse(document.getElementById('desk-details')?.textContent ?? 'null')
  ?? { contact: null, fixedFields: [], audienceField: null };

let lastAdvice = null;
let timer = null;
let sequence = 0;
let inFlight = null;
let current = Promise.resolve();
let started = false;
let lastItem = null; // the question answered last: the "ask next" link follows it
let saved = null; // { reference, createdAt, key }: the answers the shown reference was saved with
let announced = '';

function itemOf(field) {
  return items.find((item) => item.dataset.field === field);
}

function audience() {
  return form.querySelector('[data-switch] input:checked')?.value ?? null;
}

function applies(item) {
  const target = item.dataset.appliesTo;
  return !target || !audience() || target === audience();
}

/** The answers given for the questions that apply, as POST /api/v1/advice takes them. */
function answers() {
  const body = {};
  for (const item of items) {
    const value = rawValue(item);
    if (value !== '' && applies(item)) body[item.dataset.field] = typed(item.dataset.type, value);
  }
  const asOf = form.elements.asOf.value;
  if (asOf) body.asOf = asOf;
  return body;
}

function profile() {
  return { lang: currentLang(), ...answers() };
}

/** A choice (select, radio, date picker) decides at once; typing waits for a pause. */
function isChoice(control) {
  return control.tagName === 'SELECT' || control.type === 'radio' || control.type === 'checkbox' || control.type === 'date';
}

function busy() {
  sequence++; // an answer on its way is already out of date
  results.setAttribute('aria-busy', 'true');
  top.dataset.loading = t('desk.loading');
}

function schedule() {
  busy();
  clearTimeout(timer);
  timer = setTimeout(update, TYPING_PAUSE_MS);
}

/** Asks for new advice; the previous result stays on screen until the new one arrives. */
function update() {
  clearTimeout(timer);
  timer = null;
  current = fetchAdvice();
  return current;
}

async function fetchAdvice() {
  const mine = ++sequence;
  inFlight?.abort();
  inFlight = new AbortController();
  results.setAttribute('aria-busy', 'true');
  top.dataset.loading = t('desk.loading');
  try {
    const response = await fetch('/api/v1/advice', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(profile()),
      signal: inFlight.signal,
    });
    const body = await response.json();
    if (mine !== sequence) return;
    showFieldErrors(form, response.ok ? [] : body.errors ?? [], (pointer) => pointer.slice(1));
    if (response.ok) {
      lastAdvice = body;
      show();
      results.classList.remove('failed');
    } else {
      say(`${body.title} — ${t('desk.failed')}`);
      results.classList.add('failed');
    }
  } catch (error) {
    if (error.name === 'AbortError' || mine !== sequence) return;
    say(t('desk.failed'));
    results.classList.add('failed');
  } finally {
    if (mine === sequence) results.removeAttribute('aria-busy');
  }
}

/** Waits until the results match the answers: nothing pending, nothing on its way. */
async function settled() {
  if (timer) await update();
  let seen;
  do {
    seen = current;
    await seen;
  } while (seen !== current);
}

/** The polite status line: said once per change of what it says, never the whole list. */
function say(text) {
  if (text === announced) return;
  announced = text;
  status.textContent = text;
}

function labelOf(field) {
  return itemOf(field)?.querySelector('[data-q]')?.textContent ?? field;
}

function show() {
  if (!lastAdvice) return;
  const groups = groupsOf(lastAdvice, details);
  // A section the consultant opened stays open when the results change.
  const open = new Set([...verdicts.querySelectorAll('details[data-key][open]')].map((d) => d.dataset.key));
  verdicts.replaceChildren(renderResults(lastAdvice, labelOf, details));
  verdicts.querySelectorAll('details[data-key]').forEach((d) => { d.open = open.has(d.dataset.key); });
  summary.replaceChildren(renderSummary(lastAdvice, groups));
  askNext.replaceChildren(renderAskNext(lastAdvice));
  markNext();
  if (saved && saved.key !== JSON.stringify(answers())) forget();
  say(announcement(lastAdvice, groups));
  renderPrintSummary();
  renderHandoutNow(groups);
  document.dispatchEvent(new CustomEvent('desk:updated'));
}

/** Marks the next question in the form and puts a link to it right after the question answered last. */
function markNext() {
  items.forEach((item) => item.classList.remove('next'));
  form.querySelectorAll('.then-ask').forEach((p) => p.remove());
  const question = lastAdvice.questions[0];
  const next = question && itemOf(question.field);
  if (!next) return;
  next.classList.add('next');
  next.dataset.nextLabel = t('desk.askNext');
  if (lastItem && lastItem !== next) {
    lastItem.append(h('p', { class: 'then-ask' }, fieldLink(question.field, `${t('desk.askNext')}${t('page.colon')}${question.label}`, 'next')));
  }
}

/** Moves the keyboard to a question (from an "ask next" or "still to answer" link) and shows it. */
function focusField(field) {
  const item = itemOf(field);
  if (!item) return;
  const control = item.querySelector('input:checked') ?? item.querySelector('select, input');
  item.scrollIntoView({ block: 'center' });
  control.focus({ preventScroll: true });
  item.classList.remove('flash');
  void item.offsetWidth; // restart the highlight animation
  item.classList.add('flash');
}

function answersShown() {
  return items.filter((item) => rawValue(item) !== '' && applies(item)).map((item) => {
    const select = item.querySelector('select');
    const checked = item.querySelector('input:checked');
    const shown = select ? select.selectedOptions[0].textContent
      : checked ? checked.parentElement.textContent.trim() : rawValue(item);
    return [labelOf(item.dataset.field), shown];
  });
}

/** The consultant's printout: when, on which rules, and the answers given, above the results. */
function renderPrintSummary() {
  printSummary.replaceChildren(
    h('h2', {}, t('desk.printHeading')),
    h('p', { class: 'meta' },
      `${t('page.printedAt')}${t('page.colon')}${formatDate(new Date())} · ${t('page.asOf')}${t('page.colon')}${lastAdvice.asOf} · `,
      `${t('page.rulesetVersion')}${t('page.colon')}`, h('code', {}, lastAdvice.rulesetVersion.slice(0, 19))),
    h('h3', {}, t('page.answers')),
    h('dl', { class: 'answers' }, answersShown().map(([label, value]) => h('div', {}, h('dt', {}, asLead(label)), h('dd', {}, value)))));
}

function renderHandoutNow(groups = groupsOf(lastAdvice, details)) {
  fillElement(handout, renderHandout(lastAdvice, groups, answersShown(), saved, details.contact?.[currentLang()] ?? null,
    Boolean(form.elements.asOf.value)));
}

/** Prints the handout (or the consultant's view) once the results match the answers. */
async function printAs(kind) {
  await settled();
  document.body.dataset.print = kind;
  window.print();
}

function toolMessage(text) {
  toolsMessage.textContent = text ?? '';
  toolsMessage.hidden = !text;
}

function showReference() {
  referenceView.hidden = !saved;
  if (!saved) return;
  fillElement(referenceView, `${t('desk.reference')}${t('page.colon')}`, h('strong', { class: 'ref' }, saved.reference),
    saved.createdAt && [' ', h('span', { class: 'meta' }, t('desk.savedAt', formatDateTime(new Date(saved.createdAt))))]);
  renderHandoutNow();
}

/** The answers changed after saving: the reference no longer says what is on screen. */
function forget() {
  saved = null;
  showReference();
  changesView.hidden = true;
}

async function save() {
  toolMessage(null);
  await settled();
  try {
    const response = await fetch('/api/v1/consultations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(profile()),
    });
    if (response.status !== 201) throw new Error(String(response.status));
    const body = await response.json();
    saved = { reference: body.reference, createdAt: body.createdAt, key: JSON.stringify(answers()) };
    showReference();
    say(`${t('desk.reference')}${t('page.colon')}${body.reference}`);
  } catch {
    toolMessage(t('desk.saveFailed'));
  }
}

/** Puts a saved profile back into the form (only the answers; the date is today's, to show what changed). */
function fill(saved) {
  form.reset();
  for (const item of items) {
    const value = saved[item.dataset.field];
    const radios = item.querySelectorAll('input[type=radio]');
    if (radios.length) {
      radios.forEach((radio) => { radio.checked = value === undefined ? radio.defaultChecked : radio.value === String(value); });
    } else if (value !== undefined && value !== null) {
      item.querySelector('[name]').value = String(value);
    }
  }
}

async function openReference() {
  const reference = openInput.value.trim().toUpperCase();
  if (!reference) return;
  toolMessage(null);
  try {
    const response = await fetch(`/api/v1/consultations/${encodeURIComponent(reference)}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(String(response.status));
    const record = await response.json();
    fill(record.profile ?? {});
    lastItem = null;
    await update();
    saved = { reference: record.reference, createdAt: record.createdAt, key: JSON.stringify(answers()) };
    showReference();
    const replay = await fetch(`/api/v1/consultations/${encodeURIComponent(reference)}/replay`, { headers: { Accept: 'application/json' } });
    showChanges(replay.ok ? (await replay.json()).changes ?? [] : null);
  } catch {
    toolMessage(t('desk.openFailed'));
  }
}

function statusWord(value) {
  const status = value && typeof value === 'object' ? value.status : value;
  return status ? t(`page.${status}`) : '—';
}

function showChanges(changes) {
  changesView.hidden = changes === null;
  if (changes === null) return;
  const name = (id) => lastAdvice?.programs.find((p) => p.id === id)?.name ?? id;
  fillElement(changesView, changes.length === 0 ? h('p', {}, t('desk.noChanges'))
    : [h('p', {}, h('strong', {}, t('desk.changedSince'))),
      h('ul', {}, changes.map((c) => h('li', { 'data-program': c.program }, `${name(c.program)}: ${statusWord(c.then)} → ${statusWord(c.now)}`)))]);
}

/** Re-words the questions in the new language, then asks for advice in it. */
async function relabel(lang) {
  await relabelQuestions(form, lang);
  form.elements.lang.value = lang;
  if (started) await update();
  showReference();
}

form.addEventListener('input', (event) => {
  lastItem = event.target.closest('.q');
  if (!isChoice(event.target)) schedule();
});
form.addEventListener('change', (event) => {
  lastItem = event.target.closest('.q');
  if (isChoice(event.target) || timer) update();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  update();
  results.focus();
});
form.addEventListener('reset', () => setTimeout(() => {
  lastItem = null;
  update();
}));
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-field]');
  if (!link || !link.closest('#desk-results, #desk-profile')) return;
  event.preventDefault();
  focusField(link.dataset.field);
});
results.querySelector('[data-action=save]').addEventListener('click', save);
results.querySelector('[data-action=open]').addEventListener('click', openReference);
openInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    openReference();
  }
});
results.querySelector('[data-action=print-handout]').addEventListener('click', () => printAs('handout'));
results.querySelector('[data-action=print-consultant]').addEventListener('click', () => printAs('consultant'));
window.addEventListener('afterprint', () => { document.body.dataset.print = 'handout'; });
document.body.dataset.print = 'handout';

// On a phone the summary bar is fixed at the bottom: the page keeps room for it so it never hides a question.
new ResizeObserver(() => document.documentElement.style.setProperty('--top-height', `${top.offsetHeight}px`)).observe(top);

await setupLanguage(relabel);
started = true;
await update();
