/**
 * Every question a session can draw: the authored bank, and questions generated from the knowledge
 * base (a service from its description, port to protocol and back, category membership, "which is NOT",
 * look-alikes). Distractors come from the same category so they are plausible, and a generated question
 * is only made when its answer cannot be ambiguous.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Category, Domain, Entry, PortEntry, Question } from '../knowledge/types';
import { cardIds, parseQuestionId, questionIds } from '../ids';
import { markdownToPlainText } from '../plainText';
import { Random } from './random';
import { OPTION_IDS, type QuizOption, type QuizQuestion } from './types';

export function fromBank(q: Question): QuizQuestion {
  return {
    id: q.id,
    domain: q.domain,
    topics: q.topics,
    type: q.type,
    prompt: q.question,
    options: q.options.map((o, i) => ({ id: OPTION_IDS[i], text: o.text, correct: o.correct, why: o.why })),
    docs: q.docs,
    origin: 'bank',
  };
}

/** Categories that overlap (a database service is also analytics): never distractors for each other. */
const NEIGHBOURS: Partial<Record<Category, Category[]>> = {
  Databases: ['Analytics'],
  Analytics: ['Databases', 'Machine Learning'],
  Compute: ['Containers'],
  Containers: ['Compute'],
  'Machine Learning': ['Analytics'],
  'Management and Governance': ['Security, Identity, and Compliance', 'Developer Tools', 'Billing and Support'],
  'Security, Identity, and Compliance': ['Management and Governance', 'Networking and Content Delivery'],
  'Networking and Content Delivery': ['Security, Identity, and Compliance'],
  'Developer Tools': ['Management and Governance'],
  'Billing and Support': ['Management and Governance'],
  'Application Integration': ['Analytics'],
  'Migration and Transfer': ['Storage'],
  Storage: ['Migration and Transfer'],
  'Front-End Web and Mobile': ['Application Integration'],
};

function farFrom(a: Category, b: Category): boolean {
  return a !== b && !(NEIGHBOURS[a] ?? []).includes(b) && !(NEIGHBOURS[b] ?? []).includes(a);
}

const CATEGORY_QUESTION_CATEGORIES: Category[] = [
  'Compute',
  'Storage',
  'Databases',
  'Networking and Content Delivery',
  'Security, Identity, and Compliance',
  'Machine Learning',
  'Application Integration',
  'Developer Tools',
  'Migration and Transfer',
  'Billing and Support',
];

export class QuestionPool {
  private readonly bank: QuizQuestion[];
  private readonly services: Entry[];

  constructor(private readonly kb: KnowledgeBase) {
    this.bank = kb.questions.map(fromBank);
    // Generated questions are about current services with a note: no catalogue rows, nothing retired.
    this.services = kb.entries.filter((e) => e.kind === 'service' && !e.status && !!e.summary);
  }

  get authored(): readonly QuizQuestion[] {
    return this.bank;
  }

  byId(id: string): QuizQuestion | undefined {
    return this.bank.find((q) => q.id === id) ?? this.generatedById(id);
  }

  /** Regenerates a generated question from its id, so sessions and review cards can refer to it. */
  generatedById(id: string): QuizQuestion | undefined {
    const parsed = parseQuestionId(id);
    if (parsed.kind !== 'generated') return undefined;
    const { key } = parsed;
    switch (parsed.generator) {
      case 'svc':
        return this.serviceFromDescription(key);
      case 'port':
        return this.protocolFromPort(Number(key));
      case 'proto':
        return this.portFromProtocol(Number(key));
      case 'cat':
        return this.categoryMember(key);
      case 'not':
        return this.notInCategory(key);
    }
  }

  /** Generated questions with ids for every service and port that supports one. */
  allGenerated(): QuizQuestion[] {
    const out: QuizQuestion[] = [];
    for (const e of this.services) {
      const q = this.serviceFromDescription(e.id);
      if (q) out.push(q);
    }
    for (const p of this.kb.ports) {
      const a = this.protocolFromPort(p.port);
      const b = this.portFromProtocol(p.port);
      if (a) out.push(a);
      if (b) out.push(b);
    }
    for (const e of this.services) {
      const c = this.categoryMember(e.id);
      if (c) out.push(c);
      const n = this.notInCategory(e.id);
      if (n) out.push(n);
    }
    return out;
  }

  /** A few generated questions about `topic` (a note id) for topic practice. */
  generatedFor(topic: string): QuizQuestion[] {
    return [this.serviceFromDescription(topic), this.categoryMember(topic)].filter((q): q is QuizQuestion => !!q);
  }

