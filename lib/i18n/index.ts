import { en } from './en';
import { type MessageKey, zhCN } from './zh-CN';

export type { MessageKey };
export type Language = 'zh-CN' | 'en';
export type LanguagePreference = Language | 'auto';

const tables: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/**
 * Picks the UI language from the browser's preferred languages: Chinese first,
 * English for any other language the user prefers, Chinese when nothing is known.
 */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return preferred.length > 0 ? 'en' : 'zh-CN';
}

export function resolveLanguage(preference: LanguagePreference, preferred: readonly string[]): Language {
  return preference === 'auto' ? detectLanguage(preferred) : preference;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function createTranslator(language: Language): Translate {
  const table = tables[language];
  return (key, params) => {
    const text = table[key] ?? zhCN[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
