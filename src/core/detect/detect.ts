/**
 * The one entry point of hover detection: what, if anything, the cursor is on. Looks at a window of the
 * cursor's line and a few clipped neighbours, never the whole document, so a 1 MB minified line costs
 * the same as a short one.
 */
import type { LookupTables } from '../knowledge/lookupTables';
import type { Detection } from './detection';
import { detectPort } from './ports';
import { isProseAt } from './prose';
import { detectService } from './services';

export interface DetectOptions {
  services: boolean;
  ports: boolean;
  plainNames: boolean;
}

export interface LineSource {
  /** The cursor's line. */
  text: string;
  /** Cursor position on the line (UTF-16 offset, as VS Code gives it). */
  character: number;
  languageId: string;
  /** File name or path, for `.tf` files that VS Code calls plain text. */
  fileName: string;
  /** Line at `delta` from the cursor's line, or undefined past the document's edge. */
  lineAt(delta: number): string | undefined;
  /** The document's first lines (its imports), read only when a detector needs them. */
  header?(): readonly string[];
}

/** How many lines from the top of a document may hold its imports. */
export const HEADER_LINES = 80;

/** Characters kept on each side of the cursor; tokens are far shorter. */
export const WINDOW = 400;
/** Neighbour lines are clipped to this many characters. */
const NEIGHBOUR_CLIP = 400;
/** How many lines above and below a rule or import can be. */
export const NEIGHBOURS = 8;

export function detect(t: LookupTables, source: LineSource, options: DetectOptions): Detection | undefined {
  const start = Math.max(0, source.character - WINDOW);
  const text = source.text.length > 2 * WINDOW ? source.text.slice(start, source.character + WINDOW) : source.text;
  const offset = text === source.text ? 0 : start;
  const character = source.character - offset;
  const lineAt = (delta: number) => (delta === 0 ? text : source.lineAt(delta)?.slice(0, NEIGHBOUR_CLIP));

  const shift = <T extends Detection>(d: T | undefined): T | undefined => (d && offset ? { ...d, span: [d.span[0] + offset, d.span[1] + offset] } : d);

  if (options.services) {
    const neighbours: string[] = [];
    for (let d = 1; d <= 5; d++) {
      const above = lineAt(-d);
      const below = lineAt(d);
      if (above !== undefined) neighbours.push(above);
      if (below !== undefined) neighbours.push(below);
    }
    const found = detectService(t, {
      text,
      character,
      neighbours: () => neighbours,
      header: source.header && (() => source.header!().map((l) => l.slice(0, NEIGHBOUR_CLIP))),
      prose: options.plainNames && isProseAt(text, character, source.languageId, lineAt),
      terraformFile: /\.(tf|tfvars|hcl)$/.test(source.fileName) || source.languageId === 'terraform',
    });
    if (found) return shift(found);
  }
  if (options.ports) return shift(detectPort({ text, character, lineAt, reach: NEIGHBOURS, rules: t.securityGroupRules }));
  return undefined;
}
