import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import type { ApiClient } from '../../../shared/api-client';
import { ApiClientProvider } from '../api/client-context';
import { PreferencesSync } from '../preferences/use-preferences';
import { ExportHost } from '../screens/export/ExportHost';
import type { createAppRouter } from './router';
import { ScreensContext } from './screen';
import { screens } from './screens';

export function App({ client, queryClient, router }: { client: ApiClient; queryClient: QueryClient; router: ReturnType<typeof createAppRouter> }) {
  return (
    <StrictMode>
      <ApiClientProvider client={client}>
        <QueryClientProvider client={queryClient}>
          <ScreensContext.Provider value={screens}>
            <PreferencesSync />
            <ExportHost>
              <RouterProvider router={router} />
            </ExportHost>
          </ScreensContext.Provider>
        </QueryClientProvider>
      </ApiClientProvider>
    </StrictMode>
  );
}
