/**
 * The knowledge base ships as two files, so that the first hover does not wait for what only the cheat
 * sheet, search and quizzes need. `knowledge.json.gz` holds what a hover reads: entries without their full
 * note text, resource types, ports and the look-up tables. `knowledge-study.json.gz` holds the rest: note
 * bodies and notations, questions, comparisons and the search index.
 */
import type { CompiledKnowledge, Comparison, Notations, Question } from './types';

/** Gzipped: the files cross a remote or browser connection, where every byte costs (a fifth of the size). */
export const CORE_FILE = 'knowledge.json.gz';
export const STUDY_FILE = 'knowledge-study.json.gz';

export interface StudyKnowledge {
  format: CompiledKnowledge['format'];
  /** Per entry id: what the core leaves out. */
  details: Record<string, { body: string; notations: Notations }>;
  questions: Question[];
  comparisons: Comparison[];
  search: CompiledKnowledge['search'];
}

const NO_NOTATIONS: Notations = { cloudformation: [], terraform: [], boto3: [], sdk: [], iam: [], endpoint: [], principal: [], operations: [] };

export function splitKnowledge(k: CompiledKnowledge): { core: CompiledKnowledge; study: StudyKnowledge } {
  const details: StudyKnowledge['details'] = {};
  const entries = k.entries.map((e) => {
    details[e.id] = { body: e.body, notations: e.notations };
    return { ...e, body: '', notations: NO_NOTATIONS };
  });
  return {
    core: { ...k, entries, questions: [], comparisons: [], search: { docs: [], index: null } },
    study: { format: k.format, details, questions: k.questions, comparisons: k.comparisons, search: k.search },
  };
}

/** The core with the study part put back: the knowledge base as compiled. */
export function joinKnowledge(core: CompiledKnowledge, study: StudyKnowledge): CompiledKnowledge {
  return {
    ...core,
    entries: core.entries.map((e) => ({ ...e, ...study.details[e.id] })),
    questions: study.questions,
    comparisons: study.comparisons,
    search: study.search,
  };
}
