// The rules status page: GET /api/v1/rules (active version, files, the last attempt with its errors at
// file:line:column and its scenario results) and GET /api/v1/rules/history; and a candidate checked with
// POST /api/v1/rules/validate (admin), with what it would change for scenarios and for saved consultations.

import { h } from './dom.js';
import { t, setupLanguage, formatDateTime } from './i18n.js';

const app = document.getElementById('app');
let status = null;
let history = null;
let validation = null; // the last candidate's report, or { failed: status }

async function load() {
  const response = await fetch('/api/v1/rules', { headers: { Accept: 'application/json' } });
  status = response.ok ? await response.json() : null;
  const past = status && await fetch('/api/v1/rules/history', { headers: { Accept: 'application/json' } });
  history = past && past.ok ? (await past.json()).activations : null;
  render();
}

function row(label, ...value) {
  return [h('dt', {}, label), h('dd', {}, ...value)];
}

function table(id, headings, rows) {
  return h('div', { class: 'table-scroll' }, h('table', { id },
    h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, rows)));
}

/** file:line:column, allowed to wrap after a folder rather than inside a name. */
function where(error) {
  const text = [error.file, error.line, error.column].filter((part) => part !== null && part !== undefined).join(':');
  return h('code', { class: 'path' }, text.split('/').flatMap((part, i) => (i === 0 ? [part] : [h('wbr'), '/', part])));
}

/** An instant in the reader's language and time zone; the exact value stays in the datetime attribute. */
function when(instant) {
  return instant ? h('time', { datetime: instant }, formatDateTime(new Date(instant))) : '';
}

/** Each error once, however many checks reported it. */
function once(errors) {
  const seen = new Set();
  return errors.filter((error) => {
    const key = [error.file, error.line, error.column, error.message].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A version as its first characters, the whole in the title and a button that copies it. */
function version(full, id) {
  const short = full.length > 19 ? full.slice(0, 19) : full;
  const button = h('button', { type: 'button', class: 'version-copy', 'data-version': full }, t('rules.copy'));
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(full);
      button.textContent = t('rules.copied');
    } catch {
      // No clipboard (an insecure page): the full version stays in the title to select by hand.
    }
  });
  return [h('code', { id, title: full, 'data-version': full }, short), button];
}

function lastAttempt(attempt) {
  if (!attempt) return h('section', { id: 'rules-attempt' }, h('h2', {}, t('rules.lastAttempt')), h('p', { class: 'note' }, t('rules.noAttempt')));
  const failing = attempt.failingScenarios ?? [];
  return h('section', { id: 'rules-attempt' },
    h('h2', {}, t('rules.lastAttempt')),
    h('p', { class: attempt.ok ? 'ok' : 'failed-text' }, attempt.result ? t(`rules.result.${attempt.result}`) : t(attempt.ok ? 'rules.ok' : 'rules.failed')),
    h('dl', { class: 'facts' },
      row(t('rules.at'), when(attempt.at)),
      attempt.version && row(t('rules.version'), version(attempt.version)),
      row(t('rules.testsRun'), String(attempt.testsRun)),
      row(t('rules.testsFailed'), h('span', { class: attempt.testsFailed > 0 ? 'failed-text' : '' }, String(attempt.testsFailed)))),
    attempt.errors?.length > 0 && [h('h3', {}, t('rules.errors')),
      h('p', { class: 'note' }, t('rules.inEnglish')),
      table('rules-errors', [t('rules.where'), t('rules.message')],
        once(attempt.errors).map((error) => h('tr', {}, h('td', {}, where(error)), h('td', { lang: 'en' }, error.message))))],
    failing.length > 0 && [h('h3', {}, t('rules.failing')),
      h('ul', { id: 'rules-failing' }, failing.map((scenario) => h('li', {}, h('code', {}, scenario.file), ': ', h('strong', {}, scenario.name),
        h('ul', {}, (scenario.failures ?? []).map((failure) => h('li', {}, failure))))))]);
}

