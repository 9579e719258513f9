import { en } from './en';
import type { Language } from './language';
import { type Message, type MessageParam, messageOfError, renderMessage } from './message';
import { type MessageKey, zhCN } from './zh-CN';

export { detectLanguage, type Language, type LanguagePreference, resolveLanguage } from './language';
export { type Message, type MessageParam, message, messageOfError } from './message';
export type { MessageKey };

const tables: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** A key and its parameters in the UI's language; a parameter that is a message is translated too. */
export type Translate = (key: MessageKey, params?: Record<string, MessageParam>) => string;

export function createTranslator(language: Language): Translate {
  const table = tables[language];
  return (key, params) => renderMessage(table, params ? { key, params } : { key });
}

/** A message lib returned, in the UI's language (a text that is data, such as a column's header, as it is). */
export const say = (t: Translate, m: Message | string): string => (typeof m === 'string' ? m : t(m.key, m.params));

/** What an error says, in the UI's language: its message code when it has one, else its text. */
export const sayError = (t: Translate, error: unknown): string => say(t, messageOfError(error));
