/**
 * Keycloak password policies ("length(8) and notUsername and digits(1)…") with Keycloak's message
 * keys and English texts, which the Admin API returns on a rejected password.
 */
export interface PolicyViolation {
  key: string;
  message: string;
}

interface Rule {
  name: string;
  value: number;
}

const DEFAULTS: Record<string, number> = {
  length: 8,
  maxLength: 64,
  digits: 1,
  upperCase: 1,
  lowerCase: 1,
  specialChars: 1,
};

export function parsePolicy(policy: string | undefined): Rule[] {
  if (!policy) return [];
  return policy
    .split(/\s+and\s+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^([A-Za-z]+)(?:\(([^)]*)\))?$/.exec(part);
      const name = match?.[1] ?? part;
      const value = match?.[2] ? Number(match[2]) : (DEFAULTS[name] ?? 0);
      return { name, value };
    });
}

const countOf = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;

export function checkPassword(
  rules: Rule[],
  password: string,
  user: { username: string; email?: string },
): PolicyViolation | undefined {
  for (const { name, value } of rules) {
    switch (name) {
      case 'length':
        if ([...password].length < value)
          return {
            key: 'invalidPasswordMinLengthMessage',
            message: `Invalid password: minimum length ${value}.`,
          };
        break;
      case 'maxLength':
        if ([...password].length > value)
          return {
            key: 'invalidPasswordMaxLengthMessage',
            message: `Invalid password: maximum length ${value}.`,
          };
        break;
      case 'notUsername':
        if (password.toLowerCase() === user.username.toLowerCase())
          return {
            key: 'invalidPasswordNotUsernameMessage',
            message: 'Invalid password: must not be equal to the username.',
          };
        break;
      case 'notEmail':
        if (user.email && password.toLowerCase() === user.email.toLowerCase())
          return {
            key: 'invalidPasswordNotEmailMessage',
            message: 'Invalid password: must not be equal to the email.',
          };
        break;
      case 'digits':
        if (countOf(password, /\d/g) < value)
          return {
            key: 'invalidPasswordMinDigitsMessage',
            message: `Invalid password: must contain at least ${value} numerical digits.`,
          };
        break;
      case 'upperCase':
        if (countOf(password, /\p{Lu}/gu) < value)
          return {
            key: 'invalidPasswordMinUpperCaseCharsMessage',
            message: `Invalid password: must contain at least ${value} upper case characters.`,
          };
        break;
      case 'lowerCase':
        if (countOf(password, /\p{Ll}/gu) < value)
          return {
            key: 'invalidPasswordMinLowerCaseCharsMessage',
            message: `Invalid password: must contain at least ${value} lower case characters.`,
          };
        break;
      case 'specialChars':
        if (countOf(password, /[^\p{L}\p{N}]/gu) < value)
          return {
            key: 'invalidPasswordMinSpecialCharsMessage',
            message: `Invalid password: must contain at least ${value} special characters.`,
          };
        break;
      default:
        // Policies we do not model (hashIterations, passwordHistory…) do not reject anything here.
        break;
    }
  }
  return undefined;
}
