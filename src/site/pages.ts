import path from 'node:path'
import type {Element} from 'hast'
import {h} from 'hastscript'
import {visit} from 'unist-util-visit'
import {
  card,
  dateElement,
  downloadLink,
  downloads,
  facetHeading,
  facetKey,
  filters,
  pageTitle,
  persons
} from './cards.js'
import type {CollectionEntry, Entry, Facet, PaperEntry, Placement} from './catalogue.js'
import {assets, linkFrom, type SiteContext, type SitePage} from './layout.js'
import {searchPanel} from './search/index.js'
import {issueLine} from '../parts/collection.js'

/** Between «ص» and its pages: a line never ends on the label. */
const noBreak = '\u00a0'

/**
 * The index, or a filter's page: the filters, then a card per publication, newest first. The index holds
 * every card, so the filters' script (`assets/filters.js`) shows a filter's cards there in place; a
 * filter's page holds its own cards only (the site grows with its publications, not with publications
 * times filters) and its links load their pages.
 */
export function listPage(
  file: string,
  heading: string,
  entries: readonly Entry[],
  facets: readonly Facet[],
  context: SiteContext,
  options: {intro?: string | undefined; facet?: Facet | undefined} = {}
): SitePage {
  const {words} = context
  const {intro, facet} = options
  const shown = facet ? facet.entries : entries
  return {
    file,
    title: facet ? pageTitle(heading, context) : words.title,
    head: [h('meta', {name: 'description', content: words.description})],
    main: [
      h('div.listing', {dataFilter: facet ? facetKey(facet) : ''}, [
        h('div.listing-head', [
          h('h1', heading),
          ...(intro ? [h('p.listing-intro', intro)] : []),
          // Said again when the filters' script shows another filter.
          h('p.listing-count', {ariaLive: 'polite'}, [
            h('span.listing-number', String(shown.length)),
            ` ${words.labels.count}`
          ])
        ]),
        filters(facets, file, context),
        h('section.cards', {ariaLabel: words.labels.publications}, [
          h(
            'ul.card-list',
            entries.map((entry) => h('li', shown.includes(entry) ? {} : {hidden: true}, [card(entry, file, context)]))
          )
        ])
      ])
    ],
    scripts: facet ? [] : [assets.filters]
  }
}

/** A filter's page: the entries it keeps. */
export function facetPage(facet: Facet, facets: readonly Facet[], context: SiteContext): SitePage {
  return listPage(facet.page, facetHeading(facet, context), facet.entries, facets, context, {facet})
}

/**
 * A paper's page: its title page, where it was printed, the downloads, then the web edition's abstract,
 * contents, text and notes. `head` carries the metadata for indexers.
 */
export function paperPage(
  entry: PaperEntry,
  head: Element[],
  imageUrl: (src: string) => string,
  context: SiteContext
): SitePage {
  const {content, page} = entry
  const article = h('article.paper', {lang: content.meta.lang, dir: content.dir, ariaLabelledBy: 'title'}, [
    h('header.paper-head', [
      structuredClone(content.titlePage),
      ...entry.placements.map((placement) => placementLine(placement, page, context)),
      downloads(entry, page, context)
    ]),
    ...(content.abstract ? [structuredClone(content.abstract)] : []),
    ...(content.contents ? [structuredClone(content.contents)] : []),
    structuredClone(content.text)
  ])
  visit(article, 'element', function (element: Element) {
    if (element.tagName === 'img' && typeof element.properties.src === 'string')
      element.properties.src = imageUrl(element.properties.src)
  })
  return {file: page, title: `${content.meta.title} — ${context.words.title}`, head, main: [article]}
}

/** «Printed in: the collection, volume 3, number 12, pp. 5–18», and its offprint. */
function placementLine(placement: Placement, page: string, context: SiteContext): Element {
  const {collection, paper, offprint} = placement
  const pages = pageRange(paper.firstPage, paper.lastPage)
  const labels = context.brand.data.collection?.labels
  const issue = issueOf(collection, context)
  return h('p.paper-placement', {lang: context.lang, dir: context.dir}, [
    h('span.placement-label', `${context.words.labels.in}: `),
    h('a', {href: linkFrom(page, collection.page)}, collection.title),
    ...(issue ? [`، ${issue}`] : []),
    ...(pages && labels ? [`، ${labels.pages}${noBreak}`, h('span.pages', {dir: 'ltr'}, pages)] : []),
    ...(offprint && labels
      ? [' ', downloadLink(offprint, 'PDF', 'application/pdf', page, context, context.words.labels.offprint)]
      : [])
  ])
}

