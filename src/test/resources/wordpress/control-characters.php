<?php
// Fills the loopback WordPress (see README.md beside this file) with two posts holding control
// characters a word processor pastes (backspace, vertical tab, form feed), one saved by an editor
// (with the noncharacters U+FFFE and U+FFFF too: a byte-order mark read the wrong way round) and
// one by an author. WordPress keeps them in what an editor saves (editors may post unfiltered
// HTML) and strips them from what an author saves; its export writes them as they are.
// Usage: php control-characters.php PORT
$port = $argv[1] ?? '8091';
$_SERVER['HTTP_HOST'] = "127.0.0.1:$port";
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
define('WP_ADMIN', true);
require '/usr/share/wordpress/wp-load.php';

function fail($what) { fwrite(STDERR, "control-characters.php: $what\n"); exit(1); }
$posts = [
    ['editor', 'hala', 'هالة يوسف', "وزير الخارجية\x08 يستقبل\u{FFFF} نظيره",
        "استقبل وزير الخارجية\x0b اليوم نظيره في العاصمة.\u{FFFE}\n\nوبحث الجانبان\x0c العلاقات الثنائية."],
    ['author', 'samir', 'سمير حداد', "افتتاح\x08 معرض الكتاب",
        "افتتح معرض الكتاب\x0b أبوابه صباح اليوم."],
];
foreach ($posts as [$role, $login, $display, $title, $content]) {
    $user = wp_insert_user(['user_login' => $login, 'user_pass' => wp_generate_password(),
        'user_email' => "$login@example.invalid", 'display_name' => $display, 'role' => $role]);
    if (is_wp_error($user)) fail("user $login: " . $user->get_error_message());
    wp_set_current_user($user);
    $id = wp_insert_post(['post_title' => $title, 'post_content' => $content, 'post_status' => 'publish',
        'post_date' => '2024-05-02 10:00:00'], true);
    if (is_wp_error($id)) fail("post of $login: " . $id->get_error_message());
    fwrite(STDERR, "[content] $role $login: post $id\n");
}
