import type {Element} from 'hast'
import {h} from 'hastscript'
import {formatArabicDate} from '../arabic/dates.js'
import {localizeDigits} from '../arabic/digits.js'
import type {Brand} from '../brand/brand.js'
import {type Author, authorsOf} from '../manuscript/meta.js'
import type {Collection, Document} from '../model/types.js'
import {
  backPageOf,
  bylineOf,
  contentsList,
  coverPage,
  directedPart,
  type ComposeOptions,
  type Frame,
  type Front,
  frameOf,
  keywordsLine,
  paperText,
  personOf,
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

/** The collection's own pages around its papers, for an e-book, which makes a file of each. */
export interface CollectionPages {
  titlePage: Element
  rightsPage: Element
  backPage: Element
}

type CollectionTemplate = NonNullable<Brand['data']['collection']>
export type CollectionLabels = CollectionTemplate['labels']

/** What every id of the paper at `index` (0-based) starts with in the collection's page. */
export function paperPrefix(index: number): string {
  return `p${index + 1}-`
}

/** The template's `collection` block, or an error naming the template that lacks it. */
function collectionTemplate(brand: Brand): CollectionTemplate {
  const {collection} = brand.data
  if (!collection)
    throw new Error(`The template ${brand.folder} has no \`collection\` block: a collection cannot be made`)
  return collection
}

/** The words a collection prints around its papers (editors, volume, number, pages, offprint). */
export function collectionLabels(brand: Brand): CollectionLabels {
  return collectionTemplate(brand).labels
}

/** Editors as written (a name, or a name and a role). */
export function editorsOf(collection: Collection): Author[] {
  return collection.meta.editors.map((editor) => (typeof editor === 'string' ? {name: editor} : editor))
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

/**
 * The title page (series, volume and number, title, subtitle, editors with their roles, imprint), the rights
 * page and the centre's back page, with the template's graphics linked from `graphicUrl`.
 */
export function collectionPages(
  collection: Collection,
  brand: Brand,
  graphicUrl: (name: string) => string
): CollectionPages {
  const frame = frameOf(brand, collection.meta.digits, collection.dir, graphicUrl)
  const front = collectionFront(collection, brand)
  const options = {className: 'collection-title-page', issueApart: true}
  return {
    titlePage: directedPart(titlePageOf(frame, front, options), frame),
    rightsPage: rightsPageOf(frame),
    backPage: backPageOf(frame)
  }
}

function collectionFront(collection: Collection, brand: Brand): Front {
  const {meta} = collection
  const editors = editorsOf(collection)
  const labels = collectionLabels(brand)
  const names = editors.map((editor) => editor.name).join('، ')
  return {
    title: meta.title,
    subtitle: meta.subtitle,
    series: meta.series,
    issue: issueLine(meta, labels),
    byline: editors.length > 0 ? `${labels.editors}: ${names}` : '',
    people: editors,
    peopleLabel: labels.editors,
    date: meta.date,
    dateText: formatArabicDate(meta.date, meta.digits)
  }
}

/** «المجلد 3، العدد 12», or what of it the collection has (its meta, or its listing in the catalogue). */
export function issueLine(
  {volume, number}: {volume?: number | undefined; number?: number | undefined},
  labels: CollectionLabels
): string | undefined {
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
  const issue = issueLine(meta, labels)
  const year = meta.date.slice(0, 4)
  const text = `${[name, issue].filter(Boolean).join('، ')} (${year})، ${labels.pages}`
  return localizeDigits(text, meta.digits)
}

/** The contents across papers: each paper's title, its authors and page, its sections under it. */
function collectionContents(collection: Collection, frame: Frame, pageNumbers: boolean): Element {
  const {brand} = frame
  const depth = collectionTemplate(brand).contentsDepth
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
  const labels = collectionLabels(frame.brand)
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
      authorsOf(meta).map((author) => personOf(author, text))
    )
  ])
  return directedPart(head, {dir: document.dir, digits: meta.digits})
}

/**
 * A paper's opening in the e-book: its title, subtitle and authors with their roles, in the paper's own
 * language and direction, styled as a title page (the abstract follows, as the paper's own parts make it, with
 * the keywords under it; without an abstract they close the opening, a collection having no rights page of the
 * paper's). The printed page opens with `paperHead` instead: the collection's citation and its pages.
 */
export function paperTitleBlock(document: Document, brand: Brand): Element {
  const {meta} = document
  const text = (value: string) => localizeDigits(value, meta.digits)
  const authors = authorsOf(meta)
  const {labels} = brand.data
  const block = h('section.title-page.paper-title', [
    h('h1.title', {id: 'title'}, text(meta.title)),
    meta.subtitle ? h('p.subtitle', text(meta.subtitle)) : undefined,
    authors.length > 0 ? bylineOf(authors.length > 1 ? labels.authors : labels.author, authors, text) : undefined,
    meta.keywords && !document.abstract ? keywordsLine(meta.keywords, brand, text) : undefined
  ])
  return directedPart(block, {dir: document.dir, digits: meta.digits})
}
