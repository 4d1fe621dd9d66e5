/**
 * The quiz panel: a question with radio or checkbox options, instant feedback or the exam's navigator and
 * timer, the results, and the learner's progress. The extension owns the session; this script renders the
 * views it sends and reports what the learner does. Keyboard: 1–9 choose, Enter checks then moves on,
 * F flags, arrows move between questions in the exam.
 */
import type { ExtensionToQuiz, OptionView, ProgressView, QuestionView, QuizToExtension, ResultsView } from '../../src/core/protocol/quiz';
import { milestoneToAnnounce, reachedMilestone } from '../../src/core/quiz/timer';
import { acquireApi, el, icon } from '../shared/dom';
import { t } from '../shared/l10n';

const vscode = acquireApi();
const send = (m: QuizToExtension) => vscode.postMessage(m);
const app = document.getElementById('app') as HTMLElement;

let question: QuestionView | undefined;
let selected: string[] = [];
let timer: number | undefined;

function button(label: string, action: () => void, options: { secondary?: boolean; icon?: string; id?: string; disabled?: boolean } = {}): HTMLElement {
  const b = document.createElement('vscode-button') as HTMLElement & { disabled?: boolean };
  if (options.secondary) b.setAttribute('secondary', '');
  if (options.id) b.id = options.id;
  if (options.icon) b.setAttribute('icon', options.icon);
  b.textContent = label;
  if (options.disabled) b.setAttribute('disabled', '');
  b.addEventListener('click', () => {
    if (!b.hasAttribute('disabled')) action();
  });
  return b;
}

/**
 * Focuses a control once it can take focus: a vscode-button gets its tab index when it first renders, a
 * moment after it is added, and a focus() before that is silently lost.
 */
function focusSoon(target: HTMLElement | null): void {
  const pending = (target as (HTMLElement & { updateComplete?: Promise<unknown> }) | null)?.updateComplete;
  if (pending) void pending.then(() => target?.focus());
  else target?.focus();
}

function setDisabled(b: HTMLElement | null, disabled: boolean): void {
  if (!b) return;
  if (disabled) b.setAttribute('disabled', '');
  else b.removeAttribute('disabled');
}

window.addEventListener('message', (event: MessageEvent<ExtensionToQuiz>) => {
  const m = event.data;
  window.clearInterval(timer);
  switch (m.type) {
    case 'question':
      renderQuestion(m.view);
      break;
    case 'results':
      question = undefined;
      renderResults(m.view);
      break;
    case 'progress':
      question = undefined;
      renderProgress(m.view);
      break;
    case 'confirmSubmit':
      confirmSubmit(m.unanswered, m.flagged);
      if (question?.deadline) startTimer(question.deadline);
      break;
    case 'error':
      app.prepend(el('p', { class: 'error', role: 'alert' }, t('Something went wrong: {0}', m.message)));
      break;
  }
  app.removeAttribute('aria-busy');
});

document.addEventListener('keydown', (e) => {
  if (!question || e.target instanceof HTMLInputElement && e.target.type === 'text') return;
  if (document.querySelector('[role="alertdialog"]')) return;
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const q = question;
  if (/^[1-9]$/.test(e.key)) {
    const option = q.options[Number(e.key) - 1];
    if (option && !q.checked) {
      e.preventDefault();
      toggle(option.id);
      document.getElementById(`option-${option.id}`)?.focus();
    }
  } else if (e.key === 'Enter') {
    if ((e.target as HTMLElement).closest('vscode-button, button, a')) return;
    e.preventDefault();
    primaryAction();
  } else if (e.key === 'f' || e.key === 'F') {
    if (q.examMode) {
      e.preventDefault();
      send({ type: 'flag' });
    }
  } else if (q.examMode && (e.key === 'ArrowRight' || e.key === 'PageDown') && !(e.target instanceof HTMLInputElement)) {
    e.preventDefault();
    send({ type: 'next' });
  } else if (q.examMode && (e.key === 'ArrowLeft' || e.key === 'PageUp') && !(e.target instanceof HTMLInputElement)) {
    e.preventDefault();
    send({ type: 'previous' });
  }
});

