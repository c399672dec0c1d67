// The draft on the device: in localStorage, per signed-in user, after every change, so a reload, a
// power cut or a lost connection loses nothing; removed once the server has it (or it waits in the
// outbox). It holds personal data on the device only while the registration is unsaved.
import type { Draft } from './draft.ts';

const keyOf = (userId: string) => `sanad.registration.draft.${userId}`;

export function loadDraft(userId: string): Draft | null {
  try {
    const d = JSON.parse(localStorage.getItem(keyOf(userId)) ?? 'null') as Draft | null;
    return d && typeof d.operationId === 'string' && Array.isArray(d.members) ? d : null;
  } catch {
    return null;
  }
}

/** Keeps the draft; false when the device refused (storage full or disabled): the screen says so. */
export function saveDraft(userId: string, d: Draft): boolean {
  try {
    localStorage.setItem(keyOf(userId), JSON.stringify(d));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(userId: string): void {
  try {
    localStorage.removeItem(keyOf(userId));
  } catch {
    /* nothing kept */
  }
}
