/** The hover surface: turns a VS Code position into a detection and the detection into Markdown. */
import * as vscode from 'vscode';
import { detect, HEADER_LINES } from '../core/detect/detect';
import { HOVER_COMMANDS, renderHover } from '../core/hover/render';
import type { UserNote } from '../core/knowledge/userNotes';
import type { KnowledgeService } from '../knowledge/knowledgeService';
import type { Settings } from '../settings';

/**
 * Every document a learner reads code in, whatever its language id (`.tf` is plain text without a
 * Terraform extension): local and untitled files, remote ones, and virtual file systems such as
 * github.dev's. Output panels and other internal documents are left alone.
 */
export const HOVER_SELECTOR: vscode.DocumentSelector = [
  ...['file', 'untitled', 'vscode-remote', 'vscode-userdata', 'vscode-vfs', 'vscode-test-web', 'memfs', 'git'].map((scheme) => ({ scheme })),
  { pattern: '**/*.{tf,tfvars,hcl}' },
  { pattern: '**/{compose,docker-compose}*.{yml,yaml}' },
];

export class CloudHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly knowledge: KnowledgeService,
    private readonly settings: Settings,
    private readonly userNotes: (entryId: string) => readonly UserNote[] = () => [],
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.ProviderResult<vscode.Hover> {
    const options = this.settings.current.hover;
    if (!options.enabled || (!options.services && !options.ports)) return undefined;
    // A compact hover needs only the core of the knowledge base; the whole note waits for the rest.
    const kb = options.detail === 'full' ? this.knowledge.complete : this.knowledge.current;
    if (!kb) return (options.detail === 'full' ? this.knowledge.load() : this.knowledge.loadCore()).then(() => this.provideHover(document, position), () => undefined);

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
        header: () => Array.from({ length: Math.min(HEADER_LINES, document.lineCount) }, (_, n) => document.lineAt(n).text),
      },
      options,
    );
    if (!detection) return undefined;
    const markdown = new vscode.MarkdownString(renderHover(kb, detection, { detail: options.detail, userNotes: this.userNotes }), true);
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    return new vscode.Hover(markdown, new vscode.Range(line, detection.span[0], line, detection.span[1]));
  }
}