/** Enter: check the answer, or go on once it is checked (instant mode); next question in the exam. */
function primaryAction(): void {
  const q = question;
  if (!q) return;
  if (q.examMode) {
    if (q.isLast) send({ type: 'submit', confirmed: false });
    else send({ type: 'next' });
  } else if (q.checked) {
    send({ type: 'next' });
  } else if (selected.length) {
    send({ type: 'check' });
  }
}

function toggle(id: string): void {
  const q = question;
  if (!q || q.checked) return;
  if (q.type === 'single') selected = [id];
  else selected = selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
  for (const o of q.options) {
    const input = document.getElementById(`option-${o.id}`) as HTMLInputElement | null;
    if (input) input.checked = selected.includes(o.id);
  }
  send({ type: 'select', questionId: q.questionId, optionIds: selected });
  setDisabled(document.getElementById('check'), !selected.length);
}

function header(q: QuestionView): HTMLElement {
  const bar = el('header', { class: 'quiz-header' });
  bar.append(el('h1', { class: 'title' }, q.sessionTitle));
  const progress = el('div', {
    class: 'progress',
    role: 'progressbar',
    'aria-label': t('Progress'),
    'aria-valuemin': '0',
    'aria-valuemax': String(q.total),
    'aria-valuenow': String(q.index + 1),
    'aria-valuetext': t('Question {0} of {1}', q.index + 1, q.total),
  });
  progress.append(el('div', { class: 'bar', style: `width:${(100 * (q.index + 1)) / q.total}%` }));
  bar.append(el('span', { class: 'count' }, t('Question {0} of {1}', q.index + 1, q.total)), progress);
  // The clock itself is not read aloud every second (a timer is not live); milestones are announced.
  if (q.deadline) bar.append(el('span', { class: 'timer', id: 'timer', role: 'timer', 'aria-label': t('Time left') }, icon('watch'), el('span', { id: 'time-left' }, '')), el('span', { id: 'timer-announce', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }));
  return bar;
}

