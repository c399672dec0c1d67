// Arabic texts of the health ministry's death list (upload screen, summary, reasons rows are held).
export const deathListProblemsAr = {
  'problem.death_list_unreadable': 'تعذّرت قراءة قائمة الوفيات. تحقّق من أن الملف CSV وأن صفّه الأول فيه أسماء الأعمدة المطلوبة.',
} as const;

export const deathListAr = {
  'nav.deaths': 'قائمة الوفيات',
  'deaths.title': 'قائمة وفيات وزارة الصحة',
  'deaths.intro':
    'يُطابَق كل صف برقم الهوية ثم بالاسم. الصف المطابق يُسجَّل وفاةً مؤكَّدة، وتُفتح مهامها: اقتراح ربّ أسرة جديد، وملف حماية لطفل فقد من يرعاه. الصفوف الأخرى تُحجز مع السبب ولا يُطبَّق منها شيء. رفع القائمة نفسها مرة ثانية لا يضيف شيئاً.',
  'deaths.columns': 'أعمدة الملف بهذا الترتيب:',
  'deaths.file': 'ملف القائمة (CSV)',
  'deaths.apply': 'طبّق القائمة',
  'deaths.applying': 'جارٍ تطبيق القائمة…',
  'deaths.chooseFile': 'اختر ملف القائمة أولاً.',
  'deaths.tooLarge': 'الملف أكبر من أن يُرفع من هنا. قسّمه، أو طبّقه من سطر الأوامر.',
  'deaths.summary': 'النتيجة',
  'deaths.rows': 'الصفوف المقروءة',
  'deaths.applied': 'طُبّقت (وفيات مؤكَّدة جديدة)',
  'deaths.alreadyKnown': 'معروفة من قبل (لم يُضف شيء)',
  'deaths.held': 'محجوزة للمراجعة',
  'deaths.heldRows': 'الصفوف المحجوزة',
  'deaths.row': 'الصف',
  'deaths.reason': 'السبب',
  'deaths.tasks': 'افتح المهام الناتجة',
  'deaths.reason.malformed_id': 'رقم الهوية ليس تسعة أرقام',
  'deaths.reason.malformed_date': 'تاريخ الوفاة غير صالح',
  'deaths.reason.missing_name': 'لا اسم في الصف',
  'deaths.reason.future_date': 'تاريخ الوفاة لم يأتِ بعد',
  'deaths.reason.not_found': 'لا أحد في السجل بهذا الرقم',
  'deaths.reason.ambiguous': 'أكثر من سجل بهذا الرقم',
  'deaths.reason.name_mismatch': 'الاسم لا يطابق صاحب الرقم',
  'deaths.reason.duplicate_in_list': 'الرقم مكرر في القائمة',
} as const;
