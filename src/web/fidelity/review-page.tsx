import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Button,
  Dropdown,
  DropdownItem,
  Heading,
  InlineAlert,
  Paragraph,
  RouterLink,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { FIDELITY_GROUPS, fidelityBand } from '../../modules/fidelity/fidelity-scoring.ts';
import { ApiError } from '../api.ts';
import { useCan } from '../auth/session.tsx';
import { useApiFormErrors } from '../coaching/ui.tsx';
import { lookup, useI18n } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, formatDateTime, isoToFinnish } from '../shared/dates.ts';
import {
  FormErrorSummary,
  type FormErrors,
  fieldId,
  missingFields,
  NO_ERRORS,
  StaleVersionNotice,
} from '../shared/form.tsx';
import { LoadError, Loading, PageHeading, Section } from '../shared/page.tsx';
import { BandLabel } from './fidelity-page.tsx';
import {
  type FidelityReview,
  type ReviewItem,
  useFidelityReview,
  useFinaliseReview,
  useUpdateReview,
} from './queries.ts';

type Score = number | null;
interface ItemValues {
  reviewer1: Score;
  reviewer2: Score;
  agreed: Score;
  note: string;
}
const SCORES = [1, 2, 3, 4, 5] as const;
const NONE = 'none';
const ID = 'review';

export function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const review = useFidelityReview(id);
  if (review.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (review.isError) {
    const notFound = review.error instanceof ApiError && review.error.status === 404;
    return (
      <>
        <PageHeading>{notFound ? t.common.notFoundTitle : t.common.loadFailed}</PageHeading>
        <LoadError error={review.error} />
      </>
    );
  }
  return <ReviewView key={review.data.version} review={review.data} />;
}

function useItemName() {
  const { lang } = useI18n();
  return (i: ReviewItem) => (lang === 'sv' ? i.nameSv : lang === 'en' ? i.nameEn : i.nameFi);
}

function ReviewView({ review: r }: { review: FidelityReview }) {
  const { t } = useI18n();
  const e = t.employment;
  const can = useCan();
  const editable = r.status === 'draft' && can('fidelity.update');
  return (
    <div data-qa="fidelity-review-page" data-status={r.status}>
      <PageHeading>{e.review.title(r.team.name, formatDate(r.reviewDate))}</PageHeading>
      <p className="page-actions page-actions--row">
        <RouterLink asComponent={Link} to={`/fidelity/teams/${r.team.id}`} data-qa="review-history-link">
          {e.fidelity.historyLink}
        </RouterLink>
        <RouterLink asComponent={Link} to="/fidelity">
          {e.fidelity.backToTeams}
        </RouterLink>
      </p>
      {editable ? <ReviewForm review={r} /> : <FinalReview review={r} />}
    </div>
  );
}

