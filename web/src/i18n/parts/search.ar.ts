// The registry search: the total found (plural forms), the page shown, and advice that fits the search.
export const searchAr = {
  'search.found.zero': 'لم يُعثر على أحد.',
  'search.found.one': 'عُثر على شخص واحد.',
  'search.found.two': 'عُثر على شخصين.',
  'search.found.few': 'عُثر على {count} أشخاص.',
  'search.found.many': 'عُثر على {count} شخصاً.',
  'search.found.other': 'عُثر على {count} شخص.',
  'search.foundAbout.zero': 'عُثر على نحو {count} شخص.',
  'search.foundAbout.one': 'عُثر على نحو {count} شخص.',
  'search.foundAbout.two': 'عُثر على نحو {count} شخص.',
  'search.foundAbout.few': 'عُثر على نحو {count} أشخاص.',
  'search.foundAbout.many': 'عُثر على نحو {count} شخصاً.',
  'search.foundAbout.other': 'عُثر على نحو {count} شخص.',
  'search.shown': 'المعروض: {shown} من {total}',
  'search.advice.nationalIdCheckDigit':
    'رقم التحقق (الرقم الأخير) في رقم الهوية هذا غير صحيح، فلعلّ فيه خطأ في الكتابة. راجع الرقم مع صاحبه أو على البطاقة.',
  'search.advice.nationalIdNotFound': 'لا أحد برقم الهوية هذا ضمن نطاقك. ابحث بالاسم أو برقم الهاتف.',
  'search.advice.phoneNotFound': 'لا أحد برقم الهاتف هذا ضمن نطاقك. ابحث بالاسم أو برقم الهوية.',
  'search.advice.queryLooksLikeNationalId': 'ما كتبته يشبه رقم هوية: اختر البحث بـ«رقم الهوية».',
  'search.advice.queryLooksLikePhone': 'ما كتبته يشبه رقم هاتف: اختر البحث بـ«الهاتف».',
  'search.advice.queryTooShort': 'البحث قصير جداً: اكتب الاسم الأول واسم العائلة على الأقل.',
  'search.advice.addNameParts': 'يحمل هذا الاسم كثيرون: أضف جزءاً آخر من الاسم (الاسم الأول أو اسم الأب أو اسم العائلة).',
  'search.advice.crowded':
    'يحمل هذا الاسم عدد كبير من الأشخاص، فالنتائج جزء منهم فقط. أضف اسم الأب أو الجد، أو ابحث برقم الهوية أو الهاتف.',
  'search.advice.noNameMatch': 'لم يُعثر على هذا الاسم. جرّب كتابته بطريقة أخرى، أو بأجزاء أقل منه، أو ابحث برقم الهوية.',
  'search.switch.nationalId': 'ابحث به كرقم هوية',
  'search.switch.phone': 'ابحث به كرقم هاتف',
} as const;
