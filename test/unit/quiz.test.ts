import * as assert from 'node:assert/strict';
import { QuizCoach, QuizUnavailable, shuffleOptions } from '../../src/core/quiz/coach';
import { emptyLearnerState, loadLearnerState, MAX_ANSWERS, recordAnswers } from '../../src/core/quiz/learnerState';
import { QuestionPool } from '../../src/core/quiz/questionPool';
import { Random } from '../../src/core/quiz/random';
import { cardIds } from '../../src/core/ids';
import { dueCards, review } from '../../src/core/quiz/scheduler';
import { EXAM_QUESTIONS, examDistribution, QuizSession, restoreSessionState, scaledScore, SESSION_VERSION } from '../../src/core/quiz/session';
import { isCorrect, type QuizQuestion } from '../../src/core/quiz/types';
import { questionView, resultsView } from '../../src/core/quiz/views';
import { DOMAIN_WEIGHTS, type Domain } from '../../src/core/knowledge/types';
import { parseQuizMessage } from '../../src/core/protocol/quiz';
import { knowledgeBase } from './helpers';

const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);
const DAY = 86_400_000;

function question(id: string, domain: Domain = 3, type: 'single' | 'multiple' = 'single'): QuizQuestion {
  const options = type === 'single' ? ['a', 'b', 'c', 'd'] : ['a', 'b', 'c', 'd', 'e'];
  return {
    id,
    domain,
    topics: ['ec2'],
    type,
    prompt: `Question ${id}?`,
    options: options.map((o, i) => ({ id: o, text: `Option ${o}`, correct: type === 'single' ? i === 0 : i < 2, why: `Because ${o}.` })),
    origin: 'bank',
  };
}

