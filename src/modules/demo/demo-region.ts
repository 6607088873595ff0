import { FinnishBusinessIds } from 'finnish-business-ids';
import { hashPassword } from '../../server/auth/password.ts';
import type { Db } from '../../server/db/database.ts';
import type { Role } from '../../server/policy/roles.ts';
import { syntheticIdentityCode } from '../clients/identity-code.ts';
import { loadDemoClientPath } from './demo-client-path.ts';
import { loadDemoCoaching } from './demo-coaching.ts';
import { loadDemoMeasures } from './demo-measures.ts';
import { loadDemoPlans } from './demo-plans.ts';

/** The password of every demo login; printed at start. Demo data only: never in production. */
export const DEMO_PASSWORD = 'demo-salasana-2026';

interface DemoOrganisation {
  key: string;
  name: string;
  type: string;
  municipality: string;
  base: string;
}

const ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'sote',
    name: 'Järvilaakson sote-keskus',
    type: 'sote_centre',
    municipality: 'Kuopio',
    base: '3100001',
  },
  {
    key: 'social',
    name: 'Järvilaakson työikäisten sosiaalipalvelut',
    type: 'working_age_social_services',
    municipality: 'Kuopio',
    base: '3100002',
  },
  {
    key: 'employment',
    name: 'Järvilaakson työllisyysalue',
    type: 'municipal_employment_services',
    municipality: 'Kuopio',
    base: '3100003',
  },
  {
    key: 'kela',
    name: 'Kela, Järvilaakson palvelupiste',
    type: 'kela',
    municipality: 'Kuopio',
    base: '3100004',
  },
  { key: 'ngo', name: 'Polku ry', type: 'ngo', municipality: 'Siilinjärvi', base: '3100005' },
  { key: 'coaching', name: 'Työpolku-säätiö', type: 'foundation', municipality: 'Iisalmi', base: '3100006' },
];

export interface DemoLogin {
  email: string;
  role: Role;
  organisation: string;
  firstName: string;
  lastName: string;
}

/** Synthetic people; any likeness to a real person is a coincidence of common Finnish names. */
export const DEMO_LOGINS: DemoLogin[] = [
  {
    email: 'koordinaattori@demo.test',
    role: 'coordinator',
    organisation: 'sote',
    firstName: 'Kaisa',
    lastName: 'Koordinaattori',
  },
  {
    email: 'laakari@demo.test',
    role: 'physician',
    organisation: 'sote',
    firstName: 'Lauri',
    lastName: 'Lääkäri',
  },
  {
    email: 'hoitaja@demo.test',
    role: 'nurse',
    organisation: 'sote',
    firstName: 'Hanna',
    lastName: 'Hoitaja',
  },
  {
    email: 'sosiaalityo@demo.test',
    role: 'social_worker',
    organisation: 'social',
    firstName: 'Sanna',
    lastName: 'Sosiaalityöntekijä',
  },
  {
    email: 'tyollisyys@demo.test',
    role: 'employment_advisor',
    organisation: 'employment',
    firstName: 'Timo',
    lastName: 'Työllisyysasiantuntija',
  },
  {
    email: 'kela@demo.test',
    role: 'kela_advisor',
    organisation: 'kela',
    firstName: 'Kirsi',
    lastName: 'Kelaneuvoja',
  },
  {
    email: 'valmentaja@demo.test',
    role: 'job_coach',
    organisation: 'coaching',
    firstName: 'Ville',
    lastName: 'Valmentaja',
  },
  {
    email: 'jarjesto@demo.test',
    role: 'ngo_worker',
    organisation: 'ngo',
    firstName: 'Jaana',
    lastName: 'Järjestötyöntekijä',
  },
  {
    email: 'esihenkilo@demo.test',
    role: 'manager',
    organisation: 'sote',
    firstName: 'Eero',
    lastName: 'Esihenkilö',
  },
  {
    email: 'paakayttaja@demo.test',
    role: 'admin',
    organisation: 'sote',
    firstName: 'Paula',
    lastName: 'Pääkäyttäjä',
  },
];

const FIRST_NAMES = [
  'Aino',
  'Eino',
  'Helmi',
  'Veikko',
  'Iida',
  'Onni',
  'Lempi',
  'Toivo',
  'Siiri',
  'Väinö',
  'Elli',
  'Arvo',
];
const LAST_NAMES = [
  'Mäkelä',
  'Koskinen',
  'Heikkilä',
  'Järvinen',
  'Lehtonen',
  'Saarinen',
  'Salminen',
  'Laine',
  'Tuominen',
];
const MUNICIPALITIES = ['Kuopio', 'Siilinjärvi', 'Iisalmi', 'Varkaus', 'Suonenjoki'];

