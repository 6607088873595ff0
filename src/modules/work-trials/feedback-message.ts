import type { Language } from '../clients/client.table.ts';
import { finnishDateText } from '../outbox/questionnaire-messages.ts';

const TEXTS: Record<
  Language,
  { subject: string; lead: string; answerBy: (url: string, until: string) => string; tail: string }
> = {
  fi: {
    subject: 'Palautepyyntö työkokeilusta',
    lead: 'Hei! Pyydämme palautettasi työkokeilusta, jota ohjaat.',
    answerBy: (url, until) => `Vastaa ${until} mennessä: ${url}`,
    tail: 'Linkki on henkilökohtainen ja toimii kerran, älä jaa sitä.',
  },
  sv: {
    subject: 'Begäran om respons på en arbetsprövning',
    lead: 'Hej! Vi ber om din respons på en arbetsprövning som du handleder.',
    answerBy: (url, until) => `Svara senast ${until}: ${url}`,
    tail: 'Länken är personlig och fungerar en gång, dela den inte.',
  },
  en: {
    subject: 'Feedback request: a work trial',
    lead: 'Hello! We ask for your feedback on a work trial you supervise.',
    answerBy: (url, until) => `Please answer by ${until}: ${url}`,
    tail: 'The link is personal and works once: do not share it.',
  },
};

/**
 * The supervisor's invitation. It names neither the client nor the coaching service: an e-mail may be read by
 * others, and whether the client may be named is the client's choice, shown only on the form itself.
 */
export function feedbackMessage(language: Language, url: string, expiresAt: Date) {
  const t = TEXTS[language];
  return {
    subject: t.subject,
    body: `${t.lead}\n\n${t.answerBy(url, finnishDateText(expiresAt))}\n\n${t.tail}\n`,
  };
}