describe('quiz sessions', () => {
  it('scores single and multiple-response answers exactly', () => {
    assert.equal(isCorrect(question('q1'), ['a']), true);
    assert.equal(isCorrect(question('q1'), ['b']), false);
    assert.equal(isCorrect(question('q2', 3, 'multiple'), ['b', 'a']), true);
    assert.equal(isCorrect(question('q2', 3, 'multiple'), ['a']), false);
    assert.equal(isCorrect(question('q2', 3, 'multiple'), ['a', 'b', 'c']), false);
  });

  it('gives instant feedback: select, check, next; time taken is recorded', () => {
    const s = QuizSession.create({ id: 's', mode: 'quick', title: 'Quick', seed: 1, questions: [question('q1'), question('q2')], now: T0 });
    assert.equal(s.check(T0), undefined, 'nothing to check before a choice');
    assert.ok(s.select('q1', ['b']));
    assert.equal(s.select('q1', ['a', 'b']), false, 'a single-answer question takes one option');
    const event = s.check(T0 + 12_000);
    assert.equal(event?.correct, false);
    assert.equal(event?.ms, 12_000);
    assert.equal(s.select('q1', ['a']), false, 'a checked answer cannot change');
    assert.ok(s.next(T0 + 13_000));
    assert.equal(s.current.id, 'q2');
  });

  it('runs the exam with feedback only at the end, flags, navigation and a deadline', () => {
    const questions = Array.from({ length: 5 }, (_, i) => question(`q${i}`, ((i % 4) + 1) as Domain));
    const s = QuizSession.create({ id: 'e', mode: 'exam', title: 'Exam', seed: 1, questions, now: T0, minutes: 90 });
    assert.equal(s.state.feedback, 'end');
    assert.equal(s.state.deadline, T0 + 90 * 60_000);
    s.select('q0', ['a']);
    assert.equal(s.check(T0), undefined, 'no checking during an exam');
    assert.equal(s.toggleFlag(), true);
    s.goto(3, T0 + 1000);
    s.select('q3', ['b']);
    assert.equal(s.unanswered, 3);
    assert.equal(s.expired(T0 + 90 * 60_000 - 1), false);
    assert.equal(s.expired(T0 + 90 * 60_000), true);
    const events = s.finish(T0 + 5000);
    assert.equal(events.length, 2);
    const r = s.results();
    assert.equal(r.correct, 1);
    assert.equal(r.total, 5);
    assert.equal(r.wrong.length, 4, 'unanswered questions count as wrong');
    assert.deepEqual(r.scaled, scaledScore(1 / 5));
    assert.equal(r.domains.reduce((n, d) => n + d.total, 0), 5);
  });

  it('maps the score onto 100–1,000 with 700 to pass', () => {
    assert.deepEqual(scaledScore(0), { score: 100, passed: false });
    assert.deepEqual(scaledScore(1), { score: 1000, passed: true });
    assert.equal(scaledScore(2 / 3).passed, true);
    assert.equal(scaledScore(0.66).passed, false);
  });

  it('distributes 65 exam questions by the domain weights', () => {
    const d = examDistribution(DOMAIN_WEIGHTS);
    assert.deepEqual(d, { 1: 16, 2: 19, 3: 22, 4: 8 });
    assert.equal(d[1] + d[2] + d[3] + d[4], EXAM_QUESTIONS);
  });

  it('shows options without their answers until feedback is due', () => {
    const s = QuizSession.create({ id: 's', mode: 'quick', title: 'Quick', seed: 1, questions: [question('q1')], now: T0 });
    let v = questionView(s);
    assert.ok(v.options.every((o) => o.correct === undefined && o.why === undefined));
    s.select('q1', ['a']);
    s.check(T0 + 1);
    v = questionView(s);
    assert.equal(v.feedback?.correct, true);
    assert.ok(v.options.every((o) => typeof o.why === 'string'));
    s.finish(T0 + 2);
    assert.equal(resultsView(s, 0).percent, 100);
  });

  it("labels a card from the learner's notes by where it comes from, not by an exam domain", () => {
    const exam = questionView(QuizSession.create({ id: 's', mode: 'due', title: 'Due', seed: 1, questions: [question('q1', 2)], now: T0 }));
    assert.equal(exam.domain, 'Domain 2: Security and Compliance');
    const mine = questionView(QuizSession.create({ id: 's', mode: 'due', title: 'Due', seed: 1, questions: [{ ...question('n1'), origin: 'notes' }], now: T0 }));
    assert.equal(mine.domain, 'From your notes');
  });

  it("counts a card from the learner's notes in the score but in no exam domain", () => {
    const s = QuizSession.create({ id: 's', mode: 'due', title: 'Due', seed: 1, questions: [question('q1', 2), { ...question('n1'), origin: 'notes' }], now: T0 });
    for (const id of ['q1', 'n1']) {
      s.select(id, ['a']);
      s.check(T0 + 1);
      s.next(T0 + 1);
    }
    s.finish(T0 + 2);
    const r = s.results();
    assert.equal(r.total, 2);
    assert.deepEqual(r.domains.map((d) => [d.domain, d.total]), [[2, 1]]);
  });
});

