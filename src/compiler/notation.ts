/** Notation lists as the compiled knowledge base keeps them: every kind present, no duplicates. */
import type { Notations } from '../core/knowledge/types';
import type { NotationsInput } from './schemas';

const EMPTY_NOTATIONS: Notations = {
  cloudformation: [],
  terraform: [],
  boto3: [],
  sdk: [],
  iam: [],
  endpoint: [],
  principal: [],
  operations: [],
};

export function notations(input: Partial<NotationsInput>): Notations {
  const out: Notations = { ...EMPTY_NOTATIONS };
  for (const key of Object.keys(EMPTY_NOTATIONS) as (keyof Notations)[]) out[key] = [...new Set(input[key] ?? [])];
  return out;
}
