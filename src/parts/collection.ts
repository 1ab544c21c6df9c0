import type {Element} from 'hast'
import {h} from 'hastscript'
import {formatArabicDate} from '../arabic/dates.js'
import {localizeDigits} from '../arabic/digits.js'
import type {Brand} from '../brand/brand.js'
import {authorsOf} from '../manuscript/meta.js'
import type {Collection, Document} from '../model/types.js'
import {
  backPageOf,
  contentsList,
  coverPage,
  directedPart,
  type ComposeOptions,
  type Frame,
  type Front,
  frameOf,
  paperText,
  rightsPageOf,
  titlePageOf
} from './pages.js'
import {scopeIds} from './scope-ids.js'

/**
 * The parts of a collection (a journal issue, an edited volume): its own front matter, a contents page
 * across its papers, each paper framed as a chapter (its title block, abstract, text and notes, its ids
 * scoped with `paperPrefix`), and the back page once.
 */
export interface CollectionParts {
  cover: Element
  titlePage: Element
  rightsPage: Element
  contents: Element
  /** One `article.paper` each, in order. */
  papers: Element[]
  backPage: Element
}

export type CollectionLabels = NonNullable<Brand['data']['collection']>['labels']

/** What every id of the paper at `index` (0-based) starts with in the collection's page. */
export function paperPrefix(index: number): string {
  return `p${index + 1}-`
}

export function collectionLabels(brand: Brand): NonNullable<Brand['data']['collection']> {
  const {collection} = brand.data
  if (!collection) throw new Error('The template has no `collection` block in brand.yaml: it cannot print a collection')
  return collection
}

export function composeCollection(collection: Collection, brand: Brand, options: ComposeOptions = {}): CollectionParts {
  const frame = frameOf(brand, collection.meta.digits, collection.dir, options.graphicUrl)
  const front = collectionFront(collection, brand)
  return {
    cover: directedPart(coverPage(frame, front), frame),
    titlePage: directedPart(titlePageOf(frame, front), frame),
    rightsPage: rightsPageOf(frame),
    contents: directedPart(collectionContents(collection, frame, options.pageNumbers ?? false), frame, {blocks: false}),
    papers: collection.papers.map((document, index) => paperArticle(collection, document, index, frame)),
    backPage: onVerso(backPageOf(frame))
  }
}

/** The back page is the outside of the back cover: an even page, after a blank one if needed. */
function onVerso(page: Element): Element {
  page.properties.dataStartsOn = 'verso'
  return page
}

/** All parts in reading order, as one body. */
export function collectionPublication(parts: CollectionParts): Element[] {
  return [parts.cover, parts.titlePage, parts.rightsPage, parts.contents, ...parts.papers, parts.backPage]
}

function collectionFront(collection: Collection, brand: Brand): Front {
  const {meta} = collection
  const editors = meta.editors.map((editor) => (typeof editor === 'string' ? {name: editor} : editor))
  const {labels} = collectionLabels(brand)
  const names = editors.map((editor) => editor.name).join('، ')
  return {
    title: meta.title,
    subtitle: meta.subtitle,
    series: meta.series,
    issue: issueLine(collection, labels),
    byline: editors.length > 0 ? `${labels.editors}: ${names}` : '',
    people: editors,
    peopleLabel: labels.editors,
    date: meta.date,
    dateText: formatArabicDate(meta.date, meta.digits)
  }
}

/** «المجلد 3، العدد 12», or what of it the collection has. */
export function issueLine(collection: Collection, labels: CollectionLabels): string | undefined {
  const {volume, number} = collection.meta
  const parts = [
    volume === undefined ? undefined : `${labels.volume} ${volume}`,
    number === undefined ? undefined : `${labels.number} ${number}`
  ].filter((part): part is string => part !== undefined)
  return parts.length > 0 ? parts.join('، ') : undefined
}

/**
 * The collection's citation, up to the pages: «مجلة حمورابي، قضايا الأمن الإقليمي، المجلد 3، العدد 12 (2025)، ص».
 * The page numbers follow it once known.
 */
