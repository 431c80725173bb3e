// The rules of CreateUserSchema / UpdateUserSchema / ResetPasswordSchema
// (packages/contracts/src/identity/users.ts), checked in the forms only to answer while typing: the API
// validates with the schemas themselves (importing them would ship zod to the browser).
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/i;
export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
export const PHONE_MAX = 40;
export const TITLE_MAX = 120;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
