/**
 * Every piece of text the webviews show that is not content, in English. The English message is the key:
 * the extension translates each one with `vscode.l10n.t` and embeds the table in the page
 * (src/webview/html.ts), and the page's `t()` (media/shared/l10n.ts) looks them up, English when a
 * translation is missing. `{0}`, `{1}`... stand for the values put in; singular and plural are two
 * messages. test/unit/l10n.test.ts checks that the webviews use no other text and every message here.
 */
import { pageJson } from './pageJson';

export const WEBVIEW_STRINGS = [
  // Cheat sheet: search, tabs, browse, ports, notes.
  'Search services, ports, AWS::... , s3:Get...',
  'Search',
  'Nothing found for {0}.',
  '{0} result for “{1}”',
  '{0} results for “{1}”',
  'No entries match. Try a service name, a port number or a notation such as AWS::S3::Bucket.',
  'Cheat sheet sections',
  'Cloud Coach cheat sheet',
  'Browse',
  'Concepts',
  'Compare',
  'Ports',
  'My notes',
  'Browse by',
  'By category',
  'By exam domain',
  'Domain {0}: {1}',
  '{0}% of the exam',
  'No comparisons yet.',
  'Comparison',
  'Filter by port, protocol or service',
  'Filter ports',
  'Port',
  'Protocol',
  'Used for',
  'On AWS',
  'Risky to open to the internet ({0})',
  'risk: {0}',
  'No port matches the filter.',
  'Your own Markdown notes appear here, in search and in hovers.',
  'Run “Cloud Coach: Add Notes File...” or set cloudCoach.notes.paths.',
  'Entries',
  'status',
  // Cheat sheet: an entry's details.
  'Back',
  'Documentation',
  'Quiz me on this',
  'Your notes',
  'Open {0}:{1}',
  'Notations',
  'In templates and code',
  'Related',
  // Cheat sheet: In this file, In this workspace.
  'In this file',
  'In this workspace',
  'Go to line {0}',
  'and {0} more',
  'Worth noticing',
  'Line {0}',
  'Why: {0}',
  'Services in this file',
  'line',
  '{0} mention',
  '{0} mentions',
  'Reading the file in view...',
  'Open a template or source file to see the AWS services it uses.',
  'No AWS in this file: no service, resource type, IAM action or port that Cloud Coach knows.',
  'Quiz me on this file',
  '{0}% of {1} answered',
  'not practised yet',
  'The services your workspace uses appear here.',
  'Scan workspace',
  'Scanning: {0} of {1} files',
  'Stop',
  'Scan stopped after {0} file.',
  'Scan stopped after {0} files.',
  '{0} too large',
  '{0} binary',
  '{0} unreadable',
  '{0} over the file cap',
  '{0} file scanned.',
  '{0} files scanned.',
  '{0} file scanned; skipped {1}.',
  '{0} files scanned; skipped {1}.',
  'No AWS found in the workspace.',
  'Study next:',
  'Services in this workspace',
  'In {0} file · your answers: {1}',
  'In {0} files · your answers: {1}',
  'and {0} more service',
  'and {0} more services',
  'Quiz me on this workspace',
  'Scan again',
  // Quiz: a question.
  'Something went wrong: {0}',
  'Progress',
  'Question {0} of {1}',
  'Time left',
  'Flagged',
  'Choose {0}.',
  'Choose one.',
  'Previous',
  'Unflag',
  'Flag for review',
  'Submit exam',
  'Next',
  'See results',
  'Next question',
  'Check answer',
  'Correct.',
  'Incorrect. The right answer is: {0}.',
  'Incorrect. The right answers are: {0}.',
  'Read the documentation',
  // Quiz: the exam's navigator, timer and confirmation.
  'Questions',
  '{0} answered · {1} unanswered · {2} flagged',
  'Question {0}, answered',
  'Question {0}, unanswered',
  'Question {0}, answered, flagged',
  'Question {0}, unanswered, flagged',
  '{0} minute left',
  '{0} minutes left',
  '{0} question is unanswered',
  '{0} questions are unanswered',
  '{0} is flagged for review',
  '{0} are flagged for review',
  '{0} and {1}',
  '{0}. Unanswered questions count as wrong.',
  'Submit the exam?',
  'Keep working',
  'Submit anyway',
  // Quiz: results.
  'Results: {0}',
  '{0} of {1} correct ({2}%)',
  'Estimated exam score: {0} / 1,000 — pass ({1} to pass)',
  'Estimated exam score: {0} / 1,000 — below the passing score ({1} to pass)',
  'An estimate only: AWS scales real exam scores in a way it does not publish, and 15 of the 65 real questions are unscored.',
  '{0} unanswered.',
  'Results by domain',
  'Domain',
  'Correct',
  'Score',
  'By domain',
  'Retry wrong answers',
  'New quiz',
  'Review {0} due card',
  'Review {0} due cards',
  'Wrong or unanswered ({0})',
  'Wrong answers ({0})',
  'Right answer',
  'Your answer',
  // Quiz: progress and readiness.
  'Your progress',
  '{0} of {1} answers correct ({2}%)',
  'No answers yet: start a quiz to see your progress here.',
  '{0} review card due',
  '{0} review cards due',
  '{0} mistake to review',
  '{0} mistakes to review',
  'Accuracy by domain',
  'Weight',
  'Answered',
  'Accuracy',
  'Accuracy over time',
  'Day',
  'Over time',
  '{0} of {1} right',
  'Weakest topics',
  'estimated {0}',
  'Recent sessions',
  'Estimated readiness by domain',
  'Estimated readiness',
  'Based on',
  '{0} recent answer',
  '{0} recent answers',
  '{0} review card',
  '{0} review cards',
  'not enough answers yet',
  '{0} day to your exam on {1}',
  '{0} days to your exam on {1}',
  'Your exam date, {0}, has come',
  'Exam readiness (an estimate)',
  'About {0} card a day: the reviews due today, and enough new topics to practise all {1} topics once before the exam ({2} not practised yet).',
  'About {0} cards a day: the reviews due today, and enough new topics to practise all {1} topics once before the exam ({2} not practised yet).',
] as const;

export type WebviewString = (typeof WEBVIEW_STRINGS)[number];

/** The element id of the table in every webview page. */
export const L10N_ELEMENT_ID = 'l10n';

/**
 * The table a page carries, as JSON that cannot close its <script> element: only the messages whose
 * translation differs, so an English page carries `{}` and shows the messages as they are here.
 */
export function webviewStringTable(translate: (message: string) => string): string {
  const table: Record<string, string> = {};
  for (const message of WEBVIEW_STRINGS) {
    const translated = translate(message);
    if (translated !== message) table[message] = translated;
  }
  return pageJson(table);
}

/** Puts `args` in for `{0}`, `{1}`...; a placeholder without a value stays as it is. */
export function formatMessage(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : placeholder));
}
