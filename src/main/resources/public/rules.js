// The rules status page: GET /api/v1/rules (active version, files, the last attempt with its errors at
// file:line:column and its scenario results) and GET /api/v1/rules/history.

import { h } from './dom.js';
import { t, setupLanguage, formatDateTime } from './i18n.js';

const app = document.getElementById('app');
let status = null;
let history = null;

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

function lastAttempt(attempt) {
  if (!attempt) return h('section', { id: 'rules-attempt' }, h('h2', {}, t('rules.lastAttempt')), h('p', { class: 'note' }, t('rules.noAttempt')));
  const failing = attempt.failingScenarios ?? [];
  return h('section', { id: 'rules-attempt' },
    h('h2', {}, t('rules.lastAttempt')),
    h('p', { class: attempt.ok ? 'ok' : 'failed-text' }, attempt.result ? t(`rules.result.${attempt.result}`) : t(attempt.ok ? 'rules.ok' : 'rules.failed')),
    h('dl', { class: 'facts' },
      row(t('rules.at'), when(attempt.at)),
      attempt.version && row(t('rules.version'), h('code', {}, attempt.version)),
      row(t('rules.testsRun'), String(attempt.testsRun)),
      row(t('rules.testsFailed'), h('span', { class: attempt.testsFailed > 0 ? 'failed-text' : '' }, String(attempt.testsFailed)))),
    attempt.errors?.length > 0 && [h('h3', {}, t('rules.errors')),
      table('rules-errors', [t('rules.where'), t('rules.message')],
        attempt.errors.map((error) => h('tr', {}, h('td', {}, where(error)), h('td', {}, error.message))))],
    failing.length > 0 && [h('h3', {}, t('rules.failing')),
      h('ul', { id: 'rules-failing' }, failing.map((scenario) => h('li', {}, h('code', {}, scenario.file), ': ', h('strong', {}, scenario.name),
        h('ul', {}, (scenario.failures ?? []).map((failure) => h('li', {}, failure))))))]);
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
        row(t('rules.version'), h('code', { id: 'rules-version' }, status.version)),
        row(t('rules.activatedAt'), when(status.activatedAt))),
      h('button', { type: 'button', onclick: load }, t('rules.refresh'))),
    lastAttempt(status.lastAttempt),
    h('section', { id: 'rules-files' },
      h('h2', {}, `${t('rules.files')} (${status.files.length})`),
      table('rules-files-table', [t('rules.path'), 'SHA-256'],
        status.files.map((file) => h('tr', {}, h('td', {}, h('code', {}, file.path)), h('td', {}, h('code', {}, file.sha256)))))),
    history && h('section', { id: 'rules-history' },
      h('h2', {}, t('rules.history')),
      // The server lists them newest first: the one serving is at the top, however long the history.
      table('rules-history-table', [t('rules.activatedAt'), t('rules.version'), t('rules.files')],
        history.map((activation) => h('tr', {}, h('td', {}, when(activation.activatedAt)),
          h('td', {}, h('code', {}, activation.version)), h('td', {}, String(activation.files)))))));
}

await setupLanguage(async () => render());
await load();
