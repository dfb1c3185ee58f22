// Questions rendered by the server carry their field (data-q, data-qh, data-choice); this re-words them in another
// language from the profile schema, so a question added in rules/ needs nothing here.

import { getJson } from './i18n.js';

export async function relabelQuestions(root, lang) {
  const schema = await getJson(`/api/v1/schema/profile?lang=${encodeURIComponent(lang)}`);
  for (const [field, property] of Object.entries(schema.properties)) {
    const name = CSS.escape(field);
    root.querySelectorAll(`[data-q="${name}"]`).forEach((el) => { el.textContent = property.title; });
    root.querySelectorAll(`[data-qh="${name}"]`).forEach((el) => { el.textContent = property.description ?? ''; });
    const titles = new Map((property.oneOf ?? []).filter((c) => 'const' in c).map((c) => [c.const, c.title]));
    root.querySelectorAll(`[data-choice="${name}"]`).forEach((el) => {
      const title = titles.get(el.dataset.value ?? el.value);
      if (title) el.textContent = title;
    });
  }
}

/** What a question item (.q[data-field]) holds, as text; '' when unanswered. */
export function rawValue(item) {
  const radios = item.querySelectorAll('input[type=radio]');
  if (radios.length) return [...radios].find((r) => r.checked)?.value ?? '';
  return item.querySelector('[name]').value.trim();
}

/** A form value as JSON wants it. Text in a number field goes as it is, so the server can say what is wrong. */
export function typed(type, value) {
  if (type === 'boolean') return value === 'true';
  if (type === 'integer' && /^-?\d{1,9}$/.test(value)) return Number(value);
  return value;
}

/** Shows the server's message under each refused field; fieldOf(pointer) names the field's id, or null. */
export function showFieldErrors(root, errors, fieldOf) {
  root.querySelectorAll('.error').forEach((p) => { p.hidden = true; p.textContent = ''; });
  root.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  const unplaced = [];
  for (const error of errors) {
    const id = fieldOf(error.pointer);
    const control = id && document.getElementById(id);
    if (!control) {
      unplaced.push(error);
      continue;
    }
    control.setAttribute('aria-invalid', 'true');
    const message = document.getElementById(`${id}-error`);
    if (message) {
      message.textContent = error.message;
      message.hidden = false;
    } else {
      unplaced.push(error);
    }
  }
  return unplaced;
}
