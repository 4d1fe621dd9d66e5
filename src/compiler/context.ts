/** What every part of the content compiler shares: the files, the problems found, and the references to check. */
import type { ContentProblem } from './yamlSource';

export interface ContentFile {
  /** Relative to the project, with forward slashes: `content/notes/ebs.md`. */
  path: string;
  text: string;
}

export interface CompileOptions {
  /** Ids to treat as existing although no file defines them yet (for checking part of the content). */
  assumeIds?: ReadonlySet<string>;
}

/** A value and where it was written. */
export interface Located<T> {
  value: T;
  file: string;
  line: number;
}

/** An id written somewhere, checked once every entry is known. */
export interface Reference {
  id: string;
  file: string;
  line: number;
  /** How the message names the field: "`related`", "link". */
  what: string;
  /** Whether a catalogue entry may be the target, or only a note. */
  allowCatalog: boolean;
}

export class CompileContext {
  readonly problems: ContentProblem[] = [];
  readonly references: Reference[] = [];

  constructor(
    private readonly files: readonly ContentFile[],
    readonly options: CompileOptions = {},
  ) {}

  problem(file: string, line: number, message: string): void {
    this.problems.push({ file, line, message });
  }

  refer(id: string, file: string, line: number, what: string, allowCatalog = true): void {
    this.references.push({ id, file, line, what, allowCatalog });
  }

  /** The files in a folder of content/, in a stable order. */
  filesUnder(prefix: string): ContentFile[] {
    return this.files.filter((f) => f.path.startsWith(prefix)).sort((a, b) => a.path.localeCompare(b.path));
  }

  file(path: string): ContentFile | undefined {
    return this.files.find((f) => f.path === path);
  }
}
