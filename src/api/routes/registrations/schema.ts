import { z } from 'zod';
import { PersonInput } from '../../../registry/person.ts';
import { RecordIdInput } from '../../../registry/recordId.ts';
import { relationships } from '../../../registry/vocabulary.ts';
import { MAX_REGISTRATION_MEMBERS } from '../../../shared/registration.ts';
import { Day, Uuid } from '../../schemas.ts';
import { HouseholdView } from '../households/schema.ts';

const NewMember = z.object({
  kind: z.literal('new'),
  relationship: z.enum(relationships),
  person: PersonInput,
});
const ExistingMember = z.object({
  kind: z.literal('existing'),
  relationship: z.enum(relationships),
  personId: Uuid,
  move: z
    .boolean()
    .default(false)
    .describe('when the person belongs to another household: end that membership on the registration date and move them here'),
});

export const RegistrationInput = z.object({
  governorate: z.string().describe('P-code of the governorate of registration'),
  recordId: RecordIdInput.optional(),
  date: Day.optional().describe('membership start (default today)'),
  members: z
    .array(z.discriminatedUnion('kind', [NewMember, ExistingMember]))
    .min(1, 'must have at least the head')
    .max(MAX_REGISTRATION_MEMBERS, `must have at most ${MAX_REGISTRATION_MEMBERS} members in one registration`)
    .describe('new persons (kind: new) and persons already registered (kind: existing: "use the existing record")'),
});

export const RegistrationView = HouseholdView.extend({
  persons: z
    .array(z.object({ personId: z.string(), created: z.boolean() }))
    .describe('one per member sent, in the same order: the new person, or the existing one'),
});
