// Theme and language, kept in localStorage so the first paint already has them (no flash of the
// wrong theme or language). The backend's settings (settings.get / settings.update) are the
// durable copy; usePreferences() reconciles the two once the backend answers.
import { useSyncExternalStore } from 'react';
import { LANGUAGES, THEMES, type Language, type Preferences, type Theme } from '../../../shared/contract/connection';

const STORAGE_KEY = 'synthlab.preferences';
/** Set while a choice made here has not been confirmed by the backend (see usePreferences). */
const UNSAVED_KEY = 'synthlab.preferences.unsaved';
export const DEFAULT_PREFERENCES: Preferences = { theme: 'system', language: 'system' };

type Listener = () => void;
const listeners = new Set<Listener>();
let current: Preferences = read();

function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function read(): Preferences {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return DEFAULT_PREFERENCES;
    const theme: unknown = Reflect.get(stored, 'theme');
    const language: unknown = Reflect.get(stored, 'language');
    return { theme: isTheme(theme) ? theme : 'system', language: isLanguage(language) ? language : 'system' };
  } catch {
    // Storage disabled or a damaged value: the defaults are a fine answer.
    return DEFAULT_PREFERENCES;
  }
}

export function getLocalPreferences(): Preferences {
  return current;
}

export function setLocalPreferences(change: Partial<Preferences>): void {
  const next = { ...current, ...change };
  if (next.theme === current.theme && next.language === current.language) return;
  current = next;
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
  } catch {
    // Not persisted (private mode, storage full): the choice still holds for this window.
  }
  for (const listener of listeners) listener();
}

/** A choice made in this window that the backend has not confirmed yet (perhaps never will: a reload overtook it). */
export function hasUnsavedPreferences(): boolean {
  try {
    return window.localStorage.getItem(UNSAVED_KEY) !== null;
  } catch {
    return false;
  }
}

export function setPreferencesUnsaved(unsaved: boolean): void {
  try {
    if (unsaved) window.localStorage.setItem(UNSAVED_KEY, '1');
    else window.localStorage.removeItem(UNSAVED_KEY);
  } catch {
    // Storage disabled: a reload right after a choice may then undo it, as before.
  }
}

export function subscribeLocalPreferences(listener: Listener): () => void {
  listeners.add(listener);
  // Another window of the app changed them.
  const onStorage = (event: StorageEvent): void => {
    if (event.key !== STORAGE_KEY) return;
    current = read();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useLocalPreferences(): Preferences {
  return useSyncExternalStore(subscribeLocalPreferences, getLocalPreferences);
}
