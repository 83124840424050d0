// The backend's dispatcher with every service registered: what serve mode, the Electron utility
// process and the tests run.
import { api } from '../../../shared/api';
import { appHandlers } from '../app-info';
import { createDispatcher, type Dispatcher } from '../dispatcher';
import { createAnalysisHandlers } from './analysis';
import { createConnectionHandlers } from './connection';
import type { ServiceDeps } from './deps';
import { createDocumentsHandlers } from './documents';
import { createExperimentsHandlers } from './experiments';
import { createExportHandlers } from './export';
import { createExplorationsHandlers } from './explorations';
import { createInsightsHandlers } from './insights';
import { createResearchHandlers } from './research';
import { createSearchHandlers } from './search';
import { createSynthsHandlers } from './synths';
import { createTablesHandlers } from './tables';

export function createBackendDispatcher(deps: ServiceDeps): Dispatcher<typeof api> {
  const dispatcher = createDispatcher(api);
  dispatcher.registerAll({
    ...appHandlers,
    ...createConnectionHandlers(deps),
    ...createExperimentsHandlers(deps),
    ...createAnalysisHandlers(deps),
    ...createSynthsHandlers(deps),
    ...createResearchHandlers(deps),
    ...createDocumentsHandlers(deps),
    ...createSearchHandlers(deps),
    ...createExplorationsHandlers(deps),
    ...createInsightsHandlers(deps),
    ...createTablesHandlers(deps),
    ...createExportHandlers(deps),
  });
  return dispatcher;
}
