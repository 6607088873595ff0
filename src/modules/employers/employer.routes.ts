import { z } from 'zod';
import type { Trx } from '../../server/db/database.ts';
import { type AuditNotes, defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { recordAccess } from '../../server/policy/client-access.ts';
import { WEEKLY_CONTACT_TARGET, weekStart } from './contact-rate.ts';
import {
  presentContact,
  presentContactPerson,
  presentEmployer,
  presentEmployerSummary,
  presentOpening,
  presentSupportUse,
} from './employer.presenter.ts';
import {
  type ContactWithNames,
  findContact,
  findOpening,
  listContactPersons,
  listContacts,
  listEmployers,
  listOpenings,
  listSupportUses,
  requireEmployer,
} from './employer.repository.ts';
import {
  ContactPersonBody,
  ContactPersonDto,
  ContactPersonUpdateBody,
  ContactRateDto,
  ContactRateQuery,
  EmployerBody,
  EmployerContactBody,
  EmployerContactDto,
  EmployerContactQuery,
  EmployerDto,
  EmployerListQuery,
  EmployerSummaryDto,
  EmployerUpdateBody,
  JobOpeningBody,
  JobOpeningDto,
  JobOpeningQuery,
  JobOpeningUpdateBody,
  SupportTypeDto,
  SupportUseBody,
  SupportUseDto,
} from './employer.schema.ts';
import {
  addContactPerson,
  addSupportUse,
  createEmployer,
  createOpening,
  updateContactPerson,
  updateEmployer,
  updateOpening,
} from './employer.service.ts';
import { contactRate, recordEmployerContact } from './employer-contact.service.ts';

// The register belongs to the coaching organisation that keeps it: every query is filtered by the actor's
// organisation, and another organisation's employer answers 404.
const tags = ['employers'];

/**
 * Contacts for the organisation's staff: a contact about a client names the client only to those whose access to
 * the client's coaching `decide` allows (the same rule as reading the coaching); the access log gets the clients.
 */
async function presentContacts(
  trx: Trx,
  actor: Actor,
  now: Date,
  rows: ContactWithNames[],
  audit: AuditNotes,
) {
  const access = recordAccess(trx, actor, now);
  const out = [];
  for (const c of rows) {
    const readable =
      c.client_id !== null &&
      (await access.allows('coaching.read', {
        clientId: c.client_id,
        controllerOrganisationId: c.organisation_id,
        category: 'employment_support',
      }));
    if (readable && c.client_id) audit.clientIds.push(c.client_id);
    out.push(presentContact(c, readable));
  }
  audit.disclosures.push(...access.disclosures());
  return out;
}

async function loadEmployerDto(trx: Trx, actor: Actor, now: Date, id: string, audit: AuditNotes) {
  const e = await requireEmployer(trx, actor.organisationId, id);
  const [persons, openings, supports, contacts] = [
    await listContactPersons(trx, id),
    await listOpenings(trx, actor.organisationId, { employerId: id, status: 'all' }),
    await listSupportUses(trx, id),
    await listContacts(trx, actor.organisationId, { employerId: id, limit: 20 }),
  ];
  return presentEmployer(e, {
    persons,
    openings,
    supports,
    contacts: await presentContacts(trx, actor, now, contacts, audit),
  });
}

const list = defineRoute({
  method: 'GET',
  url: '/api/employers',
  summary: 'Employers in your organisation’s register (search by name or business ID)',
  tags,
  action: 'employer.list',
  audit: 'EmployerList',
  querystring: EmployerListQuery,
  response: z.array(EmployerSummaryDto),
  async handler({ trx, actor, query, audit }) {
    const rows = await listEmployers(trx, actor.organisationId, {
      q: query.q,
      includeInactive: query.includeInactive === 'true',
    });
    audit.metadata.count = rows.length;
    return rows.map(presentEmployerSummary);
  },
});

const create = defineRoute({
  method: 'POST',
  url: '/api/employers',
  summary: 'Add an employer to your register (business ID validated; 409 employer_exists when already there)',
  tags,
  action: 'employer.create',
  audit: 'EmployerCreate',
  body: EmployerBody,
  response: EmployerDto,
  status: 201,
  async handler({ trx, actor, body, now, audit }) {
    const id = await createEmployer(trx, actor, body, now);
    audit.targetId = id;
    return loadEmployerDto(trx, actor, now, id, audit);
  },
});

const read = defineRoute({
  method: 'GET',
  url: '/api/employers/:id',
  summary: 'An employer: contact persons, job openings, supports used and the latest 20 contacts',
  tags,
  action: 'employer.read',
  audit: 'EmployerRead',
  params: IdParams,
  response: EmployerDto,
  async handler({ trx, actor, params, now, audit }) {
    audit.targetId = params.id;
    return loadEmployerDto(trx, actor, now, params.id, audit);
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/employers/:id',
  summary: 'Change or deactivate an employer',
  tags,
  action: 'employer.update',
  audit: 'EmployerUpdate',
  params: IdParams,
  body: EmployerUpdateBody,
  response: EmployerDto,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    await updateEmployer(trx, actor, params.id, body, now);
    return loadEmployerDto(trx, actor, now, params.id, audit);
  },
});

const addPerson = defineRoute({
  method: 'POST',
  url: '/api/employers/:id/contact-persons',
  summary: 'Add a contact person (e.g. the supervisor who gets work-trial feedback links)',
  tags,
  action: 'employer.update',
  audit: 'EmployerContactPersonCreate',
  params: IdParams,
  body: ContactPersonBody,
  response: ContactPersonDto,
  status: 201,
  async handler({ trx, actor, params, body, now, audit }) {
    const id = await addContactPerson(trx, actor, params.id, body, now);
    audit.targetId = id;
    audit.metadata.employerId = params.id;
    const row = await trx
      .selectFrom('employer_contact_person')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return presentContactPerson(row);
  },
});

const updatePerson = defineRoute({
  method: 'PUT',
  url: '/api/employer-contact-persons/:id',
  summary: 'Change or deactivate a contact person',
  tags,
  action: 'employer.update',
  audit: 'EmployerContactPersonUpdate',
  params: IdParams,
  body: ContactPersonUpdateBody,
  response: ContactPersonDto,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    await updateContactPerson(trx, actor, params.id, body, now);
    const row = await trx
      .selectFrom('employer_contact_person')
      .selectAll()
      .where('id', '=', params.id)
      .executeTakeFirstOrThrow();
    return presentContactPerson(row);
  },
});

