import { useState } from 'react';
import { Button, Dropdown, DropdownItem, Paragraph, Table, Textarea } from 'suomifi-ui-components';
import type { CLIENT_WORKER_ROLES as SERVER_WORKER_ROLES } from '../../server/policy/roles.ts';
import { useOrganisations } from '../admin/queries.ts';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { Section } from '../shared/page.tsx';
import { EntryForm } from './entry.tsx';
import { dropdownItems, fieldLabel, pathFormErrors, ReloadNotice } from './path-shared.tsx';
import {
  type Case,
  useAddTeamMember,
  useAssignManager,
  useCaseManagerCandidates,
  useCaseProfessionals,
  useRemoveTeamMember,
} from './queries.ts';

type WorkerRole = (typeof SERVER_WORKER_ROLES)[number];
const WORKER_ROLES = [
  'coordinator',
  'physician',
  'nurse',
  'social_worker',
  'employment_advisor',
  'kela_advisor',
  'job_coach',
  'ngo_worker',
] as const satisfies readonly WorkerRole[];

/** One named case manager at a time, the handover and its history. */
export function ManagerSection({ kase, onReload }: { kase: Case; onReload: () => Promise<void> }) {
  const t = useT();
  const m = t.clientPath.manager;
  const current = kase.caseManager;
  return (
    <Section title={m.title} data-qa="case-manager" id="case-manager">
      <Paragraph mb="m">{m.help}</Paragraph>
      <dl className="data-list">
        <dt>{m.current}</dt>
        <dd data-qa="case-manager-name">
          {current
            ? `${t.clientPath.common.organisationOf(current.name, current.organisationName)}, ${m.since(formatDateTime(current.startedAt, t))}`
            : t.clientPath.case.noManager}
        </dd>
      </dl>
      {kase.closedOn === null && <HandoverForm kase={kase} onReload={onReload} />}
      <div className="table-wrapper" data-qa="case-manager-history">
        <Table
          caption={m.historyCaption}
          columns={[
            { key: 'name', labelText: m.historyColumns.name },
            { key: 'period', labelText: m.historyColumns.period },
            { key: 'note', labelText: m.historyColumns.note },
          ]}
          data={[...kase.caseManagerHistory]
            .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
            .map((h) => ({
              id: h.assignmentId,
              name: t.clientPath.common.organisationOf(h.name, h.organisationName),
              period: h.endedAt
                ? m.period(formatDate(h.startedAt), formatDate(h.endedAt))
                : m.ongoing(formatDate(h.startedAt)),
              note: h.note,
            }))}
        />
      </div>
    </Section>
  );
}

const HANDOVER = 'handover';

function HandoverForm({ kase, onReload }: { kase: Case; onReload: () => Promise<void> }) {
  const t = useT();
  const m = t.clientPath.manager;
  const flash = useFlash();
  const candidates = useCaseManagerCandidates(kase.id);
  const assign = useAssignManager(kase.id);
  const [choice, setChoice] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const current = kase.caseManager;
  const options = (candidates.data ?? []).filter(
    (c) => !(current && c.userId === current.userId && c.organisationId === current.organisationId),
  );

  function submit() {
    const chosen = options.find((c) => `${c.userId}:${c.organisationId}` === choice);
    if (!chosen) {
      setErrors({ fields: { userId: t.errors.issues.required }, general: null, error: null });
      return;
    }
    assign.mutate(
      { userId: chosen.userId, organisationId: chosen.organisationId, note, version: kase.version },
      {
        onSuccess: () => {
          setErrors(NO_ERRORS);
          setChoice('');
          setNote('');
          flash(m.assigned);
        },
        onError: (error) =>
          setErrors(
            pathFormErrors(t, error, { not_eligible_case_manager: 'userId', already_case_manager: 'userId' }),
          ),
      },
    );
  }

  return (
    <EntryForm
      title={m.handoverTitle}
      idPrefix={HANDOVER}
      errors={errors}
      label={(field) => fieldLabel(m.fields, field)}
      onSubmit={submit}
      pending={assign.isPending}
      submitText={m.submit}
      onReload={async () => {
        await onReload();
        setErrors(NO_ERRORS);
        flash(t.clientPath.common.reloaded);
      }}
      data-qa="handover-form"
    >
      <div className="form-grid">
        <Dropdown
          id={fieldId(HANDOVER, 'userId')}
          labelText={m.fields.userId}
          hintText={m.candidateHint}
          value={choice || null}
          visualPlaceholder={t.common.choose}
          onChange={setChoice}
          status={errors.fields.userId ? 'error' : 'default'}
          statusText={errors.fields.userId}
          fullWidth
          data-qa="handover-user"
        >
          {dropdownItems(
            options.map((c) => (
              <DropdownItem key={`${c.userId}:${c.organisationId}`} value={`${c.userId}:${c.organisationId}`}>
                {`${c.name}, ${lookup(t.roles, c.role) ?? c.role}, ${c.organisationName}`}
              </DropdownItem>
            )),
            t.clientPath.common.noOptions,
          )}
        </Dropdown>
      </div>
      <Textarea
        id={fieldId(HANDOVER, 'note')}
        labelText={m.fields.note}
        optionalText={t.common.optional}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        fullWidth
        mt="l"
        data-qa="handover-note"
      />
    </EntryForm>
  );
}

