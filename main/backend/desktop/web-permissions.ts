// Which web permissions a page of the desktop app gets. One: writing to the clipboard, which the
// Copy buttons need (Chromium gates navigator.clipboard.writeText on 'clipboard-sanitized-write',
// and a session that refuses everything makes every Copy button fail), for the app's own page in
// its top frame. Camera, microphone, notifications, location, reading the clipboard, opening other
// applications and the rest are refused. main/electron/security.ts passes this to both of
// Electron's handlers (the check and the request).
import { isTrustedPageUrl } from './app-protocol';

export const GRANTED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export interface PermissionAsk {
  permission: string;
  /** The page's URL, or its origin (Electron's check handler gives the origin). */
  requestingUrl: string;
  isMainFrame: boolean;
}

export function mayUsePermission(ask: PermissionAsk, devServerOrigin: string | null): boolean {
  return GRANTED_PERMISSIONS.includes(ask.permission) && ask.isMainFrame && isTrustedPageUrl(ask.requestingUrl, devServerOrigin);
}
