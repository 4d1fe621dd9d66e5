/** The exam-date readiness estimate: days left, cards a day, and a labelled estimate per domain. */
import * as assert from 'node:assert/strict';
import { emptyLearnerState, recordAnswers, type AnswerRecord } from '../../src/core/quiz/learnerState';
import { parseExamDate, readiness, MIN_ANSWERS } from '../../src/core/quiz/readiness';
import { review } from '../../src/core/quiz/scheduler';
import { knowledgeBase } from './helpers';

const kb = knowledgeBase();
const NOW = new Date(2027, 0, 1, 9).getTime();
const DAY = 86_400_000;
const answer = (domain: 1 | 2 | 3 | 4, correct: boolean, topics: string[], at = NOW - DAY): AnswerRecord => ({ q: `d${domain}-x`, choice: ['a'], correct, ms: 1000, at, domain, topics, mode: 'quick' });

describe('readiness for an exam date', () => {
  it('reads only real YYYY-MM-DD dates', () => {
    assert.equal(parseExamDate('2027-01-31'), new Date(2027, 0, 31).getTime());
    for (const bad of ['', '2027-02-30', '31/01/2027', 'soon', undefined]) assert.equal(parseExamDate(bad), undefined, String(bad));
    assert.equal(readiness(kb, emptyLearnerState(), NOW, 'next week', 0), undefined);
  });

  it('counts the days left and the cards a day that reach every topic once before the date, plus the due reviews', () => {
    const state = emptyLearnerState();
    const r = readiness(kb, state, NOW, '2027-01-11', 4)!;
    assert.equal(r.daysLeft, 10);
    assert.equal(r.topicsLeft, r.topicsTotal, 'nothing answered yet');
    assert.equal(r.perDay, 4 + Math.ceil(r.topicsTotal / 10));
    recordAnswers(state, [answer(3, true, ['s3', 'ec2'])]);
    assert.equal(readiness(kb, state, NOW, '2027-01-11', 0)!.topicsLeft, r.topicsTotal - 2);
    assert.equal(readiness(kb, state, NOW, '2026-12-01', 0)!.daysLeft, 0, 'a past date has no days left');
  });

  it('estimates a domain only with enough answers, from recent accuracy and recall of its cards, and says how', () => {
    const state = emptyLearnerState();
    recordAnswers(state, Array.from({ length: MIN_ANSWERS - 1 }, () => answer(2, true, ['iam'])));
    assert.equal(readiness(kb, state, NOW, '2027-02-01', 0)!.domains[1].estimate, undefined, 'too few answers');
    recordAnswers(state, [answer(2, false, ['iam']), ...Array.from({ length: 5 }, () => answer(2, true, ['iam']))]);
    const noCards = readiness(kb, state, NOW, '2027-02-01', 0)!.domains[1];
    assert.equal(noCards.estimate, Math.round((100 * 9) / 10), 'accuracy alone without review cards');
    // A card on an IAM question, reviewed long ago, is half forgotten: the estimate drops below accuracy.
    const q = kb.questions.find((x) => x.domain === 2)!;
    review(state, `card:q:${q.id}`, true, 1000, NOW - 120 * DAY);
    const withCard = readiness(kb, state, NOW, '2027-02-01', 0)!;
    const d2 = withCard.domains[1];
    assert.equal(d2.cards, 1);
    assert.ok(d2.meanRecall! < 0.9 && d2.estimate! < 90, JSON.stringify(d2));
    assert.match(withCard.method, /^An estimate: 60% your accuracy on your last 30 answers/);
  });
});
