// API tokens: a machine account's credential. Every token ends: its lifetime is required and bounded.
/** The longest lifetime of an API token, in days (a year): a forgotten token stops working by itself. */
export const TOKEN_MAX_DAYS = 365;
