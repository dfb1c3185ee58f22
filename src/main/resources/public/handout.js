// The applicant's handout: what the desk prints by default, in the applicant's language, at most two A4 pages.
// Date, the answers given, what can be applied for now and how, what is coming, the reference and its QR code
// once saved, the desk's contact (rules/desk.yaml), the short ruleset version, and "advice, not a decision".
// No questions still to ask and nothing for the other kind of applicant: that is the consultant's view.

import { h } from './dom.js';
import { t, formatDate } from './i18n.js';
import { amountText, unitText, cashNow, shortVersion } from './results.js';

/** A question as the lead of its answer: "Where do you work:", but "How old are you?" as it is. */
export function asLead(label) {
  return /[?:\uFF1F\uFF1A]$/.test(label) ? label : `${label}:`;
}

/**
 * answers: [label, shown value] pairs; saved: { reference } or null; contact: the desk's text in this language;
 * askedAsOf: the advice was asked for another day than today, which the handout then says.
 */
export function renderHandout(advice, groups, answers, saved, contact, askedAsOf) {
  return [
    h('header', { class: 'handout-head' },
      h('div', {},
        h('h2', { class: 'handout-title' }, t('handout.title')),
        h('p', { class: 'meta' }, `${t('handout.date')}${t('page.colon')}${formatDate(new Date())}`,
          askedAsOf && ` · ${t('page.asOf')}${t('page.colon')}${advice.asOf}`,
          saved && [' · ', `${t('desk.reference')}${t('page.colon')}`, h('strong', { class: 'handout-reference' }, saved.reference)],
          ' · ', `${t('page.rulesetVersion')}${t('page.colon')}`, h('code', {}, shortVersion(advice.rulesetVersion)))),
      saved && h('img', { class: 'qr', src: `/c/${encodeURIComponent(saved.reference)}/qr.svg`, alt: t('desk.qr'), width: 88, height: 88 })),
    h('section', { class: 'handout-answers' },
      h('h3', {}, t('page.answers')),
      answers.length ? h('dl', { class: 'answers' }, answers.map(([label, value]) => h('div', {}, h('dt', {}, asLead(label)), h('dd', {}, value))))
        : h('p', {}, t('page.noAnswers'))),
    h('section', { class: 'handout-now' },
      h('h3', {}, t('handout.now')),
      cashNow(advice) && h('p', { class: 'total' }, `${t('page.total')}${t('page.colon')}`, h('strong', {}, cashNow(advice))),
      groups.eligible.length ? groups.eligible.map((p) => h('article', { class: 'h-program', 'data-program': p.id },
        h('h4', {}, p.name, p.availability === 'PILOT' && [' ', h('span', { class: 'badge PILOT' }, t('page.PILOT'))]),
        p.benefits.some((b) => b.kind === 'CASH') && h('p', {}, p.benefits.filter((b) => b.kind === 'CASH')
          .map((b, i) => [i > 0 && t('page.listSeparator'), amountText(b), unitText(b)])),
        h('p', {}, h('strong', {}, `${t('page.howToApply')}${t('page.colon')}`), p.howToApply)))
        : h('p', {}, t('handout.noneNow'))),
    groups.upcoming.length > 0 && h('section', { class: 'handout-coming' },
      h('h3', {}, t('handout.coming')),
      h('ul', {}, groups.upcoming.map((p) => h('li', { 'data-program': p.id }, h('strong', {}, p.name), ' — ', p.summary)))),
    h('footer', { class: 'handout-foot' },
      contact && h('p', {}, h('strong', {}, `${t('handout.contact')}${t('page.colon')}`), contact),
      h('p', { class: 'disclaimer' }, t('page.disclaimer'))),
  ];
}
