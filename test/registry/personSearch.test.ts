// The pure rules of person search: which query words must meet, and the advice for what was searched.
import { expect, test } from 'vitest';
import { namePlan, rankByName, searchAdvice } from '../../src/registry/personSearch.ts';

test('a name plan: repeated words count once; longer names may miss one word, five or more two', () => {
  expect(namePlan('محمد احمد').misses).toBe(0);
  const three = namePlan('Yusuf Hassan Abu Taha'); // abu + taha join: three words
  expect([three.groups.length, three.misses, three.partial]).toEqual([
    3,
    1,
    [
      [0, 1],
      [0, 2],
      [1, 2],
    ],
  ]);
  expect(namePlan('محمد خالد محمد النجار').groups).toHaveLength(3);
  const five = namePlan('أحمد يوسف حسن سمير أبو طه');
  expect([five.groups.length, five.misses, five.partial.length]).toEqual([5, 2, 10]);
  expect(namePlan('a b c d e f g h').groups).toHaveLength(6);
  expect(namePlan('   ').groups).toEqual([]);
});

test('ranking keeps the order of the name parts, then the id', () => {
  const people = [
    { id: 'b', givenName: 'أحمد', fatherName: 'محمد', familyName: 'الكرد' },
    { id: 'c', givenName: 'محمد', fatherName: 'أحمد', familyName: 'الكرد' },
    { id: 'a', givenName: 'محمد', fatherName: 'أحمد', familyName: 'الكرد' },
  ];
  expect(rankByName('محمد احمد', people).map((p) => p.id)).toEqual(['a', 'c', 'b']);
});

test('advice fits what was searched', () => {
  const none = { total: 0, crowded: false };
  expect(searchAdvice({ ...none, nationalId: '123456789', nationalIdCheckDigitValid: false })).toEqual(['nationalIdCheckDigit']);
  expect(searchAdvice({ total: 1, crowded: false, nationalId: '123456789', nationalIdCheckDigitValid: false })).toEqual([
    'nationalIdCheckDigit',
  ]);
  expect(searchAdvice({ ...none, nationalId: '123456782', nationalIdCheckDigitValid: true })).toEqual(['nationalIdNotFound']);
  expect(searchAdvice({ total: 1, crowded: false, nationalId: '123456782', nationalIdCheckDigitValid: true })).toEqual([]);
  expect(searchAdvice({ ...none, phone: '+970599000001' })).toEqual(['phoneNotFound']);
  expect(searchAdvice({ ...none, query: '123-456-782' })).toEqual(['queryLooksLikeNationalId']);
  expect(searchAdvice({ ...none, query: '059 912 3456' })).toEqual(['queryLooksLikePhone']);
  expect(searchAdvice({ ...none, query: '12345' })).toEqual(['queryTooShort']);
  expect(searchAdvice({ ...none, query: 'a b' })).toEqual(['queryTooShort']);
  expect(searchAdvice({ ...none, query: 'محمد النجار' })).toEqual(['noNameMatch']);
  expect(searchAdvice({ total: 600, crowded: true, query: 'محمد النجار' })).toEqual(['crowded']);
  expect(searchAdvice({ total: 21, crowded: false, query: 'محمد' })).toEqual(['addNameParts']);
  expect(searchAdvice({ total: 20, crowded: false, query: 'محمد' })).toEqual([]);
});