function renderQuestion(q: QuestionView): void {
  const sameQuestion = question?.questionId === q.questionId;
  question = q;
  selected = q.options.filter((o) => o.selected).map((o) => o.id);
  app.replaceChildren();
  app.append(header(q));

  const section = el('section', { class: 'question', 'aria-labelledby': 'prompt' });
  section.append(el('div', { class: 'meta' }, q.domain, q.flagged ? el('span', { class: 'flag-badge' }, icon('bookmark'), t('Flagged')) : ''));
  section.append(el('h2', { id: 'prompt', tabindex: '-1' }, q.prompt));
  const hint = q.type === 'multiple' ? t('Choose {0}.', q.choose) : t('Choose one.');
  const group = el('div', { role: q.type === 'single' ? 'radiogroup' : 'group', 'aria-labelledby': 'prompt', 'aria-describedby': 'choose-hint', class: 'options' });
  section.append(el('p', { id: 'choose-hint', class: 'hint' }, hint));
  q.options.forEach((o, i) => group.append(optionRow(q, o, i)));
  section.append(group);

  if (q.checked && q.feedback) section.append(feedback(q));
  else section.append(el('div', { role: 'status', class: 'feedback-empty', 'aria-live': 'polite' }));

  const actions = el('div', { class: 'actions' });
  if (q.examMode) {
    actions.append(
      button(t('Previous'), () => send({ type: 'previous' }), { secondary: true, icon: 'arrow-left', disabled: q.index === 0 }),
      button(q.flagged ? t('Unflag') : t('Flag for review'), () => send({ type: 'flag' }), { secondary: true, icon: 'bookmark' }),
      q.isLast ? button(t('Submit exam'), () => send({ type: 'submit', confirmed: false }), { icon: 'check-all', id: 'submit' }) : button(t('Next'), () => send({ type: 'next' }), { icon: 'arrow-right', id: 'next' }),
    );
    if (!q.isLast) actions.append(button(t('Submit exam'), () => send({ type: 'submit', confirmed: false }), { secondary: true, icon: 'check-all' }));
  } else if (q.checked) {
    actions.append(button(q.isLast ? t('See results') : t('Next question'), () => send({ type: 'next' }), { icon: 'arrow-right', id: 'next' }));
  } else {
    actions.append(button(t('Check answer'), () => send({ type: 'check' }), { icon: 'check', id: 'check', disabled: !selected.length }));
  }
  section.append(actions);
  app.append(section);
  if (q.navigator) app.append(navigator(q));
  if (q.deadline) startTimer(q.deadline);

  // Focus: the feedback after checking, the prompt on a new question (screen readers read it).
  if (q.checked) focusSoon(document.getElementById('next'));
  else if (!sameQuestion) (document.getElementById('prompt') as HTMLElement).focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

function optionRow(q: QuestionView, o: OptionView, i: number): HTMLElement {
  const input = el('input', { type: q.type === 'single' ? 'radio' : 'checkbox', id: `option-${o.id}`, name: 'answer', value: o.id }) as HTMLInputElement;
  input.checked = o.selected;
  input.disabled = q.checked;
  input.addEventListener('change', () => toggle(o.id));
  const classes = ['option'];
  if (q.checked) {
    if (o.correct) classes.push('right');
    else if (o.selected) classes.push('wrong');
  }
  const label = el('label', { for: `option-${o.id}`, class: classes.join(' ') }, input, el('span', { class: 'key', 'aria-hidden': 'true' }, String(i + 1)), el('span', { class: 'text' }, o.text));
  if (q.checked) {
    const mark = o.correct ? el('span', { class: 'mark right', 'aria-hidden': 'true' }, icon('pass')) : o.selected ? el('span', { class: 'mark wrong', 'aria-hidden': 'true' }, icon('error')) : '';
    if (mark) label.append(mark);
  }
  return label;
}

function feedback(q: QuestionView): HTMLElement {
  const correct = !!q.feedback?.correct;
  const box = el('div', { role: 'status', class: `feedback ${correct ? 'right' : 'wrong'}`, 'aria-live': 'polite' });
  box.append(el('p', { class: 'verdict' }, icon(correct ? 'pass-filled' : 'error'), correct ? t('Correct.') : t(q.choose > 1 ? 'Incorrect. The right answers are: {0}.' : 'Incorrect. The right answer is: {0}.', q.options.filter((o) => o.correct).map((o) => o.text).join('; '))));
  const list = el('ul', { class: 'explanations' });
  for (const o of q.options) {
    list.append(el('li', { class: o.correct ? 'right' : o.selected ? 'wrong' : '' }, el('strong', {}, `${o.text}: `), o.why ?? ''));
  }
  box.append(list);
  if (q.feedback?.docs) box.append(docsLink(q.feedback.docs));
  return box;
}

function docsLink(url: string): HTMLElement {
  const a = el('a', { href: '#', class: 'docs' }, icon('link-external'), t('Read the documentation'));
  a.addEventListener('click', (e) => {
    e.preventDefault();
    send({ type: 'openExternal', url });
  });
  return a;
}

function navigator(q: QuestionView): HTMLElement {
  const nav = el('nav', { class: 'navigator', 'aria-label': t('Questions') });
  const answered = q.navigator?.filter((n) => n.answered).length ?? 0;
  const flagged = q.navigator?.filter((n) => n.flagged).length ?? 0;
  nav.append(el('p', { class: 'hint' }, t('{0} answered · {1} unanswered · {2} flagged', answered, q.total - answered, flagged)));
  const grid = el('div', { class: 'grid' });
  for (const n of q.navigator ?? []) {
    const b = el('button', { class: `cell${n.answered ? ' answered' : ''}${n.flagged ? ' flagged' : ''}${n.index === q.index ? ' current' : ''}`, 'aria-label': t(n.answered ? (n.flagged ? 'Question {0}, answered, flagged' : 'Question {0}, answered') : n.flagged ? 'Question {0}, unanswered, flagged' : 'Question {0}, unanswered', n.index + 1), 'aria-current': n.index === q.index ? 'step' : 'false' }, String(n.index + 1));
    b.addEventListener('click', () => send({ type: 'goto', index: n.index }));
    grid.append(b);
  }
  nav.append(grid);
  return nav;
}

function startTimer(deadline: number): void {
  // Milestones already passed when the page opens are not announced again.
  let announced = reachedMilestone(deadline - Date.now());
  const tick = () => {
    const left = Math.max(0, deadline - Date.now());
    const out = document.getElementById('time-left');
    const m = Math.floor(left / 60_000);
    const s = Math.floor((left % 60_000) / 1000);
    if (out) out.textContent = `${m}:${String(s).padStart(2, '0')}`;
    document.getElementById('timer')?.classList.toggle('low', left < 5 * 60_000);
    const milestone = milestoneToAnnounce(left, announced);
    const announce = document.getElementById('timer-announce');
    if (milestone) announced = milestone;
    if (milestone && announce) announce.textContent = t(milestone === 1 ? '{0} minute left' : '{0} minutes left', milestone);
    if (left <= 0) {
      window.clearInterval(timer);
      send({ type: 'timeUp' });
    }
  };
  tick();
  timer = window.setInterval(tick, 1000);
}

function confirmSubmit(unanswered: number, flagged: number): void {
  document.querySelector('.dialog-backdrop')?.remove();
  const parts = [unanswered ? t(unanswered === 1 ? '{0} question is unanswered' : '{0} questions are unanswered', unanswered) : '', flagged ? t(flagged === 1 ? '{0} is flagged for review' : '{0} are flagged for review', flagged) : ''].filter(Boolean);
  const dialog = el('div', { role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text', class: 'dialog' });
  const opener = document.activeElement as HTMLElement | null;
  const close = () => {
    backdrop.remove();
    opener?.focus();
  };
  dialog.append(
    el('h2', { id: 'confirm-title' }, t('Submit the exam?')),
    el('p', { id: 'confirm-text' }, t('{0}. Unanswered questions count as wrong.', parts.length > 1 ? t('{0} and {1}', parts[0], parts[1]) : (parts[0] ?? ''))),
    el('div', { class: 'actions' }, button(t('Keep working'), close, { secondary: true, id: 'keep-working' }), button(t('Submit anyway'), () => {
      close();
      send({ type: 'submit', confirmed: true });
    }, { id: 'submit-anyway' })),
  );
  const backdrop = el('div', { class: 'dialog-backdrop' }, dialog);
  backdrop.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
    else if (e.key === 'Tab') trapFocus(e, dialog);
  });
  document.body.append(backdrop);
  focusSoon(document.getElementById('keep-working'));
}

/** Keeps Tab and Shift+Tab inside a modal dialog, wrapping round at either end. */
function trapFocus(e: KeyboardEvent, dialog: HTMLElement): void {
  const controls = [...dialog.querySelectorAll<HTMLElement>('vscode-button:not([disabled]), button:not([disabled]), a[href]')];
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

function renderResults(r: ResultsView): void {
  app.replaceChildren();
  const section = el('section', { class: 'results', 'aria-labelledby': 'results-title' });
  section.append(el('h1', { id: 'results-title', tabindex: '-1' }, t('Results: {0}', r.title)));
  const score = el('div', { class: 'score', role: 'status' });
  score.append(el('p', { class: 'big' }, t('{0} of {1} correct ({2}%)', r.correct, r.total, r.percent)));
  if (r.scaled) {
    score.append(
      el('p', { class: `scaled ${r.scaled.passed ? 'pass' : 'fail'}` }, t(r.scaled.passed ? 'Estimated exam score: {0} / 1,000 — pass ({1} to pass)' : 'Estimated exam score: {0} / 1,000 — below the passing score ({1} to pass)', r.scaled.score, r.scaled.passing)),
      el('p', { class: 'hint' }, t('An estimate only: AWS scales real exam scores in a way it does not publish, and 15 of the 65 real questions are unscored.')),
    );
  }
  if (r.unanswered) score.append(el('p', { class: 'hint' }, t('{0} unanswered.', r.unanswered)));
  section.append(score);

  const table = el('table', { class: 'domains', 'aria-label': t('Results by domain') });
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('Domain')), el('th', { scope: 'col' }, t('Correct')), el('th', { scope: 'col' }, t('Score')))));
  const body = el('tbody');
  for (const d of r.domains) {
    body.append(el('tr', {}, el('td', {}, `${d.domain}. ${d.name}`), el('td', { class: 'num' }, `${d.correct} / ${d.total}`), el('td', {}, meter(d.percent))));
  }
  table.append(body);
  // A review of the learner's own notes only has no exam domains to show.
  if (r.domains.length) section.append(el('h2', {}, t('By domain')), table);

  const actions = el('div', { class: 'actions' });
  if (r.canRetry) actions.append(button(t('Retry wrong answers'), () => send({ type: 'retryWrong' }), { icon: 'refresh', id: 'retry' }));
  actions.append(button(t('New quiz'), () => send({ type: 'newQuiz' }), { secondary: true, icon: 'add' }));
  if (r.dueCards) actions.append(button(t(r.dueCards === 1 ? 'Review {0} due card' : 'Review {0} due cards', r.dueCards), () => send({ type: 'review' }), { secondary: true, icon: 'history' }));
  section.append(actions);

  if (r.wrong.length) {
    section.append(el('h2', {}, t(r.unanswered ? 'Wrong or unanswered ({0})' : 'Wrong answers ({0})', r.wrong.length)));
    const list = el('ol', { class: 'wrong-list' });
    for (const w of r.wrong) {
      const item = el('li', {}, el('p', { class: 'prompt' }, w.prompt));
      const options = el('ul', { class: 'explanations' });
      for (const o of w.options) {
        const tag = o.correct ? t('Right answer') : o.selected ? t('Your answer') : '';
        options.append(el('li', { class: o.correct ? 'right' : o.selected ? 'wrong' : '' }, tag ? el('span', { class: 'tag' }, `${tag}: `) : '', el('strong', {}, `${o.text}. `), o.why ?? ''));
      }
      item.append(options);
      if (w.docs) item.append(docsLink(w.docs));
      list.append(item);
    }
    section.append(list);
  }
  app.append(section);
  (document.getElementById('results-title') as HTMLElement).focus();
}

