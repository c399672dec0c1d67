// Shared fast-check arbitraries for the name tests: any Unicode text, and text drawn mostly from the
// Arabic block (letters, harakat, hamza forms, tatweel, Persian letters, digits, joiners, bidi marks).
import fc from 'fast-check';

const ARABIC_UNITS = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱؤئىةـ',
  ...'\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670',
  ...'کیېگپچڤہھ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹',
  ' ',
  '  ',
  '-',
  '.',
  '،',
  '\u200C',
  '\u200D',
  '\u200F',
  '\u202B',
  'ﷲ',
  'ﻻ',
  'a',
  'É',
];

export const anyText = fc.string({ unit: 'binary', maxLength: 40 });
export const arabicText = fc.string({ unit: fc.constantFrom(...ARABIC_UNITS), maxLength: 30 });
export const latinText = fc.string({
  unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJ éèüöçñ-'’ʿʾ.", 'al ', 'el-', 'abd ', 'abu '),
  maxLength: 30,
});
export const mixedText = fc.oneof(anyText, arabicText, latinText);

/** Arabic harakat, tanween, shadda, sukun, superscript alef, tatweel. */
export const DIACRITICS = /[\u064B-\u065F\u0670\u0640]/;
