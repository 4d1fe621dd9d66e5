/**
 * The Fuse.js keys and options, shared by the build (which prebuilds the index with `Fuse.createIndex`)
 * and the run time (which loads it with `Fuse.parseIndex`): both sides must agree on them.
 */
import type { IFuseOptions } from 'fuse.js';
import type { SearchDoc } from '../knowledge/types';

export const SEARCH_KEYS = [
  { name: 'name', weight: 4 },
  { name: 'keys', weight: 3 },
  { name: 'summary', weight: 1 },
  { name: 'category', weight: 0.5 },
  { name: 'text', weight: 0.5 },
] as const;

export const SEARCH_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: SEARCH_KEYS.map((k) => ({ ...k })),
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 2,
};