export function citationOf(collection: Collection, labels: CollectionLabels): string {
  const {meta} = collection
  const name = [meta.series, meta.title].filter(Boolean).join('، ')
  const issue = issueLine(collection, labels)
  const year = meta.date.slice(0, 4)
  const text = `${[name, issue].filter(Boolean).join('، ')} (${year})، ${labels.pages}`
  return localizeDigits(text, meta.digits)
}

/** The contents across papers: each paper's title, its authors and page, its sections under it. */
function collectionContents(collection: Collection, frame: Frame, pageNumbers: boolean): Element {
  const {brand} = frame
  const depth = collectionLabels(brand).contentsDepth
  const page = () => (pageNumbers ? [h('span.toc-leader', {ariaHidden: 'true'}), h('span.toc-page')] : [])
  const entries = collection.papers.map((document, index) => {
    const prefix = paperPrefix(index)
    const top = Math.min(...document.headings.map((heading) => heading.depth))
    const sections = document.headings.filter((heading) => heading.depth <= top + depth - 2)
    return h('li.toc-paper', {lang: document.meta.lang, dir: document.dir}, [
      h('a', {href: `#${prefix}title`}, [
        h('span.toc-text', localizeDigits(document.meta.title, document.meta.digits)),
        ...page()
      ]),
      h(
        'p.toc-authors',
        authorsOf(document.meta)
          .map((author) => author.name)
          .join('، ')
      ),
      sections.length > 0 ? contentsList(sections, (heading) => `#${prefix}${heading.id}`, pageNumbers) : undefined
    ])
  })
  return h(
    'nav.contents.collection-contents',
    {'aria-labelledby': 'contents-heading', role: 'doc-toc', dataFlow: 'contents'},
    [h('h2.unnumbered', {id: 'contents-heading'}, brand.data.labels.contents), h('ol', entries)]
  )
}

/**
 * A paper as a chapter of the collection: its title block (with the collection's citation, its pages filled
 * in by pagination) opening its first flow, its own notes, every id scoped so none meets another paper's.
 */
function paperArticle(collection: Collection, document: Document, index: number, frame: Frame): Element {
  const {abstract, body, notes} = paperText(document, frame.brand)
  const head = paperHead(collection, document, frame)
  // One flow, as a journal sets an article: the text goes on under the abstract, on the same page.
  const opening = abstract ? [head, {...abstract, properties: {...abstract.properties, dataFlow: undefined}}] : [head]
  const main = {...body, children: [...opening, ...body.children, ...(notes ? [notes] : [])]}
  // A copy: the paper's tree is shared with its other outputs, and its ids are renamed here.
  const article = structuredClone(
    h(
      'article.paper',
      {lang: document.meta.lang, dir: document.dir, dataPaper: String(index + 1), dataStartsOn: 'recto'},
      [main]
    )
  )
  scopeIds(article, paperPrefix(index))
  return article
}

/** The title block on a paper's first page: the collection's citation, the title, the authors with their roles. */
function paperHead(collection: Collection, document: Document, frame: Frame): Element {
  const {meta} = document
  const text = (value: string) => localizeDigits(value, meta.digits)
  const labels = collectionLabels(frame.brand).labels
  const placeholder = localizeDigits('000–000', collection.meta.digits)
  const citation = h('p.paper-citation', {lang: collection.meta.lang, dir: collection.dir}, [
    `${citationOf(collection, labels)} `,
    h('span.paper-pages', collection.meta.digits === 'arabic-indic' ? {} : {dir: 'ltr'}, placeholder)
  ])
  const head = h('header.paper-head', [
    citation,
    h('h1.paper-title', {id: 'title'}, text(meta.title)),
    meta.subtitle ? h('p.paper-subtitle', text(meta.subtitle)) : undefined,
    h(
      'div.paper-authors',
      authorsOf(meta).map((author) =>
        h('div.author', [
          h('p.author-name', author.name),
          author.role ? h('p.author-role', text(author.role)) : undefined
        ])
      )
    )
  ])
  return directedPart(head, {dir: document.dir, digits: meta.digits})
}
