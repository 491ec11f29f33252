// The writing form: loads an article from /api/articles, saves it there (the session cookie plus
// the CSRF header stand in for the bearer token), and shows the API's errors beside their fields.
import { RichText } from './richtext.js';
import { localToRfc3339, toLocalInput, arabic } from './timezone.js';
import { arabicMessage, controlFor, STATUS } from './messages.js';

const $ = (id) => document.getElementById(id);
const main = $('desk');
const zone = main.dataset.zone;
const csrf = document.querySelector('meta[name="csrf-token"]').content;
// The server's clock when the page was made, moved on by the browser's: "now" is the server's.
const serverNow = Date.parse(main.dataset.now);
const loadedAt = Date.now();
const now = () => serverNow + (Date.now() - loadedAt);

let id = main.dataset.articleId ? Number(main.dataset.articleId) : 0;
let related = []; // [{id, title}] in the editor's order
const editor = new RichText($('body'), document.querySelector('.toolbar'), $('insert'));

// Each article field and the form controls that hold it: add a field here to edit it.
const FIELDS = [
  { read: (a) => { $('title').value = a.title || ''; }, write: (d) => { d.title = $('title').value; } },
  { read: (a) => { $('summary').value = a.summary || ''; },
    write: (d) => { if ($('summary').value.trim()) d.summary = $('summary').value; } },
  { read: (a) => { editor.html = a.body || ''; }, write: (d) => { d.body = editor.html; } },
  { read: (a) => { scope(a.category, 'category'); }, write: (d) => { d.category = scopeOf('category'); } },
  { read: (a) => { scope((a.authors || [a.author])[0], 'author'); }, write: (d) => { d.author = scopeOf('author'); } },
  { read: (a) => { $('tags').value = (a.tags || []).join('، '); },
    write: (d) => { d.tags = $('tags').value.split(/[,،]/).map((t) => t.trim()).filter((t) => t); } },
  { read: (a) => { $('image-url').value = a.image ? a.image.url : ''; $('image-caption').value = a.image && a.image.caption ? a.image.caption : ''; },
    write: (d) => {
      const url = $('image-url').value.trim();
      if (url) d.image = { url, ...($('image-caption').value.trim() ? { caption: $('image-caption').value } : {}) };
    } },
  { read: (a) => { $('published').value = a.published ? toLocalInput(a.published, zone) : ''; showTime(); },
    write: (d) => { const t = localToRfc3339($('published').value, zone); if (t) d.published = t; } },
  // Only the editor's picks are the editor's to keep: automatic ones are chosen again at each save.
  { read: (a) => { related = (a.related || []).filter((r) => r.chosen !== 'auto').map((r) => ({ id: r.id, title: r.title })); showRelated(); },
    write: (d) => { d.related = related.map((r) => r.id); } },
];

function scope(value, kind) {
  $(`${kind}-slug`).value = value ? value.slug : '';
  $(`${kind}-name`).value = value ? value.name : '';
}

function scopeOf(kind) {
  return { slug: $(`${kind}-slug`).value.trim(), name: $(`${kind}-name`).value };
}

function draft() {
  const d = {};
  FIELDS.forEach((f) => f.write(d));
  return d;
}

