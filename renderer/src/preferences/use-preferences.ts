// Theme and language as the app uses them: the local copy answers at once (first paint), the
// backend's settings are loaded once and win (they are the durable copy, shared by every window),
// and a change is written to both. A change the backend never confirmed (a reload overtook it) wins
// over them instead, and is sent again.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ApiClient } from '../../../shared/api-client';
import type { Preferences, SettingsView } from '../../../shared/contract/connection';
import { useApiClient } from '../api/client-context';
import { apiQuery } from '../api/queries';
import { changeUiLanguage, resolveLanguage, systemLanguages } from '../i18n';
import { getLocalPreferences, hasUnsavedPreferences, setLocalPreferences, setPreferencesUnsaved, useLocalPreferences } from './local-preferences';

/** The backend's settings, read once (main.tsx asks for them before the first render). */
export function settingsQuery(client: ApiClient) {
  return { ...apiQuery(client, 'settings.get', {}), staleTime: Infinity, retry: false };
}

export function usePreferences() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const preferences = useLocalPreferences();
  const save = useMutation({
    mutationFn: (change: Partial<Preferences>) => client.call('settings.update', change),
    onSuccess: (view) => settingsSaved(queryClient, client, view),
  });
  return {
    preferences,
    setPreferences(change: Partial<Preferences>): void {
      setLocalPreferences(change);
      setPreferencesUnsaved(true);
      save.mutate(change);
    },
    saveError: save.error,
  };
}

/** The backend confirmed a change: its settings are the query's, and this window's choice is saved once they match it. */
function settingsSaved(queryClient: QueryClient, client: ApiClient, view: SettingsView): void {
  queryClient.setQueryData(settingsQuery(client).queryKey, view);
  const local = getLocalPreferences();
  if (view.preferences.theme === local.theme && view.preferences.language === local.language) setPreferencesUnsaved(false);
}

/** Mounted once: adopts the backend's preferences when they arrive and keeps the UI language in step. */
export function PreferencesSync() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { language } = useLocalPreferences();
  const settings = useQuery(settingsQuery(client));
  const adopted = useRef(false);

  useEffect(() => {
    if (adopted.current || settings.data === undefined) return;
    adopted.current = true;
    // Only a settings file outlives this backend; memory-only settings (serve mode without one) or
    // an unwritable file would undo the choice kept in this window's storage.
    if (settings.data.file === null || !settings.data.writable) return;
    if (hasUnsavedPreferences()) {
      // This window's last choice never reached the backend (a reload or a closed window overtook
      // it): it is sent now, not undone by the older settings.
      client.call('settings.update', getLocalPreferences()).then(
        (view) => settingsSaved(queryClient, client, view),
        () => undefined,
      );
    } else {
      setLocalPreferences(settings.data.preferences);
    }
  }, [settings.data, client, queryClient]);

  useEffect(() => {
    const apply = (): void => void changeUiLanguage(resolveLanguage(language, systemLanguages()));
    apply();
    window.addEventListener('languagechange', apply);
    return () => window.removeEventListener('languagechange', apply);
  }, [language]);

  return null;
}
