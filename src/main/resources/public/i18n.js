// The pages' words come from messages.yaml through GET /api/v1/ui-texts; nothing here is a word a person reads.
// Only the chosen language is remembered in the browser, never an answer.

export const LANGS = ['zh-Hans', 'zh-Hant', 'en'];
const STORE_KEY = 'policyAdvisor.lang';

let texts = {};

export function currentLang() {
  return document.documentElement.lang;
}

/** The text for a message key, with {0}, {1}… replaced by the arguments. */
export function t(key, ...args) {
  let text = texts[key] ?? key;
  args.forEach((arg, i) => { text = text.replaceAll(`{${i}}`, String(arg)); });
  return text;
}

export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function loadTexts(lang) {
  texts = (await getJson(`/api/v1/ui-texts?lang=${encodeURIComponent(lang)}`)).texts;
}

export function hasText(key) {
  return key in texts;
}

/** Re-words every element that names its message key (data-t, data-t-aria-label). */
export function applyTexts(root = document) {
  root.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  root.querySelectorAll('[data-t-aria-label]').forEach((el) => el.setAttribute('aria-label', t(el.dataset.tAriaLabel)));
}

function remembered() {
  try {
    return localStorage.getItem(STORE_KEY);
  } catch {
    return null;
  }
}

function remember(lang) {
  try {
    localStorage.setItem(STORE_KEY, lang);
  } catch {
    // Private windows may refuse storage; the ?lang= in the address still carries the choice.
  }
}

/**
 * Wires the language links to switch the page in place (answers stay), keeps ?lang= in the address and in the
 * links to the other pages, and remembers the choice. Without ?lang=, a remembered language wins.
 * onSwitch(lang) re-words what only the page knows (questions, results).
 */
export async function setupLanguage(onSwitch) {
  document.documentElement.classList.remove('no-js');
  const links = [...document.querySelectorAll('.langs a[data-lang]')];

  async function switchTo(lang) {
    await loadTexts(lang);
    document.documentElement.lang = lang;
    applyTexts();
    links.forEach((a) => (a.dataset.lang === lang ? a.setAttribute('aria-current', 'true') : a.removeAttribute('aria-current')));
    document.querySelectorAll('a[data-keep-lang]').forEach((a) => {
      const url = new URL(a.href);
      url.searchParams.set('lang', lang);
      a.href = url.pathname + url.search;
    });
    const here = new URL(location.href);
    here.searchParams.set('lang', lang);
    history.replaceState(null, '', here.pathname + here.search + here.hash);
    remember(lang);
    if (onSwitch) await onSwitch(lang);
  }

  links.forEach((a) => a.addEventListener('click', (event) => {
    event.preventDefault();
    switchTo(a.dataset.lang);
  }));

  const asked = new URL(location.href).searchParams.get('lang');
  const stored = remembered();
  if (!asked && LANGS.includes(stored) && stored !== currentLang()) {
    await switchTo(stored);
  } else {
    await loadTexts(currentLang());
    remember(currentLang());
  }
  return switchTo;
}

export function formatMoney(amount, currency) {
  return new Intl.NumberFormat(currentLang(), { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** Dates in the pages' English are British (29 Nov 2026), as their spelling is. */
function dateLocale() {
  return currentLang() === 'en' ? 'en-GB' : currentLang();
}

export function formatDate(date) {
  return new Intl.DateTimeFormat(dateLocale(), { dateStyle: 'medium' }).format(date);
}

/** A date and time with its time zone, so a reader elsewhere knows which clock it is. */
export function formatDateTime(date) {
  return new Intl.DateTimeFormat(dateLocale(), { dateStyle: 'medium', timeStyle: 'long' }).format(date);
}
