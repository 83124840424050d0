// A stored timestamp shown honestly: exact instants in the researcher's zone; naive timestamps
// (the writer's local clock, zone unknown) as the wall-clock time that was written, marked so.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { parseTimestamp } from '../../../shared/timestamps';
import type { DataColumn } from './DataTable';
import { formattersFor, MISSING, timestampAssumption, type Formatters } from './format';

/** `compact`: short numeric form without the wall-clock marker, for dense places (the tooltip still explains). */
export function Timestamp({ value, compact = false }: { value: unknown; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const read = readTimestamp(value, compact, t, formattersFor(i18n.language));
  if (read.kind === 'missing') return <span className="muted">{MISSING}</span>;
  if (read.kind === 'unreadable') {
    return (
      <span className="timestamp timestamp--unreadable" title={read.title}>
        {read.text}
      </span>
    );
  }
  return (
    <time className={`timestamp${read.wallClock && !compact ? ' timestamp--wall-clock' : ''}`} dateTime={typeof value === 'string' ? value : undefined} title={read.title}>
      {read.text}
    </time>
  );
}

/**
 * A table column of timestamps in their compact form: the text is the cell's own and how it was
 * read is the cell's tooltip, no element per cell (a fling refills dozens of rows a frame).
 */
export function timestampColumn<Row>(
  column: Pick<DataColumn<Row>, 'id' | 'header' | 'width' | 'sortKey'>,
  valueOf: (row: Row) => unknown,
  { t, format }: { t: TFunction; format: Formatters },
): DataColumn<Row> {
  const read = (row: Row): TimestampReading => readTimestamp(valueOf(row), true, t, format);
  return {
    ...column,
    className: 'timestamp',
    title: (row) => {
      const reading = read(row);
      return reading.kind === 'missing' ? undefined : reading.title;
    },
    cell: (row) => {
      const reading = read(row);
      if (reading.kind === 'missing') return <span className="muted">{MISSING}</span>;
      return reading.kind === 'unreadable' ? <span className="timestamp--unreadable">{reading.text}</span> : reading.text;
    },
  };
}

type TimestampReading = { kind: 'missing' } | { kind: 'unreadable' | 'read'; text: string; title: string; wallClock: boolean };

/** What a stored value shows as a timestamp: its text and the tooltip saying how it was read. */
function readTimestamp(value: unknown, compact: boolean, t: TFunction, format: Formatters): TimestampReading {
  const parsed = parseTimestamp(value);
  if (parsed === null) {
    if (typeof value !== 'string' || value.trim() === '') return { kind: 'missing' };
    return { kind: 'unreadable', text: value, title: t('timestamp.unreadable'), wallClock: false };
  }
  const assumption = timestampAssumption(parsed);
  return {
    kind: 'read',
    text: compact ? format.timestampCompact(value) : format.timestamp(value),
    title: tooltip(t, assumption, assumption === 'exact' && typeof value === 'string' ? value : parsed.wallClock),
    wallClock: assumption === 'wallClock',
  };
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
