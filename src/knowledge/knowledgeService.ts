/**
 * Loads dist/knowledge.json once, off the activation path: `activate` starts the read, and the first
 * hover or command that needs the knowledge base waits for it.
 */
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { KnowledgeBase } from '../core/knowledge/knowledgeBase';
import type { KnowledgeSearch } from '../core/search/search';
import { heavy } from '../lazy';

export class KnowledgeService {
  private loading?: Promise<KnowledgeBase>;
  private loaded?: KnowledgeBase;
  private searchIndex?: KnowledgeSearch;

  constructor(private readonly file: vscode.Uri) {}

  /** The knowledge base if it has finished loading, for hot paths that must not wait. */
  get current(): KnowledgeBase | undefined {
    return this.loaded;
  }

  load(): Promise<KnowledgeBase> {
    this.loading ??= readFile(this.file.fsPath, 'utf8').then(
      (text) => (this.loaded = KnowledgeBase.fromJson(text)),
      (e: Error) => {
        throw new Error(`Cloud Coach could not read its knowledge base (${this.file.fsPath}): ${e.message}`);
      },
    );
    return this.loading;
  }

  async search(): Promise<KnowledgeSearch> {
    const kb = await this.load();
    return (this.searchIndex ??= new (heavy().KnowledgeSearch)(kb));
  }
}
