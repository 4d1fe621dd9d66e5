/** The one typed accessor for Cloud Coach's settings; refreshed when the configuration changes. */
import * as vscode from 'vscode';
import type { HoverDetail } from './core/hover/render';

export interface CloudCoachSettings {
  hover: {
    enabled: boolean;
    services: boolean;
    ports: boolean;
    plainNames: boolean;
    detail: HoverDetail;
  };
  notes: {
    paths: string[];
    maxFileSizeMB: number;
    excludeFromReview: string[];
  };
  review: {
    statusBar: boolean;
  };
}

export function readSettings(scope?: vscode.ConfigurationScope): CloudCoachSettings {
  const c = vscode.workspace.getConfiguration('cloudCoach', scope);
  const detail = c.get<string>('hover.detail');
  const list = (key: string) => (c.get<unknown[]>(key) ?? []).filter((v): v is string => typeof v === 'string');
  return {
    hover: {
      enabled: c.get<boolean>('hover.enabled', true),
      services: c.get<boolean>('hover.services', true),
      ports: c.get<boolean>('hover.ports', true),
      plainNames: c.get<boolean>('hover.plainNames', true),
      detail: detail === 'full' ? 'full' : 'compact',
    },
    notes: {
      paths: list('notes.paths'),
      maxFileSizeMB: Math.max(0.01, c.get<number>('notes.maxFileSizeMB', 5)),
      excludeFromReview: list('notes.excludeFromReview'),
    },
    review: {
      statusBar: c.get<boolean>('review.statusBar', true),
    },
  };
}

/** Settings read once and re-read on change, so hot paths never query the configuration. */
export class Settings implements vscode.Disposable {
  private value = readSettings();
  private readonly listener: vscode.Disposable;
  private readonly emitter = new vscode.EventEmitter<CloudCoachSettings>();
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('cloudCoach')) return;
      this.value = readSettings();
      this.emitter.fire(this.value);
    });
  }

  get current(): CloudCoachSettings {
    return this.value;
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
