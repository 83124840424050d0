// Entry point: pick the transport, read the preferences, then render.
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../../shared/api-client';
import { createQueryClient } from './api/query-client';
import { takeServeToken } from './api/serve-token';
import { selectTransport } from './api/transport';
import { App } from './app/App';
import { connectionQuery } from './app/connection';
import { createAppRouter } from './app/router';
import { initI18n, resolveLanguage, systemLanguages } from './i18n';
import { getLocalPreferences, subscribeLocalPreferences } from './preferences/local-preferences';
import { followTheme } from './preferences/theme';
import { settingsQuery } from './preferences/use-preferences';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/components.css';

// Before anything reads the address: the token must not linger in the address bar or history.
const serveToken = takeServeToken(window.location, window.history);
const { transport } = selectTransport({ window, serveToken });
const client = createApiClient(transport);
const queryClient = createQueryClient();
// Every screen needs these: asked for now, they arrive while the code below and the first render run.
void queryClient.prefetchQuery(settingsQuery(client));
void queryClient.prefetchQuery(connectionQuery(client));

followTheme(() => getLocalPreferences().theme, subscribeLocalPreferences);
await initI18n(resolveLanguage(getLocalPreferences().language, systemLanguages()));

const router = createAppRouter({ queryClient, api: client });
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(<App client={client} queryClient={queryClient} router={router} />);
