/** Turns a session into what the quiz panel shows. */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { DOMAIN_NAMES } from '../knowledge/types';
import type { OptionView, ProgressView, QuestionView, ResultsView } from '../protocol/quiz';
import type { ProgressSummary } from './coach';
import type { Readiness } from './readiness';
import { PASSING_SCORE, type QuizSession } from './session';
import type { QuizQuestion } from './types';

export function questionView(session: QuizSession): QuestionView {
  const s = session.state;
  const q = session.current;
  const a = session.answer(q.id);
  const reveal = s.feedback === 'instant' && !!a?.checked;
  const exam = s.mode === 'exam';
  return {
    sessionTitle: s.title,
    examMode: exam,
    index: s.index,
    total: s.questions.length,
    answered: s.questions.filter((x) => session.answer(x.id)?.selected.length).length,
    questionId: q.id,
    prompt: q.prompt,
    type: q.type,
    choose: q.options.filter((o) => o.correct).length,
    options: optionViews(q, a?.selected ?? [], reveal),
    checked: reveal,
    feedback: reveal ? { correct: !!a?.correct, docs: q.docs } : undefined,
    flagged: s.flagged.includes(q.id),
    isLast: session.isLast,
    navigator: exam ? s.questions.map((x, index) => ({ index, answered: !!session.answer(x.id)?.selected.length, flagged: s.flagged.includes(x.id) })) : undefined,
    deadline: s.deadline,
    // A card from the learner's own notes belongs to no exam domain; say where it comes from instead.
    domain: q.origin === 'notes' ? 'From your notes' : `Domain ${q.domain}: ${DOMAIN_NAMES[q.domain]}`,
  };
}

function optionViews(q: QuizQuestion, selected: readonly string[], reveal: boolean): OptionView[] {
  return q.options.map((o) => ({
    id: o.id,
    text: o.text,
    selected: selected.includes(o.id),
    ...(reveal ? { correct: o.correct, why: o.why } : {}),
  }));
}

export function resultsView(session: QuizSession, dueCards: number): ResultsView {
  const r = session.results();
  return {
    title: session.state.title,
    exam: session.state.mode === 'exam',
    correct: r.correct,
    total: r.total,
    percent: r.percent,
    unanswered: r.unanswered,
    scaled: r.scaled ? { ...r.scaled, passing: PASSING_SCORE } : undefined,
    domains: r.domains.map((d) => ({ ...d, percent: d.total ? Math.round((100 * d.correct) / d.total) : 0 })),
    wrong: r.wrong.map((w) => ({ prompt: w.question.prompt, options: optionViews(w.question, w.selected, true), docs: w.question.docs })),
    durationMs: r.durationMs,
    canRetry: r.wrong.length > 0,
    dueCards,
  };
}

export function progressView(kb: KnowledgeBase, p: ProgressSummary, readiness?: Readiness): ProgressView {
  return { ...p, ...(readiness ? { readiness } : {}), weakTopics: p.weakTopics.map((t) => ({ id: t.topic, name: kb.entry(t.topic)?.name ?? t.topic, answered: t.answered, correct: t.correct })) };
}