/** A page range in written order: `5–18`, or one page. */
export function pageRange(first: number | undefined, last: number | undefined): string | undefined {
  if (first === undefined) return undefined
  return last === undefined || last === first ? String(first) : `${first}–${last}`
}

/** «المجلد 3، العدد 12», as the collection has them, if the template has the words. */
function issueOf(collection: CollectionEntry, context: SiteContext): string | undefined {
  const labels = context.brand.data.collection?.labels
  return labels && issueLine(collection.listing, labels)
}

/** A collection's page: its cover data, downloads, and contents linking to its papers' pages. */
export function collectionPage(
  entry: CollectionEntry,
  papers: ReadonlyMap<string, PaperEntry>,
  offprints: ReadonlyMap<string, Placement>,
  context: SiteContext
): SitePage {
  const {page, listing} = entry
  const labels = context.brand.data.collection?.labels
  const issue = issueOf(entry, context)
  const items = listing.papers.map((listed) => {
    const paper = papers.get(listed.slug)
    const pages = pageRange(listed.firstPage, listed.lastPage)
    const offprint = offprints.get(listed.slug)?.offprint
    return h('li.contents-entry', [
      h('p.contents-title', paper ? [h('a', {href: linkFrom(page, paper.page)}, listed.title)] : [listed.title]),
      ...(listed.subtitle ? [h('p.contents-subtitle', listed.subtitle)] : []),
      ...(listed.authors.length ? [h('p.contents-authors', persons(listed.authors))] : []),
      ...(pages && labels
        ? [h('p.contents-pages', [`${labels.pages}${noBreak}`, h('span.pages', {dir: 'ltr'}, pages)])]
        : []),
      ...(offprint && labels
        ? [h('p', [downloadLink(offprint, 'PDF', 'application/pdf', page, context, context.words.labels.offprint)])]
        : [])
    ])
  })
  return {
    file: page,
    title: `${listing.title} — ${context.words.title}`,
    main: [
      h('article.collection', {lang: listing.lang, ariaLabelledBy: 'collection-title'}, [
        h('header.collection-head', [
          ...(entry.thumbnail
            ? [
                h('img.collection-cover', {
                  src: linkFrom(page, entry.thumbnail.href),
                  alt: '',
                  width: entry.thumbnail.width,
                  height: entry.thumbnail.height
                })
              ]
            : []),
          h('div.collection-data', [
            ...(listing.series ? [h('p.card-series', listing.series)] : []),
            h('h1#collection-title', listing.title),
            ...(listing.subtitle ? [h('p.subtitle', listing.subtitle)] : []),
            ...(issue ? [h('p.collection-issue', issue)] : []),
            ...(listing.editors.length && labels
              ? [h('p.collection-editors', [`${labels.editors}: `, ...persons(listing.editors)])]
              : []),
            h('p', [dateElement(listing.date)]),
            downloads(entry, page, context)
          ])
        ]),
        h('section.collection-contents', {ariaLabelledBy: 'contents-heading'}, [
          h('h2#contents-heading', context.words.labels.contents),
          h('ol.contents-list', items)
        ])
      ])
    ]
  }
}

/** The search page: the search's form and results, its script loaded from the site. */
export function searchPage(context: SiteContext): SitePage {
  const {words} = context
  return {
    file: assets.search,
    title: `${words.search.search} — ${words.title}`,
    main: [h('div.search-page', [h('h1', words.search.results), searchPanel(words.search)])],
    scripts: ['assets/search.js'],
    fetches: true,
    headerSearch: false
  }
}

/** Where the images of a paper's page go, beside it: `images/N.ext`, as the web edition names them. */
export function paperImages(entry: PaperEntry): Map<string, {file: string; source: string}> {
  const folder = path.posix.dirname(entry.page)
  return new Map(
    entry.content.assets.map((asset, index) => {
      const name = `images/${index + 1}${path.extname(asset.file).toLowerCase()}`
      return [asset.src, {file: `${folder}/${name}`, source: path.join(entry.folder, asset.file)}]
    })
  )
}
