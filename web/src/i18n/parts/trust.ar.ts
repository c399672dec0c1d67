// The change log keyed and anchored: the chain check's new answers and the anchor state (Audit screen).
export const trustAr = {
  'audit.check.problem.rolled_back': 'السجل أقصر مما تشهد به آخر نقطة تثبيت: أُعيدت نسخة أقدم من قاعدة البيانات (نسخة احتياطية قديمة مثلًا).',
  'audit.check.problem.anchor_mismatch': 'هذا القيد يخالف ما تشهد به نقطة تثبيت: أُعيدت كتابة السجل.',
  'audit.check.problem.anchor_invalid': 'نقطة تثبيت غير موقعة بمفتاح هذا الخادم: لا يُعتمد عليها.',
  'audit.check.problem.keying_moved': 'نُقل موضع بدء الختم بمفتاح الخادم بعد كتابته.',
  'audit.check.problem.other_key': 'السجل مختوم بمفتاح خادم آخر: شغّل الخادم بمفتاحه السري.',
  'audit.anchor.none': 'لا نقطة تثبيت بعد. يصدرها مسؤول النظام بالأمر {command} ويحفظ الملف خارج الخادم، فتكشف أي رجوع إلى نسخة أقدم.',
  'audit.anchor.latest': 'آخر نقطة تثبيت عند القيد رقم {seq}، صدرت في {date}. عدد نقاط التثبيت المقارنة: {count}.',
  'audit.anchor.keyedFrom': 'القيود من رقم {seq} فصاعدًا مختومة بمفتاح الخادم السري.',
  'audit.entity.person_list': 'أشخاص معروضون في قائمة أو بحث',
  'audit.entity.change_log_anchor': 'نقطة تثبيت لسجل التغييرات',
  'audit.action.anchor': 'تثبيت',
} as const;