function meter(percent: number): HTMLElement {
  return el('span', { class: 'meter', role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(percent), 'aria-label': `${percent}%` }, el('span', { class: 'fill', style: `width:${percent}%` }), el('span', { class: 'label' }, `${percent}%`));
}

function renderProgress(p: ProgressView): void {
  app.replaceChildren();
  const section = el('section', { class: 'results progress-view', 'aria-labelledby': 'progress-title' });
  section.append(el('h1', { id: 'progress-title', tabindex: '-1' }, t('Your progress')));
  const pct = p.answered ? Math.round((100 * p.correct) / p.answered) : 0;
  section.append(el('p', { class: 'big' }, p.answered ? t('{0} of {1} answers correct ({2}%)', p.correct, p.answered, pct) : t('No answers yet: start a quiz to see your progress here.')));
  section.append(el('p', { class: 'hint' }, `${t(p.due === 1 ? '{0} review card due' : '{0} review cards due', p.due)} · ${t(p.mistakes === 1 ? '{0} mistake to review' : '{0} mistakes to review', p.mistakes)}`));

  const table = el('table', { class: 'domains', 'aria-label': t('Accuracy by domain') });
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('Domain')), el('th', { scope: 'col' }, t('Weight')), el('th', { scope: 'col' }, t('Answered')), el('th', { scope: 'col' }, t('Accuracy')))));
  const body = el('tbody');
  for (const d of p.domains) {
    const acc = d.answered ? Math.round((100 * d.correct) / d.answered) : 0;
    body.append(el('tr', {}, el('td', {}, `${d.domain}. ${d.name}`), el('td', { class: 'num' }, `${d.weight}%`), el('td', { class: 'num' }, String(d.answered)), el('td', {}, d.answered ? meter(acc) : '—')));
  }
  table.append(body);
  section.append(el('h2', {}, t('By domain')), table);

  if (p.days.length) {
    const days = el('table', { class: 'domains', 'aria-label': t('Accuracy over time') });
    days.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('Day')), el('th', { scope: 'col' }, t('Answered')), el('th', { scope: 'col' }, t('Accuracy')))));
    const b = el('tbody');
    for (const d of p.days) b.append(el('tr', {}, el('td', {}, d.day), el('td', { class: 'num' }, String(d.answered)), el('td', {}, meter(Math.round((100 * d.correct) / d.answered)))));
    days.append(b);
    section.append(el('h2', {}, t('Over time')), days);
  }
  if (p.weakTopics.length) {
    const list = el('ul', { class: 'weak' });
    for (const topic of p.weakTopics) {
      const a = el('a', { href: '#' }, topic.name);
      a.addEventListener('click', (e) => {
        e.preventDefault();
        send({ type: 'openEntry', id: topic.id });
      });
      list.append(el('li', {}, a, ` — ${t('{0} of {1} right', topic.correct, topic.answered)}`));
    }
    section.append(el('h2', {}, t('Weakest topics')), list);
  }
  if (p.sessions.length) {
    const list = el('ul', { class: 'sessions' });
    for (const s of p.sessions) list.append(el('li', {}, `${new Date(s.at).toLocaleString()}: ${s.title} — ${s.correct}/${s.total}${s.scaled ? ` (${t('estimated {0}', s.scaled)})` : ''}`));
    section.append(el('h2', {}, t('Recent sessions')), list);
  }
  if (p.readiness) section.append(...readinessView(p.readiness));
  const actions = el('div', { class: 'actions' }, button(t('New quiz'), () => send({ type: 'newQuiz' }), { icon: 'add' }));
  if (p.due) actions.append(button(t(p.due === 1 ? 'Review {0} due card' : 'Review {0} due cards', p.due), () => send({ type: 'review' }), { secondary: true, icon: 'history' }));
  section.append(actions);
  app.append(section);
}