describe('the question pool', () => {
  const kb = knowledgeBase();
  const pool = new QuestionPool(kb);

  it('shuffles options reproducibly from a seed, keeping each option with its id', () => {
    const q = pool.authored[0];
    const a = shuffleOptions(q, new Random(42));
    const b = shuffleOptions(q, new Random(42));
    assert.deepEqual(a.options, b.options);
    assert.deepEqual([...a.options].sort((x, y) => x.id.localeCompare(y.id)), q.options);
  });

  it('generates a service question with same-category distractors and the answer masked', () => {
    const q = pool.serviceFromDescription('dynamodb');
    assert.ok(q);
    assert.equal(q.options.length, 4);
    assert.equal(q.options.filter((o) => o.correct).length, 1);
    assert.equal(q.options.find((o) => o.correct)?.text, kb.entry('dynamodb')?.name);
    assert.doesNotMatch(q.prompt, /DynamoDB/);
    for (const o of q.options) assert.ok(o.why.length > 10);
  });

  it('generates port questions both ways with unique answers', () => {
    const proto = pool.protocolFromPort(5432);
    assert.ok(proto);
    assert.match(proto.options.find((o) => o.correct)?.text ?? '', /PostgreSQL/);
    assert.equal(new Set(proto.options.map((o) => o.text)).size, 4);
    const port = pool.portFromProtocol(22);
    assert.equal(port?.options.find((o) => o.correct)?.text, '22');
  });

  it('asks only about ports the exam and everyday AWS work use, with such ports as distractors', () => {
    const quizPorts = new Set(kb.ports.filter((p) => p.quiz).map((p) => String(p.port)));
    for (const port of ['22', '443', '3389', '3306', '5432', '2049']) assert.ok(quizPorts.has(port), `port ${port} is drilled`);
    for (const obscure of [9389, 6081, 3001]) {
      assert.equal(pool.protocolFromPort(obscure), undefined, `no question about port ${obscure}`);
      assert.equal(pool.portFromProtocol(obscure), undefined, `no question about port ${obscure}`);
    }
    const portQuestions = pool.allGenerated().filter((q) => /^gen:(port|proto):/.test(q.id));
    assert.ok(portQuestions.length >= 20, `${portQuestions.length} port questions`);
    for (const q of portQuestions) {
      assert.ok(quizPorts.has(q.id.split(':')[2]), q.id);
      if (q.id.startsWith('gen:proto:')) for (const o of q.options) assert.ok(quizPorts.has(o.text), `${q.id} offers ${o.text}`);
      else for (const o of q.options) assert.ok([...quizPorts].some((p) => o.why.includes(`port ${p}`)), `${q.id}: ${o.why}`);
    }
  });

  it('never sets a port against another of the same protocol family', () => {
    const smtp = pool.portFromProtocol(25);
    assert.ok(smtp);
    for (const other of ['465', '587', '2465', '2587']) assert.ok(!smtp.options.some((o) => o.text === other), `SMTP question offers ${other}`);
  });

  it('regenerates generated questions from their ids', () => {
    for (const q of pool.allGenerated().slice(0, 50)) assert.deepEqual(pool.byId(q.id), q);
  });

  it('files category questions under Cloud Technology and Services, with explanations that do not repeat the option name', () => {
    const not = pool.notInCategory('iam');
    assert.ok(not);
    assert.equal(not.domain, 3);
    assert.match(not.options.find((o) => o.correct)?.why ?? '', /^Correct: it is in Security, Identity, and Compliance, not /);
    for (const q of pool.allGenerated()) {
      if (/^gen:(cat|not):/.test(q.id)) assert.equal(q.domain, 3, q.id);
      for (const o of q.options) assert.ok(!o.why.startsWith(`${o.text}:`), `${q.id}: ${o.why}`);
    }
  });

  it('never generates an ambiguous question: one correct option, distinct texts', () => {
    for (const q of pool.allGenerated()) {
      assert.equal(q.options.filter((o) => o.correct).length, 1, q.id);
      assert.equal(new Set(q.options.map((o) => o.text.toLowerCase())).size, q.options.length, q.id);
    }
  });
});

