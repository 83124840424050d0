// What a table with picked rows offers: how many are picked, Export them, clear the pick.
import { useTranslation } from 'react-i18next';
import { EXPORT_SELECTION_MAX } from '../../../../shared/contract/export';
import type { TranscriptKey } from '../../../../shared/contract/research';
import { useFormatters } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import type { RowSelection } from '../../ui/row-selection';
import { useOpenExport } from './ExportHost';

export function SelectionExport<Row>({ selection, keyOf }: { selection: RowSelection<Row>; keyOf: (row: Row) => TranscriptKey | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const open = useOpenExport();
  const { count } = selection;
  if (count === 0) return null;
  const keys = selection.rows.map(keyOf).filter((key): key is TranscriptKey => key !== null);
  const tooMany = keys.length > EXPORT_SELECTION_MAX;
  return (
    <div className="selection-export" role="group" aria-label={t('export.selected', { count, formatted: format.integer(count) })}>
      <span className="selection-export__count" aria-live="polite">
        {t('export.selected', { count, formatted: format.integer(count) })}
      </span>
      <button type="button" className="button button--quiet" onClick={selection.clear}>
        {t('export.clearSelection')}
      </button>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        disabled={keys.length === 0 || tooMany}
        onClick={() => open({ kind: 'selection', keys: keys.map(({ execId, synthId }) => ({ execId, synthId })) })}
      >
        <Icon name="download" size={14} />
        {t('export.exportSelected', { count: keys.length, formatted: format.integer(keys.length) })}
      </button>
    </div>
  );
}
