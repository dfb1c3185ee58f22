// The desk: the server renders the form (it works without scripting); this module makes the results follow the
// answers, switches the language in place, and lets the result be printed. Answers live only in the form.

import { h } from './dom.js';
import { t, setupLanguage, currentLang, formatDate } from './i18n.js';
import { relabelQuestions, showFieldErrors, rawValue, typed } from './questions.js';
import { renderResults } from './results.js';

const DEBOUNCE_MS = 300;

const form = document.getElementById('desk-profile');
const results = document.getElementById('desk-results');
const status = document.getElementById('desk-status');
const verdicts = document.getElementById('desk-verdicts');
const printSummary = document.getElementById('desk-print-summary');
const items = [...form.querySelectorAll('.q[data-field]')];

let lastAdvice = null;
let timer = null;
let sequence = 0;
let inFlight = null;
let started = false;

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
function profile() {
  const body = { lang: currentLang() };
  for (const item of items) {
    const value = rawValue(item);
    if (value !== '' && applies(item)) body[item.dataset.field] = typed(item.dataset.type, value);
  }
  const asOf = form.elements.asOf.value;
  if (asOf) body.asOf = asOf;
  return body;
}

function schedule() {
  sequence++; // an answer on its way is already out of date
  results.setAttribute('aria-busy', 'true');
  clearTimeout(timer);
  timer = setTimeout(update, DEBOUNCE_MS);
}

/** Asks for new advice; the previous result stays on screen until the new one arrives. */
async function update() {
  clearTimeout(timer);
  const mine = ++sequence;
  inFlight?.abort();
  inFlight = new AbortController();
  results.setAttribute('aria-busy', 'true');
  status.textContent = t('desk.loading');
  status.className = 'status loading';
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
      status.textContent = '';
      status.className = 'status';
    } else {
      status.textContent = `${body.title} — ${t('desk.failed')}`;
      status.className = 'status failed';
    }
  } catch (error) {
    if (error.name === 'AbortError' || mine !== sequence) return;
    status.textContent = t('desk.failed');
    status.className = 'status failed';
  } finally {
    if (mine === sequence) results.removeAttribute('aria-busy');
  }
}

function labelOf(field) {
  return itemOf(field)?.querySelector('[data-q]')?.textContent ?? field;
}

function show() {
  if (!lastAdvice) return;
  // A section the consultant opened stays open when the results change.
  const open = new Set([...verdicts.querySelectorAll('details[data-key][open]')].map((d) => d.dataset.key));
  verdicts.replaceChildren(renderResults(lastAdvice, labelOf, form.querySelector('[data-switch]')?.dataset.field));
  verdicts.querySelectorAll('details[data-key]').forEach((d) => { d.open = open.has(d.dataset.key); });
  items.forEach((item) => item.classList.remove('next'));
  const next = lastAdvice.questions[0] && itemOf(lastAdvice.questions[0].field);
  if (next) {
    next.classList.add('next');
    next.dataset.nextLabel = t('desk.askNext');
  }
  renderPrintSummary();
}

/** Moves the keyboard to a question (from a "still to answer" link) and shows it. */
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

/** What the printout says about the conversation: when, on which rules, and the answers given. */
function renderPrintSummary() {
  const answered = items.filter((item) => rawValue(item) !== '' && applies(item)).map((item) => {
    const select = item.querySelector('select');
    const checked = item.querySelector('input:checked');
    const shown = select ? select.selectedOptions[0].textContent
      : checked ? checked.parentElement.textContent.trim() : rawValue(item);
    return [h('dt', {}, labelOf(item.dataset.field)), h('dd', {}, shown)];
  });
  printSummary.replaceChildren(
    h('h2', {}, t('desk.printHeading')),
    h('p', { class: 'meta' },
      `${t('page.printedAt')}: ${formatDate(new Date())} · ${t('page.asOf')}: ${lastAdvice.asOf} · `,
      `${t('page.rulesetVersion')}: `, h('code', {}, lastAdvice.rulesetVersion)),
    h('h3', {}, t('page.answers')),
    answered.length ? h('dl', { class: 'answers' }, answered) : h('p', {}, t('page.noAnswers')));
}

/** Re-words the questions in the new language, then asks for advice in it. */
async function relabel(lang) {
  await relabelQuestions(form, lang);
  form.elements.lang.value = lang;
  if (started) await update();
}

form.addEventListener('input', schedule);
form.addEventListener('change', schedule);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  update();
  results.focus();
});
form.addEventListener('reset', () => setTimeout(update));
verdicts.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-field]');
  if (!link) return;
  event.preventDefault();
  focusField(link.dataset.field);
});
const print = document.getElementById('print');
print.hidden = false;
print.addEventListener('click', () => window.print());

await setupLanguage(relabel);
started = true;
await update();
