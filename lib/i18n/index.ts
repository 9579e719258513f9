import { en } from './en';
import { fillParams, type Language } from './language';
import { type MessageKey, zhCN } from './zh-CN';

export { detectLanguage, type Language, type LanguagePreference, resolveLanguage } from './language';
export type { MessageKey };

const tables: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function createTranslator(language: Language): Translate {
  const table = tables[language];
  return (key, params) => fillParams(table[key] ?? zhCN[key], params);
}
