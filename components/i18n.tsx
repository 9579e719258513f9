import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { createTranslator, type Language, type LanguagePreference, resolveLanguage, type Translate } from '../lib/i18n';
import { languageSetting } from '../lib/settings';

interface I18nValue {
  language: Language;
  preference: LanguagePreference;
  t: Translate;
  setPreference: (preference: LanguagePreference) => Promise<void>;
}

const I18nContext = createContext<I18nValue | undefined>(undefined);

/** Chooses the language from the browser, overridden by the language setting. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [preference, setPreferenceState] = useState<LanguagePreference>('auto');
  useEffect(() => {
    void languageSetting.getValue().then(setPreferenceState);
    return languageSetting.watch((value) => setPreferenceState(value));
  }, []);
  const value = useMemo<I18nValue>(() => {
    const language = resolveLanguage(preference, navigator.languages ?? [navigator.language]);
    return {
      language,
      preference,
      t: createTranslator(language),
      setPreference: (next) => languageSetting.setValue(next),
    };
  }, [preference]);
  useEffect(() => {
    document.documentElement.lang = value.language;
  }, [value.language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
