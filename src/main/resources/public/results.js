// Renders an answer of POST /api/v1/advice as the desk's results, grouped by availability (policy-catalogue R7):
// eligible now (in effect, or pilot with its badge), "you would qualify when it starts" (planned), needs
// information (with the questions to ask as links to the fields), not eligible (collapsed, near misses first).
// Programs for the other kind of applicant are left out. Group and card attributes are a test contract:
// data-group, data-program.

import { h } from './dom.js';
import { t, formatMoney } from './i18n.js';

const notMet = (program) => program.criteria.filter((c) => c.status === 'NOT_MET');

/**
 * details: from rules/desk.yaml through the page — audienceField (who is asking) and fixedFields (answers the
 * applicant cannot change).
 */
function fixedCriterion(criterion, details) {
  return criterion.fields.length > 0 && criterion.fields.every((field) => details.fixedFields.includes(field));
}

function forOtherAudience(program, details) {
  return notMet(program).some((c) => c.fields.length === 1 && c.fields[0] === details.audienceField);
}

/** One criterion away, and one the applicant can do something about (not who they are). */
function nearMiss(program, details) {
  const unmet = notMet(program);
  return unmet.length === 1 && !fixedCriterion(unmet[0], details);
}

export function groupsOf(advice, details) {
  const eligible = advice.programs.filter((p) => p.status === 'ELIGIBLE');
  const near = (p) => (nearMiss(p, details) ? 0 : notMet(p).some((c) => fixedCriterion(c, details)) ? 2 : 1);
  return {
    eligible: eligible.filter((p) => p.availability !== 'PLANNED'),
    upcoming: eligible.filter((p) => p.availability === 'PLANNED'),
    needsInfo: advice.programs.filter((p) => p.status === 'NEEDS_INFO'),
    // Near misses first; sort is stable, so catalogue order holds within each rank.
    notEligible: advice.programs.filter((p) => p.status === 'NOT_ELIGIBLE' && !forOtherAudience(p, details))
      .map((p) => ({ ...p, near: near(p) })).sort((a, b) => a.near - b.near),
  };
}

/** The cash available now, "up to" when an amount counted is a maximum; null when there is none. */
export function cashNow(advice) {
  const totals = advice.totals ?? {};
  const perCurrency = totals.byCurrency ?? (totals.eligibleCash ? [{ currency: totals.currency, amount: totals.eligibleCash, upTo: totals.upTo }] : []);
  if (perCurrency.length === 0) return null;
  return perCurrency.map((total) => {
    const amount = formatMoney(total.amount, total.currency);
    return total.upTo ? t('page.upTo', amount) : amount;
  }).join(' + ');
}

/** What follows an amount: its unit in the rules' words, at most how many of them, and a cap. */
export function unitText(benefit) {
  return [benefit.unit && ` ${benefit.unit}`,
    benefit.periodsText && [' · ', h('span', { class: 'periods' }, benefit.periodsText)],
    benefit.cap !== null && benefit.cap !== undefined && [' · ', h('span', { class: 'cap' }, t('page.cap', formatMoney(benefit.cap, benefit.currency)))]];
}

export function amountText(benefit) {
  if (benefit.amount === null || benefit.amount === undefined) return t('page.amountUnknown');
  const amount = formatMoney(benefit.amount, benefit.currency);
  return benefit.maximum ? t('page.upTo', amount) : amount;
}

/** The short line a screen reader hears after each change: "5 eligible now, up to CN¥60,000". */
export function announcement(advice, groups) {
  const cash = cashNow(advice);
  return [t('desk.summary.eligible', groups.eligible.length), cash && t('desk.summary.cash', cash)]
    .filter(Boolean).join(t('page.listSeparator'));
}

export function renderSummary(advice, groups) {
  const cash = cashNow(advice);
  return h('p', { class: 'summary-line' },
    h('strong', { class: 'count-now' }, t('desk.summary.eligible', groups.eligible.length)),
    cash && [' · ', h('strong', { class: 'cash', id: 'desk-total' }, t('desk.summary.cash', cash))],
    groups.upcoming.length > 0 && [' · ', h('span', {}, t('desk.summary.upcoming', groups.upcoming.length))],
    groups.needsInfo.length > 0 && [' · ', h('span', {}, t('desk.summary.needsInfo', groups.needsInfo.length))]);
}

/** The next question to ask, as a link that moves the keyboard to it, and the two after it. */
export function renderAskNext(advice) {
  const [next, ...rest] = advice.questions;
  if (!next) return h('p', { class: 'note' }, t('desk.askNextNone'));
  return h('p', { class: 'ask-line' },
    h('span', { class: 'ask-label' }, `${t('desk.askNext')}${t('page.colon')}`),
    fieldLink(next.field, next.label, 'next'),
    rest.length > 0 && [' ', h('span', { class: 'then' }, t('desk.alsoAsk'), ' ',
      rest.slice(0, 2).map((q, i) => [i > 0 && t('page.listSeparator'), fieldLink(q.field, q.label)]))]);
}

