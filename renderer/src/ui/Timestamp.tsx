// A stored timestamp shown honestly: exact instants in the researcher's zone; naive timestamps
// (the writer's local clock, zone unknown) as the wall-clock time that was written, marked so.
import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTimestamp } from '../../../shared/timestamps';
import { formattersFor, MISSING, timestampAssumption, type Formatters } from './format';

/** `compact`: short numeric form without the wall-clock marker, for dense tables (the tooltip still explains). */
export function Timestamp({ value, compact = false }: { value: unknown; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  return timestampElement(value, { compact, t, format: formattersFor(i18n.language) });
}

/**
 * The element a Timestamp draws, from the caller's translations and formatters. Table columns
 * call it for their cells: no hooks per cell (a fling draws dozens a frame), and the columns are
 * rebuilt, so their cells redrawn, when the language changes.
 */
export function timestampElement(value: unknown, { compact, t, format }: { compact: boolean; t: TFunction; format: Formatters }): ReactElement {
  const parsed = parseTimestamp(value);
  if (parsed === null) {
    if (typeof value !== 'string' || value.trim() === '') return <span className="muted">{MISSING}</span>;
    return (
      <span className="timestamp timestamp--unreadable" title={t('timestamp.unreadable')}>
        {value}
      </span>
    );
  }
  const assumption = timestampAssumption(parsed);
  const title = tooltip(t, assumption, assumption === 'exact' && typeof value === 'string' ? value : parsed.wallClock);
  return (
    <time className={`timestamp${assumption === 'wallClock' && !compact ? ' timestamp--wall-clock' : ''}`} dateTime={typeof value === 'string' ? value : undefined} title={title}>
      {compact ? format.timestampCompact(value) : format.timestamp(value)}
    </time>
  );
}

type Assumption = ReturnType<typeof timestampAssumption>;

/** Stands for the written value while a tooltip is translated once, to be split around it. */
const SLOT = '\u0000';
/** Per translation function (one per language): each tooltip's text before and after the written value. */
const tooltipParts = new WeakMap<TFunction, Record<Assumption, readonly [string, string]>>();

/** The tooltip saying how the timestamp was read. Translated once per language, not per cell: interpolating costs more than the rest of a cell. */
function tooltip(t: TFunction, assumption: Assumption, written: string): string {
  let parts = tooltipParts.get(t);
  if (parts === undefined) {
    const split = (text: string): readonly [string, string] => {
      const at = text.indexOf(SLOT);
      return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + SLOT.length)];
    };
    parts = {
      wallClock: split(t('timestamp.wallClock', { written: SLOT })),
      utc: split(t('timestamp.utc', { written: SLOT })),
      exact: split(t('timestamp.exact', { written: SLOT })),
    };
    tooltipParts.set(t, parts);
  }
  const [before, after] = parts[assumption];
  return before + written + after;
}