  /** "Which service ...?" from the entry's summary, with look-alikes and same-category services as distractors. */
  serviceFromDescription(id: string): QuizQuestion | undefined {
    const e = this.kb.entry(id);
    if (!e || !this.services.includes(e)) return undefined;
    const description = maskNames(markdownToPlainText(e.summary), e);
    if (!description) return undefined;
    const confused = e.confused.map((c) => this.kb.entry(c)).filter((c): c is Entry => !!c && this.services.includes(c));
    const sameCategory = this.services.filter((s) => s.category === e.category && s.id !== e.id && !confused.includes(s));
    const distractors = [...confused, ...sameCategory].filter((d) => !mentions(description, d)).slice(0, 3);
    if (distractors.length < 3) return undefined;
    return this.question(questionIds.generated('svc', e.id), e, `Which AWS service matches this description? “${description}”`, [e, ...distractors], e.id, cardIds.service(e.id));
  }

  /** "Which of these belongs to <category>?": one from the category, three from far-away categories. */
  categoryMember(id: string): QuizQuestion | undefined {
    const e = this.kb.entry(id);
    if (!e || !this.services.includes(e) || !CATEGORY_QUESTION_CATEGORIES.includes(e.category)) return undefined;
    const others = this.services.filter((s) => farFrom(s.category, e.category));
    const distractors = pickSpread(others, 3, id);
    if (distractors.length < 3) return undefined;
    return { ...this.question(questionIds.generated('cat', e.id), e, `Which of these AWS services is in the ${e.category} category?`, [e, ...distractors], e.id), domain: 3 };
  }

  /** "Which is NOT a <category> service?": three from the category, the answer from a far-away one. */
  notInCategory(id: string): QuizQuestion | undefined {
    const odd = this.kb.entry(id);
    if (!odd || !this.services.includes(odd)) return undefined;
    const categories = CATEGORY_QUESTION_CATEGORIES.filter((c) => farFrom(c, odd.category));
    const category = categories[hash(id) % Math.max(1, categories.length)];
    if (!category) return undefined;
    const members = pickSpread(this.services.filter((s) => s.category === category), 3, id);
    if (members.length < 3) return undefined;
    const options: QuizOption[] = [odd, ...members].map((s, i) => ({
      id: OPTION_IDS[i],
      text: s.name,
      correct: s === odd,
      why: s === odd ? `Correct: it is in ${s.category}, not ${category}. ${markdownToPlainText(s.summary)}` : `Part of ${category}. ${markdownToPlainText(s.summary)}`,
    }));
    // Knowing which category a service belongs to is Cloud Technology and Services, whatever the service.
    return { id: questionIds.generated('not', odd.id), domain: 3, topics: [odd.id], type: 'single', prompt: `Which of these is NOT a ${category} service?`, options, docs: odd.docs, origin: 'generated' };
  }

  /** "Which protocol uses port N by default?" */
  protocolFromPort(port: number): QuizQuestion | undefined {
    const p = this.kb.port(port);
    if (!p || !this.isTeachablePort(p)) return undefined;
    const others = this.kb.ports.filter((o) => !portsOverlap(p, o) && this.isTeachablePort(o));
    const distractors = pickSpread(others, 3, `port${port}`);
    if (distractors.length < 3) return undefined;
    const options: QuizOption[] = [p, ...distractors].map((o, i) => ({
      id: OPTION_IDS[i],
      text: portLabel(o),
      correct: o === p,
      why: o === p ? `Correct: port ${p.port}/${p.transport.join('/')} is ${p.protocol}. ${p.use}` : `${o.protocol} uses port ${o.port}, not ${port}.`,
    }));
    return { id: questionIds.generated('port', port), domain: 3, topics: p.aws.slice(0, 2), type: 'single', prompt: `Which protocol or service listens on port ${port} by default?`, options, docs: p.docs, origin: 'generated', card: cardIds.port(port) };
  }

