import { LanguageMenu, LanguageMenuItem } from 'suomifi-ui-components';
import { LANGUAGES, useI18n } from '../i18n/language.tsx';

/** fi / sv / en; the choice is remembered in this browser and sets <html lang>. */
export function LanguageSwitch() {
  const { lang, t, setLang } = useI18n();
  return (
    <LanguageMenu
      id="language-menu"
      buttonText={t.languages.buttonText}
      aria-label={`${t.languages.buttonText}. ${t.languages.changeLanguage}`}
      data-qa="language-menu"
    >
      {LANGUAGES.map((code) => (
        <LanguageMenuItem key={code} lang={code} onSelect={() => setLang(code)} selected={lang === code}>
          <span data-qa={`language-${code}`}>{t.languages[code]}</span>
        </LanguageMenuItem>
      ))}
    </LanguageMenu>
  );
}
