/**
 * Compiles content/ into dist/knowledge.json.gz and dist/knowledge-study.json.gz, or with --check only validates it.
 *   tsx scripts/content.ts [--check] [--only id1,id2] [--out dist/knowledge.json.gz]
 * Exits non-zero with `file:line: message` lines when the content has problems.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { compileContent, type ContentFile } from '../src/compiler/compile';
import { referenceCoverage } from '../src/compiler/coverage';
import { formatProblem } from '../src/compiler/yamlSource';
import { gzipSync } from 'node:zlib';
import { CORE_FILE, splitKnowledge, STUDY_FILE } from '../src/core/knowledge/split';

const root = join(__dirname, '..');

export function readContent(dir = join(root, 'content')): ContentFile[] {
  const files: ContentFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(md|ya?ml|txt)$/.test(name) && name !== 'README.md') {
        files.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(dir);
  return files;
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const onlyArg = argv[argv.indexOf('--only') + 1];
  const only = argv.includes('--only') && onlyArg ? new Set(onlyArg.split(',').map((s) => s.trim())) : undefined;
  const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : join(root, 'dist', CORE_FILE);

  const files = readContent();
  // CONTENT_ASSUME_IDS names a file whose lines start with ids that are being written elsewhere.
  const assumeFile = process.env.CONTENT_ASSUME_IDS;
  const assumeIds = assumeFile
    ? new Set(readFileSync(assumeFile, 'utf8').split('\n').map((l) => l.split('|')[0].trim()).filter((l) => l && !l.startsWith('#')))
    : undefined;
  const result = compileContent(files, { assumeIds });
  let problems = result.problems;
  if (only) problems = problems.filter((p) => [...only].some((id) => p.file.endsWith(`/${id}.md`) || p.file.includes(id)));
  if (problems.length) {
    for (const p of problems) console.error(formatProblem(p));
    console.error(`\n${problems.length} content problem(s)${only ? ' in the selected files' : ''}.`);
    if (!only || !result.knowledge) return 1;
  }
  if (!result.knowledge) {
    if (only) console.log('No problems in the selected files (other files have problems).');
    return only ? 0 : 1;
  }
  const k = result.knowledge;
  const c = k.counts;
  console.log(
    `content: ${c.notes} full notes, ${c.catalog} catalogue entries, ${c.resourceTypes} resource types, ` +
      `${c.ports} ports and ${c.portRanges} port ranges, ${c.questions} questions, ${c.comparisons} comparisons`,
  );
  const referencePath = join(root, '..', 'shared', 'reference', 'aws-services.txt');
  if (existsSync(referencePath)) {
    const coverage = referenceCoverage(k, readFileSync(referencePath, 'utf8'));
    console.log(
      `coverage of the AWS reference: ${coverage.services.covered}/${coverage.services.total} service APIs, ` +
        `${coverage.namespaces.covered}/${coverage.namespaces.total} CloudFormation namespaces`,
    );
    for (const id of coverage.services.missing) console.warn(`  no entry for boto3 client "${id}"`);
    for (const ns of coverage.namespaces.missing) console.warn(`  no entry for CloudFormation namespace "${ns}"`);
  }
  if (!check) {
    mkdirSync(dirname(out), { recursive: true });
    const { core, study } = splitKnowledge(k);
    const written = [
      [join(dirname(out), CORE_FILE), core, 'what hovers read'],
      [join(dirname(out), STUDY_FILE), study, 'the rest'],
    ] as const;
    for (const [file, data] of written) writeFileSync(file, gzipSync(JSON.stringify(data), { level: 9 }));
    const size = (f: string) => `${(statSync(f).size / 1024).toFixed(0)} KB`;
    console.log(`wrote ${written.map(([f, , what]) => `${relative(process.cwd(), f)} (${size(f)}, ${what})`).join(' and ')}`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
