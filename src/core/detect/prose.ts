/**
 * Whether a position on a line is prose (a comment, a string, Markdown or YAML text), where plain
 * service names such as "Route 53" are worth explaining. In code, identifiers are not prose.
 */

const PROSE_LANGUAGES = new Set(['markdown', 'plaintext', 'yaml', 'dockercompose', 'json', 'jsonc', 'restructuredtext', 'asciidoc', 'latex', 'html', 'xml', 'properties', 'ini', 'toml', 'git-commit', 'scminput']);

const HASH_COMMENTS = new Set(['python', 'shellscript', 'dockerfile', 'ruby', 'perl', 'r', 'terraform', 'hcl', 'powershell', 'makefile', 'coffeescript', 'julia', 'nim', 'elixir', 'cmake']);
const SLASH_COMMENTS = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'java', 'go', 'c', 'cpp', 'csharp', 'rust', 'swift', 'kotlin', 'scala', 'dart', 'php', 'terraform', 'hcl', 'groovy', 'fsharp', 'objective-c', 'jsonc']);
const DASH_COMMENTS = new Set(['sql', 'lua', 'haskell', 'elm', 'ada']);

export function isProseAt(text: string, character: number, languageId: string): boolean {
  if (PROSE_LANGUAGES.has(languageId)) return true;
  const known = HASH_COMMENTS.has(languageId) || SLASH_COMMENTS.has(languageId) || DASH_COMMENTS.has(languageId);
  const hash = !known || HASH_COMMENTS.has(languageId);
  const slash = !known || SLASH_COMMENTS.has(languageId);
  const dash = DASH_COMMENTS.has(languageId);

  // A line inside a block comment usually starts with `*` (JSDoc, C, Java).
  if (slash && /^\s*(\/\*|\*)/.test(text)) return true;

  let quote: string | undefined;
  for (let i = 0; i < character && i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (hash && c === '#') return true;
    else if (slash && c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return true;
    else if (dash && c === '-' && text[i + 1] === '-') return true;
  }
  return quote !== undefined;
}
