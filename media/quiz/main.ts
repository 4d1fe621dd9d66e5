/**
 * The quiz panel: a question with radio or checkbox options, instant feedback or the exam's navigator and
 * timer, the results, and the learner's progress. The extension owns the session; this script renders the
 * views it sends and reports what the learner does. Keyboard: 1–9 choose, Enter checks then moves on,
 * F flags, arrows move between questions in the exam.
 */
import type { ExtensionToQuiz, OptionView, ProgressView, QuestionView, QuizToExtension, ResultsView } from '../../src/core/protocol/quiz';
import { acquireApi, el, icon } from '../shared/dom';

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
      app.prepend(el('p', { class: 'error', role: 'alert' }, `Something went wrong: ${m.message}`));
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
  bar.append(el('span', { class: 'title' }, q.sessionTitle));
  const progress = el('div', {
    class: 'progress',
    role: 'progressbar',
    'aria-label': 'Progress',
    'aria-valuemin': '0',
    'aria-valuemax': String(q.total),
    'aria-valuenow': String(q.index + 1),
    'aria-valuetext': `Question ${q.index + 1} of ${q.total}`,
  });
  progress.append(el('div', { class: 'bar', style: `width:${(100 * (q.index + 1)) / q.total}%` }));
  bar.append(el('span', { class: 'count' }, `Question ${q.index + 1} of ${q.total}`), progress);
  // The clock itself is not read aloud every second (a timer is not live); milestones are announced.
  if (q.deadline) bar.append(el('span', { class: 'timer', id: 'timer', role: 'timer', 'aria-label': 'Time left' }, icon('watch'), el('span', { id: 'time-left' }, '')), el('span', { id: 'timer-announce', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }));
  return bar;
}

function renderQuestion(q: QuestionView): void {
  const sameQuestion = question?.questionId === q.questionId;
  question = q;
  selected = q.options.filter((o) => o.selected).map((o) => o.id);
  app.replaceChildren();
  app.append(header(q));

  const section = el('section', { class: 'question', 'aria-labelledby': 'prompt' });
  section.append(el('div', { class: 'meta' }, q.domain, q.flagged ? el('span', { class: 'flag-badge' }, icon('bookmark'), 'Flagged') : ''));
  section.append(el('h2', { id: 'prompt', tabindex: '-1' }, q.prompt));
  const hint = q.type === 'multiple' ? `Choose ${q.choose}.` : 'Choose one.';
  const group = el('div', { role: q.type === 'single' ? 'radiogroup' : 'group', 'aria-labelledby': 'prompt', 'aria-describedby': 'choose-hint', class: 'options' });
  section.append(el('p', { id: 'choose-hint', class: 'hint' }, hint));
  q.options.forEach((o, i) => group.append(optionRow(q, o, i)));
  section.append(group);

  if (q.checked && q.feedback) section.append(feedback(q));
  else section.append(el('div', { role: 'status', class: 'feedback-empty', 'aria-live': 'polite' }));

  const actions = el('div', { class: 'actions' });
  if (q.examMode) {
    actions.append(
      button('Previous', () => send({ type: 'previous' }), { secondary: true, icon: 'arrow-left', disabled: q.index === 0 }),
      button(q.flagged ? 'Unflag' : 'Flag for review', () => send({ type: 'flag' }), { secondary: true, icon: 'bookmark' }),
      q.isLast ? button('Submit exam', () => send({ type: 'submit', confirmed: false }), { icon: 'check-all', id: 'submit' }) : button('Next', () => send({ type: 'next' }), { icon: 'arrow-right', id: 'next' }),
    );
    if (!q.isLast) actions.append(button('Submit exam', () => send({ type: 'submit', confirmed: false }), { secondary: true, icon: 'check-all' }));
  } else if (q.checked) {
    actions.append(button(q.isLast ? 'See results' : 'Next question', () => send({ type: 'next' }), { icon: 'arrow-right', id: 'next' }));
  } else {
    actions.append(button('Check answer', () => send({ type: 'check' }), { icon: 'check', id: 'check', disabled: !selected.length }));
  }
  section.append(actions);
  app.append(section);
  if (q.navigator) app.append(navigator(q));
  if (q.deadline) startTimer(q.deadline);

  // Focus: the feedback after checking, the prompt on a new question (screen readers read it).
  if (q.checked) (document.getElementById('next') as HTMLElement | null)?.focus();
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
  box.append(el('p', { class: 'verdict' }, icon(correct ? 'pass-filled' : 'error'), correct ? 'Correct.' : `Incorrect. The right answer${q.choose > 1 ? 's are' : ' is'}: ${q.options.filter((o) => o.correct).map((o) => o.text).join('; ')}.`));
  const list = el('ul', { class: 'explanations' });
  for (const o of q.options) {
    list.append(el('li', { class: o.correct ? 'right' : o.selected ? 'wrong' : '' }, el('strong', {}, `${o.text}: `), o.why ?? ''));
  }
  box.append(list);
  if (q.feedback?.docs) box.append(docsLink(q.feedback.docs));
  return box;
}

