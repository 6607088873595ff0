import { describe, expect, it } from 'vitest';
import {
  ClientForEmployerDto,
  disclosureOf,
  presentClientToEmployer,
} from './client-for-employer.presenter.ts';

const client = {
  first_name: 'Aino',
  last_name: 'Testinen',
  identity_code: '010594Y9032',
  phone: '+358 40 123 4567',
  email: 'aino@example.com',
};

describe('client data shown to an employer', () => {
  it('shows nothing before the client has chosen', () => {
    expect(presentClientToEmployer(client, null)).toEqual({
      name: null,
      healthDisclosure: 'none',
      whatMayBeTold: '',
    });
    expect(presentClientToEmployer(client, disclosureOf(undefined))).toEqual({
      name: null,
      healthDisclosure: 'none',
      whatMayBeTold: '',
    });
  });

  it('names the client only when the client agreed', () => {
    const hidden = presentClientToEmployer(client, {
      discloseName: false,
      discloseHealth: 'general',
      disclosureText: 'Tarvitsee selkeät ohjeet.',
    });
    expect(hidden.name).toBeNull();
    expect(hidden.whatMayBeTold).toBe('Tarvitsee selkeät ohjeet.');
    const named = presentClientToEmployer(client, {
      discloseName: true,
      discloseHealth: 'none',
      disclosureText: '',
    });
    expect(named.name).toBe('Aino Testinen');
  });

  it('never carries identity code, contact details or what must not be told', () => {
    const shown = presentClientToEmployer(
      { ...client },
      disclosureOf({
        disclose_name: true,
        disclose_health: 'specific',
        disclosure_text: 'Saa kertoa selkävaivasta.',
      }),
    );
    expect(Object.keys(shown).sort()).toEqual(['healthDisclosure', 'name', 'whatMayBeTold']);
    const text = JSON.stringify(shown);
    for (const secret of [client.identity_code, client.phone, client.email])
      expect(text).not.toContain(secret);
    expect(ClientForEmployerDto.strict().parse(shown)).toEqual(shown);
  });
});
