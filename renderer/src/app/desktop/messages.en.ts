// English text of the desktop app's notices (the `desktop` namespace of i18n/en.ts).

export const desktopEn = {
  restarting: 'The data service stopped and is restarting… (attempt {{attempt}})',
  restartingHint: 'Screens load again by themselves once it answers.',
  startingAgain: 'Starting the data service again…',
  stopped: 'The data service stopped and will not restart by itself.',
  restart: 'Restart',
  restartFailed: 'The data service could not be restarted: {{message}}',
  warnings_one: 'The data service started with a problem',
  warnings_other: 'The data service started with {{count}} problems',
  dismiss: 'Dismiss',
  opening: 'Opening {{name}}…',
  openFailed: 'Could not open {{name}}',
  creating: 'Creating {{name}}…',
  createFailed: 'Could not create {{name}}',
};
