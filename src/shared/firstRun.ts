// The first run: what `sanad serve` prints and the sign-in screen shows while the server has no
// account. Pure data, shared by the server and the web app.

/** The password rules of every account (checkPasswordStrength in src/access/secrets.ts). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** The command that creates the first administrator (the username and organisation are examples). */
export const FIRST_ADMIN_COMMAND = 'npx sanad user add --username admin --org "Your organisation" --role administrator';

/** Authenticator apps known to work (any TOTP app does): on phones, then on desktops. */
export const AUTHENTICATOR_APPS = ['FreeOTP', 'Aegis', 'Google Authenticator', 'Microsoft Authenticator', 'KeePassXC'] as const;