describe('the coach', () => {
  const kb = knowledgeBase();

  it('draws an exam of 65 questions by domain weights, reproducibly', () => {
    const coach = new QuizCoach(kb, emptyLearnerState());
    const a = coach.start({ mode: 'exam' }, T0, 7, 'a');
    const b = coach.start({ mode: 'exam' }, T0, 7, 'b');
    assert.equal(a.state.questions.length, 65);
    assert.deepEqual(
      a.state.questions.map((q) => q.id),
      b.state.questions.map((q) => q.id),
    );
    const perDomain = [1, 2, 3, 4].map((d) => a.state.questions.filter((q) => q.domain === d).length);
    assert.deepEqual(perDomain, [16, 19, 22, 8]);
  });

  it('runs a quick practice of 10 and a topic practice on one service', () => {
    const coach = new QuizCoach(kb, emptyLearnerState());
    assert.equal(coach.start({ mode: 'quick' }, T0, 1, 's').state.questions.length, 10);
    const topic = coach.start({ mode: 'topic', topic: 's3', count: 5 }, T0, 1, 't');
    assert.ok(topic.state.questions.length >= 3);
    assert.ok(topic.state.questions.every((q) => q.topics.some((t) => t === 's3' || kb.entry(t)?.related.includes('s3'))));
  });

  it('keeps topic practice on the topic: every question is tagged with it or names it', () => {
    const coach = new QuizCoach(kb, emptyLearnerState());
    for (const [id, name] of [['lambda', /Lambda/i], ['ec2', /EC2|Elastic Compute Cloud/i], ['iam', /IAM|Identity and Access Management/i]] as const) {
      for (let seed = 1; seed <= 5; seed++) {
        const session = coach.start({ mode: 'topic', topic: id, count: 10 }, T0, seed, 't');
        for (const q of session.state.questions) {
          const text = `${q.prompt} ${q.options.map((o) => `${o.text} ${o.why}`).join(' ')}`;
          assert.ok(q.topics.includes(id) || name.test(text), `${id}: ${q.id} ${q.prompt}`);
        }
      }
    }
  });

  it('explains why a mode has nothing to offer', () => {
    const coach = new QuizCoach(kb, emptyLearnerState());
    assert.throws(() => coach.start({ mode: 'weakest' }, T0, 1, 'w'), QuizUnavailable);
    assert.throws(() => coach.start({ mode: 'mistakes' }, T0, 1, 'm'), QuizUnavailable);
    assert.throws(() => coach.start({ mode: 'due' }, T0, 1, 'd'), QuizUnavailable);
    assert.throws(() => coach.start({ mode: 'topic', topic: 'no-such-topic' }, T0, 1, 't'), QuizUnavailable);
  });

  it('records answers, schedules missed questions, and brings them back when due', () => {
    const state = emptyLearnerState();
    const coach = new QuizCoach(kb, state);
    const session = coach.start({ mode: 'domain', domain: 2, count: 3 }, T0, 3, 's');
    const [first, second] = session.state.questions;
    session.select(first.id, [first.options.find((o) => !o.correct)!.id]);
    coach.record(session.check(T0 + 5000)!, 'domain');
    session.next(T0 + 5000);
    session.select(second.id, second.type === 'single' ? [second.options.find((o) => o.correct)!.id] : second.options.filter((o) => o.correct).map((o) => o.id));
    coach.record(session.check(T0 + 9000)!, 'domain');
    assert.equal(state.answers.length, 2);
    assert.ok(state.cards[cardIds.question(first.id)], 'a missed question becomes a card');
    assert.deepEqual(coach.mistakes(), [first.id]);
    assert.ok(coach.dueCount(T0 + DAY) >= 1);
    const due = coach.start({ mode: 'due' }, T0 + DAY, 5, 'd');
    assert.ok(due.state.questions.some((q) => q.id === first.id));
    const mistakes = coach.start({ mode: 'mistakes' }, T0 + DAY, 5, 'm');
    assert.deepEqual(mistakes.state.questions.map((q) => q.id), [first.id]);
  });

  it('picks the weakest areas from the history', () => {
    const state = emptyLearnerState();
    recordAnswers(state, [
      { q: 'x1', choice: ['a'], correct: false, ms: 1, at: T0, domain: 4, topics: ['budgets'], mode: 'quick' },
      { q: 'x2', choice: ['a'], correct: false, ms: 1, at: T0, domain: 4, topics: ['budgets'], mode: 'quick' },
      { q: 'x3', choice: ['a'], correct: true, ms: 1, at: T0, domain: 3, topics: ['ec2'], mode: 'quick' },
      { q: 'x4', choice: ['a'], correct: true, ms: 1, at: T0, domain: 3, topics: ['ec2'], mode: 'quick' },
    ]);
    const coach = new QuizCoach(kb, state);
    assert.equal(coach.weakTopics()[0].topic, 'budgets');
    const s = coach.start({ mode: 'weakest' }, T0, 1, 'w');
    assert.ok(s.state.questions.some((q) => q.topics.includes('budgets')));
    const p = coach.progress(T0);
    assert.equal(p.answered, 4);
    assert.equal(p.domains.find((d) => d.domain === 4)?.correct, 0);
    assert.equal(p.days.length, 1);
  });

  it("keeps cards from the learner's notes out of the exam-domain accuracy", () => {
    const state = emptyLearnerState();
    recordAnswers(state, [
      { q: 'd3-001', choice: ['a'], correct: true, ms: 1, at: T0, domain: 3, topics: ['ec2'], mode: 'quick' },
      { q: 'usernote:abc-ec2', choice: ['b'], correct: false, ms: 1, at: T0, domain: 3, topics: ['ec2'], mode: 'due' },
    ]);
    const d3 = new QuizCoach(kb, state).domainAccuracy().find((d) => d.domain === 3);
    assert.deepEqual([d3?.answered, d3?.correct], [1, 1]);
  });
});

