// The device a request comes from (X-Device-Id), as the change log records it: a string, at most 100 characters.
export const deviceOf = (h: string | string[] | undefined): string | undefined => (typeof h === 'string' ? h.slice(0, 100) : undefined);
