/** The hover surface: turns a VS Code position into a detection and the detection into Markdown. */
import * as vscode from 'vscode';
import { detect } from '../core/hover/detect';
import { HOVER_COMMANDS, renderHover, type UserNoteSnippet } from '../core/hover/render';
import type { Settings } from '../config';
import type { KnowledgeService } from '../knowledge/knowledgeService';

/** Every file VS Code can hover, whatever its language id (`.tf` is plain text without an extension). */
export const HOVER_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file' },
  { scheme: 'untitled' },
  { scheme: 'vscode-remote' },
  { scheme: 'vscode-userdata' },
  { pattern: '**/*.{tf,tfvars,hcl}' },
  { pattern: '**/{compose,docker-compose}*.{yml,yaml}' },
];

export const OPEN_USER_NOTE_COMMAND = 'cloudCoach.openUserNote';

export class CloudHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly knowledge: KnowledgeService,
    private readonly settings: Settings,
    private readonly userNotes: (entryId: string) => readonly UserNoteSnippet[] = () => [],
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.ProviderResult<vscode.Hover> {
    const options = this.settings.current.hover;
    if (!options.enabled || (!options.services && !options.ports)) return undefined;
    const kb = this.knowledge.current;
    if (!kb) return this.knowledge.load().then(() => this.provideHover(document, position), () => undefined);

    const line = position.line;
    const detection = detect(
      kb.lookup,
      {
        text: document.lineAt(line).text,
        character: position.character,
        languageId: document.languageId,
        fileName: document.fileName,
        lineAt: (delta) => {
          const n = line + delta;
          return n >= 0 && n < document.lineCount ? document.lineAt(n).text : undefined;
        },
      },
      options,
    );
    if (!detection) return undefined;
    const markdown = new vscode.MarkdownString(renderHover(kb, detection, { detail: options.detail, userNotes: this.userNotes }), true);
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS, OPEN_USER_NOTE_COMMAND] };
    return new vscode.Hover(markdown, new vscode.Range(line, detection.span[0], line, detection.span[1]));
  }
}
