// Renders an answer of POST /api/v1/advice as the desk's results: Eligible (with amounts and the total), Needs
// information (the questions to ask, as links to the fields), Not eligible (collapsed, near misses first).

import { h } from './dom.js';
import { t, formatMoney } from './i18n.js';

const notMet = (program) => program.criteria.filter((c) => c.status === 'NOT_MET');

/**
 * How far a program is out of reach: its unmet criteria, and out of reach altogether when one of them is about
 * who is asking (a person will not become an organization).
 */
function distance(program, audienceField) {
  const unmet = notMet(program);
  return unmet.some((c) => c.fields.includes(audienceField)) ? Infinity : unmet.length;
}

/**
 * labelOf(field) gives a question's label in the current language, for the "still to answer" links;
 * audienceField is the question that says who is asking (applicantType).
 */
export function renderResults(advice, labelOf, audienceField) {
  const byStatus = (status) => advice.programs.filter((p) => p.status === status);
  const eligible = byStatus('ELIGIBLE');
  const needsInfo = byStatus('NEEDS_INFO');
  // Near misses first: sort is stable, so catalogue order holds among programs with as many unmet criteria.
  const notEligible = byStatus('NOT_ELIGIBLE').map((p) => ({ ...p, distance: distance(p, audienceField) }))
    .sort((a, b) => (a.distance === b.distance ? 0 : a.distance < b.distance ? -1 : 1));

  return h('div', { class: 'verdicts' },
    h('section', { class: 'group eligible', 'aria-labelledby': 'group-eligible' },
      h('h3', { id: 'group-eligible' }, `${t('page.ELIGIBLE')} (${eligible.length})`),
      h('p', { class: 'total' }, `${t('page.total')}: `,
        h('strong', { id: 'desk-total' }, totals(advice.totals))),
      eligible.length ? eligible.map((p) => program(p, labelOf)) : h('p', { class: 'note' }, t('desk.none'))),
    h('section', { class: 'group needs-info', 'aria-labelledby': 'group-needs-info' },
      h('h3', { id: 'group-needs-info' }, `${t('page.NEEDS_INFO')} (${needsInfo.length})`),
      advice.questions.length > 0 && h('div', { class: 'ask' },
        h('p', {}, t('page.questions')),
        h('ol', { class: 'questions' }, advice.questions.map((q) => h('li', {},
          fieldLink(q.field, q.label), ' ', h('span', { class: 'decides' }, t('desk.decides', q.decides.length)))))),
      needsInfo.length ? needsInfo.map((p) => program(p, labelOf)) : h('p', { class: 'note' }, t('desk.none'))),
    h('details', { class: 'group not-eligible', 'data-key': 'not-eligible' },
      h('summary', {}, h('h3', {}, `${t('page.NOT_ELIGIBLE')} (${notEligible.length})`)),
      notEligible.map((p) => program(p, labelOf))),
    h('p', { class: 'meta' }, `${t('page.asOf')}: ${advice.asOf} · ${t('page.rulesetVersion')}: `,
      h('code', { title: advice.rulesetVersion }, `${advice.rulesetVersion.slice(0, 19)}…`)));
}

function fieldLink(field, label) {
  return h('a', { href: `#${field}`, 'data-field': field }, label);
}

function program(p, labelOf) {
  const unmet = notMet(p);
  return h('article', { class: `program ${p.status}`, id: `program-${p.id}`, 'data-program': p.id },
    h('h4', {}, p.name, ' ',
      h('span', { class: `badge ${p.availability}` }, t(`page.${p.availability}`)),
      p.distance === 1 && h('span', { class: 'badge near-miss' }, t('desk.nearMiss'))),
    h('p', { class: 'summary' }, p.summary),
    p.status === 'NOT_ELIGIBLE' && h('div', { class: 'unmet' },
      h('p', {}, `${t('desk.unmet')}:`),
      h('ul', {}, unmet.map((c) => h('li', { class: 'NOT_MET' }, c.text)))),
    p.status === 'NEEDS_INFO' && h('div', { class: 'open-criteria' },
      h('ul', {}, p.criteria.filter((c) => c.status === 'UNKNOWN').map((c) => h('li', { class: 'UNKNOWN' }, c.text))),
      h('p', { class: 'missing' }, `${t('page.missing')}: `,
        p.missing.map((field, i) => [i > 0 && ' · ', fieldLink(field, labelOf(field))]))),
    benefits(p),
    h('p', { class: 'apply' }, h('strong', {}, `${t('page.howToApply')}: `), p.howToApply),
    p.assumptions.length > 0 && h('details', { class: 'assumptions', 'data-key': `assumptions-${p.id}` },
      h('summary', {}, `${t('page.assumptions')} (${p.assumptions.map((a) => a.id).join(', ')})`),
      h('ul', {}, p.assumptions.map((a) => h('li', {}, h('strong', {}, a.id), ' ', a.text)))),
    h('details', { class: 'source', 'data-key': `source-${p.id}` },
      h('summary', {}, t('desk.showSource')),
      h('blockquote', { lang: 'zh-Hans' }, p.source.quote),
      h('p', { class: 'meta' }, `${p.source.document}, ${paragraphs(p.source.paragraphs)}`)));
}

/** The cited paragraphs in the page's language, e.g. "paragraphs 15 and 16". */
function paragraphs(numbers) {
  const list = numbers.map((n, i) => (i === 0 ? '' : t(i === numbers.length - 1 ? 'page.listLastSeparator' : 'page.listSeparator')) + n).join('');
  return t(numbers.length === 1 ? 'page.paragraph' : 'page.paragraphs', list);
}

/** An amount in its currency, "up to" it when it is a maximum. */
function money(amount, currency, upTo) {
  const text = formatMoney(amount, currency);
  return upTo ? t('page.upTo', text) : text;
}

/** One-off cash per currency; 0 in the main currency when nothing counts. */
function totals(all) {
  if (!all.byCurrency || all.byCurrency.length === 0) return formatMoney(all.eligibleCash, all.currency);
  return all.byCurrency.map((total) => money(total.amount, total.currency, total.upTo)).join(' + ');
}

function benefits(p) {
  return h('ul', { class: 'benefits' }, p.benefits.map((b) => h('li', {},
    b.kind === 'CASH' && [h('strong', { class: 'amount' }, b.amount === null ? t('page.amountUnknown')
      : [money(b.amount, b.currency, b.maximum), b.unit && ` ${b.unit}`]),
    b.periodsText && [' · ', h('span', { class: 'periods' }, b.periodsText)],
    b.cap !== null && b.cap !== undefined && [' · ', h('span', { class: 'cap' }, t('page.cap', formatMoney(b.cap, b.currency)))],
    ' — '],
    b.description)));
}
