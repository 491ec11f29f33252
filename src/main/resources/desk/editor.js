// The writing form: loads an article from /api/articles, saves it there (the session cookie plus
// the CSRF header stand in for the bearer token), and shows the API's errors beside their fields.
// Every edit names the revision it was made on (If-Match), so one editor never silently
// overwrites another's: the API answers 412 and the desk says so.
import { RichText } from './richtext.js';
import { Bylines } from './bylines.js';
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
let status = id ? '' : 'new'; // 'new', 'draft' or 'published', as last loaded or saved
let etag = null; // the revision loaded, sent as If-Match
let image = null; // the image as loaded: its type and size go back unless its URL changes
let current = null; // after a 412, the article as another editor left it
const editor = new RichText($('body'), document.querySelector('.toolbar'), $('insert'));
const bylines = new Bylines($('byline-rows'), $('add-byline'), $('known-authors'));

// Each article field and the form controls that hold it: add a field here to edit it.
const FIELDS = [
  { read: (a) => { $('title').value = a.title || ''; }, write: (d) => { d.title = $('title').value; } },
  { read: (a) => { $('summary').value = a.summary || ''; },
    write: (d) => { if ($('summary').value.trim()) d.summary = $('summary').value; } },
  { read: (a) => { editor.html = a.body || ''; }, write: (d) => { d.body = editor.html; } },
  { read: (a) => { scope(a.category, 'category'); }, write: (d) => { d.category = scopeOf('category'); } },
  { read: (a) => { bylines.set(a.authors || [a.author]); }, write: (d) => { d.authors = bylines.get(); } },
  { read: (a) => { $('tags').value = (a.tags || []).join('، '); },
    write: (d) => { d.tags = $('tags').value.split(/[,،]/).map((t) => t.trim()).filter((t) => t); } },
  { read: (a) => {
    image = a.image || null;
    $('image-url').value = image ? image.url : '';
    $('image-caption').value = image && image.caption ? image.caption : '';
    $('image-width').value = image && image.width ? image.width : '';
    $('image-height').value = image && image.height ? image.height : '';
  },
  write: (d) => {
    const url = $('image-url').value.trim();
    if (!url) return;
    d.image = { url };
    if (image && image.url === url) { d.image.type = image.type; if (image.bytes) d.image.bytes = image.bytes; }
    if ($('image-caption').value.trim()) d.image.caption = $('image-caption').value;
    ['width', 'height'].forEach((side) => {
      const value = $(`image-${side}`).value.trim();
      if (value) d.image[side] = Number(value); // the API says what is wrong with 0 or 2.5
    });
  } },
  // A draft's stored time is when it was saved; it is published when the editor says so.
  { read: (a) => {
    const keep = a.published && (a.status !== 'draft' || Date.parse(a.published) > now());
    $('published').value = keep ? toLocalInput(a.published, zone) : '';
    showTime();
  },
    write: (d) => { const t = localToRfc3339($('published').value, zone); if (t) d.published = t; } },
  // Only the editor's picks are the editor's to keep: automatic ones are chosen again at each save.
  { read: (a) => { related = (a.related || []).filter((r) => r.chosen !== 'auto').map((r) => ({ id: r.id, title: r.title })); showRelated(); },
    write: (d) => { d.related = related.map((r) => r.id); } },
];

/** The state the article is in, above the form, and the buttons and choices that go with it. */
function showStatus(article) {
  status = article.status;
  const at = Date.parse(article.published);
  $('article-status').textContent = status === 'draft' ? STATUS.isDraft
    : at > now() ? STATUS.isScheduled + arabic(at, zone) : STATUS.isPublished;
  $('save').textContent = status === 'published' ? 'حفظ' : 'حفظ مسودة';
  $('unpublish').hidden = status !== 'published';
  // Readers are told of edits to what they have seen; a draft has nothing to correct.
  $('change').hidden = status !== 'published';
  $('change-update').checked = true;
  $('note').value = '';
  showNote();
  const list = $('corrections');
  list.replaceChildren();
  (article.corrections || []).forEach((c) => {
    const li = document.createElement('li');
    li.dir = 'auto';
    li.textContent = `${arabic(Date.parse(c.date), zone)}: ${c.note}`;
    list.append(li);
  });
}

