#!/usr/bin/env bash
# Tiny Tiny RSS's headline list showing the sample newsroom, as screenshots, one per jar.
#
#   bench/tt-rss-titles.sh OUT_DIR NAME=JAR [NAME=JAR ...]
#   e.g. bench/tt-rss-titles.sh bench/tt-rss before=/tmp/main.jar after=target/khulasa.jar
#
# Needs root (apt-get, and www-data for PHP: tt-rss refuses to run as root). Installs tt-rss,
# nginx, php-fpm, mariadb and chromium with apt-get if missing. Everything else lives in a temp
# folder: a MariaDB on 127.0.0.1:3311, php-fpm on a socket, an nginx on [::1]:80 (tt-rss refuses
# feed URLs on loopback names and on ports other than 80/443, but not the literal [::1]) serving
# tt-rss at /tt-rss/ and proxying /feeds/ to Khulasa on 127.0.0.1:18617. Per jar: Khulasa starts
# with --sample, tt-rss forgets every article and fetches the site RSS feed once, and headless
# Chromium saves OUT_DIR/NAME.png. Everything it started is stopped on exit.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: bench/tt-rss-titles.sh OUT_DIR NAME=JAR [NAME=JAR ...]" >&2; exit 2; }
OUT=$(realpath -m "$1"); shift
mkdir -p "$OUT"
for pkg in tt-rss nginx php8.2-fpm mariadb-server chromium; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ -n "${need[*]:-}" ]; then
    echo "tt-rss tt-rss/dbconfig-install boolean false" | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}"
fi

T=$(mktemp -d /tmp/tt-rss-titles.XXXXXX)
chmod 755 "$T"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$T/nginx.pid" ] && kill "$(cat "$T/nginx.pid")" 2>/dev/null || true
    [ -f "$T/php-fpm.pid" ] && kill "$(cat "$T/php-fpm.pid")" 2>/dev/null || true
    [ -f "$T/mysql.pid" ] && kill "$(cat "$T/mysql.pid")" 2>/dev/null || true
    sleep 2
    rm -rf "$T"
}
trap cleanup EXIT

# tt-rss, copied with its symlinks resolved, and its own configuration: single user, no login.
cp -rL /usr/share/tt-rss/www "$T/www" 2>/dev/null || true
rm -rf "$T/www/config.php" "$T/www/feed-icons"
mkdir -p "$T"/{db,lock,icons,cache/{images,upload,export,feeds}}
ln -s "$T/icons" "$T/www/feed-icons"
sed -e "s|include_once('/etc/tt-rss/database.php');||" \
    -e "s|define('DB_TYPE', \$dbtype);|define('DB_TYPE', 'mysql');|" \
    -e "s|define('DB_HOST', \$dbserver);|define('DB_HOST', '127.0.0.1');|" \
    -e "s|define('DB_PORT', \$dbport);|define('DB_PORT', '3311');|" \
    -e "s|define('DB_USER', \$dbuser);|define('DB_USER', 'ttrss');|" \
    -e "s|define('DB_NAME', \$dbname);|define('DB_NAME', 'ttrss');|" \
    -e "s|define('DB_PASS', \$dbpass);|define('DB_PASS', 'ttrss');|" \
    -e "s|%SELF_URL_PATH|http://[::1]/tt-rss/|" \
    -e "s|define('SINGLE_USER_MODE', false);|define('SINGLE_USER_MODE', true);|" \
    -e "s|/var/lib/tt-rss|$T/lock|" -e "s|/var/cache/tt-rss|$T/cache|" \
    -e "s|define('CHECK_FOR_UPDATES', true);|define('CHECK_FOR_UPDATES', false);|" \
    -e "s|define('LOG_DESTINATION', 'syslog');|define('LOG_DESTINATION', '');|" \
    /etc/tt-rss/config.php > "$T/www/config.php"
chown -R www-data "$T/lock" "$T/icons" "$T/cache"

mariadb-install-db --datadir="$T/db" --user=root --auth-root-authentication-method=socket >"$T/install-db.log" 2>&1
mariadbd --no-defaults --datadir="$T/db" --socket="$T/mysql.sock" --port=3311 --bind-address=127.0.0.1 \
    --user=root --pid-file="$T/mysql.pid" --skip-log-bin >"$T/mariadb.log" 2>&1 &
