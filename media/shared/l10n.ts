/**
 * The webviews' text in VS Code's display language. The extension embeds the translations of the
 * messages in src/core/protocol/strings.ts in the page; a message without one is shown in English.
 */
import { formatMessage, L10N_ELEMENT_ID, type WebviewString } from '../../src/core/protocol/strings';

import { readPageJson } from './dom';

let translations: Record<string, string> | undefined;

/** `message` translated, with `args` put in for `{0}`, `{1}`... */
export function t(message: WebviewString, ...args: (string | number)[]): string {
  translations ??= readPageJson<Record<string, string>>(L10N_ELEMENT_ID) ?? {};
  const translated = Object.hasOwn(translations, message) ? translations[message] : message;
  return formatMessage(typeof translated === 'string' ? translated : message, args);
}