describe('saved sessions', () => {
  it('resumes a version 1 session with its learner-note questions renamed, and refuses a broken one', () => {
    const q = { ...question('note:k1-ec2'), origin: 'notes' as const, card: 'card:note:k1-ec2' };
    const v1 = { ...QuizSession.create({ id: 's', mode: 'due', title: 'Due', seed: 1, questions: [q, question('d1-001')], now: T0 }).state, version: 1 };
    v1.answers = { 'note:k1-ec2': { selected: ['a'], checked: true, correct: true, ms: 5 } };
    v1.flagged = ['note:k1-ec2'];
    const restored = restoreSessionState(JSON.parse(JSON.stringify(v1)));
    assert.ok(restored);
    assert.equal(restored.version, SESSION_VERSION);
    assert.deepEqual(restored.questions.map((x) => [x.id, x.card]), [['usernote:k1-ec2', 'card:usernote:k1-ec2'], ['d1-001', undefined]]);
    assert.deepEqual(Object.keys(restored.answers), ['usernote:k1-ec2']);
    assert.deepEqual(restored.flagged, ['usernote:k1-ec2']);
    for (const broken of [null, 'x', { ...v1, version: 9 }, { ...v1, questions: [] }, { ...v1, index: 7 }]) assert.equal(restoreSessionState(broken), undefined, JSON.stringify(broken)?.slice(0, 40));
  });
});

describe('spaced repetition (FSRS)', () => {
  it('moves a card further out after each right answer and back after a miss', () => {
    const state = emptyLearnerState();
    const id = cardIds.service('s3');
    const d1 = review(state, id, true, 5000, T0);
    const d2 = review(state, id, true, 5000, d1);
    const d3 = review(state, id, true, 5000, d2);
    assert.ok(d2 - d1 > 0 && d3 - d2 > d2 - d1, 'intervals grow');
    const lapse = review(state, id, false, 5000, d3);
    assert.ok(lapse - d3 < d3 - d2, 'a miss brings it back sooner');
    assert.equal(state.cards[id].lapses, 1);
    assert.deepEqual(dueCards(state, lapse), [id]);
    assert.deepEqual(dueCards(state, lapse - 1), []);
  });
});