function FinalReview({ review: r }: { review: FidelityReview }) {
  const { t } = useI18n();
  const e = t.employment;
  const name = useItemName();
  return (
    <>
      <Section title={e.review.resultTitle} data-qa="review-result">
        <dl className="data-list">
          <dt>{t.common.status}</dt>
          <dd>{e.reviewStatuses[r.status]}</dd>
          <dt>{e.review.total}</dt>
          <dd data-qa="review-total">{r.total === null ? '–' : e.review.totalOf(r.total)}</dd>
          <dt>{e.review.band}</dt>
          <dd>
            <BandLabel band={r.band} total={null} />
          </dd>
          <dt>{e.review.reviewers}</dt>
          <dd>{`${r.reviewer1Name}, ${r.reviewer2Name}`}</dd>
          <dt>{e.fidelity.nextDue}</dt>
          <dd>{r.nextReviewDue ? formatDate(r.nextReviewDue) : '–'}</dd>
          {r.finalisedAt && (
            <>
              <dt>{e.review.finalised}</dt>
              <dd>
                {e.review.finalisedBy(
                  formatDateTime(r.finalisedAt, t),
                  r.finalisedBy ?? t.common.notRecorded,
                )}
              </dd>
            </>
          )}
        </dl>
      </Section>
      <Section title={e.review.fields.actionPlan} data-qa="review-action-plan">
        <Paragraph className="pre-wrap">{r.actionPlan || '–'}</Paragraph>
      </Section>
      {FIDELITY_GROUPS.map((g) => (
        <Section key={g} title={e.review.groupTitle(e.fidelityGroups[g], r.groupTotals[g])} id={`group-${g}`}>
          <table className="score-table">
            <caption className="visually-hidden">{e.fidelityGroups[g]}</caption>
            <thead>
              <tr>
                <th scope="col">{e.review.columns.item}</th>
                <th scope="col">{r.reviewer1Name}</th>
                <th scope="col">{r.reviewer2Name}</th>
                <th scope="col">{e.review.columns.agreed}</th>
                <th scope="col">{e.review.columns.note}</th>
              </tr>
            </thead>
            <tbody>
              {r.items
                .filter((i) => i.group === g)
                .map((i) => (
                  <tr key={i.code}>
                    <th scope="row">{`${i.number}. ${name(i)}`}</th>
                    <td>{i.reviewer1 ?? '–'}</td>
                    <td>{i.reviewer2 ?? '–'}</td>
                    <td>
                      <strong>{i.agreed ?? '–'}</strong>
                    </td>
                    <td>{i.note || '–'}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </Section>
      ))}
    </>
  );
}

function ReviewForm({ review: r }: { review: FidelityReview }) {
  const { t } = useI18n();
  const e = t.employment;
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const canFinalise = useCan()('fidelity.finalise');
  const name = useItemName();
  const update = useUpdateReview(r.id);
  const finalise = useFinaliseReview(r.id);
  const latest = useFidelityReview(r.id);
  const [head, setHead] = useState({
    reviewDate: isoToFinnish(r.reviewDate),
    reviewer1Name: r.reviewer1Name,
    reviewer2Name: r.reviewer2Name,
    actionPlan: r.actionPlan,
  });
  const [items, setItems] = useState<Record<string, ItemValues>>(() =>
    Object.fromEntries(
      r.items.map((i) => [
        i.code,
        { reviewer1: i.reviewer1, reviewer2: i.reviewer2, agreed: i.agreed, note: i.note },
      ]),
    ),
  );
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const label = (field: string) => lookup(e.review.fields, field) ?? field;
  const setItem = (code: string, key: keyof ItemValues, value: Score | string) =>
    setItems((all) => ({ ...all, [code]: { ...(all[code] as ItemValues), [key]: value } }));

  // The live sums; the server computes the final total and band when the review is finalised.
  const agreed = r.items.map((i) => items[i.code]?.agreed ?? null);
  const agreedCount = agreed.filter((s) => s !== null).length;
  const total = agreed.reduce<number>((sum, s) => sum + (s ?? 0), 0);
  const complete = agreedCount === r.items.length;
  const band = complete ? fidelityBand(total) : null;
  const groupTotal = (g: string) =>
    r.items.filter((i) => i.group === g).reduce((sum, i) => sum + (items[i.code]?.agreed ?? 0), 0);
  const apart = (v: ItemValues | undefined) =>
    v?.reviewer1 != null && v.reviewer2 != null && Math.abs(v.reviewer1 - v.reviewer2) >= 2;
  const anyUnchecked = r.items.some((i) => !i.textChecked);

  function body() {
    const fields = missingFields(t, head, ['reviewDate', 'reviewer1Name', 'reviewer2Name']);
    const reviewDate = finnishToIso(head.reviewDate);
    if (!fields.reviewDate && !reviewDate) fields.reviewDate = t.errors.issues.invalid_date;
    if (Object.keys(fields).length > 0 || !reviewDate) {
      setErrors({ fields, general: null, error: null });
      return null;
    }
    return {
      reviewDate,
      reviewer1Name: head.reviewer1Name,
      reviewer2Name: head.reviewer2Name,
      actionPlan: head.actionPlan,
      items: r.items.map((i) => {
        const v = items[i.code] as ItemValues;
        return {
          itemCode: i.code,
          reviewer1: v.reviewer1,
          reviewer2: v.reviewer2,
          agreed: v.agreed,
          note: v.note,
        };
      }),
      version: r.version,
    };
  }

  function save() {
    const b = body();
    if (!b) return;
    update.mutate(b, {
      onSuccess: () => flash(e.review.saved),
      onError: (error) => setErrors(formErrors(error)),
    });
  }

  async function saveAndFinalise() {
    const b = body();
    if (!b) return;
    try {
      const saved = await update.mutateAsync(b);
      await finalise.mutateAsync({ version: saved.version });
      flash(e.review.finalisedDone);
    } catch (error) {
      setConfirming(false);
      setErrors(formErrors(error, { action_plan_missing: 'actionPlan' }));
    }
  }

  async function reload() {
    await latest.refetch();
    flash(t.stale.reloaded);
  }

  const pending = update.isPending || finalise.isPending;
  const scoreDropdown = (i: ReviewItem, key: 'reviewer1' | 'reviewer2' | 'agreed', who: string) => (
    <Dropdown
      id={fieldId(ID, `${i.code}-${key}`)}
      labelText={e.review.scoreLabel(i.number, name(i), who)}
      labelMode="hidden"
      value={items[i.code]?.[key] == null ? NONE : String(items[i.code]?.[key])}
      onChange={(v) => setItem(i.code, key, v === NONE ? null : Number(v))}
      className="score-dropdown"
      data-qa={`score-${i.number}-${key}`}
    >
      {[
        <DropdownItem key={NONE} value={NONE}>
          {e.review.notScored}
        </DropdownItem>,
        ...SCORES.map((s) => (
          <DropdownItem key={s} value={String(s)}>
            {String(s)}
          </DropdownItem>
        )),
      ]}
    </Dropdown>
  );

  return (
    <>
      <FormErrorSummary errors={errors} idPrefix={ID} label={label}>
        <StaleVersionNotice errors={errors} onReload={reload} />
      </FormErrorSummary>
      <Section title={e.review.detailsTitle} data-qa="review-details">
        <Paragraph mb="m">{e.review.intro}</Paragraph>
        <div className="form-grid">
          <DateField
            id={fieldId(ID, 'reviewDate')}
            label={e.review.fields.reviewDate}
            value={head.reviewDate}
            onChange={(v) => setHead((h) => ({ ...h, reviewDate: v }))}
            error={errors.fields.reviewDate}
          />
          <TextInput
            id={fieldId(ID, 'reviewer1Name')}
            labelText={e.review.fields.reviewer1Name}
            value={head.reviewer1Name}
            onChange={(v) => setHead((h) => ({ ...h, reviewer1Name: String(v ?? '') }))}
            status={errors.fields.reviewer1Name ? 'error' : 'default'}
            statusText={errors.fields.reviewer1Name}
            fullWidth
          />
          <TextInput
            id={fieldId(ID, 'reviewer2Name')}
            labelText={e.review.fields.reviewer2Name}
            value={head.reviewer2Name}
            onChange={(v) => setHead((h) => ({ ...h, reviewer2Name: String(v ?? '') }))}
            status={errors.fields.reviewer2Name ? 'error' : 'default'}
            statusText={errors.fields.reviewer2Name}
            fullWidth
          />
        </div>
      </Section>

      <div className="panel review-summary" aria-live="polite" data-qa="review-live-summary">
        <Heading variant="h2" mb="xs">
          {e.review.liveTitle}
        </Heading>
        <p className="review-summary__total">
          <span data-qa="review-live-total">{e.review.liveTotal(total, agreedCount, r.items.length)}</span>{' '}
          {band ? (
            <BandLabel band={band} total={null} />
          ) : (
            <span className="muted">{e.review.bandWhenComplete}</span>
          )}
        </p>
        <p className="muted">
          {FIDELITY_GROUPS.map((g) => `${e.fidelityGroups[g]} ${groupTotal(g)}`).join(' · ')}
        </p>
      </div>

      {anyUnchecked && <Paragraph mb="m">{e.review.namesUnchecked}</Paragraph>}
      <div className="button-row button-row--top">
        <Button
          variant="secondary"
          onClick={() =>
            setItems((all) =>
              Object.fromEntries(
                Object.entries(all).map(([code, v]) => [
                  code,
                  v.agreed === null && v.reviewer1 !== null && v.reviewer1 === v.reviewer2
                    ? { ...v, agreed: v.reviewer1 }
                    : v,
                ]),
              ),
            )
          }
          data-qa="copy-agreed"
        >
          {e.review.copyAgreed}
        </Button>
      </div>

      {FIDELITY_GROUPS.map((g) => (
        <Section
          key={g}
          title={e.review.groupTitle(e.fidelityGroups[g], groupTotal(g))}
          id={`group-${g}`}
          data-qa={`review-group-${g}`}
        >
          <div className="table-scroll">
            <table className="score-table">
              <caption className="visually-hidden">{e.fidelityGroups[g]}</caption>
              <thead>
                <tr>
                  <th scope="col">{e.review.columns.item}</th>
                  <th scope="col">{head.reviewer1Name || e.review.fields.reviewer1Name}</th>
                  <th scope="col">{head.reviewer2Name || e.review.fields.reviewer2Name}</th>
                  <th scope="col">{e.review.columns.agreed}</th>
                  <th scope="col">{e.review.columns.note}</th>
                </tr>
              </thead>
              <tbody>
                {r.items
                  .filter((i) => i.group === g)
                  .map((i) => {
                    const v = items[i.code];
                    return (
                      <tr key={i.code} data-qa={`review-item-${i.number}`}>
                        <th scope="row">
                          {`${i.number}. ${name(i)}`}
                          {i.number === 1 && (
                            <span className="hint">
                              {e.review.suggestedCaseload(r.suggestedCaseloadScore)}
                            </span>
                          )}
                          {apart(v) && (
                            <span className="hint hint--warning" data-qa="review-disagreement">
                              {e.review.disagreement}
                            </span>
                          )}
                        </th>
                        <td>
                          {scoreDropdown(i, 'reviewer1', head.reviewer1Name || e.review.fields.reviewer1Name)}
                        </td>
                        <td>
                          {scoreDropdown(i, 'reviewer2', head.reviewer2Name || e.review.fields.reviewer2Name)}
                        </td>
                        <td>{scoreDropdown(i, 'agreed', e.review.columns.agreed)}</td>
                        <td>
                          <TextInput
                            labelText={e.review.noteLabel(i.number, name(i))}
                            labelMode="hidden"
                            value={v?.note ?? ''}
                            onChange={(x) => setItem(i.code, 'note', String(x ?? ''))}
                            className="score-note"
                          />
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
        </Section>
      ))}

      <Section title={e.review.fields.actionPlan} data-qa="review-action-plan">
        <Textarea
          id={fieldId(ID, 'actionPlan')}
          labelText={e.review.fields.actionPlan}
          labelMode="hidden"
          hintText={e.review.actionPlanHint}
          value={head.actionPlan}
          onChange={(ev) => setHead((h) => ({ ...h, actionPlan: ev.target.value }))}
          status={errors.fields.actionPlan ? 'error' : 'default'}
          statusText={errors.fields.actionPlan}
          fullWidth
          data-qa="review-action-plan-input"
        />
      </Section>

      <div className="panel">
        {confirming ? (
          <div data-qa="finalise-confirm">
            <InlineAlert status="warning" labelText={e.review.confirmTitle} mb="m">
              {band
                ? e.review.confirmText(total, e.fidelityBands[band])
                : e.review.confirmIncomplete(agreedCount)}
            </InlineAlert>
            <div className="button-row">
              <Button onClick={saveAndFinalise} disabled={pending} data-qa="finalise-confirm-button">
                {pending ? t.common.saving : e.review.confirmButton}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t.common.cancel}
              </Button>
            </div>
          </div>
        ) : (
          <div className="button-row">
            <Button onClick={save} disabled={pending} data-qa="review-save">
              {update.isPending ? t.common.saving : e.review.save}
            </Button>
            {canFinalise && (
              <Button
                variant="secondary"
                onClick={() => setConfirming(true)}
                disabled={pending}
                data-qa="review-finalise"
              >
                {e.review.finalise}
              </Button>
            )}
          </div>
        )}
      </div>
    </>
  );
}
