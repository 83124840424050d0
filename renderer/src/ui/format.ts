// Numbers, percentages and dates formatted with Intl in the UI language (1,234.5 in English,
// 1.234,5 in Portuguese). Formatters are cached per language: creating them is not free and
// tables call these for every cell.
import { useTranslation } from 'react-i18next';
import { formatDuration, parseTimestamp, type ParsedTimestamp } from '../../../shared/timestamps';

export interface Formatters {
  language: string;
  integer(value: number | null | undefined): string;
  number(value: number | null | undefined, maximumFractionDigits?: number): string;
  /** Always `digits` decimals (0.40, 0.42): values compared side by side line up. */
  fixed(value: number | null | undefined, digits: number): string;
  /** 0.423 → "42.3%". */
  percent(fraction: number | null | undefined, maximumFractionDigits?: number): string;
  /** A timestamp as the researcher should read it: exact instants in the local zone, wall clocks as written. */
  timestamp(value: unknown): string;
  /** The same, numeric and short, for dense tables ("02/10/2026, 10:07 AM", "10/02/2026, 10:07"). */
  timestampCompact(value: unknown): string;
  duration(ms: number | null | undefined): string;
  /** A file size: "812 bytes", "45.2 kB", "3.1 MB" (powers of 1,000, as file managers show them). */
  bytes(value: number | null | undefined): string;
}

export const MISSING = '—';

const cache = new Map<string, Formatters>();

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

export function formattersFor(language: string): Formatters {
  const cached = cache.get(language);
  if (cached) return cached;
  // Each Intl formatter is built on first use: building one costs milliseconds, and a screen's first
  // render should not pay for the ones it does not show.
  const integer = once(() => new Intl.NumberFormat(language, { maximumFractionDigits: 0 }));
  const numbers = new Map<number, Intl.NumberFormat>();
  const percents = new Map<number, Intl.NumberFormat>();
  const fixeds = new Map<number, Intl.NumberFormat>();
  const fixedFormat = (digits: number): Intl.NumberFormat => {
    let format = fixeds.get(digits);
    if (!format) fixeds.set(digits, (format = new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
    return format;
  };
  const numberFormat = (digits: number): Intl.NumberFormat => {
    let format = numbers.get(digits);
    if (!format) numbers.set(digits, (format = new Intl.NumberFormat(language, { maximumFractionDigits: digits })));
    return format;
  };
  const percentFormat = (digits: number): Intl.NumberFormat => {
    let format = percents.get(digits);
    if (!format) percents.set(digits, (format = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: digits })));
    return format;
  };
  const exact = once(() => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }));
  // 'local' wall clocks are stored as if they were UTC (shared/timestamps.ts): formatting in UTC
  // gives back exactly what was written, with no zone conversion.
  const wallClock = once(() => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }));
  const compactOptions: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: 'numeric', minute: '2-digit' };
  const exactCompact = once(() => new Intl.DateTimeFormat(language, compactOptions));
  const wallClockCompact = once(() => new Intl.DateTimeFormat(language, { ...compactOptions, timeZone: 'UTC' }));
  const formatTimestamp = (value: unknown, exactFormat: () => Intl.DateTimeFormat, wallFormat: () => Intl.DateTimeFormat): string => {
    const parsed = parseTimestamp(value);
    if (parsed === null) return typeof value === 'string' && value.trim() !== '' ? value : MISSING;
    return (parsed.assumed === 'local' ? wallFormat() : exactFormat()).format(parsed.epochMs);
  };

  const sizes = BYTE_UNITS.map((unit) => once(() => new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 })));
  const formatBytes = (value: number): string => {
    let step = 0;
    while (step < BYTE_UNITS.length - 1 && Math.abs(value) >= 1000 ** (step + 1)) step += 1;
    return sizes[step]!().format(value / 1000 ** step);
  };

  const formatters: Formatters = {
    language,
    integer: (value) => (isNumber(value) ? integer().format(value) : MISSING),
    number: (value, digits = 2) => (isNumber(value) ? numberFormat(digits).format(value) : MISSING),
    fixed: (value, digits) => (isNumber(value) ? fixedFormat(digits).format(value) : MISSING),
    percent: (fraction, digits = 1) => (isNumber(fraction) ? percentFormat(digits).format(fraction) : MISSING),
    timestamp: (value) => formatTimestamp(value, exact, wallClock),
    timestampCompact: (value) => formatTimestamp(value, exactCompact, wallClockCompact),
    duration: (ms) => (isNumber(ms) ? formatDuration(ms) : MISSING),
    bytes: (value) => (isNumber(value) ? formatBytes(value) : MISSING),
  };
  cache.set(language, formatters);
  return formatters;
}

/**
 * Builds the formatters every list shows (integers, compact timestamps) ahead of the first render:
 * ICU's start-up costs tens of milliseconds on first use, and main.tsx pays it while the first
 * screen's data is on its way instead of inside the render that shows it.
 */
export function prepareFormatters(language: string): void {
  const format = formattersFor(language);
  format.integer(0);
  format.timestampCompact('2000-01-01T00:00:00Z');
  format.timestampCompact('2000-01-01T00:00:00');
}

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(i18n.language);
}

/** `make()`'s result, made on the first call. */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** What a tooltip should say about how a timestamp was read. */
export function timestampAssumption(parsed: ParsedTimestamp): 'exact' | 'utc' | 'wallClock' {
  if (parsed.assumed === 'local') return 'wallClock';
  return parsed.assumed === 'utc' ? 'utc' : 'exact';
}
