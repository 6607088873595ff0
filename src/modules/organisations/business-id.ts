import { FinnishBusinessIds } from 'finnish-business-ids';

/** Y-tunnus: 7 digits, hyphen, check digit (weights 7, 9, 10, 5, 8, 4, 2; mod 11). */
export function isValidBusinessId(value: string): boolean {
  return /^\d{7}-\d$/.test(value) && FinnishBusinessIds.isValidBusinessId(value);
}