/** The candidate's report: result, scenarios, and what it would change for real saved consultations. */
function validationReport() {
  if (!validation) return null;
  if (validation.failed) return h('p', { class: 'failed-text', 'data-validate-error': String(validation.failed) }, t('rules.validate.failed', validation.failed));
  const impact = validation.impact;
  const cases = impact?.consultations;
  return h('div', { id: 'rules-validate-report', 'data-ok': String(validation.ok) },
    h('p', { class: validation.ok ? 'ok' : 'failed-text' }, t(`rules.result.${validation.result}`)),
    h('dl', { class: 'facts' },
      row(t('rules.testsRun'), String(validation.testsRun)),
      row(t('rules.testsFailed'), h('span', { class: validation.testsFailed > 0 ? 'failed-text' : '' }, String(validation.testsFailed))),
      row(t('rules.errors'), String(validation.errors?.length ?? 0))),
    impact && h('p', { 'data-impact': 'scenarios' }, t('rules.impact.scenarios', impact.changed.length, impact.profilesCompared)),
    cases && [
      h('h3', {}, t('rules.impact.consultations')),
      h('p', { 'data-impact': 'consultations', 'data-considered': String(cases.considered), 'data-changed': String(cases.changed) },
        t('rules.impact.consultations.summary', cases.considered, cases.changed)),
      cases.transitions.length > 0 && table('rules-impact-transitions',
        [t('rules.impact.program'), t('rules.impact.from'), t('rules.impact.to'), t('rules.impact.count')],
        cases.transitions.map((move) => h('tr', { 'data-program': move.program },
          h('td', {}, h('code', {}, move.program)), h('td', {}, verdict(move.from)), h('td', {}, verdict(move.to)), h('td', {}, String(move.count)))))]);
}

function verdict(status) {
  return status ? t(`page.${status}`) : t('rules.impact.absent');
}

async function validate(event) {
  event.preventDefault();
  const form = event.target;
  const file = form.elements.candidate.files[0];
  if (!file) return;
  const response = await fetch('/api/v1/rules/validate', {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip', Accept: 'application/json', Authorization: `Bearer ${form.elements.token.value}` },
    body: file,
  });
  validation = response.ok ? await response.json() : { failed: response.status };
  render();
}

function validateSection() {
  return h('section', { id: 'rules-validate' },
    h('h2', {}, t('rules.validate')),
    h('p', { class: 'note' }, t('rules.validate.hint')),
    h('form', { id: 'rules-validate-form', onsubmit: validate },
      h('label', {}, t('rules.validate.candidate'), ' ', h('input', { type: 'file', name: 'candidate', accept: '.zip,application/zip', required: true })),
      ' ',
      h('label', {}, t('rules.validate.token'), ' ', h('input', { type: 'password', name: 'token', autocomplete: 'off', required: true })),
      ' ',
      h('button', { type: 'submit' }, t('rules.validate.run'))),
    validationReport());
}

function render() {
  if (!status) {
    app.replaceChildren(h('section', {}, h('p', { class: 'note' }, t('rules.unavailable'))));
    return;
  }
  app.replaceChildren(
    h('section', { id: 'rules-active' },
      h('h2', {}, t('rules.active')),
      h('dl', { class: 'facts' },
        row(t('rules.version'), version(status.version, 'rules-version')),
        row(t('rules.activatedAt'), when(status.activatedAt))),
      h('button', { type: 'button', class: 'refresh', onclick: load }, t('rules.refresh'))),
    lastAttempt(status.lastAttempt),
    h('section', { id: 'rules-files' },
      // Collapsed: the files matter when something is wrong, and a long list would push the rest down.
      h('details', { class: 'files' },
        h('summary', {}, h('h2', {}, `${t('rules.files')} (${status.files.length})`)),
        table('rules-files-table', [t('rules.path'), 'SHA-256'],
          status.files.map((file) => h('tr', {}, h('td', {}, h('code', { class: 'path' }, file.path)),
            h('td', {}, h('code', { title: file.sha256 }, file.sha256.slice(0, 12)))))))),
    history && h('section', { id: 'rules-history' },
      h('h2', {}, t('rules.history')),
      // The server lists them newest first: the one serving is at the top, however long the history.
      table('rules-history-table', [t('rules.activatedAt'), t('rules.version'), t('rules.files')],
        history.map((activation) => h('tr', {}, h('td', {}, when(activation.activatedAt)),
          h('td', {}, h('code', { title: activation.version, 'data-version': activation.version }, activation.version.slice(0, 19))),
          h('td', {}, String(activation.files)))))),
    validateSection());
}

await setupLanguage(async () => render());
await load();
