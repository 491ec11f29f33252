// The article's bylines, one row each (slug and name), in the order readers see them: an existing
// author is picked by slug from the list the page carries (its name fills in), a new one is typed.
// Row i's controls are author-slug-i and author-name-i, which the API's authors[i] errors name.

const ordinal = (i) => (i + 1).toLocaleString('ar');

export class Bylines {
  /** `rows`: the container; `add`: the "add a byline" button; `known`: the datalist of existing authors. */
  constructor(rows, add, known) {
    this.rows = rows;
    this.known = known;
    add.addEventListener('click', () => {
      this.set([...this.raw(), { slug: '', name: '' }]);
      document.getElementById(`author-slug-${this.rows.children.length - 1}`).focus();
    });
    this.set([{ slug: '', name: '' }]);
  }

  /** Every row as typed, blank ones too. */
  raw() {
    return [...this.rows.querySelectorAll('.byline')].map((row, i) => ({
      slug: document.getElementById(`author-slug-${i}`).value.trim(),
      name: document.getElementById(`author-name-${i}`).value,
    }));
  }

  /** The bylines to send: blank rows left out, but one row stays, blank or not, for the API to judge. */
  get() {
    const all = this.raw();
    const typed = all.filter((a) => a.slug || a.name.trim());
    return typed.length ? typed : all.slice(0, 1);
  }

  /** Drops blank rows from the form, so that row i is the API's authors[i] when it names an error. */
  compact() {
    const all = this.raw();
    if (this.get().length < all.length) this.set(this.get());
  }

  set(authors) {
    this.rows.replaceChildren();
    const list = authors.length ? authors : [{ slug: '', name: '' }];
    list.forEach((a, i) => this.rows.append(this.row(i, a, list.length)));
  }

  row(i, author, count) {
    const set = document.createElement('fieldset');
    set.className = 'byline pair';
    const legend = document.createElement('legend');
    legend.textContent = `الكاتب ${ordinal(i)}`;
    set.append(legend);
    const slug = field(set, `author-slug-${i}`, 'الاسم في الرابط', 'ltr', author.slug);
    slug.setAttribute('list', 'known-authors');
    slug.autocomplete = 'off';
    const name = field(set, `author-name-${i}`, 'الاسم', 'auto', author.name);
    slug.addEventListener('change', () => {
      const option = [...this.known.options].find((o) => o.value === slug.value.trim());
      if (option && !name.value.trim()) name.value = option.dataset.name;
    });
    if (count > 1) {
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'remove-byline';
      remove.textContent = 'أزل';
      remove.setAttribute('aria-label', `أزل الكاتب ${ordinal(i)}`);
      remove.addEventListener('click', () => {
        const rest = this.raw().filter((_, j) => j !== i);
        this.set(rest);
        document.getElementById('add-byline').focus();
      });
      set.append(remove);
    }
    return set;
  }
}

/** A labelled input with its error slot, as the server draws every other field. */
function field(parent, id, label, dir, value) {
  const div = document.createElement('div');
  div.className = 'field';
  const l = document.createElement('label');
  l.htmlFor = id;
  l.textContent = label;
  const input = document.createElement('input');
  input.id = id;
  input.name = id;
  input.dir = dir;
  input.value = value || '';
  input.setAttribute('aria-describedby', `err-${id}`);
  const error = document.createElement('p');
  error.className = 'field-error';
  error.id = `err-${id}`;
  error.hidden = true;
  div.append(l, input, error);
  parent.append(div);
  return input;
}