/** Days left, cards a day, and the per-domain estimate, labelled as one. */
function readinessView(r: NonNullable<ProgressView['readiness']>): HTMLElement[] {
  const table = el('table', { class: 'domains', 'aria-label': t('Estimated readiness by domain') });
  table.append(el('thead', {}, el('tr', {}, ...[t('Domain'), t('Estimated readiness'), t('Based on')].map((name) => el('th', { scope: 'col' }, name)))));
  const body = el('tbody');
  for (const d of r.domains) {
    const basis = `${t(d.recentAnswers === 1 ? '{0} recent answer' : '{0} recent answers', d.recentAnswers)}${d.cards ? `, ${t(d.cards === 1 ? '{0} review card' : '{0} review cards', d.cards)}` : ''}`;
    body.append(el('tr', {}, el('td', {}, `${d.domain}. ${d.name}`), el('td', {}, d.estimate === undefined ? t('not enough answers yet') : meter(d.estimate)), el('td', {}, basis)));
  }
  table.append(body);
  const when = r.daysLeft ? t(r.daysLeft === 1 ? '{0} day to your exam on {1}' : '{0} days to your exam on {1}', r.daysLeft, r.examDate) : t('Your exam date, {0}, has come', r.examDate);
  return [
    el('h2', {}, t('Exam readiness (an estimate)')),
    el('p', { class: 'big' }, when),
    el(
      'p',
      {},
      t(
        r.perDay === 1
          ? 'About {0} card a day: the reviews due today, and enough new topics to practise all {1} topics once before the exam ({2} not practised yet).'
          : 'About {0} cards a day: the reviews due today, and enough new topics to practise all {1} topics once before the exam ({2} not practised yet).',
        r.perDay,
        r.topicsTotal,
        r.topicsLeft,
      ),
    ),
    table,
    el('p', { class: 'hint' }, r.method),
  ];
}

send({ type: 'ready' });
