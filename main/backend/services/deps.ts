// What every service module receives: the browsing session and the settings of this backend.
import type { DownloadRegistry } from '../export/downloads';
import type { SecretStore } from '../settings/secret-store';
import type { SettingsStore } from '../settings/store';
import type { DatabaseSession } from './session';

export interface ServiceDeps {
  session: DatabaseSession;
  /** Saved connections and preferences; kept in memory only when left out (tests, one-off backends). */
  settings?: SettingsStore;
  /** Passwords of saved connections; an in-memory store when left out (serve mode uses one too). */
  secrets?: SecretStore;
  /** Serve mode: exports written for the browser to fetch once; without it, exports go to files only. */
  downloads?: DownloadRegistry;
}
