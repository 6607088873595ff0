import type { Messages } from '../i18n/fi.ts';

/** The supported-employment error codes join the common ones, so that the shared form helpers translate both. */
export function withEmploymentCodes(t: Messages): Messages {
  return { ...t, errors: { ...t.errors, codes: { ...t.errors.codes, ...t.employment.errorCodes } } };
}

/** "37,5" or "37.5" → 37.5; null when empty or not a number. */
export function parseDecimal(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (normalised === '' || !/^\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

/** 37.5 → "37,5", as numbers are written in Finland (and in the form fields). */
export function formatDecimal(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace('.', ',');
}
