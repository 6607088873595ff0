import type { Language } from '../questionnaires/instrument.schema.ts';

export type QuestionnaireMessageKind = 'invitation' | 'reminder';

/** The expiry date as people read it in Finland (d.m.yyyy), whatever the server's time zone. */
export function finnishDateText(at: Date): string {
  const parts = new Intl.DateTimeFormat('fi-FI', {
    timeZone: 'Europe/Helsinki',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}.${get('month')}.${get('year')}`;
}

const TEXTS: Record<
  Language,
  Record<QuestionnaireMessageKind, { subject: string; lead: string }> & { tail: string }
> = {
  fi: {
    invitation: { subject: 'Kysely vastattavanasi', lead: 'Hei! Sinulle on kysely vastattavana.' },
    reminder: {
      subject: 'Muistutus: kysely vastattavanasi',
      lead: 'Hei! Muistutamme kyselystä, johon et ole vielä vastannut.',
    },
    tail: 'Linkki on henkilökohtainen, älä jaa sitä. Voit tallentaa vastauksesi kesken ja jatkaa myöhemmin.',
  },
  sv: {
    invitation: { subject: 'En enkät att besvara', lead: 'Hej! Du har en enkät att besvara.' },
    reminder: {
      subject: 'Påminnelse: en enkät att besvara',
      lead: 'Hej! Vi påminner om en enkät som du ännu inte har besvarat.',
    },
    tail: 'Länken är personlig, dela den inte. Du kan spara dina svar och fortsätta senare.',
  },
  en: {
    invitation: {
      subject: 'A questionnaire for you to answer',
      lead: 'Hello! You have a questionnaire to answer.',
    },
    reminder: {
      subject: 'Reminder: a questionnaire for you to answer',
      lead: 'Hello! This is a reminder of a questionnaire you have not answered yet.',
    },
    tail: 'The link is personal: do not share it. You can save your answers and continue later.',
  },
};

const ANSWER_BY: Record<Language, (url: string, until: string) => string> = {
  fi: (url, until) => `Vastaa ${until} mennessä: ${url}`,
  sv: (url, until) => `Svara senast ${until}: ${url}`,
  en: (url, until) => `Please answer by ${until}: ${url}`,
};

/**
 * The invitation or reminder for a questionnaire link. It names no organisation, service or instrument:
 * an SMS or e-mail may be seen by others, and the name of a service can itself be health data.
 */
export function questionnaireMessage(
  kind: QuestionnaireMessageKind,
  language: Language,
  url: string,
  expiresAt: Date,
) {
  const t = TEXTS[language];
  return {
    subject: t[kind].subject,
    body: `${t[kind].lead}\n\n${ANSWER_BY[language](url, finnishDateText(expiresAt))}\n\n${t.tail}\n`,
  };
}
