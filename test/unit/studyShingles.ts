/**
 * The copy check's view of a text: every run of eight words, lower-cased, links reduced to their text.
 * The study notes the project started from are kept only as hashes of these runs
 * (test/fixtures/reference/study-notes.shingles, written by scripts/vendorReference.ts), so the check runs
 * anywhere without a copy of their prose.
 */
import { createHash } from 'node:crypto';

export const SHINGLE_WORDS = 8;

export function words(text: string): string[] {
  return text.toLowerCase().replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').match(/[a-z0-9']+/g) ?? [];
}

export function shingles(text: string): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) out.push(w.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

/** 64 bits of SHA-256: collisions among a few thousand shingles are out of reach. */
export function shingleHash(shingle: string): string {
  return createHash('sha256').update(shingle).digest('hex').slice(0, 16);
}