export function renderResults(advice, labelOf, details) {
  const groups = groupsOf(advice, details);
  return h('div', { class: 'verdicts' },
    group('eligible', t('page.group.eligible'), groups.eligible, (p) => card(p, labelOf, details), true),
    group('upcoming', t('page.group.upcoming'), groups.upcoming, (p) => card(p, labelOf, details)),
    group('needs-info', t('page.group.needs-info'), groups.needsInfo, (p) => card(p, labelOf, details), false,
      advice.questions.length > 0 && h('div', { class: 'ask' },
        h('p', {}, t('page.questions')),
        h('ol', { class: 'questions' }, advice.questions.map((q) => h('li', {},
          fieldLink(q.field, q.label), ' ', h('span', { class: 'decides' }, t('desk.decides', q.decides.length))))))),
    groups.notEligible.length > 0 && h('details', { class: 'group not-eligible', 'data-group': 'not-eligible', 'data-key': 'not-eligible' },
      h('summary', {}, h('h3', {}, `${t('page.group.not-eligible')} (${groups.notEligible.length})`)),
      groups.notEligible.map((p) => card(p, labelOf, details))),
    h('p', { class: 'meta' }, `${t('page.asOf')}${t('page.colon')}${advice.asOf} · ${t('page.rulesetVersion')}${t('page.colon')}`,
      h('code', { title: advice.rulesetVersion }, shortVersion(advice.rulesetVersion))));
}

export function shortVersion(version) {
  return version.length > 19 ? version.slice(0, 19) : version;
}

function group(key, title, programs, render, always = false, intro = null) {
  if (!programs.length && !always) return null;
  return h('section', { class: `group ${key}`, 'data-group': key, 'aria-labelledby': `group-${key}` },
    h('h3', { id: `group-${key}` }, `${title} (${programs.length})`),
    intro,
    programs.length ? programs.map(render) : h('p', { class: 'note' }, t('desk.none')));
}

export function fieldLink(field, label, extraClass) {
  return h('a', { href: `#${field}`, 'data-field': field, class: extraClass }, label);
}

function badge(p) {
  if (p.availability === 'IN_EFFECT') return null;
  return h('span', { class: `badge ${p.availability}`, title: p.availability === 'PILOT' ? t('page.PILOT.note') : null },
    t(`page.${p.availability}`));
}

function card(p, labelOf, details) {
  const unmet = notMet(p);
  const cash = p.benefits.filter((b) => b.kind === 'CASH');
  return h('article', { class: `program ${p.status}`, id: `program-${p.id}`, 'data-program': p.id },
    h('h4', {}, p.name, ' ', badge(p),
      p.status === 'NOT_ELIGIBLE' && nearMiss(p, details) && h('span', { class: 'badge near-miss' }, t('desk.nearMiss'))),
    p.status === 'ELIGIBLE' && cash.length > 0 && h('p', { class: 'cash-line' }, cash.map((b, i) => [i > 0 && t('page.listSeparator'),
      h('strong', { class: 'amount' }, amountText(b), unitText(b))])),
    p.status === 'ELIGIBLE' && p.availability === 'PLANNED' && h('p', { class: 'note' }, t('page.upcomingNote')),
    p.status === 'NOT_ELIGIBLE' && h('ul', { class: 'unmet' }, unmet.map((c) => h('li', { class: 'NOT_MET' }, c.text))),
    p.status === 'NEEDS_INFO' && h('p', { class: 'missing' }, `${t('page.missing')}${t('page.colon')}`,
      p.missing.map((field, i) => [i > 0 && t('page.listSeparator'), fieldLink(field, labelOf(field))])),
    h('details', { class: 'more', 'data-key': `more-${p.id}` },
      h('summary', {}, t('desk.details')),
      h('p', { class: 'summary' }, p.summary),
      p.status === 'NEEDS_INFO' && h('ul', { class: 'open-criteria' },
        p.criteria.filter((c) => c.status === 'UNKNOWN').map((c) => h('li', { class: 'UNKNOWN' }, c.text))),
      h('ul', { class: 'benefits' }, p.benefits.map((b) => h('li', {},
        b.kind === 'CASH' && [h('strong', {}, amountText(b), unitText(b)), ' — '], b.description))),
      h('p', { class: 'apply' }, h('strong', {}, `${t('page.howToApply')}${t('page.colon')}`), p.howToApply),
      p.assumptions.length > 0 && h('div', { class: 'assumptions' },
        h('p', {}, h('strong', {}, t('page.assumptions'))),
        h('ul', {}, p.assumptions.map((a) => h('li', {}, h('strong', {}, a.id), ' ', a.text)))),
      h('div', { class: 'source' },
        h('p', {}, h('strong', {}, t('page.source'))),
        h('blockquote', { lang: 'zh-Hans' }, p.source.quote),
        h('p', { class: 'meta' }, `${p.source.document}, ${paragraphs(p.source.paragraphs)}`))));
}

/** The cited paragraphs in the page's language, e.g. "paragraphs 15 and 16". */
function paragraphs(numbers) {
  const list = numbers.map((n, i) => (i === 0 ? '' : t(i === numbers.length - 1 ? 'page.listLastSeparator' : 'page.listSeparator')) + n).join('');
  return t(numbers.length === 1 ? 'page.paragraph' : 'page.paragraphs', list);
}
