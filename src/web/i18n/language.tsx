import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en.ts';
import { fi, type Messages } from './fi.ts';
import { sv } from './sv.ts';

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const DICTIONARIES: Record<Language, Messages> = { fi, sv, en };
const STORAGE_KEY = 'tkp.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(value)) return value;
  } catch {
    // Storage may be disabled; Finnish is the default.
  }
  return 'fi';
}

interface LanguageContextValue {
  lang: Language;
  t: Messages;
  setLang: (lang: Language) => void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(storedLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // The choice then lasts until the page is reloaded.
    }
  }, []);
  const value = useMemo(() => ({ lang, t: DICTIONARIES[lang], setLang }), [lang, setLang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useI18n(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useI18n outside LanguageProvider');
  return value;
}

export function useT(): Messages {
  return useI18n().t;
}

/** A text of a dictionary section by a key that comes from data (an error code, a status). */
export function lookup(section: object, key: string | null | undefined): string | undefined {
  if (key === null || key === undefined) return undefined;
  const value = (section as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}
