import { describe, expect, it } from 'vitest';
import { maskRecipient } from './outbox.routes.ts';
import { finnishDateText, questionnaireMessage } from './questionnaire-messages.ts';

describe('questionnaire messages', () => {
  const url = 'https://tyokykypolku.example/q/abc';
  // 14 days after 2 March 2026 12:00 in Finland.
  const expires = new Date('2026-03-16T10:00:00Z');

  it('say when to answer by, in the client’s language, with the link', () => {
    expect(questionnaireMessage('invitation', 'fi', url, expires)).toEqual({
      subject: 'Kysely vastattavanasi',
      body:
        'Hei! Sinulle on kysely vastattavana.\n\nVastaa 16.3.2026 mennessä: https://tyokykypolku.example/q/abc\n\n' +
        'Linkki on henkilökohtainen, älä jaa sitä. Voit tallentaa vastauksesi kesken ja jatkaa myöhemmin.\n',
    });
    expect(questionnaireMessage('reminder', 'sv', url, expires).subject).toBe(
      'Påminnelse: en enkät att besvara',
    );
    expect(questionnaireMessage('reminder', 'en', url, expires).body).toContain(
      'Please answer by 16.3.2026: ',
    );
  });

  it('name no service, organisation or instrument', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      for (const kind of ['invitation', 'reminder'] as const) {
        const { subject, body } = questionnaireMessage(kind, lang, url, expires);
        expect(`${subject} ${body}`).not.toMatch(/työkyky|arbetsförmåga|work ability|prem|kela|sote/i);
      }
    }
  });

  it('use the Finnish calendar date, whatever the server’s zone', () => {
    expect(finnishDateText(new Date('2026-03-15T22:30:00Z'))).toBe('16.3.2026');
  });
});

describe('recipients outside the demo', () => {
  it('are masked', () => {
    expect(maskRecipient('maija.meikalainen@example.fi')).toBe('m***@example.fi');
    expect(maskRecipient('+358 40 123 4567')).toBe('+358…67');
    expect(maskRecipient('12')).toBe('…');
  });
});
