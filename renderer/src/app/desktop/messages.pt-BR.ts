// Texto dos avisos do aplicativo de desktop em português do Brasil (o namespace `desktop` de i18n/pt-BR.ts).
import type { UiMessages } from '../../i18n/en';

export const desktopPtBR: UiMessages['desktop'] = {
  restarting: 'O serviço de dados parou e está reiniciando… (tentativa {{attempt}})',
  restartingHint: 'As telas carregam de novo sozinhas quando ele responder.',
  startingAgain: 'Iniciando o serviço de dados novamente…',
  stopped: 'O serviço de dados parou e não vai reiniciar sozinho.',
  restart: 'Reiniciar',
  restartFailed: 'Não foi possível reiniciar o serviço de dados: {{message}}',
  warnings_one: 'O serviço de dados iniciou com um problema',
  warnings_other: 'O serviço de dados iniciou com {{count}} problemas',
  dismiss: 'Dispensar',
  opening: 'Abrindo {{name}}…',
  openFailed: 'Não foi possível abrir {{name}}',
  creating: 'Criando {{name}}…',
  createFailed: 'Não foi possível criar {{name}}',
};
