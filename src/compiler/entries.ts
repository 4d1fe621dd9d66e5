/** Checks across all entries: unique ids, names and notations owned by one entry, and every id referred to. */
import { normalizeName } from '../core/knowledge/normalize';
import type { Entry, Notations } from '../core/knowledge/types';
import type { CompileContext, Located } from './context';

/** Entries by id; a second entry with a taken id is a problem. */
export function indexEntries(ctx: CompileContext, entries: readonly Located<Entry>[]): Map<string, Located<Entry>> {
  const byId = new Map<string, Located<Entry>>();
  for (const e of entries) {
    const previous = byId.get(e.value.id);
    if (previous) ctx.problem(e.file, e.line, `duplicate id "${e.value.id}" (also ${previous.file}:${previous.line})`);
    else byId.set(e.value.id, e);
  }
  checkOwnership(ctx, entries);
  return byId;
}

/** Names and notations that two entries claim. Names compare without case and punctuation. */
function checkOwnership(ctx: CompileContext, entries: readonly Located<Entry>[]): void {
  const owners = new Map<string, Located<Entry>>();
  const claim = (key: string, label: string, e: Located<Entry>) => {
    const owner = owners.get(key);
    if (!owner) owners.set(key, e);
    else if (owner.value.id !== e.value.id) ctx.problem(e.file, e.line, `${label} is already claimed by "${owner.value.id}" (${owner.file}:${owner.line})`);
  };
  for (const e of entries) {
    const names = new Set([e.value.name, e.value.short, ...e.value.aliases].filter((n): n is string => !!n).map(normalizeName));
    for (const n of names) claim(`name:${n}`, `the name or alias "${n}"`, e);
    for (const [kind, values] of Object.entries(e.value.notations) as [keyof Notations, string[]][]) {
      for (const v of values) claim(`${kind}:${kind === 'cloudformation' ? v.toLowerCase() : v}`, `${kind} "${v}"`, e);
    }
  }
}

export function checkReferences(ctx: CompileContext, byId: ReadonlyMap<string, Located<Entry>>): void {
  for (const ref of ctx.references) {
    const target = byId.get(ref.id);
    if (!target && ctx.options.assumeIds?.has(ref.id)) continue;
    if (!target) ctx.problem(ref.file, ref.line, `${ref.what} refers to unknown id "${ref.id}"`);
    else if (!ref.allowCatalog && target.value.kind === 'catalog') ctx.problem(ref.file, ref.line, `${ref.what} must refer to a note, but "${ref.id}" is a catalogue entry`);
  }
}
