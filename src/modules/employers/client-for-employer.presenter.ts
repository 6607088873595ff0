import { z } from 'zod';
import { HEALTH_DISCLOSURES, type HealthDisclosure } from '../coaching/coaching.table.ts';

/** The client's choice of what may be told to employers (the vocational profile). */
export interface DisclosureChoice {
  discloseName: boolean;
  discloseHealth: HealthDisclosure;
  /** What may be told, as agreed with the client. */
  disclosureText: string;
}

/** Until the client has chosen, nothing is disclosed. */
export const NOTHING_DISCLOSED: DisclosureChoice = {
  discloseName: false,
  discloseHealth: 'none',
  disclosureText: '',
};

export const ClientForEmployerDto = z.object({
  /** The client's name, or null when the client has not agreed to name themself to the employer. */
  name: z.string().nullable(),
  /** How much health information the client agreed to share: none, general or specific. */
  healthDisclosure: z.enum(HEALTH_DISCLOSURES),
  /** What may be told, in the words agreed with the client; empty when nothing was agreed. */
  whatMayBeTold: z.string(),
});
export type ClientForEmployerDto = z.infer<typeof ClientForEmployerDto>;

/**
 * The only way client data reaches an employer's contact person (the work-trial feedback link): the name only when
 * the client agreed to it, the agreed text as written and nothing else — never the identity code, contact details,
 * what the client wants kept back, or any other record. Takes the whole client row on purpose, so that no caller
 * picks fields itself.
 */
export function presentClientToEmployer(
  client: { first_name: string; last_name: string },
  choice: DisclosureChoice | null | undefined,
): ClientForEmployerDto {
  const c = choice ?? NOTHING_DISCLOSED;
  return {
    name: c.discloseName ? `${client.first_name} ${client.last_name}` : null,
    healthDisclosure: c.discloseHealth,
    whatMayBeTold: c.disclosureText.trim(),
  };
}

/** The choice as stored in a vocational profile row (or none yet). */
export function disclosureOf(
  profile:
    | { disclose_name: boolean; disclose_health: HealthDisclosure; disclosure_text: string }
    | null
    | undefined,
): DisclosureChoice {
  return profile
    ? {
        discloseName: profile.disclose_name,
        discloseHealth: profile.disclose_health,
        disclosureText: profile.disclosure_text,
      }
    : NOTHING_DISCLOSED;
}
