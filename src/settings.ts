/**
 * The one typed accessor for Cloud Coach's settings: read once, re-read on change, so hot paths never
 * query the configuration. Every module reads settings through `Settings`.
 */
import * as vscode from 'vscode';
import type { HoverDetail } from './core/hover/render';
import { DisposableStore } from './dispose';

export interface CloudCoachSettings {
  hover: {
    enabled: boolean;
    services: boolean;
    ports: boolean;
    plainNames: boolean;
    detail: HoverDetail;
  };
  notes: {
    maxFileSizeMB: number;
  };
  review: {
    statusBar: boolean;
  };
  scan: {
    maxFiles: number;
    maxFileSizeKB: number;
  };
  exam: {
    /** `YYYY-MM-DD`, or undefined. */
    date?: string;
  };
  walkthrough: {
    openOnFirstRun: boolean;
  };
}

/** The notes settings of one workspace folder (`resource` scope), or the user's when no folder is open. */
export interface FolderNotesSettings {
  folder?: vscode.WorkspaceFolder;
  paths: string[];
  excludeFromReview: string[];
}

/** Settings that make Cloud Coach read files the workspace chooses; VS Code ignores their workspace values in Restricted Mode. */
export const RESTRICTED_SETTINGS = ['cloudCoach.notes.paths', 'cloudCoach.notes.excludeFromReview'] as const;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];
}

export function readSettings(): CloudCoachSettings {
  const c = vscode.workspace.getConfiguration('cloudCoach');
  return {
    hover: {
      enabled: c.get<boolean>('hover.enabled', true),
      services: c.get<boolean>('hover.services', true),
      ports: c.get<boolean>('hover.ports', true),
      plainNames: c.get<boolean>('hover.plainNames', true),
      detail: c.get<string>('hover.detail') === 'full' ? 'full' : 'compact',
    },
    notes: { maxFileSizeMB: Math.max(0.01, c.get<number>('notes.maxFileSizeMB', 5)) },
    review: { statusBar: c.get<boolean>('review.statusBar', true) },
    scan: {
      maxFiles: Math.min(100_000, Math.max(10, c.get<number>('scan.maxFiles', 5000))),
      maxFileSizeKB: Math.min(10_240, Math.max(16, c.get<number>('scan.maxFileSizeKB', 512))),
    },
    exam: { date: c.get<string>('exam.date')?.trim() || undefined },
    walkthrough: { openOnFirstRun: c.get<boolean>('walkthrough.openOnFirstRun', true) },
  };
}

export class Settings extends DisposableStore {
  private value = readSettings();
  private readonly emitter = this.register(new vscode.EventEmitter<CloudCoachSettings>());
  readonly onDidChange = this.emitter.event;

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('cloudCoach')) return;
        this.value = readSettings();
        this.emitter.fire(this.value);
      }),
    );
  }

  get current(): CloudCoachSettings {
    return this.value;
  }

  /** Per folder, as VS Code applies them (in Restricted Mode, without the workspace's values). */
  notesSettings(): FolderNotesSettings[] {
    const trusted = vscode.workspace.isTrusted;
    const read = (folder?: vscode.WorkspaceFolder): FolderNotesSettings => {
      const c = vscode.workspace.getConfiguration('cloudCoach.notes', folder?.uri);
      // VS Code leaves the workspace's values of restricted settings out in Restricted Mode; say so in code too.
      const value = (key: string) => (trusted ? c.get(key) : c.inspect(key)?.globalValue);
      return { folder, paths: strings(value('paths')), excludeFromReview: strings(value('excludeFromReview')) };
    };
    const folders = vscode.workspace.workspaceFolders ?? [];
    return folders.length ? folders.map(read) : [read()];
  }

  /**
   * The restricted settings the workspace sets, which VS Code ignores until the user trusts it. In
   * Restricted Mode VS Code hides those values from extensions too, so the settings files are read.
   */
  async ignoredUntilTrusted(): Promise<string[]> {
    if (vscode.workspace.isTrusted) return [];
    const files = (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'));
    const workspaceFile = vscode.workspace.workspaceFile;
    if (workspaceFile && workspaceFile.scheme !== 'untitled') files.push(workspaceFile);
    const texts = await Promise.all(files.map((f) => vscode.workspace.fs.readFile(f).then((b) => new TextDecoder().decode(b), () => '')));
    return RESTRICTED_SETTINGS.filter((key) => texts.some((t) => t.includes(`"${key}"`)));
  }
}
