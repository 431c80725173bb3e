/**
 * Login-page texts in the realm's locales, worded as in Keycloak 26.7's own message bundles
 * (messages_fr/messages_en) so users see the same sentences in development and production.
 */
export type Locale = 'fr' | 'en';

const fr = {
  htmlTitle: 'Se connecter à {0}',
  loginAccountTitle: 'Connectez-vous à votre compte',
  usernameOrEmail: "Nom d'utilisateur ou courriel",
  username: "Nom d'utilisateur",
  password: 'Mot de passe',
  doLogIn: 'Connexion',
  invalidUserMessage: "Nom d'utilisateur ou mot de passe invalide.",
  accountDisabledMessage: 'Compte désactivé, contactez votre administrateur.',
  updatePasswordTitle: 'Mise à jour du mot de passe',
  updatePasswordMessage: 'Vous devez changer votre mot de passe pour activer votre compte.',
  passwordNew: 'Nouveau mot de passe',
  passwordConfirm: 'Confirmation du mot de passe',
  notMatchPasswordMessage: 'Les mots de passe ne sont pas identiques.',
  missingPasswordMessage: 'Veuillez renseigner un mot de passe.',
  doSubmit: 'Soumettre',
  logoutConfirmTitle: 'Déconnexion',
  logoutConfirmHeader: 'Êtes-vous sûr de vouloir vous déconnecter ?',
  doLogout: 'Déconnexion',
  successLogout: 'Vous êtes déconnecté',
  backToApplication: "« Revenir à l'application",
  errorTitle: 'Nous sommes désolés...',
  expiredActionMessage: 'Action expirée. Merci de continuer la connexion.',
  languageLabel: 'Langue',
  invalidPasswordMinLengthMessage: 'Mot de passe invalide : longueur minimale de {0}.',
  invalidPasswordNotUsernameMessage:
    "Mot de passe invalide : ne doit pas être identique au nom d'utilisateur.",
  invalidPasswordNotEmailMessage: "Mot de passe invalide : ne doit pas être identique à l'adresse e-mail.",
  invalidPasswordHistoryMessage:
    'Mot de passe invalide : ne doit être égal à aucun des {0} derniers mots de passe.',
};

type Messages = typeof fr;

const en: Messages = {
  htmlTitle: 'Sign in to {0}',
  loginAccountTitle: 'Sign in to your account',
  usernameOrEmail: 'Username or email',
  username: 'Username',
  password: 'Password',
  doLogIn: 'Sign In',
  invalidUserMessage: 'Invalid username or password.',
  accountDisabledMessage: 'Account is disabled, contact your administrator.',
  updatePasswordTitle: 'Update password',
  updatePasswordMessage: 'You need to change your password to activate your account.',
  passwordNew: 'New Password',
  passwordConfirm: 'Confirm password',
  notMatchPasswordMessage: "Passwords don't match.",
  missingPasswordMessage: 'Please specify password.',
  doSubmit: 'Submit',
  logoutConfirmTitle: 'Logging out',
  logoutConfirmHeader: 'Do you want to log out?',
  doLogout: 'Logout',
  successLogout: 'You are logged out',
  backToApplication: '« Back to Application',
  errorTitle: 'We are sorry...',
  expiredActionMessage: 'Action expired. Please continue with login now.',
  languageLabel: 'Language',
  invalidPasswordMinLengthMessage: 'Invalid password: minimum length {0}.',
  invalidPasswordNotUsernameMessage: 'Invalid password: must not be equal to the username.',
  invalidPasswordNotEmailMessage: 'Invalid password: must not be equal to the email.',
  invalidPasswordHistoryMessage: 'Invalid password: must not be equal to any of last {0} passwords.',
};

const bundles: Record<Locale, Messages> = { fr, en };
export const LANGUAGE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

export type MessageKey = keyof Messages;

export function isLocale(value: string | undefined): value is Locale {
  return value === 'fr' || value === 'en';
}

export function messages(locale: Locale): Messages {
  return bundles[locale];
}

export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => String(args[Number(index)] ?? whole));
}

/**
 * Keycloak's choice: explicit switch (kc_locale) > remembered choice (KEYCLOAK_LOCALE cookie) >
 * the client's ui_locales > realm default; only supported locales count.
 */
export function pickLocale(
  candidates: Array<string | undefined>,
  supported: readonly string[],
  fallback: string,
): Locale {
  for (const candidate of candidates) {
    for (const tag of (candidate ?? '').split(/[\s,]+/)) {
      const language = tag.split('-')[0]?.toLowerCase();
      if (isLocale(language) && supported.includes(language)) return language;
    }
  }
  return isLocale(fallback) ? fallback : 'fr';
}
