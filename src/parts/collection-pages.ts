import type {Element} from 'hast'
import {h} from 'hastscript'
import {formatArabicDate} from '../arabic/dates.js'
import {applyDirection} from '../arabic/direction-tree.js'
import {localizeDigits} from '../arabic/digits.js'
import type {Brand} from '../brand/brand.js'
import {authorsOf, type Author} from '../manuscript/meta.js'
import type {Collection, Document} from '../model/types.js'
import {composeParts} from './pages.js'

/** The collection's own pages around its papers. */
export interface CollectionPages {
  titlePage: Element
  rightsPage: Element
  backPage: Element
}

/** The words a collection prints around its papers: the template's, or an error naming what is missing. */
export function collectionLabels(brand: Brand): NonNullable<Brand['data']['collection']>['labels'] {
  const labels = brand.data.collection?.labels
  if (!labels) throw new Error(`The template ${brand.folder} has no \`collection\` block: a collection cannot be made`)
  return labels
}

/**
 * The title page (series, volume and number, title, subtitle, editors with their roles, imprint), the
 * rights page and the centre's back page, with the template's graphics linked from `graphicUrl`.
 */
export function collectionPages(
  collection: Collection,
  brand: Brand,
  graphicUrl: (name: string) => string
): CollectionPages {
  // The back page is the centre's, the same behind every paper.
  const {backPage} = composeParts(collection.papers[0]!, brand, {graphicUrl})
  const {rights} = brand.data
  return {
    titlePage: collectionTitlePage(collection, brand, graphicUrl),
    rightsPage: h('section.page.rights-page', [
      h('div.rights', [h('p.rights-notice', rights.notice), h('p.disclaimer', rights.disclaimer)])
    ]),
    backPage
  }
}

/** Editors as written (a name, or a name and a role). */
export function editorsOf(collection: Collection): Author[] {
  return collection.meta.editors.map((editor) => (typeof editor === 'string' ? {name: editor} : editor))
}

/** «المجلد 3، العدد 12» (as the printed cover has it), from what the collection has of the two, in its digits. */
export function issueLine(collection: Collection, brand: Brand): string | undefined {
  const labels = collectionLabels(brand)
  const {volume, number, digits} = collection.meta
  const pieces = [
    volume === undefined ? undefined : `${labels.volume} ${volume}`,
    number === undefined ? undefined : `${labels.number} ${number}`
  ].filter((piece) => piece !== undefined)
  return pieces.length > 0 ? localizeDigits(pieces.join('، '), digits) : undefined
}

function collectionTitlePage(collection: Collection, brand: Brand, graphicUrl: (name: string) => string): Element {
  const {meta} = collection
  const text = (value: string) => localizeDigits(value, meta.digits)
  const editors = editorsOf(collection)
  const issue = issueLine(collection, brand)
  const page = h('section.page.title-page.collection-title-page', [
    meta.series ? h('p.series', text(meta.series)) : undefined,
    issue ? h('p.issue', issue) : undefined,
    h('h1.title', {id: 'title'}, text(meta.title)),
    meta.subtitle ? h('p.subtitle', text(meta.subtitle)) : undefined,
    editors.length > 0 ? byline(collectionLabels(brand).editors, editors, text) : undefined,
    h('div.imprint', [
      h('img.imprint-logo', {src: graphicUrl('logo'), alt: ''}),
      h('p.publisher', brand.data.name.ar),
      h('p.date', h('time', {dateTime: meta.date}, formatArabicDate(meta.date, meta.digits)))
    ])
  ])
  applyDirection(page, collection.dir, {numbers: meta.digits !== 'arabic-indic'})
  return page
}

/**
 * A paper's opening inside a collection: its title, subtitle and authors with their roles, in the paper's
 * own language and direction (the abstract follows, as the paper's own parts make it, with the keywords
 * under it; without an abstract they close the opening, a collection having no rights page of the paper's).
 */
export function paperTitleBlock(document: Document, brand: Brand): Element {
  const {meta} = document
  const text = (value: string) => localizeDigits(value, meta.digits)
  const authors = authorsOf(meta)
  const {labels} = brand.data
  const block = h('section.title-page.paper-title', [
    h('h1.title', {id: 'title'}, text(meta.title)),
    meta.subtitle ? h('p.subtitle', text(meta.subtitle)) : undefined,
    authors.length > 0 ? byline(authors.length > 1 ? labels.authors : labels.author, authors, text) : undefined,
    meta.keywords && !document.abstract
      ? h('p.keywords', [h('span.keywords-label', `${labels.keywords}: `), text(meta.keywords.join('، '))])
      : undefined
  ])
  applyDirection(block, document.dir, {numbers: meta.digits !== 'arabic-indic'})
  return block
}

/** People under a label, each with their role: the classes of a paper's title page, so styled alike. */
function byline(label: string, people: Author[], text: (value: string) => string): Element {
  return h('div.byline', [
    h('p.byline-label', label),
    ...people.map((person) =>
      h('div.author', [
        h('p.author-name', person.name),
        person.role ? h('p.author-role', text(person.role)) : undefined
      ])
    )
  ])
}