const contacts = defineRoute({
  method: 'GET',
  url: '/api/employer-contacts',
  summary: 'Your organisation’s employer contacts, newest first (at most 500)',
  tags,
  action: 'employerContact.list',
  audit: 'EmployerContactList',
  querystring: EmployerContactQuery,
  response: z.array(EmployerContactDto),
  async handler({ trx, actor, query, now, audit }) {
    const rows = await listContacts(trx, actor.organisationId, { ...query, limit: 500 });
    audit.metadata.count = rows.length;
    return presentContacts(trx, actor, now, rows, audit);
  },
});

const addContact = defineRoute({
  method: 'POST',
  url: '/api/employer-contacts',
  summary: 'Log your contact with an employer (date, purpose, outcome; optionally the client it was about)',
  tags,
  action: 'employerContact.create',
  audit: 'EmployerContactCreate',
  body: EmployerContactBody,
  response: EmployerContactDto,
  status: 201,
  async handler({ trx, actor, body, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const { id, clientId } = await recordEmployerContact(trx, actor, body, access, now);
    audit.targetId = id;
    audit.metadata.employerId = body.employerId;
    audit.metadata.purpose = body.purpose;
    if (clientId) audit.clientIds.push(clientId);
    audit.disclosures.push(...access.disclosures());
    return presentContact(await findContact(trx, actor.organisationId, id), clientId !== null);
  },
});

const rate = defineRoute({
  method: 'GET',
  url: '/api/employer-contacts/per-coach-week',
  summary: 'Employer contacts per coach per week over a period (IPS job development: about 6)',
  tags,
  action: 'employerContact.rate',
  audit: 'EmployerContactRateRead',
  querystring: ContactRateQuery,
  response: ContactRateDto,
  async handler({ trx, actor, query, audit }) {
    const coaches = await contactRate(trx, actor.organisationId, query.from, query.to);
    audit.metadata.coaches = coaches.length;
    audit.metadata.fromWeek = weekStart(query.from);
    return { from: query.from, to: query.to, target: WEEKLY_CONTACT_TARGET, coaches };
  },
});

const openings = defineRoute({
  method: 'GET',
  url: '/api/job-openings',
  summary: 'Job openings in your register (open ones unless asked)',
  tags,
  action: 'jobOpening.list',
  audit: 'JobOpeningList',
  querystring: JobOpeningQuery,
  response: z.array(JobOpeningDto),
  async handler({ trx, actor, query, audit }) {
    const rows = await listOpenings(trx, actor.organisationId, query);
    audit.metadata.count = rows.length;
    return rows.map(presentOpening);
  },
});

const addOpening = defineRoute({
  method: 'POST',
  url: '/api/employers/:id/job-openings',
  summary: 'Record a job opening found with an employer',
  tags,
  action: 'jobOpening.create',
  audit: 'JobOpeningCreate',
  params: IdParams,
  body: JobOpeningBody,
  response: JobOpeningDto,
  status: 201,
  async handler({ trx, actor, params, body, now, audit }) {
    const id = await createOpening(trx, actor, params.id, body, now);
    audit.targetId = id;
    return presentOpening((await findOpening(trx, actor.organisationId, id))!);
  },
});

const changeOpening = defineRoute({
  method: 'PUT',
  url: '/api/job-openings/:id',
  summary: 'Change a job opening or its status (open, filled, closed)',
  tags,
  action: 'jobOpening.update',
  audit: 'JobOpeningUpdate',
  params: IdParams,
  body: JobOpeningUpdateBody,
  response: JobOpeningDto,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    await updateOpening(trx, actor, params.id, body, now);
    return presentOpening((await findOpening(trx, actor.organisationId, params.id))!);
  },
});

