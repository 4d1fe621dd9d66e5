/** Compiles `content/questions/*.yaml`: the authored quiz bank. */
import type { Domain, Question } from '../core/knowledge/types';
import { normalizeName } from '../core/knowledge/normalize';
import type { CompileContext } from './context';
import { yamlRows, type Row } from './rows';
import { questionRowSchema, type QuestionRow } from './schemas';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five'];

export function compileQuestions(ctx: CompileContext): Question[] {
  const questions: Question[] = [];
  const idsAt = new Map<string, string>();
  for (const file of ctx.filesUnder('content/questions/')) {
    for (const row of yamlRows(ctx, file, questionRowSchema)) {
      const { row: q, line, at } = row;
      if (idsAt.has(q.id)) ctx.problem(file.path, line, `duplicate question id "${q.id}" (also ${idsAt.get(q.id)})`);
      idsAt.set(q.id, `${file.path}:${line}`);
      checkQuestion(ctx, file.path, row);
      q.topics.forEach((id, i) => ctx.refer(id, file.path, at(['topics', i]), '`topics`'));
      questions.push({ ...q, domain: q.domain as Domain, source: `${file.path}:${line}` });
    }
  }
  return questions;
}

/** Single answers have four options and one right; multiple responses say how many to choose; no option twice. */
function checkQuestion(ctx: CompileContext, file: string, { row: q, at }: Row<QuestionRow>): void {
  const problem = (path: (string | number)[], message: string) => ctx.problem(file, at(path), message);
  const correct = q.options.filter((o) => o.correct).length;
  if (q.type === 'single') {
    if (q.options.length !== 4) problem(['options'], `a single-answer question has exactly 4 options (found ${q.options.length})`);
    if (correct !== 1) problem(['options'], `a single-answer question has exactly 1 correct option (found ${correct})`);
  } else {
    if (q.options.length < 5) problem(['options'], `a multiple-response question has 5 or more options (found ${q.options.length})`);
    if (correct < 2) problem(['options'], `a multiple-response question has 2 or more correct options (found ${correct})`);
    const choose = /\(Choose (\w+)\.\)\s*$/.exec(q.question);
    if (!choose) problem(['question'], `a multiple-response question ends with "(Choose ${NUMBER_WORDS[correct] ?? correct}.)"`);
    else if (choose[1] !== NUMBER_WORDS[correct]) problem(['question'], `says "(Choose ${choose[1]}.)" but ${correct} options are correct`);
  }
  const seen = new Map<string, number>();
  q.options.forEach((o, i) => {
    const key = normalizeName(o.text);
    if (seen.has(key)) problem(['options', i, 'text'], `duplicate option (same as option ${(seen.get(key) ?? 0) + 1})`);
    seen.set(key, i);
  });
}
