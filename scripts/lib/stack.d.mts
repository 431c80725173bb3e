// Types for stack.mjs, so TypeScript test setups can read the same demo logins as `npm start`.
export function demoLogins(): Record<string, string>;