function docsLink(url: string): HTMLElement {
  const a = el('a', { href: '#', class: 'docs' }, icon('link-external'), 'Read the documentation');
  a.addEventListener('click', (e) => {
    e.preventDefault();
    send({ type: 'openExternal', url });
  });
  return a;
}

function navigator(q: QuestionView): HTMLElement {
  const nav = el('nav', { class: 'navigator', 'aria-label': 'Questions' });
  const answered = q.navigator?.filter((n) => n.answered).length ?? 0;
  const flagged = q.navigator?.filter((n) => n.flagged).length ?? 0;
  nav.append(el('p', { class: 'hint' }, `${answered} answered · ${q.total - answered} unanswered · ${flagged} flagged`));
  const grid = el('div', { class: 'grid' });
  for (const n of q.navigator ?? []) {
    const state = [n.answered ? 'answered' : 'unanswered', n.flagged ? 'flagged' : ''].filter(Boolean).join(', ');
    const b = el('button', { class: `cell${n.answered ? ' answered' : ''}${n.flagged ? ' flagged' : ''}${n.index === q.index ? ' current' : ''}`, 'aria-label': `Question ${n.index + 1}, ${state}`, 'aria-current': n.index === q.index ? 'step' : 'false' }, String(n.index + 1));
    b.addEventListener('click', () => send({ type: 'goto', index: n.index }));
    grid.append(b);
  }
  nav.append(grid);
  return nav;
}

/** Minutes left at which a screen reader hears the time. */
const ANNOUNCED_MINUTES = [60, 30, 15, 10, 5, 1];

