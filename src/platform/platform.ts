/**
 * What differs between the desktop (Node) extension host and the browser's web worker, behind one small
 * interface. Each build picks its implementation at its entry point (extension.ts, extension.web.ts);
 * everything else is the same code.
 */
import type * as vscode from 'vscode';
import type * as StudyEngines from '../studyEngines';

export type Engines = typeof StudyEngines;

export interface Platform {
  readonly kind: 'node' | 'web';
  /** Reads one of the extension's own files (the knowledge base, a built webview script). */
  readExtensionFile(uri: vscode.Uri): Promise<Uint8Array>;
  /** Unzips a gzipped file of the extension (the knowledge base) to text. */
  gunzip(bytes: Uint8Array): Promise<string>;
  /** The search, cheat-sheet and quiz engines. */
  loadEngines(): Promise<Engines>;
  /** The learner's home folder as a URI string, for `~/` in notes paths; none in a browser. */
  readonly home?: string;
}
