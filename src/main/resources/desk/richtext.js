// A small rich-text editor over contenteditable. Whatever the browser puts in the editable area,
// `html` gives back only what the server's sanitizer keeps and the feeds carry: paragraphs,
// h2–h4, lists, links, quotes, strong/em, line breaks and figures of an image with its caption.

const HEADINGS = { H1: 'h2', H2: 'h2', H3: 'h3', H4: 'h4', H5: 'h4', H6: 'h4' };
const BLOCK_TAGS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI',
  'BLOCKQUOTE', 'FIGURE', 'IMG', 'TABLE', 'PRE', 'HR', 'SECTION', 'ARTICLE']);

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/"/g, '&quot;');

/** An absolute http(s) URL (or mailto: for links), else null. */
export function safeUrl(value, forImage) {
  try {
    const url = new URL((value || '').trim());
    const allowed = forImage ? ['http:', 'https:'] : ['http:', 'https:', 'mailto:'];
    return allowed.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function inline(node) {
  let out = '';
  for (const n of node.childNodes) out += inlineNode(n);
  return out;
}

function inlineNode(n) {
  if (n.nodeType === Node.TEXT_NODE) return escapeHtml(n.data.replace(/\u00a0/g, ' '));
  if (n.nodeType !== Node.ELEMENT_NODE) return '';
  const inner = () => inline(n);
  switch (n.tagName) {
    case 'BR': return '<br>';
    case 'B': case 'STRONG': { const s = inner(); return s.trim() ? `<strong>${s}</strong>` : s; }
    case 'I': case 'EM': { const s = inner(); return s.trim() ? `<em>${s}</em>` : s; }
    case 'A': {
      const href = safeUrl(n.getAttribute('href'), false);
      return href ? `<a href="${escapeHtml(href)}">${inner()}</a>` : inner();
    }
    case 'IMG': case 'SCRIPT': case 'STYLE': case 'TEMPLATE': return '';
    default: return inner();
  }
}

function figure(img, captionEl) {
  const src = safeUrl(img && img.getAttribute('src'), true);
  if (!src) return '';
  const caption = captionEl ? inline(captionEl).trim() : '';
  return `<figure><img src="${escapeHtml(src)}" alt="">`
    + (caption ? `<figcaption>${caption}</figcaption>` : '') + '</figure>';
}

function hasBlockChild(el) {
  return [...el.children].some((c) => BLOCK_TAGS.has(c.tagName));
}

/** The allowed HTML of a container's children, inline runs gathered into paragraphs. */
export function clean(container) {
  let out = '';
  let run = '';
  const flush = () => {
    const text = run.replace(/^(\s|<br>)+|(\s|<br>)+$/g, '');
    if (text) out += `<p>${text}</p>`;
    run = '';
  };
  for (const n of container.childNodes) {
    const tag = n.nodeType === Node.ELEMENT_NODE ? n.tagName : null;
    if (!tag || !BLOCK_TAGS.has(tag)) {
      run += inlineNode(n);
      continue;
    }
    flush();
    if ((tag === 'P' || tag === 'DIV' || tag === 'LI') && hasBlockChild(n)) {
      out += clean(n);
    } else if (tag === 'P' || tag === 'DIV' || tag === 'PRE') {
      run = inline(n);
      flush();
    } else if (HEADINGS[tag]) {
      const text = inline(n).trim();
      if (text) out += `<${HEADINGS[tag]}>${text}</${HEADINGS[tag]}>`;
    } else if (tag === 'UL' || tag === 'OL') {
      const items = [...n.children].filter((c) => c.tagName === 'LI')
        .map((li) => inline(li).trim()).filter((s) => s)
        .map((s) => `<li>${s}</li>`).join('');
      if (items) out += `<${tag.toLowerCase()}>${items}</${tag.toLowerCase()}>`;
    } else if (tag === 'BLOCKQUOTE') {
      const inner = clean(n);
      if (inner) out += `<blockquote>${inner}</blockquote>`;
    } else if (tag === 'FIGURE') {
      out += figure(n.querySelector('img'), n.querySelector('figcaption'));
    } else if (tag === 'IMG') {
      out += figure(n, null);
    } else if (tag !== 'HR') {
      run = inline(n);
      flush();
    }
  }
  flush();
  return out;
}

export class RichText {
  /** `root`: the editable element; `toolbar`: buttons with data-command; `ask`: the panel asking for a URL. */
  constructor(root, toolbar, ask) {
    this.root = root;
    this.ask = ask;
    this.range = null;
    root.contentEditable = 'true';
    root.tabIndex = 0;
    root.setAttribute('role', 'textbox');
    root.setAttribute('aria-multiline', 'true');
    document.execCommand('defaultParagraphSeparator', false, 'p');
    document.execCommand('styleWithCSS', false, false);
    if (!root.innerHTML.trim()) root.innerHTML = '<p><br></p>';
    document.addEventListener('selectionchange', () => {
      const sel = document.getSelection();
      if (sel.rangeCount && root.contains(sel.getRangeAt(0).commonAncestorContainer)) {
        this.range = sel.getRangeAt(0).cloneRange();
      }
    });
    // Pasted text comes in as plain text: foreign markup never enters the editor.
    root.addEventListener('paste', (e) => {
      e.preventDefault();
      document.execCommand('insertText', false, e.clipboardData.getData('text/plain'));
    });
    toolbar.addEventListener('mousedown', (e) => { if (e.target.closest('button')) e.preventDefault(); });
    toolbar.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-command]');
      if (button) this.command(button.dataset.command);
    });
    ask.querySelector('#insert-ok').addEventListener('click', () => this.insertAsked());
    ask.querySelector('#insert-cancel').addEventListener('click', () => this.closeAsk());
  }

  get html() {
    return clean(this.root);
  }

  set html(value) {
    const doc = new DOMParser().parseFromString(`<body>${value || ''}</body>`, 'text/html');
    this.root.innerHTML = clean(doc.body) || '<p><br></p>';
  }

  restore() {
    this.root.focus();
    if (this.range) {
      const sel = document.getSelection();
      sel.removeAllRanges();
      sel.addRange(this.range);
    }
  }

  command(name) {
    const blocks = { p: 'p', h2: 'h2', h3: 'h3', quote: 'blockquote' };
    if (name === 'link' || name === 'image') {
      this.openAsk(name);
      return;
    }
    this.restore();
    if (blocks[name]) document.execCommand('formatBlock', false, blocks[name]);
    else if (name === 'bold' || name === 'italic') document.execCommand(name);
    else if (name === 'ul') document.execCommand('insertUnorderedList');
    else if (name === 'ol') document.execCommand('insertOrderedList');
    this.root.dispatchEvent(new Event('input', { bubbles: true }));
  }

  openAsk(kind) {
    this.asking = kind;
    this.ask.hidden = false;
    this.ask.querySelector('#insert-caption').closest('.field').hidden = kind !== 'image';
    this.ask.querySelector('#insert-url').value = '';
    this.ask.querySelector('#insert-caption').value = '';
    this.ask.querySelector('#insert-url').focus();
  }

  closeAsk() {
    this.ask.hidden = true;
    this.restore();
  }

  insertAsked() {
    const url = safeUrl(this.ask.querySelector('#insert-url').value, this.asking === 'image');
    const caption = this.ask.querySelector('#insert-caption').value.trim();
    this.ask.hidden = true;
    this.restore();
    if (!url) return;
    const sel = document.getSelection();
    if (this.asking === 'link') {
      if (sel.isCollapsed) {
        document.execCommand('insertHTML', false, `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`);
      } else {
        document.execCommand('createLink', false, url);
      }
    } else {
      document.execCommand('insertHTML', false, `<figure><img src="${escapeHtml(url)}" alt="">`
        + (caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '') + '</figure><p><br></p>');
    }
    this.root.dispatchEvent(new Event('input', { bubbles: true }));
  }
}
