package org.khulasa.related;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Words too common to say what an article is about: particles, pronouns, auxiliaries, number
 * words, and the reporting verbs and time words every news story uses. Kept in normalised form
 * (figures written in digits stay: a price or a score is telling).
 */
final class ArabicStopWords {

    private static final String WORDS = """
            في من إلى الى على عن مع ضد عبر حول لدى لدي عند عندما منذ مذ حتى خلال بين بينما قبل بعد
            فوق تحت أمام امام وراء خلف دون سوى غير إلا الا نحو لأن لان كي لكي لكن لكنه لكنها بل ثم أو او
            أم ام إن ان أن إنه انه أنه إنها انها أنها إذا اذا إذ اذ لو لولا كلما كما كأن مثل هل ما ماذا
            حيث بشأن بشان إزاء ازاء ضمن جانب إطار اطار
            لماذا كيف متى أين اين أي اي أيضا ايضا فقط قد لقد لا لم لن ليس ليست هنا هناك هنالك ثمة
            هذا هذه هذان هاتان هؤلاء ذلك تلك أولئك الذي التي الذين اللذين اللتين اللواتي اللاتي اللائي
            تي ذي ذين هو هي هما هم هن أنا انا نحن أنت انت أنتم انتم أنتن له لها لهما لهم لهن به بها
            بهما بهم فيه فيها فيهم منه منها منهم عنه عنها عنهم عليه عليها عليهم إليه اليه إليها اليها
            إليهم اليهم معه معها معهم كل كلا كلتا بعض جميع عدة عدد أكثر اكثر أقل اقل جدا كان كانت
            كانوا يكون تكون يكونون أصبح اصبح أصبحت اصبحت صار ظل ظلت مازال ما زال لازال بات باتت
            وقد وقال قال قالت يقول تقول أضاف اضاف وأضاف أضافت وأكد أكد اكد أكدت أشار اشار أشارت
            أوضح اوضح أوضحت تابع وتابع ذكر ذكرت يذكر أفاد افاد أعلن اعلن أعلنت وفق وفقا بحسب حسب
            اليوم يوم أمس امس غدا الآن الان حاليا العام عام الماضي الماضية الجاري الجارية الحالي
            الحالية المقبل المقبلة القادم القادمة شهر سنة سنه أسبوع اسبوع يذكر يشار يا أيها
            واحد واحدة اثنان اثنين اثنتان اثنتين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة
            ثمان ثماني ثمانية تسع تسعة عشر عشرة عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين
            ستون ستين سبعون سبعين ثمانون ثمانين تسعون تسعين مئة مائة مئتان مئتين مئات ألف آلاف ألفين
            مليون ملايين مليار مليارات نصف ربع ثلث المئة المائة بالمئة نسبة بنسبة
            """;

    private static final Set<String> SET = Arrays.stream(WORDS.split("\\s+"))
            .filter(w -> !w.isBlank())
            .map(ArabicNormalizer::normalize)
            .collect(Collectors.toUnmodifiableSet());

    private ArabicStopWords() {
    }

    static boolean contains(String normalizedWord) {
        return SET.contains(normalizedWord);
    }
}
