// The Export action of a page or section: opens the export dialog with that scope. `page` also
// offers the scope to File → Export transcripts… while the page is shown.
import { useTranslation } from 'react-i18next';
import type { ExportScope } from '../../../../shared/contract/export';
import { Icon } from '../../ui/Icon';
import { useOpenExport, usePageExportScope } from './ExportHost';

export function ExportButton({ scope, page = false, quiet = false }: { scope: ExportScope; page?: boolean; quiet?: boolean }) {
  const { t } = useTranslation();
  const open = useOpenExport();
  usePageExportScope(page ? scope : null);
  return (
    <button type="button" className={quiet ? 'button button--quiet' : 'button'} title={t('export.buttonTitle')} aria-haspopup="dialog" onClick={() => open(scope)}>
      <Icon name="download" size={14} />
      {t('export.button')}
    </button>
  );
}
