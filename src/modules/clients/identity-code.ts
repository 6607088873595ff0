import { FinnishSSN } from 'finnish-ssn';

/**
 * Henkilötunnus: DDMMYY + century sign + individual number NNN + check character. Century signs:
 * 1800s `+`; 1900s `-` and, since 2023, `Y X W V U`; 2000s `A` and `B C D E F`.
 */
const FORMAT = /^(\d{6})([-+ABCDEFUVWXY])(\d{3})([0-9A-Y])$/;

export type IdentityCodeProblem = 'format' | 'date' | 'check_character';

export type ParsedIdentityCode =
  | { valid: true; code: string; dateOfBirth: string; sex: 'male' | 'female'; temporary: boolean }
  | { valid: false; problem: IdentityCodeProblem };

export function normaliseIdentityCode(input: string): string {
  return input.trim().toUpperCase();
}

export function parseIdentityCode(input: string): ParsedIdentityCode {
  const code = normaliseIdentityCode(input);
  const m = FORMAT.exec(code);
  if (!m) return { valid: false, problem: 'format' };
  let parsed: ReturnType<typeof FinnishSSN.parse>;
  try {
    parsed = FinnishSSN.parse(code);
  } catch {
    return { valid: false, problem: 'date' };
  }
  const dateOfBirth = parsed.dateOfBirth.toISOString().slice(0, 10);
  if (Number.isNaN(parsed.dateOfBirth.getTime()) || !sameDayMonth(m[1]!, dateOfBirth)) {
    return { valid: false, problem: 'date' };
  }
  if (!parsed.valid) return { valid: false, problem: 'check_character' };
  const individual = Number(m[3]);
  return {
    valid: true,
    code,
    dateOfBirth,
    sex: parsed.sex,
    // 900–999 are temporary and test numbers; the demo region uses only these.
    temporary: individual >= 900,
  };
}

// Guards against dates like 310294 rolling over to 3 March.
function sameDayMonth(ddmmyy: string, iso: string): boolean {
  return ddmmyy.slice(0, 2) === iso.slice(8, 10) && ddmmyy.slice(2, 4) === iso.slice(5, 7);
}

/** Age in whole years on a given calendar day (YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/**
 * Builds a synthetic identity code for demo and test data. Only individual numbers 900–999 (temporary
 * and test numbers) are accepted, so no real person's code can be made by accident.
 */
export function syntheticIdentityCode(dateOfBirth: string, individual: number, newSign = false): string {
  if (individual < 900 || individual > 999) throw new Error('synthetic identity codes use 900–999');
  const [y, m, d] = dateOfBirth.split('-') as [string, string, string];
  const year = Number(y);
  const sign = year < 1900 ? '+' : year < 2000 ? (newSign ? 'Y' : '-') : newSign ? 'B' : 'A';
  const digits = `${d}${m}${y.slice(2)}${String(individual).padStart(3, '0')}`;
  return `${d}${m}${y.slice(2)}${sign}${String(individual).padStart(3, '0')}${CHECK_CHARACTERS[Number(digits) % 31]}`;
}
