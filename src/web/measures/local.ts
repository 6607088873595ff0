import type { Messages } from '../i18n/fi.ts';
import type { Language } from '../i18n/language.tsx';

/** Text of an instrument in the interface language, else Finnish, English, Swedish. */
export function localText(
  text: { fi?: string; sv?: string; en?: string } | null | undefined,
  lang: Language,
): string {
  if (!text) return '';
  return text[lang] ?? text.fi ?? text.en ?? text.sv ?? '';
}

/** "baseline" → Lähtötaso, 3 → 3 kk. */
export function roundLabel(t: Messages, offsetMonths: number): string {
  return offsetMonths === 0 ? t.plans.measures.baseline : t.plans.measures.months(offsetMonths);
}

/** A score as people read numbers in the language: 6,5 in Finnish and Swedish, 6.5 in English. */
export function formatNumber(t: Messages, value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined) return '–';
  const rounded = Math.round(value * 10 ** decimals) / 10 ** decimals;
  const text = Number.isInteger(rounded) ? String(Math.abs(rounded)) : Math.abs(rounded).toFixed(decimals);
  return `${rounded < 0 ? '−' : ''}${t.plans.common.decimal(text)}`;
}

export function formatSigned(t: Messages, value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined) return '–';
  const text = formatNumber(t, value, decimals);
  return value > 0 ? `+${text}` : text;
}
