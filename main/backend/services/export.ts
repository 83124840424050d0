// export.* handlers: transcripts to a file or a download (../export/run.ts), and how many a scope
// holds.
import type { exportApi } from '../../../shared/contract/export';
import type { HandlerMap } from '../dispatcher';
import { countExport, runExport } from '../export/run';
import type { ServiceDeps } from './deps';

export type ExportMethod = keyof typeof exportApi & string;

export function createExportHandlers(deps: ServiceDeps): HandlerMap<ExportMethod> {
  return {
    'export.transcripts': (params, { signal, progress }) =>
      deps.session.run((db) => runExport(db, params, { signal, progress, ...(deps.downloads === undefined ? {} : { downloads: deps.downloads }) })),
    'export.count': (params, { signal }) => deps.session.run((db) => countExport(db, params.scope, signal)),
  };
}
