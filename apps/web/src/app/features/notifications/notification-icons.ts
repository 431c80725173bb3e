import doneAll from '@material-symbols/svg-400/outlined/done_all.svg';
import notifications from '@material-symbols/svg-400/outlined/notifications.svg';
import settings from '@material-symbols/svg-400/outlined/settings.svg';

/** Icons of the bell and the preferences page (registered with `registerIconSet`). */
export const NOTIFICATION_ICONS: Readonly<Record<string, string>> = {
  done_all: doneAll,
  notifications,
  settings,
};
