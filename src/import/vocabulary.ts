/**
 * The words Arabic research papers use on their title pages and in their section names: not the
 * centre's own words (those are in the template's brand.yaml), but the language's conventions the
 * recognition reads. Compared folded (`foldArabic`), so hamza and tāʾ marbūṭa spellings all match.
 */

/** Kinds of publication, printed on the cover as the series. */
export const seriesNames = [
  'ورقة تحليلية',
  'ورقة بحثية',
  'ورقة سياسات',
  'ورقة سياسات عامة',
  'ورقة عمل',
  'ورقة مفاهيمية',
  'ورقة خلفية',
  'تقدير موقف',
  'تقدير استراتيجي',
  'دراسة',
  'دراسة تحليلية',
  'دراسة حالة',
  'تقرير',
  'تقرير استراتيجي',
  'تحليل',
  'تحليل سياسات',
  'قراءة',
  'قراءة تحليلية',
  'قراءة في كتاب',
  'عرض كتاب',
  'مقال',
  'مقالة',
  'مقالة رأي',
  'ترجمة',
  'رؤية',
  'موجز سياسات',
  'ملخص سياسات'
]

/** A line that announces the abstract. */
export const abstractMarkers = [
  'الملخص',
  'ملخص',
  'ملخص الدراسة',
  'ملخص البحث',
  'ملخص الورقة',
  'الملخص التنفيذي',
  'ملخص تنفيذي',
  'المستخلص',
  'مستخلص',
  'abstract',
  'summary'
]

/** A line that announces the keywords. */
export const keywordMarkers = [
  'الكلمات المفتاحية',
  'كلمات مفتاحية',
  'الكلمات الدالة',
  'كلمات دالة',
  'keywords',
  'key words'
]

/** Words that announce the author: «إعداد», «بقلم», «تأليف»… */
export const authorMarkers = [
  'إعداد',
  'اعداد الباحث',
  'إعداد الباحثة',
  'إعداد الباحثين',
  'بقلم',
  'تأليف',
  'الباحث',
  'الباحثة',
  'الكاتب',
  'المؤلف',
  'ترجمة'
]

/** Words of a line under an author's name that says what the author is. */
export const roleWords = [
  'باحث',
  'باحثة',
  'باحثون',
  'أستاذ',
  'أستاذة',
  'أستاذ مساعد',
  'مدرس',
  'مدرسة',
  'محاضر',
  'مدير',
  'مديرة',
  'رئيس',
  'رئيسة',
  'خبير',
  'خبيرة',
  'مستشار',
  'مستشارة',
  'كاتب',
  'كاتبة',
  'صحفي',
  'صحفية',
  'عضو',
  'طالب',
  'طالبة',
  'دكتوراه',
  'ماجستير',
  'مركز',
  'جامعة',
  'كلية',
  'معهد',
  'قسم',
  'وزارة',
  'أكاديمي',
  'أكاديمية',
  'متخصص',
  'متخصصة'
]

/** Sections a paper leaves out of its numbering even when the others are numbered. */
export const unnumberedSections = [
  'المقدمة',
  'مقدمة',
  'تمهيد',
  'التمهيد',
  'الخاتمة',
  'خاتمة',
  'الخلاصة',
  'خلاصة',
  'الاستنتاجات',
  'النتائج والتوصيات',
  'الهوامش',
  'المصادر',
  'المراجع',
  'المصادر والمراجع',
  'قائمة المصادر',
  'قائمة المراجع',
  'الملاحق'
]

/** The words that open a paper's text: the title pages end there. */
export const introductionNames = ['المقدمة', 'مقدمة', 'تمهيد', 'التمهيد', 'مدخل', 'المدخل']

/** Authors that Word and its templates fill in by themselves: never a paper's author. */
export const placeholderCreators = [
  'microsoft office user',
  'microsoft office',
  'admin',
  'administrator',
  'user',
  'windows user',
  'owner',
  'pc',
  'hp',
  'dell',
  'lenovo',
  'asus',
  'acer',
  'toshiba',
  'samsung',
  'apple',
  'mac',
  'home',
  'test',
  'guest',
  'مستخدم',
  'المستخدم'
]