async function call(method, url, body) {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { 'X-CSRF-Token': csrf, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

function say(message) {
  $('status').textContent = message;
}

function clearErrors() {
  document.querySelectorAll('.field-error').forEach((p) => { p.hidden = true; p.textContent = ''; });
  document.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
}

function showError(control, message) {
  const slot = $(`err-${control}`) || $('err-form');
  slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
  slot.hidden = false;
  const el = $(control);
  if (el && el !== slot) el.setAttribute('aria-invalid', 'true');
}

/** Shows a problem+json answer beside the fields it names; true when it was handled. */
function showProblem(result) {
  if (result.status === 401) { say(STATUS.signedOut); return true; }
  const problem = result.json || {};
  const errors = problem.errors && problem.errors.length ? problem.errors : [{ field: '', message: problem.detail }];
  errors.forEach((e) => showError(controlFor(e.field), arabicMessage(e.message)));
  const first = errors.map((e) => $(controlFor(e.field))).find((el) => el && el.focus);
  if (first) first.focus();
  say(STATUS.invalid);
  return true;
}

async function save(mode) {
  clearErrors();
  const d = draft();
  if (mode === 'publish') {
    // The server's clock, not the browser's: the article is out the moment it is saved.
    const clock = await call('GET', '/desk/api/now');
    d.published = clock.status === 200 ? clock.json.now : new Date(now()).toISOString();
  }
  if (mode === 'schedule') {
    const at = Date.parse(d.published || '');
    if (!(at > now())) { showError('published', STATUS.needFuture); $('published').focus(); return; }
  }
  say(STATUS.saving);
  let result;
  try {
    result = id ? await call('PUT', `/api/articles/${id}`, d) : await call('POST', '/api/articles', d);
  } catch {
    say(STATUS.failed);
    return;
  }
  if (result.status !== 200 && result.status !== 201) { showProblem(result); return; }
  const article = result.json;
  if (!id) {
    id = article.id;
    history.replaceState(null, '', `/desk/articles/${id}`);
    $('delete').hidden = false;
    $('editor-heading').textContent = 'تحرير مقال';
  }
  FIELDS.forEach((f) => f.read(article));
  const at = Date.parse(article.published);
  say(at > now() ? STATUS.scheduled + arabic(at, zone) : mode === 'publish' ? STATUS.published : STATUS.saved);
}

async function remove() {
  if (!id || !window.confirm(STATUS.confirmDelete)) return;
  const result = await call('DELETE', `/api/articles/${id}`);
  if (result.status !== 204) { showProblem(result); return; }
  window.location.assign('/desk');
}

async function preview() {
  clearErrors();
  const result = await call('POST', '/desk/api/preview', draft());
  if (result.status !== 200) { showProblem(result); return; }
  $('preview-page').innerHTML = result.json.html; // built and escaped by the server, body sanitized
  $('preview').hidden = false;
  $('preview').scrollIntoView();
}

function showTime() {
  const t = localToRfc3339($('published').value, zone);
  $('published-ar').textContent = t ? arabic(Date.parse(t), zone) : 'الآن، عند الحفظ';
}

function item(list, entry, label, action) {
  const li = document.createElement('li');
  const span = document.createElement('span');
  span.dir = 'auto';
  span.textContent = entry.title;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-label', `${label}: ${entry.title}`);
  button.addEventListener('click', action);
  li.append(span, ' ', button);
  list.append(li);
}

function showRelated() {
  const list = $('related-list');
  list.replaceChildren();
  related.forEach((r) => item(list, r, STATUS.remove, () => {
    related = related.filter((x) => x.id !== r.id);
    showRelated();
  }));
}

function offer(list, entries) {
  list.replaceChildren();
  entries.filter((e) => e.id !== id && !related.some((r) => r.id === e.id))
    .forEach((e) => item(list, e, STATUS.add, () => { related.push(e); showRelated(); offer(list, entries); }));
}

function debounce(fn, ms) {
  let timer;
  return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
}

const searchTitles = debounce(async () => {
  const q = $('related-search').value.trim();
  const result = q ? await call('GET', `/desk/api/titles?q=${encodeURIComponent(q)}`) : { json: [] };
  offer($('related-results'), result.json || []);
}, 250);

const suggest = debounce(async () => {
  const d = draft();
  const result = await call('POST', '/desk/api/suggestions',
    { id, title: d.title, summary: d.summary, body: d.body, category: d.category.slug, tags: d.tags, related: d.related });
  if (result.status === 200) offer($('suggestions'), result.json);
}, 800);

function fillName(kind) {
  const option = [...$(kind === 'category' ? 'categories' : 'authors').options]
    .find((o) => o.value === $(`${kind}-slug`).value.trim());
  if (option && !$(`${kind}-name`).value.trim()) $(`${kind}-name`).value = option.dataset.name;
}

$('save').addEventListener('click', () => save('save'));
$('publish').addEventListener('click', () => save('publish'));
$('schedule').addEventListener('click', () => save('schedule'));
$('delete').addEventListener('click', remove);
$('show-preview').addEventListener('click', preview);
$('published').addEventListener('input', showTime);
$('related-search').addEventListener('input', searchTitles);
['title', 'summary', 'body', 'tags'].forEach((f) => $(f).addEventListener('input', suggest));
$('category-slug').addEventListener('change', () => fillName('category'));
$('author-slug').addEventListener('change', () => fillName('author'));

(async () => {
  if (id) {
    const result = await call('GET', `/api/articles/${id}`);
    if (result.status === 200) FIELDS.forEach((f) => f.read(result.json));
    else showProblem(result);
    suggest();
  } else {
    showTime();
  }
  main.dataset.ready = 'true'; // the form is filled: tests and editors may type
})();