const addSupport = defineRoute({
  method: 'POST',
  url: '/api/employers/:id/supports',
  summary:
    'Record a support used with the employer (pay subsidy, work trial, …), optionally for one job or trial',
  tags,
  action: 'employerSupport.create',
  audit: 'EmployerSupportCreate',
  params: IdParams,
  body: SupportUseBody,
  response: SupportUseDto,
  status: 201,
  async handler({ trx, actor, params, body, now, audit }) {
    const id = await addSupportUse(trx, actor, params.id, body, now);
    audit.targetId = id;
    audit.metadata.employerId = params.id;
    audit.metadata.supportCode = body.supportCode;
    const row = (await listSupportUses(trx, params.id)).find((s) => s.id === id)!;
    return presentSupportUse(row);
  },
});

const supportTypes = defineRoute({
  method: 'GET',
  url: '/api/code-lists/employment-supports',
  summary: 'Supports used with employers (editable code list, three languages)',
  tags: ['code lists'],
  action: 'codeList.read',
  audit: 'CodeListRead',
  response: z.array(SupportTypeDto),
  async handler({ trx }) {
    const rows = await trx
      .selectFrom('employment_support_type')
      .selectAll()
      .where('active', '=', true)
      .orderBy('sort_order')
      .execute();
    return rows.map((r) => ({ code: r.code, nameFi: r.name_fi, nameSv: r.name_sv, nameEn: r.name_en }));
  },
});

export const employerRoutes = [
  list,
  create,
  read,
  update,
  addPerson,
  updatePerson,
  contacts,
  addContact,
  rate,
  openings,
  addOpening,
  changeOpening,
  addSupport,
  supportTypes,
];