sql() { mariadb -S "$T/mysql.sock" -u root "$@"; }
for _ in $(seq 1 30); do sql -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
sql -e "CREATE DATABASE ttrss CHARACTER SET utf8mb4;
        CREATE USER 'ttrss'@'127.0.0.1' IDENTIFIED BY 'ttrss'; GRANT ALL ON ttrss.* TO 'ttrss'@'127.0.0.1';"
sql ttrss < /usr/share/tt-rss/schema/ttrss_schema_mysql.sql
sql ttrss -e "INSERT INTO ttrss_feeds (owner_uid, title, feed_url) VALUES (1, 'خلاصة الأخبار', 'http://[::1]/feeds/rss.xml');
              INSERT INTO ttrss_user_prefs (owner_uid, pref_name, profile, value) VALUES (1, 'COMBINED_DISPLAY_MODE', NULL, 'false');"

cat >"$T/php-fpm.conf" <<EOF
[global]
pid = $T/php-fpm.pid
error_log = $T/php-fpm.log
[ttrss]
user = www-data
group = www-data
listen = $T/php.sock
listen.mode = 0666
pm = static
pm.max_children = 2
EOF
php-fpm8.2 -y "$T/php-fpm.conf"

cat >"$T/nginx.conf" <<EOF
worker_processes 1;
pid $T/nginx.pid;
error_log $T/nginx-error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $T/nginx-body;
  proxy_temp_path $T/nginx-proxy;
  fastcgi_temp_path $T/nginx-fcgi;
  uwsgi_temp_path $T/nginx-uwsgi;
  scgi_temp_path $T/nginx-scgi;
  server {
    listen [::1]:80;
    location /feeds/ { proxy_pass http://127.0.0.1:18617; }
    location /tt-rss/ {
      alias $T/www/;
      index index.php;
      location ~ ^/tt-rss/(.+\.php)\$ {
        include /etc/nginx/fastcgi_params;
        fastcgi_param SCRIPT_FILENAME $T/www/\$1;
        fastcgi_pass unix:$T/php.sock;
      }
    }
  }
}
EOF
nginx -c "$T/nginx.conf"

for shot in "$@"; do
    name=${shot%%=*}
    jar=$(realpath "${shot#*=}")
    mkdir -p "$T/data-$name"
    KHULASA_PORT=18617 KHULASA_DATA="$T/data-$name" KHULASA_BASE_URL='http://[::1]' KHULASA_EDITOR_TOKENS=unused \
        java -Xmx256m -jar "$jar" --sample >"$T/khulasa-$name.log" 2>&1 &
    khulasa=$!
    PIDS+=("$khulasa")
    for _ in $(seq 1 60); do curl -sgf -o /dev/null 'http://[::1]/feeds/rss.xml' && break; sleep 1; done
    sql ttrss -e "DELETE FROM ttrss_user_entries; DELETE FROM ttrss_enclosures; DELETE FROM ttrss_tags;
                  DELETE FROM ttrss_entries; UPDATE ttrss_feeds SET last_updated = '1970-01-01 00:00:00', last_modified = '';"
    rm -f "$T"/cache/feeds/* # tt-rss reuses a feed fetched less than 30 s ago, even when told to refetch
    (cd "$T/www" && runuser -u www-data -- php update.php --debug-feed 1 --force-refetch >"$T/update-$name.log" 2>&1)
    timeout 120 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$T/chrome-$name" \
        --window-size=1400,1000 --virtual-time-budget=15000 --screenshot="$OUT/$name.png" \
        'http://[::1]/tt-rss/index.php#f=1&c=0' >"$T/chrome-$name.log" 2>&1
    echo "$OUT/$name.png: $(sql -N ttrss -e 'SELECT COUNT(*) FROM ttrss_entries') articles in tt-rss, from $jar;" \
        "titles in an isolate: $(sql -N ttrss -e "SELECT COUNT(*) FROM ttrss_entries WHERE title LIKE '⁧%'")"
    kill "$khulasa"
    wait "$khulasa" 2>/dev/null || true
done
