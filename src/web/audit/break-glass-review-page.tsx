import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  Button,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  RouterLink,
  Table,
  Textarea,
} from 'suomifi-ui-components';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { formatDateTime } from '../shared/dates.ts';
import {
  apiFormErrors,
  FormErrorSummary,
  type FormErrors,
  fieldId,
  missingFields,
  NO_ERRORS,
} from '../shared/form.tsx';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { type BreakGlassAccessRow, useBreakGlassAccesses, useReviewBreakGlass } from './queries.ts';

type Show = 'false' | 'true' | 'all';

/** Every emergency access is reviewed: was the written reason appropriate? */
export function BreakGlassReviewPage() {
  const t = useT();
  const [show, setShow] = useState<Show>('false');
  const accesses = useBreakGlassAccesses(show);
  const [reviewing, setReviewing] = useState<BreakGlassAccessRow | null>(null);
  const rows = accesses.data ?? [];
  return (
    <div data-qa="break-glass-review-page">
      <PageHeading data-qa="break-glass-review-heading">{t.breakGlassReview.title}</PageHeading>
      <Paragraph mb="l">{t.breakGlassReview.intro}</Paragraph>
      <div className="panel">
        <RadioButtonGroup
          name="break-glass-show"
          labelText={t.breakGlassReview.show}
          value={show}
          onChange={(v) => setShow(v as Show)}
          data-qa="break-glass-show"
        >
          {(['false', 'true', 'all'] as const).map((v) => (
            <RadioButton key={v} value={v}>
              {t.breakGlassReview.shows[v]}
            </RadioButton>
          ))}
        </RadioButtonGroup>
      </div>
      {accesses.isPending ? (
        <Loading />
      ) : accesses.isError ? (
        <LoadError error={accesses.error} />
      ) : rows.length === 0 ? (
        <Paragraph data-qa="break-glass-empty">{t.breakGlassReview.empty}</Paragraph>
      ) : (
        <div className="panel" data-qa="break-glass-table">
          <div className="table-wrapper">
            <Table
              caption={t.breakGlassReview.caption}
              columns={[
                { key: 'startedAt', labelText: t.breakGlassReview.columns.startedAt },
                { key: 'user', labelText: t.breakGlassReview.columns.user },
                { key: 'organisation', labelText: t.breakGlassReview.columns.organisation },
                { key: 'client', labelText: t.breakGlassReview.columns.client },
                { key: 'reason', labelText: t.breakGlassReview.columns.reason },
                { key: 'review', labelText: t.breakGlassReview.columns.review },
              ]}
              data={rows.map((b) => ({
                id: b.id,
                startedAt: <span className="nowrap">{formatDateTime(b.startedAt, t)}</span>,
                user: `${b.userName} (${lookup(t.roles, b.role) ?? b.role})`,
                organisation: b.organisationName,
                client: (
                  <RouterLink asComponent={Link} to={`/audit?clientId=${b.clientId}`} className="mono">
                    {t.breakGlassReview.auditLink}
                  </RouterLink>
                ),
                reason: b.reason,
                review: b.reviewedAt ? (
                  <>
                    {t.breakGlassReview.reviewedBy(formatDateTime(b.reviewedAt, t), b.reviewedBy ?? '')}
                    {b.reviewNote && (
                      <>
                        <br />
                        {b.reviewNote}
                      </>
                    )}
                  </>
                ) : (
                  <Button variant="secondary" onClick={() => setReviewing(b)} data-qa="break-glass-review">
                    {t.breakGlassReview.markReviewed}
                  </Button>
                ),
              }))}
            />
          </div>
          {reviewing && (
            <ReviewForm key={reviewing.id} access={reviewing} onDone={() => setReviewing(null)} />
          )}
        </div>
      )}
    </div>
  );
}

const ID = 'break-glass-review';

function ReviewForm({ access, onDone }: { access: BreakGlassAccessRow; onDone: () => void }) {
  const t = useT();
  const flash = useFlash();
  const review = useReviewBreakGlass();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = missingFields(t, { note }, ['note']);
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    review.mutate(
      { id: access.id, note },
      {
        onSuccess: () => {
          flash(t.breakGlassReview.done);
          onDone();
        },
        onError: (error) => setErrors(apiFormErrors(t, error)),
      },
    );
  }

  return (
    <form className="subpanel" onSubmit={submit} noValidate data-qa="break-glass-review-form">
      <Heading variant="h3" ref={headingRef} tabIndex={-1} mb="s">
        {`${t.breakGlassReview.markReviewed}: ${access.userName}, ${formatDateTime(access.startedAt, t)}`}
      </Heading>
      <Paragraph mb="m">{access.reason}</Paragraph>
      <FormErrorSummary errors={errors} idPrefix={ID} label={() => t.breakGlassReview.reviewNote} />
      <Textarea
        id={fieldId(ID, 'note')}
        labelText={t.breakGlassReview.reviewNote}
        hintText={t.breakGlassReview.reviewHint}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        status={errors.fields.note ? 'error' : 'default'}
        statusText={errors.fields.note}
        fullWidth
        mb="m"
        data-qa="break-glass-review-note"
      />
      <div className="button-row">
        <Button type="submit" disabled={review.isPending} data-qa="break-glass-review-submit">
          {t.breakGlassReview.markReviewed}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t.common.cancel}
        </Button>
      </div>
    </form>
  );
}
