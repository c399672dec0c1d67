// The registration draft's own rules, run in Node: what POST /api/v1/registrations receives for a
// draft, what stops a save before it is sent, and which member a server's field error names.
import { expect, test } from 'vitest';
import { RegistrationInput } from '../../src/api/routes/registrations/schema.ts';
import {
  type Draft,
  draftProblems,
  emptyDraft,
  MAX_MEMBERS,
  memberName,
  memberOfField,
  registrationBody,
} from '../../web/src/registration/draft.ts';

const values = {
  givenName: 'ليلى',
  fatherName: '',
  grandfatherName: '',
  familyName: 'الحداد',
  fullNameEn: '',
  sex: 'female',
  dateOfBirth: '',
  nationalId: '',
  phone: '',
  governorate: 'PS0260',
  relationship: 'head',
} as const;
const draft = (): Draft => ({
  ...emptyDraft('PS0260'),
  recordId: ' R-1 ',
  members: [
    { key: 'a', kind: 'new', relationship: 'head', values, body: { givenName: 'ليلى', familyName: 'الحداد', governorate: 'PS0260' } },
    {
      key: 'b',
      kind: 'existing',
      relationship: 'son',
      person: {
        id: '00000000-0000-4000-8000-000000000001',
        fullName: 'سامر الحداد',
        fullNameEn: null,
        governorate: 'PS0260',
        dateOfBirth: null,
        inOtherHousehold: true,
      },
    },
  ],
});

test('the body of a draft is what the server schema accepts: new persons and existing ones (moved in)', () => {
  const body = registrationBody(draft());
  expect(RegistrationInput.parse(body)).toMatchObject({
    governorate: 'PS0260',
    recordId: 'R-1',
    members: [
      { kind: 'new', relationship: 'head', person: { givenName: 'ليلى' } },
      { kind: 'existing', relationship: 'son', move: true },
    ],
  });
  expect(memberName(draft().members[0]!)).toEqual({ fullName: 'ليلى الحداد', fullNameEn: null });
});

test('a draft is not sent without a governorate, members, exactly one head, or with too many', () => {
  expect(draftProblems(draft())).toEqual([]);
  expect(draftProblems(emptyDraft(''))).toEqual(['governorate', 'noMembers']);
  const d = draft();
  expect(draftProblems({ ...d, members: d.members.map((m) => ({ ...m, relationship: 'son' as const })) })).toEqual(['oneHead']);
  const many = Array.from({ length: MAX_MEMBERS + 1 }, (_, i) => ({
    ...d.members[0]!,
    key: String(i),
    relationship: i ? ('son' as const) : ('head' as const),
  }));
  expect(draftProblems({ ...d, members: many })).toEqual(['tooMany']);
});

test("a server's field error names its member by index", () => {
  expect(memberOfField('members.3.person.givenName')).toBe(3);
  expect(memberOfField('members.12.personId')).toBe(12);
  expect(memberOfField('members')).toBeNull();
  expect(memberOfField('governorate')).toBeNull();
});