function startTimer(deadline: number): void {
  const tick = () => {
    const left = Math.max(0, deadline - Date.now());
    const out = document.getElementById('time-left');
    const m = Math.floor(left / 60_000);
    const s = Math.floor((left % 60_000) / 1000);
    if (out) out.textContent = `${m}:${String(s).padStart(2, '0')}`;
    document.getElementById('timer')?.classList.toggle('low', left < 5 * 60_000);
    const milestone = ANNOUNCED_MINUTES.find((minutes) => left <= minutes * 60_000 && left > minutes * 60_000 - 1000);
    const announce = document.getElementById('timer-announce');
    if (milestone && announce) announce.textContent = `${milestone} minute${milestone === 1 ? '' : 's'} left`;
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
  const parts = [unanswered ? `${unanswered} question${unanswered === 1 ? ' is' : 's are'} unanswered` : '', flagged ? `${flagged} ${flagged === 1 ? 'is' : 'are'} flagged for review` : ''].filter(Boolean);
  const dialog = el('div', { role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text', class: 'dialog' });
  const close = () => backdrop.remove();
  dialog.append(
    el('h2', { id: 'confirm-title' }, 'Submit the exam?'),
    el('p', { id: 'confirm-text' }, `${parts.join(' and ')}. Unanswered questions count as wrong.`),
    el('div', { class: 'actions' }, button('Keep working', close, { secondary: true, id: 'keep-working' }), button('Submit anyway', () => {
      close();
      send({ type: 'submit', confirmed: true });
    }, { id: 'submit-anyway' })),
  );
  const backdrop = el('div', { class: 'dialog-backdrop' }, dialog);
  backdrop.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  document.body.append(backdrop);
  (document.getElementById('keep-working') as HTMLElement).focus();
}

function renderResults(r: ResultsView): void {
  app.replaceChildren();
  const section = el('section', { class: 'results', 'aria-labelledby': 'results-title' });
  section.append(el('h1', { id: 'results-title', tabindex: '-1' }, `Results: ${r.title}`));
  const score = el('div', { class: 'score', role: 'status' });
  score.append(el('p', { class: 'big' }, `${r.correct} of ${r.total} correct (${r.percent}%)`));
  if (r.scaled) {
    score.append(
      el('p', { class: `scaled ${r.scaled.passed ? 'pass' : 'fail'}` }, `Estimated exam score: ${r.scaled.score} / 1,000 — ${r.scaled.passed ? 'pass' : 'below the passing score'} (${r.scaled.passing} to pass)`),
      el('p', { class: 'hint' }, 'An estimate only: AWS scales real exam scores in a way it does not publish, and 15 of the 65 real questions are unscored.'),
    );
  }
  if (r.unanswered) score.append(el('p', { class: 'hint' }, `${r.unanswered} unanswered.`));
  section.append(score);

  const table = el('table', { class: 'domains', 'aria-label': 'Results by domain' });
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Domain'), el('th', { scope: 'col' }, 'Correct'), el('th', { scope: 'col' }, 'Score'))));
  const body = el('tbody');
  for (const d of r.domains) {
    body.append(el('tr', {}, el('td', {}, `${d.domain}. ${d.name}`), el('td', { class: 'num' }, `${d.correct} / ${d.total}`), el('td', {}, meter(d.percent))));
  }
  table.append(body);
  // A review of the learner's own notes only has no exam domains to show.
  if (r.domains.length) section.append(el('h2', {}, 'By domain'), table);

  const actions = el('div', { class: 'actions' });
  if (r.canRetry) actions.append(button('Retry wrong answers', () => send({ type: 'retryWrong' }), { icon: 'refresh', id: 'retry' }));
  actions.append(button('New quiz', () => send({ type: 'newQuiz' }), { secondary: true, icon: 'add' }));
  if (r.dueCards) actions.append(button(`Review ${r.dueCards} due card${r.dueCards === 1 ? '' : 's'}`, () => send({ type: 'review' }), { secondary: true, icon: 'history' }));
  section.append(actions);

  if (r.wrong.length) {
    section.append(el('h2', {}, r.unanswered ? `Wrong or unanswered (${r.wrong.length})` : `Wrong answers (${r.wrong.length})`));
    const list = el('ol', { class: 'wrong-list' });
    for (const w of r.wrong) {
      const item = el('li', {}, el('p', { class: 'prompt' }, w.prompt));
      const options = el('ul', { class: 'explanations' });
      for (const o of w.options) {
        const tag = o.correct ? 'Right answer' : o.selected ? 'Your answer' : '';
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
  section.append(el('h1', { id: 'progress-title', tabindex: '-1' }, 'Your progress'));
  const pct = p.answered ? Math.round((100 * p.correct) / p.answered) : 0;
  section.append(el('p', { class: 'big' }, p.answered ? `${p.correct} of ${p.answered} answers correct (${pct}%)` : 'No answers yet: start a quiz to see your progress here.'));
  section.append(el('p', { class: 'hint' }, `${p.due} review card${p.due === 1 ? '' : 's'} due · ${p.mistakes} mistake${p.mistakes === 1 ? '' : 's'} to review`));

  const table = el('table', { class: 'domains', 'aria-label': 'Accuracy by domain' });
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Domain'), el('th', { scope: 'col' }, 'Weight'), el('th', { scope: 'col' }, 'Answered'), el('th', { scope: 'col' }, 'Accuracy'))));
  const body = el('tbody');
  for (const d of p.domains) {
    const acc = d.answered ? Math.round((100 * d.correct) / d.answered) : 0;
    body.append(el('tr', {}, el('td', {}, `${d.domain}. ${d.name}`), el('td', { class: 'num' }, `${d.weight}%`), el('td', { class: 'num' }, String(d.answered)), el('td', {}, d.answered ? meter(acc) : '—')));
  }
  table.append(body);
  section.append(el('h2', {}, 'By domain'), table);

  if (p.days.length) {
    const days = el('table', { class: 'domains', 'aria-label': 'Accuracy over time' });
    days.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Day'), el('th', { scope: 'col' }, 'Answered'), el('th', { scope: 'col' }, 'Accuracy'))));
    const b = el('tbody');
    for (const d of p.days) b.append(el('tr', {}, el('td', {}, d.day), el('td', { class: 'num' }, String(d.answered)), el('td', {}, meter(Math.round((100 * d.correct) / d.answered)))));
    days.append(b);
    section.append(el('h2', {}, 'Over time'), days);
  }
  if (p.weakTopics.length) {
    const list = el('ul', { class: 'weak' });
    for (const t of p.weakTopics) {
      const a = el('a', { href: '#' }, t.name);
      a.addEventListener('click', (e) => {
        e.preventDefault();
        send({ type: 'openEntry', id: t.id });
      });
      list.append(el('li', {}, a, ` — ${t.correct} of ${t.answered} right`));
    }
    section.append(el('h2', {}, 'Weakest topics'), list);
  }
  if (p.sessions.length) {
    const list = el('ul', { class: 'sessions' });
    for (const s of p.sessions) list.append(el('li', {}, `${new Date(s.at).toLocaleString()}: ${s.title} — ${s.correct}/${s.total}${s.scaled ? ` (estimated ${s.scaled})` : ''}`));
    section.append(el('h2', {}, 'Recent sessions'), list);
  }
  if (p.readiness) section.append(...readinessView(p.readiness));
  const actions = el('div', { class: 'actions' }, button('New quiz', () => send({ type: 'newQuiz' }), { icon: 'add' }));
  if (p.due) actions.append(button(`Review ${p.due} due card${p.due === 1 ? '' : 's'}`, () => send({ type: 'review' }), { secondary: true, icon: 'history' }));
  section.append(actions);
  app.append(section);
}

/** Days left, cards a day, and the per-domain estimate, labelled as one. */
function readinessView(r: NonNullable<ProgressView['readiness']>): HTMLElement[] {
  const table = el('table', { class: 'domains', 'aria-label': 'Estimated readiness by domain' });
  table.append(el('thead', {}, el('tr', {}, ...['Domain', 'Estimated readiness', 'Based on'].map((t) => el('th', { scope: 'col' }, t)))));
  const body = el('tbody');
  for (const d of r.domains) {
    const basis = `${d.recentAnswers} recent answer${d.recentAnswers === 1 ? '' : 's'}${d.cards ? `, ${d.cards} review card${d.cards === 1 ? '' : 's'}` : ''}`;
    body.append(el('tr', {}, el('td', {}, `${d.domain}. ${d.name}`), el('td', {}, d.estimate === undefined ? 'not enough answers yet' : meter(d.estimate)), el('td', {}, basis)));
  }
  table.append(body);
  const when = r.daysLeft ? `${r.daysLeft} day${r.daysLeft === 1 ? '' : 's'} to your exam on ${r.examDate}` : `Your exam date, ${r.examDate}, has come`;
  return [
    el('h2', {}, 'Exam readiness (an estimate)'),
    el('p', { class: 'big' }, when),
    el('p', {}, `About ${r.perDay} card${r.perDay === 1 ? '' : 's'} a day: the reviews due today, and enough new topics to practise all ${r.topicsTotal} topics once before the exam (${r.topicsLeft} not practised yet).`),
    table,
    el('p', { class: 'hint' }, r.method),
  ];
}

send({ type: 'ready' });
