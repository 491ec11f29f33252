<?php
// Fills the loopback WordPress (see README.md beside this file) with a small Arabic newsroom that
// covers every case the importer handles, through WordPress's own API.
// Usage: php content.php PORT first    content for the first export (/%postname%/ permalinks)
//        php content.php PORT second   one post more, then /%year%/%monthnum%/%postname%/ permalinks
$port = $argv[1] ?? '8091';
$step = $argv[2] ?? 'first';
$_SERVER['HTTP_HOST'] = "127.0.0.1:$port";
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
define('WP_ADMIN', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/post.php';
require_once ABSPATH . 'wp-admin/includes/nav-menu.php';

function fail($what) { fwrite(STDERR, "content.php: $what\n"); exit(1); }
function must($r, $what) { if (is_wp_error($r) || !$r) fail("$what: " . (is_wp_error($r) ? $r->get_error_message() : 'failed')); return $r; }
function user($login, $display) {
    $u = get_user_by('login', $login);
    if ($u) return $u->ID;
    return must(wp_insert_user(['user_login' => $login, 'user_pass' => wp_generate_password(),
        'user_email' => "$login@example.invalid", 'display_name' => $display, 'first_name' => $display,
        'role' => 'author']), "user $login");
}
function category($name, $parent = 0) {
    $t = term_exists($name, 'category');
    if ($t) return (int) $t['term_id'];
    return (int) must(wp_insert_term($name, 'category', ['parent' => $parent]), "category $name")['term_id'];
}
/** A post at a fixed local (Asia/Riyadh) time, its modification time set afterwards. */
function post($fields, $modifiedGmt = null) {
    $fields += ['post_type' => 'post', 'post_status' => 'publish', 'comment_status' => 'open'];
    $id = must(wp_insert_post(wp_slash($fields), true), 'post ' . $fields['post_title']);
    if ($modifiedGmt !== null) {
        global $wpdb;
        $wpdb->update($wpdb->posts, ['post_modified_gmt' => $modifiedGmt,
            'post_modified' => get_date_from_gmt($modifiedGmt)], ['ID' => $id]);
        clean_post_cache($id);
    }
    return $id;
}
function attachment($parent, $file, $title, $caption, $alt) {
    $id = must(wp_insert_attachment(['post_title' => $title, 'post_excerpt' => $caption, 'post_status' => 'inherit',
        'post_mime_type' => 'image/jpeg', 'post_date' => '2024-03-10 08:00:00'], $file, $parent, true), "attachment $file");
    update_post_meta($id, '_wp_attachment_image_alt', $alt);
    return $id;
}

$admin = get_user_by('login', 'admin')->ID;
wp_update_user(['ID' => $admin, 'display_name' => 'هيئة التحرير']);
$nizar = user('nizar', 'نزار سمير');
$huda = user('huda', 'هدى العلي');

if ($step === 'first') {
    $local = category('محليات');
    $economy = category('اقتصاد');
    $sport = category('رياضة');
    $football = category('كرة القدم', $sport);
    $uncategorized = (int) get_option('default_category');

    // 1. Two categories besides Uncategorized (the importer keeps the first that is not the default),
    //    tags, a featured image, an excerpt, [caption], paragraphs and single newlines, entities in the title.
    $p1 = post(['post_title' => 'الحكومة تقرّ موازنة "التقشف" & تخفض الدعم', 'post_author' => $nizar,
        'post_date' => '2024-03-10 09:30:00', 'post_excerpt' => 'أقرّ مجلس الوزراء موازنة العام المقبل بعجز أقل.',
        'post_category' => [$uncategorized, $local, $economy], 'tags_input' => ['الموازنة', 'الدعم', 'مجلس الوزراء'],
        'post_content' => "أقرّ مجلس الوزراء صباح اليوم مشروع الموازنة العامة للعام المقبل.\n\n"
            . "[caption id=\"attachment_0\" align=\"aligncenter\" width=\"640\"]<img src=\"http://127.0.0.1:$port/wp-content/uploads/2024/03/cabinet.jpg\" alt=\"مجلس الوزراء\" width=\"640\" height=\"427\" /> اجتماع مجلس الوزراء[/caption]\n\n"
            . "وقال وزير المالية إن العجز سينخفض إلى 3% من الناتج المحلي.\nوأضاف أن الدعم سيُوجّه إلى مستحقيه.\n\n"
            . "<ul>\n<li>خفض دعم الوقود</li>\n<li>زيادة مخصصات الصحة</li>\n</ul>\n\n"
            . "وتُعرض الموازنة على البرلمان الأسبوع المقبل.",
    ], '2024-03-10 10:15:00');
    $image = attachment($p1, '2024/03/market.jpg', 'سوق الخضار', 'سوق الخضار في وسط المدينة صباح اليوم', 'باعة في سوق الخضار');
    set_post_thumbnail($p1, $image);

    // 2. Block editor: comments around blocks, [embed], a bare media URL on its own line, [gallery],
    //    an unknown shortcode.
    $p2 = post(['post_title' => 'المنتخب يتأهل إلى نهائي كأس العرب', 'post_author' => $huda,
        'post_date' => '2024-03-11 21:05:00', 'post_category' => [$football], 'tags_input' => ['المنتخب', 'كأس العرب'],
        'post_content' => "<!-- wp:paragraph -->\n<p>تأهل المنتخب الوطني إلى المباراة النهائية بعد فوزه بهدفين.</p>\n<!-- /wp:paragraph -->\n\n"
            . "<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"} -->\n[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]\n<!-- /wp:embed -->\n\n"
            . "https://vimeo.com/76979871\n\n"
            . "[gallery ids=\"1,2,3\" columns=\"3\"]\n\n"
            . "[poll id=\"7\"]شارك في استطلاع الرأي[/poll]\n\n"
            . "<!-- wp:paragraph -->\n<p>وتقام المباراة النهائية يوم الجمعة.</p>\n<!-- /wp:paragraph -->",
    ], '2024-03-11 18:20:00');

    // 3. Only the default category; Latin-led title with an entity; modified at the same second as 4.
    $p3 = post(['post_title' => 'S-400: صفقة &#8220;الدفاع الجوي&#8221; تثير الجدل', 'post_author' => $admin,
        'post_date' => '2024-03-12 07:00:00', 'post_category' => [$uncategorized],
        'post_content' => "أثارت صفقة المنظومة الدفاعية جدلاً واسعاً.\n\nوطالب نواب بنشر تفاصيلها."], '2024-03-12 08:00:00');
    $p4 = post(['post_title' => 'ارتفاع أسعار الذهب إلى مستوى قياسي', 'post_author' => $nizar,
        'post_date' => '2024-03-12 11:45:00', 'post_category' => [$economy], 'tags_input' => ['الذهب'],
        'post_content' => "سجّلت أسعار الذهب ارتفاعاً جديداً اليوم.\n\nويتوقع محللون استمرار الصعود."], '2024-03-12 08:00:00');
    // Comments on a published post: not imported.
    wp_insert_comment(['comment_post_ID' => $p1, 'comment_author' => 'قارئ', 'comment_author_email' => 'reader@example.invalid',
        'comment_content' => 'موازنة جيدة', 'comment_approved' => 1, 'comment_date' => '2024-03-10 12:00:00']);
    wp_insert_comment(['comment_post_ID' => $p2, 'comment_author' => 'مشجع', 'comment_author_email' => 'fan@example.invalid',
        'comment_content' => 'مبروك', 'comment_approved' => 1, 'comment_date' => '2024-03-11 22:00:00']);

    // 5. Scheduled: comes out in 2030.
    post(['post_title' => 'افتتاح المترو في العاصمة', 'post_author' => $huda, 'post_status' => 'future',
        'post_date' => '2030-01-15 08:00:00', 'post_category' => [$local],
        'post_content' => 'يفتتح المترو أبوابه للركاب صباح اليوم.']);

    // 6. Never public: draft, pending, private, password-protected, trashed; a page; a menu item.
    post(['post_title' => 'مسودة عن الانتخابات', 'post_status' => 'draft', 'post_author' => $nizar,
        'post_category' => [$local], 'post_content' => 'لم تكتمل بعد.']);
    post(['post_title' => 'تقرير بانتظار المراجعة', 'post_status' => 'pending', 'post_author' => $huda,
        'post_date' => '2024-03-09 10:00:00', 'post_category' => [$local], 'post_content' => 'بانتظار المحرر.']);
    post(['post_title' => 'مذكرة داخلية', 'post_status' => 'private', 'post_author' => $admin,
        'post_date' => '2024-03-09 11:00:00', 'post_category' => [$local], 'post_content' => 'للمحررين فقط.']);
    post(['post_title' => 'خبر للمشتركين', 'post_password' => 'secret', 'post_author' => $admin,
        'post_date' => '2024-03-09 12:00:00', 'post_category' => [$economy], 'post_content' => 'محتوى محمي.']);
    $trashed = post(['post_title' => 'خبر محذوف', 'post_author' => $admin, 'post_date' => '2024-03-09 13:00:00',
        'post_category' => [$local], 'post_content' => 'حُذف هذا الخبر.']);
    wp_trash_post($trashed);
    $about = post(['post_title' => 'من نحن', 'post_type' => 'page', 'post_author' => $admin,
        'post_date' => '2024-01-01 09:00:00', 'post_content' => 'صحيفة إلكترونية مستقلة.']);
    $menu = must(wp_create_nav_menu('القائمة الرئيسية'), 'menu');
    must(wp_update_nav_menu_item($menu, 0, ['menu-item-title' => 'من نحن', 'menu-item-object' => 'page',
        'menu-item-object-id' => $about, 'menu-item-type' => 'post_type', 'menu-item-status' => 'publish']), 'menu item');
} else {
    // One post more, then the year/month permalink structure.
    post(['post_title' => 'هطول أمطار غزيرة على المناطق الشمالية', 'post_author' => $huda,
        'post_date' => '2024-03-13 06:30:00', 'post_category' => [category('محليات')], 'tags_input' => ['الطقس'],
        'post_content' => "هطلت أمطار غزيرة على المناطق الشمالية منذ الفجر.\n\nودعت الأرصاد السائقين إلى الحذر."],
        '2024-03-13 07:00:00');
    global $wp_rewrite;
    $wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%postname%/');
    $wp_rewrite->flush_rules(false);
}
fwrite(STDERR, "content.php: $step done\n");
