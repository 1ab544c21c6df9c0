import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {formatArabicDate} from '../arabic/dates.js'
import {strongDirection} from '../arabic/direction.js'
import {directionOf, type Author} from '../manuscript/meta.js'
import {facetData, type Download, type Entry, type Facet} from './catalogue.js'
import {linkFrom, type SiteContext} from './layout.js'
import {formatSize, openingWords} from './words.js'

/** Words of an abstract a card shows: about three lines of a card. */
const abstractWords = 40

/** A card of the index and the filter pages: cover, series, title, authors, date, abstract, downloads. */
export function card(entry: Entry, page: string, context: SiteContext): Element {
  const to = (target: string) => linkFrom(page, target)
  const id = `${entry.kind}-${entry.slug}`
  const people = entry.kind === 'paper' ? entry.authors : entry.editors
  const abstract = entry.kind === 'paper' ? entry.abstract : ''
  // The publication's own words in its language and direction; the site's (sizes, dates) in the site's.
  const own = {lang: entry.lang, dir: directionOf(entry.lang)}
  // What the filters' script shows it by (filters.js); without the script, the filters' pages.
  const data = facetData(entry)
  return h(
    'article.card',
    {ariaLabelledBy: id, dataSeries: data.series, dataYear: data.year, dataAuthor: data.author},
    [
      entry.thumbnail
        ? h('img.card-cover', {
            src: to(entry.thumbnail.href),
            alt: '',
            width: entry.thumbnail.width,
            height: entry.thumbnail.height,
            loading: 'lazy'
          })
        : h('div.card-cover.card-cover-none'),
      h('div.card-body', [
        ...(entry.series ? [h('p.card-series', own, entry.series)] : []),
        h('h2.card-title', {id, ...own}, [h('a', {href: to(entry.page)}, entry.title)]),
        ...(entry.subtitle ? [h('p.card-subtitle', own, entry.subtitle)] : []),
        ...(people.length ? [h('p.card-authors', persons(people))] : []),
        h('p.card-date', [dateElement(entry.date)]),
        ...(abstract ? [h('p.card-abstract', own, openingWords(abstract, abstractWords))] : []),
        downloads(entry, page, context)
      ])
    ]
  )
}

/** The PDF and EPUB links with their sizes; nothing when the build wrote neither. */
export function downloads(
  entry: {pdf?: Download | undefined; epub?: Download | undefined},
  page: string,
  context: SiteContext
): Element {
  const items: ElementContent[] = []
  if (entry.pdf) items.push(h('li', [downloadLink(entry.pdf, 'PDF', 'application/pdf', page, context)]))
  if (entry.epub) items.push(h('li', [downloadLink(entry.epub, 'EPUB', 'application/epub+zip', page, context)]))
  // The site's words (sizes, units) in the site's direction, in the page of an English paper too.
  return h('ul.downloads', {ariaLabel: context.words.labels.downloads, lang: context.lang, dir: context.dir}, items)
}

export function downloadLink(
  file: Download,
  format: string,
  type: string,
  page: string,
  context: SiteContext,
  label?: string
): Element {
  return h('a.download', {href: linkFrom(page, file.href), type}, [
    label ? h('span', `${label} `) : '',
    h('span.download-format', {dir: 'ltr'}, format),
    ' ',
    h('span.download-size', `(${formatSize(file.bytes, context.words.units)})`)
  ])
}

/** Names joined by the Arabic comma; a Latin name kept in its own direction and on one line. */
export function persons(people: readonly Author[]): ElementContent[] {
  return people.flatMap((person, index): ElementContent[] => [
    ...(index > 0 ? [{type: 'text' as const, value: '، '}] : []),
    h('span.person', strongDirection(person.name) === 'ltr' ? {dir: 'ltr'} : {}, person.name)
  ])
}

export function dateElement(date: string): Element {
  return h('time', {dateTime: date}, formatArabicDate(date))
}

/** A filter's kind in the site's words. */
function kindName(kind: Facet['kind'], context: SiteContext): string {
  const {labels} = context.words
  return {series: labels.series, year: labels.year, author: labels.author}[kind]
}

/** A filter page's heading: «Year: 2024». */
export function facetHeading(facet: Facet, context: SiteContext): string {
  return `${kindName(facet.kind, context)}: ${facet.name}`
}

/** A page's title: its heading, then the site's name. */
export function pageTitle(heading: string, context: SiteContext): string {
  return `${heading} — ${context.words.title}`
}

/** A filter's key, as the filters' script knows it: its kind and slug, the path of its page's folder. */
export function facetKey(facet: Facet): string {
  return `${facet.kind}/${facet.slug}`
}

/**
 * The filters: a list of links per kind, each with its count; the current one marked. Each link carries
 * its filter's key, heading and title for the filters' script, which shows its page in place.
 */
export function filters(facets: readonly Facet[], page: string, context: SiteContext): Element {
  const {labels} = context.words
  const kinds: Facet['kind'][] = ['series', 'year', 'author']
  return h('nav.filters', {ariaLabel: labels.filters}, [
    h('h2.filters-title', labels.filters),
    ...kinds.flatMap((kind) => {
      const name = kindName(kind, context)
      const ofKind = facets.filter((facet) => facet.kind === kind)
      if (ofKind.length === 0) return []
      return [
        h('details.filter', {open: kind !== 'author'}, [
          h('summary', name),
          h(
            'ul',
            ofKind.map((facet) =>
              h('li', [
                h('a', filterLink(facet, page, context), [
                  h('span.person', strongDirection(facet.name) === 'ltr' ? {dir: 'ltr'} : {}, facet.name),
                  ' ',
                  h('span.filter-count', `(${facet.entries.length})`)
                ])
              ])
            )
          )
        ])
      ]
    })
  ])
}

function filterLink(facet: Facet, page: string, context: SiteContext) {
  const heading = facetHeading(facet, context)
  return {
    href: linkFrom(page, facet.page),
    dataFilter: facetKey(facet),
    dataHeading: heading,
    dataTitle: pageTitle(heading, context),
    ...(facet.page === page ? {ariaCurrent: 'page'} : {})
  }
}
