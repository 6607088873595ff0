import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Dropdown, DropdownItem, Heading, Paragraph, Table } from 'suomifi-ui-components';
import { useOrganisations } from '../admin/queries.ts';
import { api } from '../api.ts';
import type { Messages } from '../i18n/fi.ts';
import { useI18n } from '../i18n/language.tsx';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { LoadError, Loading, Section } from '../shared/page.tsx';
import { ACTION_STATUSES, type ActionStatus, GAS_SCALE_KEYS, type ScaleKey } from './draft.ts';
import { featureErrorMessage } from './errors.ts';
import {
  type Plan,
  type PlanComparison,
  type PlanVersion,
  usePlanComparison,
  usePlanVersions,
} from './queries.ts';

type Value = string | number | string[] | null;

function usePlanVersion(planId: string, version: number | null) {
  return useQuery({
    queryKey: ['plans', 'one', planId, 'version', version ?? 0],
    queryFn: () => api.get<PlanVersion>(`/api/plans/${planId}/versions/${version}`),
    enabled: version !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Every saved version, and what changed between any two of them in words. */
export function PlanVersionsSection({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const v = t.plans.versions;
  const versions = usePlanVersions(plan.id);
  const [from, setFrom] = useState<number | null>(plan.version > 1 ? plan.version - 1 : null);
  const [to, setTo] = useState<number | null>(plan.version > 1 ? plan.version : null);
  const rows = versions.data ?? [];

  return (
    <Section title={v.title} data-qa="plan-versions" id="plan-versions">
      <Paragraph mb="m">{v.intro}</Paragraph>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <LoadError error={versions.error} />
      ) : (
        <div className="table-wrapper" data-qa="plan-version-table">
          <Table
            caption={v.caption}
            columns={[
              { key: 'version', labelText: v.version },
              { key: 'saved', labelText: v.saved },
              { key: 'contents', labelText: v.contents },
              { key: 'acknowledged', labelText: v.acknowledged },
            ]}
            data={rows.map((r) => ({
              id: String(r.version),
              version: <span data-qa="plan-version-number">{r.version}</span>,
              saved: `${formatDateTime(r.savedAt, t)}, ${r.savedBy}`,
              contents: v.counts(r.goals, r.actions),
              acknowledged: r.acknowledged ? v.yes : v.no,
            }))}
          />
        </div>
      )}
      {rows.length >= 2 && (
        <div className="subpanel" data-qa="plan-compare">
          <Heading variant="h3" mb="s">
            {v.compareTitle}
          </Heading>
          <div className="inline-form plan-compare__choose">
            <Dropdown
              id="plan-compare-from"
              labelText={v.from}
              value={from === null ? null : String(from)}
              visualPlaceholder={t.common.choose}
              onChange={(x) => setFrom(Number(x))}
              data-qa="plan-compare-from"
            >
              {rows.map((r) => (
                <DropdownItem key={r.version} value={String(r.version)}>
                  {v.versionN(r.version)}
                </DropdownItem>
              ))}
            </Dropdown>
            <Dropdown
              id="plan-compare-to"
              labelText={v.to}
              value={to === null ? null : String(to)}
              visualPlaceholder={t.common.choose}
              onChange={(x) => setTo(Number(x))}
              data-qa="plan-compare-to"
            >
              {rows.map((r) => (
                <DropdownItem key={r.version} value={String(r.version)}>
                  {v.versionN(r.version)}
                </DropdownItem>
              ))}
            </Dropdown>
          </div>
          {from !== null && to !== null && from !== to ? (
            <Comparison planId={plan.id} from={from} to={to} />
          ) : (
            <Paragraph mt="m">{v.chooseTwo}</Paragraph>
          )}
        </div>
      )}
    </Section>
  );
}

function Comparison({ planId, from, to }: { planId: string; from: number; to: number }) {
  const { t, lang } = useI18n();
  const comparison = usePlanComparison(planId, from, to);
  const before = usePlanVersion(planId, from);
  const after = usePlanVersion(planId, to);
  const organisations = useOrganisations();
  if (comparison.isPending || before.isPending || after.isPending) return <Loading />;
  const error = comparison.error ?? before.error ?? after.error;
  if (error || !comparison.data || !before.data || !after.data) {
    return (
      <div role="alert">
        <Paragraph>{featureErrorMessage(t, error)}</Paragraph>
      </div>
    );
  }
  const orgName = (id: string) =>
    organisations.data?.find((o) => o.id === id)?.name ?? t.plans.common.unknown;
  const lines = describeComparison(t, comparison.data, before.data, after.data, orgName);
  return (
    <div className="plan-changes" aria-live="polite" data-qa="plan-changes" lang={lang}>
      <Paragraph mt="m" mb="s">
        <strong>{t.plans.versions.changesFromTo(from, to)}</strong>
      </Paragraph>
      {lines.length === 0 ? (
        <Paragraph data-qa="plan-changes-none">{t.plans.versions.noChanges}</Paragraph>
      ) : (
        <ul data-qa="plan-change-list">
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list computed from one comparison.
            <li key={i} data-qa="plan-change">
              {line}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The comparison as sentences a person reads: what was added, removed and changed, from → to. */
export function describeComparison(
  t: Messages,
  c: PlanComparison,
  before: PlanVersion,
  after: PlanVersion,
  orgName: (id: string) => string,
): ReactNode[] {
  const v = t.plans.versions;
  const p = t.plans.plan;
  const lines: ReactNode[] = [];
  const goalsById = new Map([...before.content.goals, ...after.content.goals].map((g) => [g.id, g]));
  const actionsById = new Map([...before.content.actions, ...after.content.actions].map((a) => [a.id, a]));
  const quote = (s: string) => `“${s}”`;
  const goalLabel = (id: string) => {
    const g = goalsById.get(id);
    return g ? quote(g.text) : t.plans.common.unknown;
  };
  const show = (field: string, value: Value): string => {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return v.empty;
    if (Array.isArray(value)) return value.map((id) => goalLabel(id)).join(', ');
    if (field === 'targetDate' || field === 'dueDate') return formatDate(String(value));
    if (field === 'responsibleOrganisationId') return orgName(String(value));
    if (field === 'responsibleUserId') return v.person;
    if (field === 'status' && (ACTION_STATUSES as readonly string[]).includes(String(value)))
      return p.statuses[value as ActionStatus];
    if (field === 'baseline' || field === 'weight') return String(value);
    return quote(String(value));
  };
  const fieldName = (field: string): string => {
    if (field.startsWith('scale.')) {
      const k = field.slice(6) as ScaleKey;
      return GAS_SCALE_KEYS.includes(k) ? v.scaleLevel(t.plans.gas.levelNumber[k]) : field;
    }
    const names: Record<string, string> = {
      text: p.goalText,
      weight: p.weight,
      targetDate: p.targetDate,
      baseline: p.baseline,
      description: p.actionDescription,
      goalIds: p.actionGoals,
      responsibleOrganisationId: p.responsibleOrganisation,
      responsibleUserId: p.responsiblePerson,
      dueDate: p.dueDate,
      status: t.common.status,
    };
    return names[field] ?? field;
  };
  const change = (field: string, from: Value, to: Value) =>
    field === 'responsibleUserId'
      ? v.personChanged
      : v.fieldChanged(fieldName(field), show(field, from), show(field, to));

  for (const g of c.goals.added) lines.push(v.goalAdded(quote(g.text)));
  for (const g of c.goals.removed) lines.push(v.goalRemoved(quote(g.text)));
  for (const g of c.goals.changed) {
    for (const ch of g.changes) lines.push(`${v.goal(goalLabel(g.id))}: ${change(ch.field, ch.from, ch.to)}`);
  }
  if (c.goalsReordered) lines.push(v.goalsReordered);
  const actionLabel = (id: string) => {
    const a = actionsById.get(id);
    return a ? quote(a.description) : t.plans.common.unknown;
  };
  for (const a of c.actions.added) lines.push(v.actionAdded(quote(a.description)));
  for (const a of c.actions.removed) lines.push(v.actionRemoved(quote(a.description)));
  for (const a of c.actions.changed) {
    for (const ch of a.changes)
      lines.push(`${v.action(actionLabel(a.id))}: ${change(ch.field, ch.from, ch.to)}`);
  }
  if (c.actionsReordered) lines.push(v.actionsReordered);
  for (const ch of c.assessment) {
    const name = (p.assessment as Record<string, string>)[ch.field] ?? ch.field;
    lines.push(v.assessmentChanged(name, show('text', ch.from), show('text', ch.to)));
  }
  for (const d of c.reviewDates.added) lines.push(v.reviewDateAdded(formatDate(d)));
  for (const d of c.reviewDates.removed) lines.push(v.reviewDateRemoved(formatDate(d)));
  return lines;
}
