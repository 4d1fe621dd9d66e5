/**
 * Loads the knowledge base off the activation path, in two steps: `activate` starts reading what hovers
 * need (dist/knowledge.json.gz), then the rest (dist/knowledge-study.json.gz) for search, the cheat sheet and
 * quizzes. The first hover waits for the first step only. Also the one owner of the study engines and of
 * the search index built on the knowledge base.
 */
import * as vscode from 'vscode';
import { KnowledgeBase } from '../core/knowledge/knowledgeBase';
import { CORE_FILE, STUDY_FILE } from '../core/knowledge/split';
import type { KnowledgeSearcher } from '../core/knowledge/types';
import type { Engines, Platform } from '../platform/platform';

export class KnowledgeService {
  private coreLoading?: Promise<KnowledgeBase>;
  private fullLoading?: Promise<KnowledgeBase>;
  private core?: KnowledgeBase;
  private full?: KnowledgeBase;
  private searchIndex?: Promise<KnowledgeSearcher>;
  /** How long reading and parsing each part took, once it has. */
  readonly timings: { coreMs?: number; coreReadMs?: number; studyMs?: number } = {};

  constructor(
    /** The folder of the built knowledge files (dist/). */
    private readonly dist: vscode.Uri,
    private readonly platform: Platform,
  ) {}

  /** The knowledge base as far as it has loaded, for hot paths that must not wait; undefined before. */
  get current(): KnowledgeBase | undefined {
    return this.full ?? this.core;
  }

  /** Whether note bodies, questions and search have loaded too. */
  get complete(): KnowledgeBase | undefined {
    return this.full;
  }

  /** What hovers need: entries, resource types, ports and the look-up tables. */
  loadCore(): Promise<KnowledgeBase> {
    this.coreLoading ??= this.read(CORE_FILE).then((text) => {
      const started = Date.now();
      this.core = KnowledgeBase.fromJson(text.text);
      this.timings.coreReadMs = text.ms;
      this.timings.coreMs = text.ms + Date.now() - started;
      return this.core;
    });
    return this.coreLoading;
  }

  /** The whole knowledge base. */
  load(): Promise<KnowledgeBase> {
    this.fullLoading ??= Promise.all([this.loadCore(), this.read(STUDY_FILE)]).then(([core, study]) => {
      const started = Date.now();
      this.full = core.withStudy(study.text);
      this.timings.studyMs = study.ms + Date.now() - started;
      return this.full;
    });
    return this.fullLoading;
  }

  private async read(file: string): Promise<{ text: string; ms: number }> {
    const uri = vscode.Uri.joinPath(this.dist, file);
    const started = Date.now();
    try {
      const text = await this.platform.gunzip(await this.platform.readExtensionFile(uri));
      return { text, ms: Date.now() - started };
    } catch (e) {
      throw new Error(vscode.l10n.t('Cloud Coach could not read its knowledge base ({0}): {1}', uri.toString(true), (e as Error).message), { cause: e });
    }
  }

  engines(): Promise<Engines> {
    return this.platform.loadEngines();
  }

  search(): Promise<KnowledgeSearcher> {
    this.searchIndex ??= Promise.all([this.load(), this.engines()]).then(([kb, engines]) => new engines.KnowledgeSearch(kb));
    return this.searchIndex;
  }
}
