// Entry point: pick the transport, read the preferences, then render.
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../../shared/api-client';
import { createQueryClient, untilQueriesSettle } from './api/query-client';
import { takeServeToken } from './api/serve-token';
import { selectTransport } from './api/transport';
import { App } from './app/App';
import { connectionQuery } from './app/connection';
import { createAppRouter, preloadScreensWhenIdle } from './app/router';
import { initI18n, resolveLanguage, systemLanguages } from './i18n';
import { getLocalPreferences, subscribeLocalPreferences } from './preferences/local-preferences';
import { followTheme } from './preferences/theme';
import { settingsQuery } from './preferences/use-preferences';
import { prepareFormatters } from './ui/format';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/components.css';

const FIRST_DATA_WAIT_MS = 200;

// Before anything reads the address: the token must not linger in the address bar or history.
const serveToken = takeServeToken(window.location, window.history);
const { transport } = selectTransport({ window, serveToken });
const client = createApiClient(transport);
const queryClient = createQueryClient();
// Every screen needs the settings and the open connection (the badge), and the first screen's
// loaders ask for its own data: all asked for now, while the code below runs. The first render then
// waits a moment for them, so the window appears whole, not as skeletons replaced a blink later (a
// slow server still gets the skeletons after FIRST_DATA_WAIT_MS).
void queryClient.prefetchQuery(settingsQuery(client));
void queryClient.prefetchQuery(connectionQuery(client));
const router = createAppRouter({ queryClient, api: client });
void router.load();

followTheme(() => getLocalPreferences().theme, subscribeLocalPreferences);
const language = resolveLanguage(getLocalPreferences().language, systemLanguages());
await initI18n(language);
prepareFormatters(language);
await untilQueriesSettle(queryClient, FIRST_DATA_WAIT_MS);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(<App client={client} queryClient={queryClient} router={router} />);
preloadScreensWhenIdle(router);
