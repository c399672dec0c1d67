// The engineer's field work on the device, in IndexedDB: the pack prepared while online (the
// materials catalogue and the buildings of one governorate, no personal data) and every assessment
// saved on the device with its photos (the outbox) until the server has them. Photos are kept as
// Blobs and dropped as soon as the server has stored them; a sent assessment keeps only its summary.
import type { z } from 'zod';
import type { FieldAssessmentInput, FieldPackView } from '../../../src/api/routes/fieldAssessments/schema.ts';
import type { ProblemId } from '../../../src/shared/problems.ts';
import { done, indexedDb } from '../offline/idb.ts';

export type Pack = z.infer<typeof FieldPackView>;
export type AssessmentBody = z.input<typeof FieldAssessmentInput>;

export type QueuedPhoto = {
  photoId: string;
  type: string;
  /** The photo itself until the server has it; null once sent. */
  blob: Blob | null;
  takenAt: string;
  lon: number | null;
  lat: number | null;
  sent: boolean;
  /** Why the server refused this photo (the assessment itself stands). */
  problem?: ProblemId | null;
};

export type QueuedAssessment = {
  id: string;
  orgId: string;
  body: AssessmentBody;
  photos: QueuedPhoto[];
  /** The assessment itself is on the server (its photos may still wait). */
  recorded: boolean;
  state: 'waiting' | 'sent' | 'refused';
  queuedAt: string;
  sentAt?: string;
  problem?: ProblemId | null;
};

const NAME = 'sanad-field';
const { store: tx } = indexedDb(NAME, 1, (db) => {
  db.createObjectStore('pack', { keyPath: 'governorate' });
  db.createObjectStore('items', { keyPath: 'id' });
});

/** Keeps one pack only: preparing another governorate's replaces it. */
export const savePack = (p: Pack) =>
  tx('pack', 'readwrite', async (s) => {
    await done(s.clear());
    await done(s.put(p));
  });
export const loadPack = () => tx('pack', 'readonly', async (s) => ((await done(s.getAll())) as Pack[])[0] ?? null);

export const putItem = (q: QueuedAssessment) => tx('items', 'readwrite', (s) => done(s.put(q)).then(() => undefined));
export const allItems = () => tx('items', 'readonly', (s) => done(s.getAll() as IDBRequest<QueuedAssessment[]>));
export const deleteItem = (id: string) => tx('items', 'readwrite', (s) => done(s.delete(id)).then(() => undefined));
