export type Language = 'zh-CN' | 'en';
export type LanguagePreference = Language | 'auto';

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

/** Fills `{name}` parameters; an unknown name stays as written. */
export function fillParams(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
