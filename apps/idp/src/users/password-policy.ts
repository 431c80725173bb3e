import type { StoredUser } from './store.js';
import { verifyPassword } from './password.js';

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
  passwordHistory: 3,
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

/** The policies "at least N characters of a kind": which characters count, Keycloak's key and words. */
const COUNTED_CHARACTERS = {
  digits: { pattern: /\d/g, key: 'invalidPasswordMinDigitsMessage', what: 'numerical digits' },
  upperCase: {
    pattern: /\p{Lu}/gu,
    key: 'invalidPasswordMinUpperCaseCharsMessage',
    what: 'upper case characters',
  },
  lowerCase: {
    pattern: /\p{Ll}/gu,
    key: 'invalidPasswordMinLowerCaseCharsMessage',
    what: 'lower case characters',
  },
  specialChars: {
    pattern: /[^\p{L}\p{N}]/gu,
    key: 'invalidPasswordMinSpecialCharsMessage',
    what: 'special characters',
  },
};

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
      case 'upperCase':
      case 'lowerCase':
      case 'specialChars': {
        const { pattern, key, what } = COUNTED_CHARACTERS[name];
        if (countOf(password, pattern) < value)
          return { key, message: `Invalid password: must contain at least ${value} ${what}.` };
        break;
      }
      default:
        // Policies we do not model (hashIterations…) do not reject anything here; passwordHistory
        // needs the stored hashes: checkPasswordHistory.
        break;
    }
  }
  return undefined;
}

/**
 * Keycloak's passwordHistory(N): the new password must differ from the last N ones, the current
 * password included. Asynchronous because each comparison is a scrypt verification.
 */
export async function checkPasswordHistory(
  rules: Rule[],
  password: string,
  user: Pick<StoredUser, 'passwordHash' | 'previousPasswordHashes'>,
): Promise<PolicyViolation | undefined> {
  const rule = rules.find(({ name }) => name === 'passwordHistory');
  if (!rule || rule.value < 1) return undefined;
  const recent = [user.passwordHash, ...(user.previousPasswordHashes ?? [])]
    .filter((hash): hash is string => hash !== undefined)
    .slice(0, rule.value);
  for (const hash of recent) {
    if (await verifyPassword(password, hash))
      return {
        key: 'invalidPasswordHistoryMessage',
        message: `Invalid password: must not be equal to any of last ${rule.value} passwords.`,
      };
  }
  return undefined;
}

/** Every rule of the policy, history included: what the Admin API and the login page enforce. */
export async function passwordViolation(
  policy: string | undefined,
  password: string,
  user: { username: string; email?: string } & Partial<
    Pick<StoredUser, 'passwordHash' | 'previousPasswordHashes'>
  >,
): Promise<PolicyViolation | undefined> {
  const rules = parsePolicy(policy);
  return checkPassword(rules, password, user) ?? (await checkPasswordHistory(rules, password, user));
}