describe('learner state', () => {
  it('starts empty and round-trips', () => {
    const loaded = loadLearnerState(undefined);
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.changed, false);
    const again = loadLearnerState(JSON.parse(JSON.stringify(loaded.state)));
    assert.deepEqual(again.state, loaded.state);
  });

  it('migrates the version 1 history', () => {
    const v1 = { version: 1, history: [{ questionId: 'd1-001', selected: ['a'], correct: true, timeMs: 4000, timestamp: T0, domain: 1 }, { broken: true }] };
    const loaded = loadLearnerState(v1);
    assert.equal(loaded.changed, true);
    assert.equal(loaded.state.version, 3);
    assert.deepEqual(loaded.state.answers, [{ q: 'd1-001', choice: ['a'], correct: true, ms: 4000, at: T0, domain: 1, topics: [], mode: 'quick' }]);
    assert.deepEqual(loaded.problems, ['1 answer(s) from the previous version could not be read']);
  });

  it("renames version 2's learner-note questions and cards (note: → usernote:) and keeps everything else", () => {
    const card = { due: T0, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 1, learning_steps: 0, reps: 1, lapses: 0, state: 2 };
    const v2 = {
      version: 2,
      answers: [
        { q: 'note:k1-ec2', choice: ['a'], correct: true, ms: 1, at: T0, domain: 3, topics: ['ec2'], mode: 'due' },
        { q: 'd1-001', choice: ['b'], correct: false, ms: 2, at: T0 + 1, domain: 1, topics: [], mode: 'quick' },
      ],
      cards: { 'card:note:k1-ec2': card, 'card:q:d1-001': card },
      sessions: [],
    };
    const loaded = loadLearnerState(v2);
    assert.equal(loaded.changed, true, 'written back, with a copy of the old value');
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.state.version, 3);
    assert.deepEqual(loaded.state.answers.map((a) => a.q), ['usernote:k1-ec2', 'd1-001']);
    assert.deepEqual(Object.keys(loaded.state.cards).sort(), ['card:q:d1-001', 'card:usernote:k1-ec2']);
    assert.equal(loadLearnerState(JSON.parse(JSON.stringify(loaded.state))).changed, false, 'the migrated state reads back unchanged');
  });

  it('recovers what it can from damaged state and says what it dropped', () => {
    const damaged = {
      version: 2,
      answers: [{ q: 'ok', choice: ['a'], correct: true, ms: 1, at: T0, domain: 2, topics: ['iam'], mode: 'exam' }, 'garbage', { q: 5 }],
      cards: { good: { due: T0, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 1, learning_steps: 0, reps: 1, lapses: 0, state: 2 }, bad: { due: 'soon' } },
      sessions: 'not a list',
    };
    const loaded = loadLearnerState(damaged);
    assert.equal(loaded.state.answers.length, 1);
    assert.ok(loaded.state.cards.good);
    assert.equal(loaded.state.cards.bad, undefined);
    assert.deepEqual(loaded.problems, ['2 answer record(s) were damaged', '1 review card(s) were damaged']);
    assert.equal(loaded.changed, true);
  });

  it('survives values that are not state at all', () => {
    for (const raw of ['text', 42, [], { version: 'x' }]) {
      const loaded = loadLearnerState(raw);
      assert.deepEqual(loaded.state.answers, []);
      assert.ok(loaded.problems.length > 0);
    }
  });

  it('keeps the answer history bounded', () => {
    const state = emptyLearnerState();
    recordAnswers(
      state,
      Array.from({ length: MAX_ANSWERS + 10 }, (_, i) => ({ q: `q${i}`, choice: [], correct: false, ms: 0, at: i, domain: 1 as Domain, topics: [], mode: 'quick' as const })),
    );
    assert.equal(state.answers.length, MAX_ANSWERS);
    assert.equal(state.answers[0].q, 'q10');
  });
});

describe('the quiz panel protocol', () => {
  it('accepts the messages the panel sends', () => {
    assert.deepEqual(parseQuizMessage({ type: 'select', questionId: 'd1-001', optionIds: ['a', 'c'] }), { type: 'select', questionId: 'd1-001', optionIds: ['a', 'c'] });
    assert.deepEqual(parseQuizMessage({ type: 'submit', confirmed: true }), { type: 'submit', confirmed: true });
    assert.deepEqual(parseQuizMessage({ type: 'check' }), { type: 'check' });
  });

  it('rejects unexpected or malformed messages', () => {
    for (const m of [null, 'check', {}, { type: 'explode' }, { type: 'select', questionId: 1, optionIds: [] }, { type: 'select', questionId: 'x', optionIds: ['<script>'] }, { type: 'goto', index: -1 }, { type: 'openExternal', url: 'javascript:alert(1)' }, { type: 'openEntry', id: '../../etc' }]) {
      assert.equal(parseQuizMessage(m), undefined, JSON.stringify(m));
    }
  });
});
