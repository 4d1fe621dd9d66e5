/**
 * The workspace scan: which files count, a tally of services across them (kept per file so that a saved
 * or deleted file updates it), and the loop that scans them without holding the extension host: it gives
 * way whenever it has worked for a slice of time, and measures the longest stretch it held on.
 */

/** Templates and code where AWS is written: CloudFormation/SAM, Terraform, CDK and SDK code, compose, Kubernetes, Dockerfiles. */
export const WORKSPACE_INCLUDE = '**/{*.yaml,*.yml,*.json,*.template,*.tf,*.tfvars,*.hcl,*.py,*.ts,*.tsx,*.js,*.mjs,*.cjs,*.java,*.go,*.cs,Dockerfile,*.dockerfile,Dockerfile.*}';

/** Folders of generated, downloaded or vendored files, skipped whatever the ignore files say. */
export const ALWAYS_EXCLUDED = ['node_modules', 'cdk.out', '.terraform', '.aws-sam', '.serverless', '.git', '.venv', 'venv', '__pycache__', 'dist', 'build', 'out', 'coverage', '.next', 'vendor'];

/** Whether a file is one the workspace scan reads, by its path (the same kinds as WORKSPACE_INCLUDE, outside skipped folders). */
export function isScannable(path: string): boolean {
  const parts = path.split(/[\\/]/);
  const name = parts.pop() ?? '';
  if (parts.some((p) => ALWAYS_EXCLUDED.includes(p))) return false;
  return /\.(ya?ml|json|template|tf|tfvars|hcl|py|tsx?|[cm]?js|java|go|cs|dockerfile)$/i.test(name) || /^dockerfile(\..*)?$/i.test(name);
}

/** The language a scan reads a file as, from its name (the workspace scan has no editor to ask). */
export function languageOfFile(path: string): string {
  const name = path.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (name === 'dockerfile' || name.startsWith('dockerfile.') || name.endsWith('.dockerfile')) return 'dockerfile';
  if (/^(docker-)?compose.*\.ya?ml$/.test(name)) return 'dockercompose';
  const ext = name.slice(name.lastIndexOf('.'));
  const byExt: Record<string, string> = { '.yaml': 'yaml', '.yml': 'yaml', '.template': 'yaml', '.json': 'json', '.py': 'python', '.ts': 'typescript', '.tsx': 'typescript', '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.md': 'markdown', '.java': 'java', '.go': 'go', '.cs': 'csharp' };
  return byExt[ext] ?? 'plaintext';
}

/** Ignore-file entries that name a folder or file outright (`node_modules/`, `/build`, `*.log`) as globs. */
export function gitignoreGlobs(text: string): string[] {
  const globs: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const name = line.replace(/^\//, '').replace(/\/$/, '');
    if (!name || name.includes('/')) continue;
    globs.push(`**/${name}`, `**/${name}/**`);
  }
  return globs;
}

export interface ServiceCount {
  entryId: string;
  count: number;
}

/** Services per file, and their sum. */
export class WorkspaceTally {
  private readonly byFile = new Map<string, readonly ServiceCount[]>();

  set(file: string, counts: readonly ServiceCount[]): void {
    if (counts.length) this.byFile.set(file, counts);
    else this.byFile.delete(file);
  }

  remove(file: string): void {
    this.byFile.delete(file);
  }

  get files(): number {
    return this.byFile.size;
  }

  /** Each service with its mentions and the number of files that mention it, most used first. */
  services(): { entryId: string; count: number; files: number }[] {
    const totals = new Map<string, { count: number; files: number }>();
    for (const counts of this.byFile.values()) {
      for (const c of counts) {
        const t = totals.get(c.entryId) ?? { count: 0, files: 0 };
        t.count += c.count;
        t.files++;
        totals.set(c.entryId, t);
      }
    }
    return [...totals].map(([entryId, t]) => ({ entryId, ...t })).sort((a, b) => b.count - a.count || b.files - a.files);
  }
}

export type ReadResult = { text: string } | { skipped: 'tooLarge' | 'binary' | 'unreadable' };

/** How many files are read ahead of the scan at once. */
const READ_AHEAD = 8;

const countSkipped = (r: ScanLoopResult) => r.skipped.tooLarge + r.skipped.binary + r.skipped.unreadable;

export interface ScanLoopOptions {
  /** At most this many files; the rest are counted as over the cap. */
  maxFiles: number;
  /** Give way to the host after working this long without a pause. */
  sliceMs: number;
  now(): number;
  /** Lets the host run other work (a timer tick in VS Code). */
  pause(): Promise<void>;
  cancelled(): boolean;
  progress?(scanned: number, total: number): void;
}

export interface ScanLoopResult {
  scanned: number;
  skipped: { tooLarge: number; binary: number; unreadable: number; overCap: number };
  cancelled: boolean;
  /** The longest stretch the loop ran without giving way, in ms. */
  longestBlockMs: number;
  wallMs: number;
}

/** Reads and scans `files` one by one, giving way every `sliceMs`, until done or cancelled. */
export async function scanFiles(files: readonly string[], read: (file: string) => Promise<ReadResult>, scan: (file: string, text: string) => void, o: ScanLoopOptions): Promise<ScanLoopResult> {
  const started = o.now();
  const result: ScanLoopResult = { scanned: 0, skipped: { tooLarge: 0, binary: 0, unreadable: 0, overCap: Math.max(0, files.length - o.maxFiles) }, cancelled: false, longestBlockMs: 0, wallMs: 0 };
  const list = files.slice(0, o.maxFiles);
  // Reads run a few at a time ahead of the scan; the scan itself is synchronous. A block is the work
  // between two awaits (an await on a read or a pause lets the host run its other work).
  let running = o.now();
  const giveWay = async <T>(p: Promise<T>): Promise<T> => {
    result.longestBlockMs = Math.max(result.longestBlockMs, o.now() - running);
    const value = await p;
    running = o.now();
    return value;
  };
  const ahead: Promise<ReadResult>[] = [];
  let next = 0;
  const fill = () => {
    while (ahead.length < READ_AHEAD && next < list.length) ahead.push(read(list[next++]).catch((): ReadResult => ({ skipped: 'unreadable' })));
  };
  let sliceStart = running;
  while (next < list.length || ahead.length) {
    if (o.cancelled()) {
      result.cancelled = true;
      break;
    }
    fill();
    const file = list[result.scanned + countSkipped(result)];
    const read_ = await giveWay(ahead.shift() as Promise<ReadResult>);
    if ('skipped' in read_) result.skipped[read_.skipped]++;
    else {
      scan(file, read_.text);
      result.scanned++;
    }
    o.progress?.(result.scanned, list.length);
    if (o.now() - sliceStart >= o.sliceMs) {
      await giveWay(o.pause());
      sliceStart = o.now();
    }
  }
  result.longestBlockMs = Math.max(result.longestBlockMs, o.now() - running);
  result.wallMs = o.now() - started;
  return result;
}
