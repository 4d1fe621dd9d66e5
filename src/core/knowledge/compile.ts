/**
 * Compiles the files of `content/` into the knowledge base the extension loads, and validates them.
 * Pure: the caller reads the files and passes them in. Every problem is reported as `file:line: message`.
 */
import Fuse from 'fuse.js';
import { SEARCH_OPTIONS } from '../search/searchConfig';
import {
  catalogRowSchema,
  comparisonRowSchema,
  noteFrontMatterSchema,
  portRowSchema,
  questionRowSchema,
  resourceRowSchema,
  type NotationsInput,
  type NoteFrontMatter,
} from './schemas';
import { markdownToPlainText } from '../plainText';
import { externalLinks, noteLinks, parseNoteFile, sentenceCount, topLevelBullets, type NoteFile } from './noteFile';
import {
  KNOWLEDGE_FORMAT,
  type CompiledKnowledge,
  type Comparison,
  type Domain,
  type Entry,
  type Notations,
  type PortEntry,
  type PortRange,
  type Question,
  type ResourceType,
  type SearchDoc,
} from './types';
import { YamlSource, type ContentProblem } from './yamlSource';
import { buildLookupTables } from './lookupTables';
import { normalizeName } from './normalize';

export interface ContentFile {
  /** Relative to the project, with forward slashes: `content/notes/ebs.md`. */
  path: string;
  text: string;
}

export interface CompileResult {
  knowledge?: CompiledKnowledge;
  problems: ContentProblem[];
}

export const SUMMARY_MAX = 240;
export const CFN_TYPES_FILE = 'content/cloudformation-types.txt';

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

interface Located<T> {
  value: T;
  file: string;
  line: number;
}

export interface CompileOptions {
  /** Ids to treat as existing although no file defines them yet (for checking part of the content). */
  assumeIds?: ReadonlySet<string>;
}

