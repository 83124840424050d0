// The dialog's form: what is exported (with the choice between the page's scope and everything
// when the menu opened it), the format with a line on what each is for, and the options.
import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportCount, ExportScope } from '../../../../shared/contract/export';
import type { AppError } from '../../../../shared/errors';
import { ErrorNotice } from '../../ui/feedback';
import { useFormatters } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { FORMAT_CHOICES, isFormatAvailable, type ExportFormatChoice } from './formats';

export interface ExportChoices {
  format: ExportFormatChoice;
  includeInternalNotes: boolean;
  csvBom: boolean;
}

interface ExportFormProps {
  scopes: ExportScope[];
  scopeIndex: number;
  onScopeIndex: (index: number) => void;
  count: UseQueryResult<ExportCount, AppError>;
  choices: ExportChoices;
  onChoices: (choices: ExportChoices) => void;
  desktop: boolean;
  onSubmit: () => void;
  onClose: () => void;
}

export function ExportForm({ scopes, scopeIndex, onScopeIndex, count, choices, onChoices, desktop, onSubmit, onClose }: ExportFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const empty = count.data?.transcripts === 0;
  const set = (change: Partial<ExportChoices>): void => onChoices({ ...choices, ...change });
  // What cannot be used here comes last.
  const formats = FORMAT_CHOICES.map((format) => ({ format, available: isFormatAvailable(format, desktop) })).sort((a, b) => Number(b.available) - Number(a.available));

  return (
    <form
      className="export-dialog__form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!empty) onSubmit();
      }}
    >
      <div className="export-dialog__body">
        <section className="export-section" aria-labelledby={`${id}-what`}>
          <h3 className="export-section__title" id={`${id}-what`}>
            {t('export.what')}
          </h3>
          {scopes.length > 1 && (
            <div className="segmented export-scopes" role="radiogroup" aria-label={t('export.scopeChoice')}>
              {scopes.map((scope, index) => (
                <label key={index} className={`segmented__option${index === scopeIndex ? ' is-selected' : ''}`}>
                  <input type="radio" name={`${id}-scope`} checked={index === scopeIndex} onChange={() => onScopeIndex(index)} />
                  {t(`export.scopeKind.${scope.kind}`)}
                </label>
              ))}
            </div>
          )}
          <ScopeSummary count={count} />
        </section>

        <fieldset className="export-section export-formats">
          <legend className="export-section__title">{t('export.format')}</legend>
          <div className="export-formats__list">
            {formats.map(({ format, available }) => {
              const selected = choices.format === format;
              return (
                <label key={format} className={`export-format${selected ? ' is-selected' : ''}${available ? '' : ' is-unavailable'}`}>
                  <input
                    type="radio"
                    name={`${id}-format`}
                    value={format}
                    checked={selected}
                    disabled={!available}
                    onChange={() => set({ format })}
                    aria-labelledby={`${id}-format-${format}-name`}
                    aria-describedby={`${id}-format-${format}`}
                  />
                  <span className="export-format__name" id={`${id}-format-${format}-name`}>
                    {t(`export.formats.${format}.name`)}
                  </span>
                  <span className="export-format__hint" id={`${id}-format-${format}`}>
                    {t(`export.formats.${format}.hint`)}
                    {!available && <span className="export-format__badge">{t('export.desktopOnly')}</span>}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>

        <fieldset className="export-section export-options">
          <legend className="export-section__title">{t('export.options')}</legend>
          <Option
            id={`${id}-notes`}
            label={t('export.includeNotes')}
            hint={t('export.includeNotesHint')}
            checked={choices.includeInternalNotes}
            onChange={(includeInternalNotes) => set({ includeInternalNotes })}
          />
          {choices.format === 'csv' && (
            <Option id={`${id}-bom`} label={t('export.csvBom')} hint={t('export.csvBomHint')} checked={choices.csvBom} onChange={(csvBom) => set({ csvBom })} />
          )}
        </fieldset>
      </div>

      <footer className="export-dialog__footer">
        <p className="export-dialog__footnote">{desktop ? t('export.startHintDesktop') : t('export.startHintServe')}</p>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={empty}>
          <Icon name="download" size={15} />
          {desktop ? t('export.start') : t('export.startDownload')}
        </button>
      </footer>
    </form>
  );
}

function ScopeSummary({ count }: { count: UseQueryResult<ExportCount, AppError> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (count.isError) {
    return (
      <div className="export-what">
        <p className="export-what__count muted">{t('export.countFailed')}</p>
        <ErrorNotice compact error={count.error} onRetry={() => void count.refetch()} />
      </div>
    );
  }
  if (count.data === undefined) {
    return (
      <div className="export-what" role="status" aria-label={t('export.counting')}>
        <span className="skeleton__line export-what__skeleton-title" />
        <span className="skeleton__line export-what__skeleton-count" />
      </div>
    );
  }
  const { subject, transcripts, executions } = count.data;
  return (
    <div className="export-what" aria-live="polite">
      {/* Said in the UI's language; the file's own title (count.title) stays in English like its labels. */}
      <p className="export-what__title">{t(`export.subject.${subject.kind}`, { name: subject.name ?? '', execId: subject.execId ?? '' })}</p>
      <p className="export-what__count">
        {transcripts === 0
          ? t('export.nothing')
          : t('export.count', {
              transcripts: t('export.transcripts', { count: transcripts, formatted: format.integer(transcripts) }),
              executions: t('export.executions', { count: executions, formatted: format.integer(executions) }),
            })}
      </p>
    </div>
  );
}

function Option({ id, label, hint, checked, onChange }: { id: string; label: string; hint: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="export-option" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={`${id}-hint`} />
      <span>
        <span className="export-option__label">{label}</span>
        <span className="export-option__hint" id={`${id}-hint`}>
          {hint}
        </span>
      </span>
    </label>
  );
}
