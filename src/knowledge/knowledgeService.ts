/**
 * Loads dist/knowledge.json once, off the activation path: `activate` starts the read, and the first
 * hover or command that needs the knowledge base waits for it. Also the one owner of the study engines
 * and the search index built on the knowledge base.
 */
import type * as vscode from 'vscode';
import { KnowledgeBase } from '../core/knowledge/knowledgeBase';
import type { KnowledgeSearcher } from '../core/knowledge/types';
import type { Engines, Platform } from '../platform/platform';

export class KnowledgeService {
  private loading?: Promise<KnowledgeBase>;
  private loaded?: KnowledgeBase;
  private searchIndex?: Promise<KnowledgeSearcher>;
  /** How long reading and parsing the knowledge base took, once it has. */
  loadMs?: number;

  constructor(
    private readonly file: vscode.Uri,
    private readonly platform: Platform,
  ) {}

  /** The knowledge base if it has finished loading, for hot paths that must not wait. */
  get current(): KnowledgeBase | undefined {
    return this.loaded;
  }

  load(): Promise<KnowledgeBase> {
    const started = Date.now();
    this.loading ??= this.platform.readExtensionFile(this.file).then(
      (bytes) => {
        this.loaded = KnowledgeBase.fromJson(new TextDecoder().decode(bytes));
        this.loadMs = Date.now() - started;
        return this.loaded;
      },
      (e: Error) => {
        throw new Error(`Cloud Coach could not read its knowledge base (${this.file.toString(true)}): ${e.message}`);
      },
    );
    return this.loading;
  }

  engines(): Promise<Engines> {
    return this.platform.loadEngines();
  }

  search(): Promise<KnowledgeSearcher> {
    this.searchIndex ??= Promise.all([this.load(), this.engines()]).then(([kb, engines]) => new engines.KnowledgeSearch(kb));
    return this.searchIndex;
  }
}