function showNote() {
  $('note-field').hidden = !$('change-correction').checked;
}

/** Fills the form with a stored article and remembers its revision. */
function load(article, tag) {
  FIELDS.forEach((f) => f.read(article));
  showStatus(article);
  etag = tag;
}

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

async function call(method, url, body, ifMatch) {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      'X-CSRF-Token': csrf,
      Accept: 'application/json',
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(ifMatch ? { 'If-Match': ifMatch } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, etag: response.headers.get('ETag'), json: text ? JSON.parse(text) : null };
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
  if (result.status === 412) {
    current = { article: result.json.current, etag: result.etag };
    showError('form', STATUS.conflict);
    $('load-current').hidden = false;
    $('load-current').focus();
    say(STATUS.conflict);
    return true;
  }
  const problem = result.json || {};
  const errors = problem.errors && problem.errors.length ? problem.errors : [{ field: '', message: problem.detail }];
  errors.forEach((e) => showError(controlFor(e.field), arabicMessage(e.message)));
  const first = errors.map((e) => $(controlFor(e.field))).find((el) => el && el.focus);
  if (first) first.focus();
  say(STATUS.invalid);
  return true;
}

/** mode: 'save', 'publish', 'schedule', or 'unpublish' (a published or scheduled article back to a draft). */
async function save(mode) {
  if (mode === 'unpublish' && !window.confirm(STATUS.confirmUnpublish)) return;
  clearErrors();
  bylines.compact();
  const d = draft();
  const wasPublished = status === 'published';
  d.status = mode === 'unpublish' || (mode === 'save' && !wasPublished) ? 'draft' : 'published';
  if (wasPublished && mode !== 'unpublish') {
    d.change = document.querySelector('input[name="change"]:checked').value;
    if (d.change === 'correction' && $('note').value.trim()) d.note = $('note').value;
  }
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
    result = id ? await call('PUT', `/api/articles/${id}`, d, etag) : await call('POST', '/api/articles', d);
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
  load(article, result.etag);
  const at = Date.parse(article.published);
  if (article.status === 'draft') say(mode === 'unpublish' ? STATUS.unpublished : STATUS.draftSaved);
  else if (at > now()) say(STATUS.scheduled + arabic(at, zone));
  else say(wasPublished && mode === 'save' ? STATUS.saved : STATUS.published);
}

/** After a 412: the form shows the article as the other editor left it, and edits go on from there. */
function loadCurrent() {
  if (!current) return;
  clearErrors();
  load(current.article, current.etag);
  current = null;
  $('load-current').hidden = true;
  say(STATUS.reloaded);
  $('title').focus();
}

async function remove() {
  if (!id || !window.confirm(STATUS.confirmDelete)) return;
  const result = await call('DELETE', `/api/articles/${id}`, null, etag);
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

function fillCategoryName() {
  const option = [...$('categories').options].find((o) => o.value === $('category-slug').value.trim());
  if (option && !$('category-name').value.trim()) $('category-name').value = option.dataset.name;
}

$('save').addEventListener('click', () => save('save'));
$('publish').addEventListener('click', () => save('publish'));
$('schedule').addEventListener('click', () => save('schedule'));
$('unpublish').addEventListener('click', () => save('unpublish'));
$('delete').addEventListener('click', remove);
$('show-preview').addEventListener('click', preview);
$('published').addEventListener('input', showTime);
$('related-search').addEventListener('input', searchTitles);
['title', 'summary', 'body', 'tags'].forEach((f) => $(f).addEventListener('input', suggest));
$('category-slug').addEventListener('change', fillCategoryName);
$('load-current').addEventListener('click', loadCurrent);
document.querySelectorAll('input[name="change"]').forEach((r) => r.addEventListener('change', showNote));

(async () => {
  if (id) {
    const result = await call('GET', `/api/articles/${id}`);
    if (result.status === 200) load(result.json, result.etag);
    else showProblem(result);
    suggest();
  } else {
    showTime();
  }
  main.dataset.ready = 'true'; // the form is filled: tests and editors may type
})();
