// A stored timestamp shown honestly: exact instants in the researcher's zone; naive timestamps
// (the writer's local clock, zone unknown) as the wall-clock time that was written, marked so.
import { useTranslation } from 'react-i18next';
import { parseTimestamp } from '../../../shared/timestamps';
import { formattersFor, MISSING, timestampAssumption } from './format';

/** `compact`: short numeric form without the wall-clock marker, for dense tables (the tooltip still explains). */
export function Timestamp({ value, compact = false }: { value: unknown; compact?: boolean }) {
  // One useTranslation for both (useFormatters would be a second): tables draw one per row.
  const { t, i18n } = useTranslation();
  const format = formattersFor(i18n.language);
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
  const title =
    assumption === 'wallClock'
      ? t('timestamp.wallClock', { written: parsed.wallClock })
      : assumption === 'utc'
        ? t('timestamp.utc', { written: parsed.wallClock })
        : t('timestamp.exact', { written: typeof value === 'string' ? value : parsed.wallClock });
  return (
    <time className={`timestamp${assumption === 'wallClock' && !compact ? ' timestamp--wall-clock' : ''}`} dateTime={typeof value === 'string' ? value : undefined} title={title}>
      {compact ? format.timestampCompact(value) : format.timestamp(value)}
    </time>
  );
}