export function compileContent(files: readonly ContentFile[], options: CompileOptions = {}): CompileResult {
  const problems: ContentProblem[] = [];
  const entries: Located<Entry>[] = [];
  /** Where each cross-reference was written, checked once every id is known. */
  const references: { id: string; file: string; line: number; what: string; allowCatalog: boolean }[] = [];

  const byPath = (prefix: string) => files.filter((f) => f.path.startsWith(prefix)).sort((a, b) => a.path.localeCompare(b.path));

  // Notes.
  for (const file of byPath('content/notes/')) {
    if (!file.path.endsWith('.md')) {
      problems.push({ file: file.path, line: 1, message: 'only Markdown (.md) notes belong in content/notes/' });
      continue;
    }
    const parsed = parseNoteFile(file.path, file.text);
    problems.push(...parsed.problems);
    if (!parsed.note) continue;
    const entry = noteEntry(file.path, parsed.note, problems, references);
    if (entry) entries.push(entry);
  }

  // Catalogue.
  for (const file of byPath('content/catalog/')) {
    for (const { value, source, line, index } of yamlItems(file, problems)) {
      const row = catalogRowSchema.safeParse(value);
      if (!row.success) {
        problems.push(...source.zodProblems(row.error, [index]));
        continue;
      }
      const r = row.data;
      if (r.summary.length > SUMMARY_MAX) problems.push({ file: file.path, line, message: `\`summary\` is longer than ${SUMMARY_MAX} characters` });
      if (r.partOf) references.push({ id: r.partOf, file: file.path, line, what: '`partOf`', allowCatalog: false });
      entries.push({
        file: file.path,
        line,
        value: {
          id: r.id,
          kind: 'catalog',
          name: r.name,
          short: r.short,
          aliases: r.aliases,
          category: r.category,
          domains: [],
          summary: r.summary,
          needsPrefix: r.needsPrefix,
          status: r.status,
          notations: notations(r),
          related: r.partOf ? [r.partOf] : [],
          confused: [],
          docs: r.docs,
          partOf: r.partOf,
          keyFacts: [],
          examTips: [],
          body: '',
          source: file.path,
        },
      });
    }
  }

  // Entry ids, names and notations must each belong to one entry.
  const entryById = new Map<string, Located<Entry>>();
  for (const e of entries) {
    const previous = entryById.get(e.value.id);
    if (previous) problems.push({ file: e.file, line: e.line, message: `duplicate id "${e.value.id}" (also ${previous.file}:${previous.line})` });
    else entryById.set(e.value.id, e);
  }
  problems.push(...ownershipProblems(entries));

  // Resource types.
  const resources: ResourceType[] = [];
  const resourceTypes = new Map<string, string>();
  const terraformTypes = new Map<string, string>();
  const cfnTypeList = (files.find((f) => f.path === CFN_TYPES_FILE)?.text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const knownCfnTypes = new Set(cfnTypeList);
  const resourceFile = files.find((f) => f.path === 'content/resources.yaml');
  if (resourceFile) {
    for (const { value, source, line, index } of yamlItems(resourceFile, problems)) {
      const row = resourceRowSchema.safeParse(value);
      if (!row.success) {
        problems.push(...source.zodProblems(row.error, [index]));
        continue;
      }
      const r = row.data;
      const type = 'type' in r ? r.type : r.parameterType;
      const at = `${resourceFile.path}:${line}`;
      if ('type' in r && knownCfnTypes.size && !knownCfnTypes.has(type) && !type.startsWith('AWS::Serverless::'))
        problems.push({ file: resourceFile.path, line, message: `${type} is not a CloudFormation resource type (see ${CFN_TYPES_FILE})` });
      if (resourceTypes.has(type)) problems.push({ file: resourceFile.path, line, message: `duplicate resource type ${type} (also ${resourceTypes.get(type)})` });
      resourceTypes.set(type, at);
      for (const tf of r.terraform) {
        if (terraformTypes.has(tf)) problems.push({ file: resourceFile.path, line, message: `duplicate Terraform type ${tf} (also ${terraformTypes.get(tf)})` });
        terraformTypes.set(tf, at);
      }
      references.push({ id: r.entry, file: resourceFile.path, line, what: '`entry`', allowCatalog: true });
      resources.push({ type, isParameterType: !('type' in r), terraform: r.terraform, name: r.name, summary: r.summary, entry: r.entry });
    }
  }

  // Ports.
  const ports: PortEntry[] = [];
  const portRanges: PortRange[] = [];
  const portFile = files.find((f) => f.path === 'content/ports.yaml');
  if (portFile) {
    const seen = new Map<number, number>();
    for (const { value, source, line, index } of yamlItems(portFile, problems)) {
      const row = portRowSchema.safeParse(value);
      if (!row.success) {
        problems.push(...source.zodProblems(row.error, [index]));
        continue;
      }
      const r = row.data;
      if ('range' in r) {
        const [from, to] = r.range;
        if (from > to) problems.push({ file: portFile.path, line, message: `\`range\` starts after it ends (${from} > ${to})` });
        portRanges.push({ from, to, name: r.name, use: r.use, docs: r.docs });
        continue;
      }
      if (seen.has(r.port)) problems.push({ file: portFile.path, line, message: `duplicate port ${r.port} (also line ${seen.get(r.port)})` });
      seen.set(r.port, line);
      if (r.risk && !r.security) problems.push({ file: portFile.path, line, message: '`security` is required when `risk` is set' });
      for (const id of r.aws) references.push({ id, file: portFile.path, line, what: '`aws`', allowCatalog: true });
      ports.push({ ...r, transport: [...new Set(r.transport)] });
    }
    ports.sort((a, b) => a.port - b.port);
    portRanges.sort((a, b) => a.from - b.from || a.to - b.to);
  }

  // Questions.
  const questions: Question[] = [];
  const questionIds = new Map<string, string>();
  for (const file of byPath('content/questions/')) {
    for (const { value, source, line, index } of yamlItems(file, problems)) {
      const row = questionRowSchema.safeParse(value);
      if (!row.success) {
        problems.push(...source.zodProblems(row.error, [index]));
        continue;
      }
      const q = row.data;
      const at = (path: (string | number)[]) => source.lineOfPath([index, ...path]);
      if (questionIds.has(q.id)) problems.push({ file: file.path, line, message: `duplicate question id "${q.id}" (also ${questionIds.get(q.id)})` });
      questionIds.set(q.id, `${file.path}:${line}`);
      problems.push(...questionProblems(q, file.path, at));
      q.topics.forEach((id, i) => references.push({ id, file: file.path, line: at(['topics', i]), what: '`topics`', allowCatalog: true }));
      questions.push({ ...q, domain: q.domain as Domain, source: `${file.path}:${line}` });
    }
  }

  // Comparisons.
  const comparisons: Comparison[] = [];
  const comparisonFile = files.find((f) => f.path === 'content/comparisons.yaml');
  if (comparisonFile) {
    const ids = new Set<string>();
    for (const { value, source, line, index } of yamlItems(comparisonFile, problems)) {
      const row = comparisonRowSchema.safeParse(value);
      if (!row.success) {
        problems.push(...source.zodProblems(row.error, [index]));
        continue;
      }
      const c = row.data;
      if (ids.has(c.id)) problems.push({ file: comparisonFile.path, line, message: `duplicate comparison id "${c.id}"` });
      ids.add(c.id);
      c.rows.forEach((r, i) => {
        if (r.values.length !== c.columns.length)
          problems.push({ file: comparisonFile.path, line: source.lineOfPath([index, 'rows', i]), message: `row "${r.label}" has ${r.values.length} values for ${c.columns.length} columns` });
      });
      c.columns.forEach((col, i) => {
        if (col.entry) references.push({ id: col.entry, file: comparisonFile.path, line: source.lineOfPath([index, 'columns', i]), what: '`entry`', allowCatalog: true });
      });
      comparisons.push(c);
    }
  }

  // Cross-references.
  for (const ref of references) {
    const target = entryById.get(ref.id);
    if (!target && options.assumeIds?.has(ref.id)) continue;
    if (!target) problems.push({ file: ref.file, line: ref.line, message: `${ref.what} refers to unknown id "${ref.id}"` });
    else if (!ref.allowCatalog && target.value.kind === 'catalog')
      problems.push({ file: ref.file, line: ref.line, message: `${ref.what} must refer to a note, but "${ref.id}" is a catalogue entry` });
  }

  if (problems.length) return { problems: sortProblems(problems) };

  const entryValues = entries.map((e) => e.value);
  const docs = searchDocs(entryValues, resources, ports);
  const index = Fuse.createIndex(SEARCH_OPTIONS.keys ?? [], docs).toJSON();
  const notes = entryValues.filter((e) => e.kind !== 'catalog').length;
  return {
    problems: [],
    knowledge: {
      format: KNOWLEDGE_FORMAT,
      entries: entryValues,
      resources,
      ports,
      portRanges,
      questions,
      comparisons,
      lookup: buildLookupTables(entryValues, resources, cfnTypeList),
      search: { docs, index },
      counts: {
        notes,
        catalog: entryValues.length - notes,
        resourceTypes: resources.length,
        ports: ports.length,
        portRanges: portRanges.length,
        questions: questions.length,
        comparisons: comparisons.length,
      },
    },
  };
}

function noteEntry(
  file: string,
  note: NoteFile,
  problems: ContentProblem[],
  references: { id: string; file: string; line: number; what: string; allowCatalog: boolean }[],
): Located<Entry> | undefined {
  const fm = note.frontMatter;
  if (fm.doc.errors.length) return undefined;
  const parsed = noteFrontMatterSchema.safeParse(fm.doc.toJSON() ?? {});
  if (!parsed.success) {
    problems.push(...fm.zodProblems(parsed.error));
    return undefined;
  }
  const f: NoteFrontMatter = parsed.data;
  const problem = (line: number, message: string) => problems.push({ file, line, message });
  const fileId = file.replace(/^.*\//, '').replace(/\.md$/, '');
  if (f.id !== fileId) problem(fm.lineOfPath(['id']), `\`id\` "${f.id}" must match the file name "${fileId}.md"`);

  if (note.summary) {
    if (note.summary.length > SUMMARY_MAX) problem(note.summaryLine, `the summary is ${note.summary.length} characters; keep it to ${SUMMARY_MAX}`);
    const sentences = sentenceCount(note.summary);
    if (sentences !== 1) problem(note.summaryLine, `the summary must be one sentence (found ${sentences})`);
  }

  const section = (heading: string) => note.sections.find((s) => s.heading === heading);
  const required = ['What it is for', 'Key facts', 'Exam tips', ...(f.kind === 'service' ? ['Pricing'] : [])];
  if (f.confused.length) required.push('Compared with');
  for (const heading of required) if (!section(heading)) problem(note.summaryLine, `the section "## ${heading}" is missing`);

  const compared = section('Compared with');
  if (compared) {
    const linked = new Set(noteLinks(compared.markdown).map((l) => l.id));
    for (const [i, id] of f.confused.entries())
      if (!linked.has(id)) problem(fm.lineOfPath(['confused', i]), `"Compared with" has no [..](note:${id}) link for confused entry "${id}"`);
  }

  for (const s of [{ markdown: note.summary, line: note.summaryLine - 1 }, ...note.sections.map((x) => ({ markdown: x.markdown, line: x.line }))]) {
    for (const link of noteLinks(s.markdown))
      references.push({ id: link.id, file, line: s.line + 1 + link.lineOffset, what: 'link', allowCatalog: true });
    for (const link of externalLinks(s.markdown))
      if (!isHttpsUrl(link.url)) problem(s.line + 1 + link.lineOffset, `link target "${link.url}" is not an https URL or a note: link`);
  }

  if (f.partOf) references.push({ id: f.partOf, file, line: fm.lineOfPath(['partOf']), what: '`partOf`', allowCatalog: false });
  f.related.forEach((id, i) => references.push({ id, file, line: fm.lineOfPath(['related', i]), what: '`related`', allowCatalog: true }));
  f.confused.forEach((id, i) => references.push({ id, file, line: fm.lineOfPath(['confused', i]), what: '`confused`', allowCatalog: true }));
  for (const [field, ids] of [['related', f.related], ['confused', f.confused]] as const)
    if (ids.includes(f.id)) problem(fm.lineOfPath([field]), `\`${field}\` lists the note itself`);

  const keyFacts = topLevelBullets(section('Key facts')?.markdown ?? '');
  const examTips = topLevelBullets(section('Exam tips')?.markdown ?? '');
  const keyFactsSection = section('Key facts');
  if (keyFactsSection && !keyFacts.length) problem(keyFactsSection.line, '"Key facts" must be a bulleted list');

  return {
    file,
    line: 1,
    value: {
      id: f.id,
      kind: f.kind,
      name: f.name,
      short: f.short,
      aliases: f.aliases,
      category: f.category,
      domains: [...new Set(f.domains)].sort() as Domain[],
      summary: note.summary,
      needsPrefix: f.needsPrefix,
      status: f.status,
      notations: notations(f.notations ?? {}),
      related: f.related,
      confused: f.confused,
      docs: f.docs,
      partOf: f.partOf,
      keyFacts,
      examTips,
      body: note.body,
      source: file,
    },
  };
}

function notations(input: Partial<NotationsInput>): Notations {
  const out: Notations = { ...EMPTY_NOTATIONS };
  for (const key of Object.keys(EMPTY_NOTATIONS) as (keyof Notations)[]) out[key] = [...new Set(input[key] ?? [])];
  return out;
}

function isHttpsUrl(s: string): boolean {
  try {
    return new URL(s).protocol === 'https:';
  } catch {
    return false;
  }
}

function* yamlItems(file: ContentFile, problems: ContentProblem[]) {
  const source = new YamlSource(file.path, file.text.replace(/\r\n?/g, '\n'));
  const syntax = source.syntaxProblems();
  problems.push(...syntax);
  if (syntax.length) return;
  if (!source.isSequence()) {
    problems.push({ file: file.path, line: 1, message: 'must be a YAML list (each item starting with `- `)' });
    return;
  }
  for (const item of source.items()) yield { ...item, source };
}

/** Names and notations that two entries claim. Names compare without case and punctuation. */
function ownershipProblems(entries: Located<Entry>[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const owners = new Map<string, Located<Entry>>();
  const claim = (key: string, label: string, e: Located<Entry>) => {
    const owner = owners.get(key);
    if (!owner) owners.set(key, e);
    else if (owner.value.id !== e.value.id)
      problems.push({ file: e.file, line: e.line, message: `${label} is already claimed by "${owner.value.id}" (${owner.file}:${owner.line})` });
  };
  for (const e of entries) {
    const names = new Set([e.value.name, e.value.short, ...e.value.aliases].filter((n): n is string => !!n).map(normalizeName));
    for (const n of names) claim(`name:${n}`, `the name or alias "${n}"`, e);
    for (const [kind, values] of Object.entries(e.value.notations) as [keyof Notations, string[]][]) {
      for (const v of values) claim(`${kind}:${kind === 'cloudformation' ? v.toLowerCase() : v}`, `${kind} "${v}"`, e);
    }
  }
  return problems;
}


function questionProblems(q: { type: string; question: string; options: { text: string; correct: boolean }[] }, file: string, at: (path: (string | number)[]) => number): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const problem = (path: (string | number)[], message: string) => problems.push({ file, line: at(path), message });
  const correct = q.options.filter((o) => o.correct).length;
  if (q.type === 'single') {
    if (q.options.length !== 4) problem(['options'], `a single-answer question has exactly 4 options (found ${q.options.length})`);
    if (correct !== 1) problem(['options'], `a single-answer question has exactly 1 correct option (found ${correct})`);
  } else {
    if (q.options.length < 5) problem(['options'], `a multiple-response question has 5 or more options (found ${q.options.length})`);
    if (correct < 2) problem(['options'], `a multiple-response question has 2 or more correct options (found ${correct})`);
    const words = ['zero', 'one', 'two', 'three', 'four', 'five'];
    const choose = /\(Choose (\w+)\.\)\s*$/.exec(q.question);
    if (!choose) problem(['question'], `a multiple-response question ends with "(Choose ${words[correct] ?? correct}.)"`);
    else if (choose[1] !== words[correct]) problem(['question'], `says "(Choose ${choose[1]}.)" but ${correct} options are correct`);
  }
  const seen = new Map<string, number>();
  q.options.forEach((o, i) => {
    const key = normalizeName(o.text);
    if (seen.has(key)) problem(['options', i, 'text'], `duplicate option (same as option ${(seen.get(key) ?? 0) + 1})`);
    seen.set(key, i);
  });
  return problems;
}

function searchDocs(entries: Entry[], resources: ResourceType[], ports: PortEntry[]): SearchDoc[] {
  const docs: SearchDoc[] = entries.map((e) => {
    const n = e.notations;
    const keys = [
      e.short,
      ...e.aliases,
      ...n.cloudformation.map((ns) => `AWS::${ns}`),
      ...n.terraform,
      ...n.boto3,
      ...n.sdk,
      ...n.iam,
      ...n.principal,
    ].filter(Boolean);
    return {
      ref: `entry:${e.id}`,
      name: e.name,
      keys: [...new Set(keys)].join(' '),
      summary: markdownToPlainText(e.summary),
      category: e.category,
      text: markdownToPlainText([...e.keyFacts.slice(0, 3), ...e.examTips.slice(0, 1)].join(' ')).slice(0, 320),
    };
  });
  const entryById = new Map(entries.map((e) => [e.id, e]));
  for (const r of resources) {
    docs.push({
      ref: `resource:${r.type}`,
      name: r.type,
      keys: [r.name, ...r.terraform].join(' '),
      summary: r.summary,
      category: entryById.get(r.entry)?.category ?? '',
      text: '',
    });
  }
  for (const p of ports) {
    docs.push({
      ref: `port:${p.port}`,
      name: `${p.port} ${p.protocol}`,
      keys: `${p.port} ${p.name}`,
      summary: p.use,
      category: 'Ports',
      text: '',
    });
  }
  return docs;
}

function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.file}:${p.line}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
