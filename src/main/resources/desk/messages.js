// The API names fields and says what is wrong in English; the desk says it in Arabic, next to
// the field. Unknown messages still get an Arabic sentence.

const RULES = [
  [/^is required with change: correction/, () => 'اكتب ملاحظة التصحيح: يقرأ القراء فيها ما الذي صُحّح.'],
  [/^goes with change: correction only/, () => 'الملاحظة للتصحيح وحده.'],
  [/^correction applies to an edit/, () => 'لا تصحيح في مقال جديد.'],
  [/^is required/, () => 'هذا الحقل مطلوب.'],
  [/^must not be empty/, () => 'لا يجوز أن يكون فارغاً.'],
  [/^must be at most (\d+) characters/, (m) => `يجب ألا يزيد على ${m[1]} حرفاً.`],
  [/lowercase ASCII letters/, () => 'يُكتب بحروف لاتينية صغيرة وأرقام وشرطات فقط، مثل nizar-samir.'],
  [/RFC 3339/, () => 'وقت غير صالح.'],
  [/absolute http or https URL/, () => 'يجب أن يكون رابطاً كاملاً يبدأ بـ https:// أو http://.'],
  [/image media type/, () => 'نوع الصورة غير معروف.'],
  [/no content left|shows nothing once scripts/, () => 'لا يبقى من النص شيء بعد حذف ما ليس آمناً.'],
  [/no article has id/, () => 'لا يوجد مقال بهذا الرقم.'],
  [/repeats article/, () => 'المقال مكرر في القائمة.'],
  [/may list at most (\d+)/, (m) => `لا يزيد عدد المقالات على ${m[1]}.`],
  [/may hold at most (\d+)/, (m) => `لا يزيد عدد الوسوم على ${m[1]}.`],
  [/^shows nothing/, () => 'لا يحتوي إلا على مسافات أو علامات غير مرئية.'],
  [/^must be a whole number from 1 to (\d+)/, (m) => `يجب أن يكون عدداً صحيحاً من 1 إلى ${m[1]}.`],
  [/^repeats author/, () => 'هذا الكاتب مذكور مرتين.'],
  [/may name at most (\d+) authors/, (m) => `لا يزيد عدد الكتّاب على ${m[1]}.`],
  [/^must be a non-empty array/, () => 'اختر كاتباً واحداً على الأقل.'],
];

export function arabicMessage(message) {
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(message || '');
    if (m) return say(m);
  }
  return 'قيمة غير صالحة.';
}

/**
 * The id of the form control an API field path names ("category.slug" → "category-slug",
 * "tags[2]" → "tags", "authors[1].name" → "author-name-1").
 */
export function controlFor(field) {
  const byline = /^authors\[(\d+)\](?:\.(slug|name))?$/.exec(field || '');
  if (byline) return `author-${byline[2] || 'slug'}-${byline[1]}`;
  const path = (field || '').replace(/\[\d+\]$/, '').replace(/\[\d+\]/g, '');
  const known = {
    title: 'title', summary: 'summary', body: 'body', published: 'published', tags: 'tags',
    related: 'related', category: 'category-slug', 'category.slug': 'category-slug',
    'category.name': 'category-name', authors: 'author-slug-0', author: 'author-slug-0', image: 'image-url',
    'image.url': 'image-url', 'image.type': 'image-url', 'image.caption': 'image-caption',
    'image.width': 'image-width', 'image.height': 'image-height', 'image.bytes': 'image-url',
    change: 'change', note: 'note',
  };
  return known[path] || 'form';
}

export const STATUS = {
  saving: 'جارٍ الحفظ…',
  saved: 'حُفظ المقال.',
  draftSaved: 'حُفظت المسودة؛ لا يراها القراء.',
  conflict: 'غيّر محرر آخر هذا المقال منذ فتحته، فلم يُحفظ تعديلك كي لا يضيع تعديله. انسخ ما كتبت إن أردت، ثم حمّل النسخة الحالية.',
  reloaded: 'حُمّلت النسخة الحالية من المقال.',
  published: 'نُشر المقال.',
  scheduled: 'جُدول المقال للنشر في ',
  deleted: 'حُذف المقال.',
  invalid: 'لم يُحفظ المقال: صحّح الحقول المشار إليها.',
  failed: 'تعذّر الاتصال بالخادم؛ لم يُحفظ شيء.',
  signedOut: 'انتهت الجلسة؛ سجّل الدخول من جديد.',
  confirmDelete: 'أتريد حذف هذا المقال نهائياً؟',
  confirmUnpublish: 'أتريد إعادة هذا المقال إلى المسودات؟ يختفي من الخلاصات والصفحات حتى يُنشر من جديد.',
  unpublished: 'أُعيد المقال إلى المسودات؛ لا يراه القراء.',
  needFuture: 'اختر وقتاً في المستقبل للجدولة.',
  noSuggestions: 'لا مقترحات بعد.',
  add: 'أضف',
  isDraft: 'الحالة: مسودة، لا يراها القراء',
  isPublished: 'الحالة: منشور',
  isScheduled: 'الحالة: مجدول للنشر في ',
  remove: 'أزل',
};