  /** "Which port does <protocol> use by default?" */
  portFromProtocol(port: number): QuizQuestion | undefined {
    const p = this.kb.port(port);
    if (!p || !this.isTeachablePort(p)) return undefined;
    // Only when the protocol owns a single port in the table, so the answer is unique.
    if (this.kb.ports.filter((o) => o.protocol === p.protocol).length !== 1) return undefined;
    const others = this.kb.ports.filter((o) => !portsOverlap(p, o) && this.isTeachablePort(o));
    const distractors = pickSpread(others, 3, `proto${port}`);
    if (distractors.length < 3) return undefined;
    const options: QuizOption[] = [p, ...distractors].map((o, i) => ({
      id: OPTION_IDS[i],
      text: String(o.port),
      correct: o === p,
      why: o === p ? `Correct: ${portLabel(p)} uses port ${p.port}/${p.transport.join('/')}.` : `Port ${o.port} is ${portLabel(o)}.`,
    }));
    return { id: questionIds.generated('proto', port), domain: 3, topics: p.aws.slice(0, 2), type: 'single', prompt: `Which port does ${portLabel(p)} use by default?`, options, docs: p.docs, origin: 'generated', card: cardIds.port(port) };
  }

  /**
   * Ports worth drilling, and the only ones offered as distractors: those the exam and everyday AWS work
   * use (`quiz: true` in content/ports.yaml), so every option is a port a learner should know.
   */
  private isTeachablePort(p: PortEntry): boolean {
    return p.quiz;
  }

  private question(id: string, answer: Entry, prompt: string, entries: Entry[], topic: string, card?: string): QuizQuestion {
    const options: QuizOption[] = entries.map((s, i) => ({
      id: OPTION_IDS[i],
      text: s.name,
      correct: s === answer,
      // The panel shows each option's name before its explanation, so the explanation starts with the facts.
      why: s === answer ? `Correct: ${markdownToPlainText(s.summary)}` : markdownToPlainText(s.summary),
    }));
    return { id, domain: primaryDomain(answer), topics: [topic], type: 'single', prompt, options, docs: answer.docs, origin: 'generated', card };
  }
}

/**
 * Two ports a question must not set against each other, because one could pass for the other: the same
 * protocol family (SMTP and SMTP submission), or either's description naming the other's protocol or port.
 */
function portsOverlap(a: PortEntry, b: PortEntry): boolean {
  if (a.port === b.port) return true;
  const family = (p: PortEntry) => p.protocol.toLowerCase().split(/[\s/(-]+/)[0];
  if (family(a) === family(b)) return true;
  const mentions = (p: PortEntry, q: PortEntry) => new RegExp(`\\b(${escapeRegExp(q.protocol)}|${q.port})\\b`, 'i').test(`${p.use} ${p.name}`);
  return mentions(a, b) || mentions(b, a);
}

function portLabel(p: PortEntry): string {
  return p.name && p.name.toLowerCase() !== p.protocol.toLowerCase() ? `${p.protocol} (${p.name})` : p.protocol;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function primaryDomain(e: Entry): Domain {
  return e.domains.includes(3) ? 3 : (e.domains[0] ?? 3);
}

/** The ways a text may name the entry, longest first: its name, short name, aliases, with and without "Amazon"/"AWS". */
function namesOf(e: Entry): string[] {
  return [e.name, e.short, ...e.aliases, e.name.replace(/^(Amazon|AWS)\s+/, ''), e.short ? `Amazon ${e.short}` : undefined, e.short ? `AWS ${e.short}` : undefined]
    .filter((n): n is string => !!n && n.length > 1)
    .sort((a, b) => b.length - a.length);
}

/** Matches any of the entry's names as a whole word, in any case. */
export function namePattern(e: Entry): RegExp {
  return new RegExp(`\\b(${namesOf(e).map(escapeRegExp).join('|')})\\b`, 'i');
}

/** Replaces the entry's own names in its description, so the description does not give the answer away. */
function maskNames(text: string, e: Entry): string {
  let out = text;
  for (const n of namesOf(e)) out = out.replace(new RegExp(`\\b${escapeRegExp(n)}\\b`, 'gi'), 'this service');
  out = out.replace(/^this service/, 'This service');
  // Still naming the answer after masking (an unusual spelling): not a fair question.
  return mentions(out, e) ? '' : out;
}

function mentions(text: string, e: Entry): boolean {
  const t = text.toLowerCase();
  return [e.name, e.short].some((n) => !!n && n.length > 2 && t.includes(n.toLowerCase()));
}

/** A deterministic choice of `n` items, different per key, so a generated question is the same every time. */
function pickSpread<T>(items: readonly T[], n: number, key: string): T[] {
  return new Random(hash(key)).sample(items, n);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** Draws questions with a session's random source. */
export function drawQuestions(pool: readonly QuizQuestion[], n: number, random: Random, exclude: ReadonlySet<string> = new Set()): QuizQuestion[] {
  return random.sample(
    pool.filter((q) => !exclude.has(q.id)),
    n,
  );
}