function businessId(base: string): string {
  return `${base}-${FinnishBusinessIds.calculateChecksum(base)}`;
}

/** Loads the synthetic demo region: organisations, a work ability support team, users and clients. */
export async function loadDemoRegion(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const orgIds = new Map<string, string>();
    for (const o of ORGANISATIONS) {
      const { id } = await trx
        .insertInto('organisation')
        .values({
          name: o.name,
          type: o.type,
          business_id: businessId(o.base),
          municipality: o.municipality,
          created_by: null,
          updated_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgIds.set(o.key, id);
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const userIds = new Map<string, string>();
    for (const login of DEMO_LOGINS) {
      const { id } = await trx
        .insertInto('app_user')
        .values({
          email: login.email,
          first_name: login.firstName,
          last_name: login.lastName,
          password_hash: passwordHash,
          oidc_subject: null,
          created_by: null,
          updated_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.set(login.email, id);
      await trx
        .insertInto('membership')
        .values({
          user_id: id,
          organisation_id: orgIds.get(login.organisation)!,
          role: login.role,
          created_by: null,
          updated_by: null,
        })
        .execute();
    }
    const { id: teamId } = await trx
      .insertInto('team')
      .values({
        organisation_id: orgIds.get('sote')!,
        name: 'Työkyvyn tuen tiimi',
        description: 'Monialainen työkyvyn tuen tiimi: työkykykoordinaattori, lääkäri ja terveydenhoitaja.',
        created_by: null,
        updated_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('team_member')
      .values(
        ['koordinaattori@demo.test', 'laakari@demo.test', 'hoitaja@demo.test'].map((e) => ({
          team_id: teamId,
          user_id: userIds.get(e)!,
          created_by: null,
        })),
      )
      .execute();

    const registrars = ['sote', 'sote', 'sote', 'social', 'employment', 'employment', 'kela', 'ngo'];
    const actorOf: Record<string, string> = {
      sote: 'koordinaattori@demo.test',
      social: 'sosiaalityo@demo.test',
      employment: 'tyollisyys@demo.test',
      kela: 'kela@demo.test',
      ngo: 'jarjesto@demo.test',
    };
    for (let i = 0; i < 40; i++) {
      const year = 1962 + ((i * 7) % 42);
      const dob = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
      const org = registrars[i % registrars.length]!;
      const by = userIds.get(actorOf[org]!)!;
      const firstName = FIRST_NAMES[i % FIRST_NAMES.length]!;
      const lastName = LAST_NAMES[(i * 5) % LAST_NAMES.length]!;
      const identity = syntheticIdentityCode(dob, 900 + i, i % 3 === 0);
      const { id: clientId } = await trx
        .insertInto('client')
        .values({
          identity_code: identity,
          date_of_birth: dob,
          sex: (900 + i) % 2 === 1 ? 'male' : 'female',
          first_name: firstName,
          last_name: lastName,
          phone: `+358 40 000 ${String(1000 + i).slice(-4)}`,
          email: `${firstName.toLowerCase().replace(/[äö]/g, (c) => (c === 'ä' ? 'a' : 'o'))}.${i}@example.com`,
          street_address: `Demokatu ${i + 1}`,
          postal_code: '70100',
          post_office: 'KUOPIO',
          municipality: MUNICIPALITIES[i % MUNICIPALITIES.length]!,
          preferred_language: i % 10 === 7 ? 'sv' : i % 10 === 9 ? 'en' : 'fi',
          contact_preference: (['sms', 'email', 'phone', 'letter'] as const)[i % 4]!,
          registering_organisation_id: orgIds.get(org)!,
          created_by: by,
          updated_by: by,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (org === 'sote' && i % 2 === 0) {
        const today = new Date().toISOString().slice(0, 10);
        const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
        await trx
          .insertInto('consent')
          .values({
            client_id: clientId,
            controller_organisation_id: orgIds.get('sote')!,
            recipient_organisation_id: orgIds.get('employment')!,
            categories: ['basic', 'assessment', 'plan'],
            valid_from: today,
            valid_until: nextYear,
            method: 'written',
            note: 'Demo: suostumus työkyvyn tuen yhteistyöhön.',
            created_by: by,
            updated_by: by,
          })
          .execute();
      }
    }
  });
  // The client path first: plans and measures build on its cases.
  await loadDemoClientPath(db);
  await loadDemoPlans(db);
  await loadDemoMeasures(db);
  await loadDemoCoaching(db);
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
  return !row;
}
