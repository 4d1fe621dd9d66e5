/**
 * Whether a position on a line is prose (a comment, a docstring, a sentence in a string, Markdown or a YAML
 * description), where plain service names such as "Route 53" are worth explaining. Identifiers are not
 * prose, and neither is a lone token in a string or a data file: `'s3-bucket'`, `VPC:` and `!Ref VPC` name
 * things.
 */

const TEXT_LANGUAGES = new Set(['markdown', 'plaintext', 'restructuredtext', 'asciidoc', 'latex', 'html', 'xml', 'git-commit', 'scminput']);
const DATA_LANGUAGES = new Set(['yaml', 'dockercompose', 'json', 'jsonc', 'properties', 'ini', 'toml']);

const HASH_COMMENTS = new Set(['python', 'shellscript', 'dockerfile', 'ruby', 'perl', 'r', 'terraform', 'hcl', 'powershell', 'makefile', 'coffeescript', 'julia', 'nim', 'elixir', 'cmake', 'yaml', 'dockercompose', 'properties', 'ini', 'toml']);
const SLASH_COMMENTS = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'java', 'go', 'c', 'cpp', 'csharp', 'rust', 'swift', 'kotlin', 'scala', 'dart', 'php', 'terraform', 'hcl', 'groovy', 'fsharp', 'objective-c', 'jsonc']);
const DASH_COMMENTS = new Set(['sql', 'lua', 'haskell', 'elm', 'ada']);
const TRIPLE_QUOTES = new Set(['python']);

/** How far up to look for the start of a docstring. */
const DOCSTRING_REACH = 40;

export function isProseAt(text: string, character: number, languageId: string, lineAt?: (delta: number) => string | undefined): boolean {
  if (TEXT_LANGUAGES.has(languageId)) return true;
  if (TRIPLE_QUOTES.has(languageId) && lineAt && insideDocstring(lineAt)) return true;
  const known = HASH_COMMENTS.has(languageId) || SLASH_COMMENTS.has(languageId) || DASH_COMMENTS.has(languageId);
  const hash = !known || HASH_COMMENTS.has(languageId);
  const slash = !known || SLASH_COMMENTS.has(languageId);
  const dash = DASH_COMMENTS.has(languageId);

  // A line inside a block comment usually starts with `*` (JSDoc, C, Java).
  if (slash && /^\s*(\/\*|\*)/.test(text)) return true;

  let quote: { char: string; start: number } | undefined;
  for (let i = 0; i < character && i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote.char) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = { char: c, start: i };
    else if (hash && c === '#' && (i === 0 || /\s/.test(text[i - 1]) || !DATA_LANGUAGES.has(languageId))) return true;
    else if (slash && c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return true;
    else if (dash && c === '-' && text[i + 1] === '-') return true;
  }
  if (DATA_LANGUAGES.has(languageId)) return dataValueIsProse(text, character, quote?.start);
  return quote !== undefined && isPhrase(text, quote.start);
}

/** A string that holds a phrase (`"Amazon S3 bucket for logs"`), not a single token (`"s3-bucket"`, `'dynamodb'`). */
function isPhrase(text: string, quoteStart: number): boolean {
  const end = text.indexOf(text[quoteStart], quoteStart + 1);
  return /\S\s+\S/.test(text.slice(quoteStart + 1, end < 0 ? undefined : end));
}

/**
 * In YAML and JSON, a phrase is prose and a single token is a name: `Description: Multi-AZ database` is a
 * sentence, `VPC:`, `VpcId: !Ref VPC` and `"VPC": {` name resources. Keys are never prose.
 */
function dataValueIsProse(text: string, character: number, quoteStart: number | undefined): boolean {
  if (quoteStart !== undefined) {
    const end = text.indexOf(text[quoteStart], quoteStart + 1);
    const isKey = end >= 0 && /^\s*:/.test(text.slice(end + 1));
    return !isKey && isPhrase(text, quoteStart);
  }
  const key = /^(\s*(?:-\s+)?)([^\s:#][^:#]*?):(?:\s|$)/.exec(text);
  if (key && character < key[0].length) return false;
  const value = text
    .slice(key ? key[0].length : (/^\s*-\s+/.exec(text)?.[0].length ?? 0))
    .replace(/\s#.*$/, '')
    .replace(/^\s*(?:![A-Za-z:]+\s+)?[>|]?[-+]?/, '')
    .trim();
  return /\S\s+\S/.test(value);
}

/** Whether the line lies inside a Python triple-quoted string: an odd number of them opened above. */
function insideDocstring(lineAt: (delta: number) => string | undefined): boolean {
  let count = 0;
  for (let d = 1; d <= DOCSTRING_REACH; d++) {
    const line = lineAt(-d);
    if (line === undefined) break;
    count += (line.match(/"""|'''/g) ?? []).length;
    // A def or class line at the left margin ends the search: docstrings do not cross them.
    if (/^(def|class|async def)\s/.test(line)) break;
  }
  return count % 2 === 1;
}