/**
 * The case team by organisation and role. Adding an organisation gives it a care relationship with the
 * client; removing its last member ends that relationship.
 */
export function TeamSection({ kase, onReload }: { kase: Case; onReload: () => Promise<void> }) {
  const t = useT();
  const tm = t.clientPath.team;
  const flash = useFlash();
  const remove = useRemoveTeamMember(kase.id);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const active = kase.members
    .filter((x) => x.removedAt === null)
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'fi'));
  const removed = kase.members.filter((x) => x.removedAt !== null);
  const role = (code: string) => lookup(t.roles, code) ?? code;

  return (
    <Section title={tm.title} data-qa="case-team" id="case-team">
      <Paragraph mb="m">{tm.help}</Paragraph>
      <FormErrorSummary errors={errors} idPrefix="team-remove" label={() => ''}>
        <ReloadNotice
          errors={errors}
          onReload={async () => {
            await onReload();
            setErrors(NO_ERRORS);
          }}
        />
      </FormErrorSummary>
      <div className="table-wrapper" data-qa="team-members">
        <Table
          caption={tm.caption}
          columns={[
            { key: 'organisation', labelText: tm.columns.organisation },
            { key: 'person', labelText: tm.columns.person },
            { key: 'role', labelText: tm.columns.role },
            { key: 'added', labelText: tm.columns.added },
            { key: 'actions', labelText: tm.columns.actions },
          ]}
          data={active.map((x) => {
            const who = x.userName ?? x.organisationName;
            return {
              id: x.id,
              organisation: (
                <>
                  {x.organisationName}
                  {!x.canReadPlan && (
                    <>
                      <br />
                      <span className="meta">{tm.noPlanConsent}</span>
                    </>
                  )}
                </>
              ),
              person: x.userName ?? tm.organisationOnly,
              role: role(x.role),
              added: <span className="nowrap">{formatDate(x.addedAt)}</span>,
              actions: (
                <Button
                  variant="secondaryNoBorder"
                  disabled={remove.isPending}
                  aria-label={tm.removeLabel(`${who}, ${role(x.role)}`)}
                  data-qa="team-member-remove"
                  onClick={() =>
                    remove.mutate(
                      { memberId: x.id, version: x.version },
                      {
                        onSuccess: () => {
                          setErrors(NO_ERRORS);
                          flash(tm.removed);
                        },
                        onError: (error) => setErrors(pathFormErrors(t, error)),
                      },
                    )
                  }
                >
                  {tm.remove}
                </Button>
              ),
            };
          })}
        />
      </div>
      {removed.length > 0 && (
        <>
          <h3 className="sub-heading">{tm.removedMembers}</h3>
          <ul className="plain-list compact-list" data-qa="team-removed">
            {removed.map((x) => (
              <li key={x.id}>
                {`${x.userName ?? tm.organisationOnly}, ${x.organisationName}, ${role(x.role)}`}{' '}
                <span className="meta">
                  {tm.removedAt(formatDate(x.removedAt), x.removedBy ?? t.common.notRecorded)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {kase.closedOn === null && <AddMemberForm kase={kase} />}
    </Section>
  );
}

const ADD = 'team-add';

function AddMemberForm({ kase }: { kase: Case }) {
  const t = useT();
  const tm = t.clientPath.team;
  const flash = useFlash();
  const organisations = useOrganisations();
  const add = useAddTeamMember(kase.id);
  const [organisationId, setOrganisationId] = useState('');
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<WorkerRole | ''>('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const professionals = useCaseProfessionals(kase.id, organisationId);
  const NOBODY = 'nobody';

  function submit() {
    const fields: Record<string, string> = {};
    if (!organisationId) fields.organisationId = t.errors.issues.required;
    if (!role) fields.role = t.errors.issues.required;
    if (Object.keys(fields).length > 0 || !role) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    add.mutate(
      { organisationId, role, ...(userId && userId !== NOBODY ? { userId } : {}) },
      {
        onSuccess: () => {
          setErrors(NO_ERRORS);
          setOrganisationId('');
          setUserId('');
          setRole('');
          flash(tm.added);
        },
        onError: (error) => setErrors(pathFormErrors(t, error, { already_on_team: 'organisationId' })),
      },
    );
  }

  return (
    <EntryForm
      title={tm.addTitle}
      idPrefix={ADD}
      errors={errors}
      label={(field) => fieldLabel(tm.fields, field)}
      onSubmit={submit}
      pending={add.isPending}
      submitText={tm.submit}
      data-qa="team-add-form"
    >
      <div className="form-grid">
        <Dropdown
          id={fieldId(ADD, 'organisationId')}
          labelText={tm.fields.organisationId}
          value={organisationId || null}
          visualPlaceholder={t.common.choose}
          onChange={(v) => {
            setOrganisationId(v);
            setUserId('');
          }}
          status={errors.fields.organisationId ? 'error' : 'default'}
          statusText={errors.fields.organisationId}
          fullWidth
          data-qa="team-add-organisation"
        >
          {dropdownItems(
            (organisations.data ?? [])
              .filter((o) => o.active)
              .map((o) => (
                <DropdownItem key={o.id} value={o.id}>
                  {o.name}
                </DropdownItem>
              )),
            t.clientPath.common.noOptions,
          )}
        </Dropdown>
        <Dropdown
          id={fieldId(ADD, 'userId')}
          labelText={tm.fields.userId}
          hintText={tm.userHint}
          optionalText={t.common.optional}
          value={userId || NOBODY}
          onChange={setUserId}
          status={errors.fields.userId ? 'error' : 'default'}
          statusText={errors.fields.userId}
          fullWidth
          data-qa="team-add-user"
        >
          {[
            <DropdownItem key={NOBODY} value={NOBODY}>
              {tm.noUser}
            </DropdownItem>,
            ...(professionals.data ?? []).map((p) => (
              <DropdownItem key={p.userId} value={p.userId}>
                {`${p.name}, ${lookup(t.roles, p.role) ?? p.role}`}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
        <Dropdown
          id={fieldId(ADD, 'role')}
          labelText={tm.fields.role}
          value={role || null}
          visualPlaceholder={t.common.choose}
          onChange={(v) => setRole(v as WorkerRole)}
          status={errors.fields.role ? 'error' : 'default'}
          statusText={errors.fields.role}
          fullWidth
          data-qa="team-add-role"
        >
          {WORKER_ROLES.map((r) => (
            <DropdownItem key={r} value={r}>
              {t.roles[r]}
            </DropdownItem>
          ))}
        </Dropdown>
      </div>
    </EntryForm>
  );
}
