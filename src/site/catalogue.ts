import {stat} from 'node:fs/promises'
import path from 'node:path'
import {authorsOf, type Author} from '../manuscript/meta.js'
import type {PaperContent} from './paper-content.js'
import type {ListedPaper, Listing} from './listing.js'
import {nameSlug, yearOf} from './words.js'

/** A file of the build offered for download: where it is, where the site puts it, and its size. */
export interface Download {
  source: string
  /** Relative to the site's root. */
  href: string
  bytes: number
}

interface EntryBase {
  slug: string
  title: string
  subtitle?: string | undefined
  series?: string | undefined
  /** YYYY-MM-DD. */
  date: string
  lang: string
  /** The entry's page, relative to the site's root. */
  page: string
  pdf?: Download | undefined
  epub?: Download | undefined
  /** The cover thumbnail (when there is a PDF to draw it from). */
  thumbnail?: Thumbnail | undefined
}

export interface Thumbnail {
  /** Relative to the site's root. */
  href: string
  width: number
  height: number
  jpeg: Uint8Array
}

export interface PaperEntry extends EntryBase {
  kind: 'paper'
  content: PaperContent
  /** The manuscript's folder, where its images are. */
  folder: string
  authors: Author[]
  /** The abstract as plain text ('' without one). */
  abstract: string
  /** The collections the paper is printed in. */
  placements: Placement[]
}

export interface CollectionEntry extends EntryBase {
  kind: 'collection'
  listing: Listing
  editors: Author[]
}

export interface Placement {
  collection: CollectionEntry
  paper: ListedPaper
  offprint?: Download | undefined
}

export type Entry = PaperEntry | CollectionEntry

/** A paper of the site, from its content and what the build wrote for it. */
export async function paperEntry(content: PaperContent, folder: string, buildFolder: string): Promise<PaperEntry> {
  const {meta, slug} = content
  return {
    kind: 'paper',
    slug,
    title: meta.title,
    subtitle: meta.subtitle,
    series: meta.series,
    date: meta.date,
    lang: meta.lang,
    page: `papers/${slug}/index.html`,
    pdf: await download(buildFolder, `${slug}.pdf`),
    epub: await download(buildFolder, `${slug}.epub`),
    thumbnail: undefined,
    content,
    folder,
    authors: authorsOf(meta),
    abstract: content.abstractText,
    placements: []
  }
}

/** A collection of the site, from its listing. */
export async function collectionEntry(listing: Listing, buildFolder: string): Promise<CollectionEntry> {
  return {
    kind: 'collection',
    slug: listing.slug,
    title: listing.title,
    subtitle: listing.subtitle,
    series: listing.series,
    date: listing.date,
    lang: listing.lang,
    page: `collections/${listing.slug}/index.html`,
    pdf: listing.pdf ? await download(buildFolder, listing.pdf) : undefined,
    epub: listing.epub ? await download(buildFolder, listing.epub) : undefined,
    thumbnail: undefined,
    listing,
    editors: listing.editors
  }
}

/** Records, on each paper, the collections that print it (in the order of the listings). */
export async function placePapers(
  papers: PaperEntry[],
  collections: CollectionEntry[],
  buildFolder: string
): Promise<void> {
  const bySlug = new Map(papers.map((paper) => [paper.slug, paper]))
  for (const collection of collections) {
    for (const listed of collection.listing.papers) {
      const offprint = listed.offprint ? await download(buildFolder, listed.offprint) : undefined
      bySlug.get(listed.slug)?.placements.push({collection, paper: listed, offprint})
    }
  }
}

/**
 * An output of the build, if it is there: it goes to the site under `downloads/`, at the same path
 * relative to it as in the build's folder. A path leading out of the build's folder is not offered.
 */
async function download(buildFolder: string, relative: string): Promise<Download | undefined> {
  const source = path.resolve(buildFolder, relative)
  const inside = path.relative(buildFolder, source)
  if (inside.startsWith('..') || path.isAbsolute(inside)) return undefined
  const info = await stat(source).catch(() => undefined)
  if (!info?.isFile()) return undefined
  return {source, href: `downloads/${inside.split(path.sep).join('/')}`, bytes: info.size}
}

/** Newest first; a day's publications by title, so the order never depends on the file system. */
export function newestFirst<T extends Entry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) =>
    a.date === b.date ? a.title.localeCompare(b.title, 'ar') || compare(a.slug, b.slug) : compare(b.date, a.date)
  )
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A filter of the index: its page's folder, its name and the entries it keeps. */
export interface Facet {
  kind: 'series' | 'year' | 'author'
  slug: string
  name: string
  entries: Entry[]
  /** The facet's page, relative to the site's root. */
  page: string
}

/**
 * The filters: by series, by year, by author (a paper's authors, a collection's editors). Names that
 * make one slug are one facet; facets come in a stable order (years newest first, names alphabetical).
 */
export function facetsOf(entries: readonly Entry[]): Facet[] {
  const facets = new Map<string, Facet>()
  const add = (kind: Facet['kind'], name: string, entry: Entry) => {
    const slug = facetSlug(kind, name)
    const key = `${kind}/${slug}`
    const facet = facets.get(key) ?? {kind, slug, name, entries: [], page: `${key}/index.html`}
    if (!facet.entries.includes(entry)) facet.entries.push(entry)
    facets.set(key, facet)
  }
  for (const entry of newestFirst(entries)) for (const {kind, name} of facetNamesOf(entry)) add(kind, name, entry)
  const order: Facet['kind'][] = ['series', 'year', 'author']
  return [...facets.values()].sort((a, b) =>
    a.kind !== b.kind
      ? order.indexOf(a.kind) - order.indexOf(b.kind)
      : a.kind === 'year'
        ? compare(b.slug, a.slug)
        : a.name.localeCompare(b.name, 'ar') || compare(a.slug, b.slug)
  )
}

/** The filters an entry is found under: its series, its year, its people (a paper's authors, a collection's editors). */
export function facetNamesOf(entry: Entry): Array<{kind: Facet['kind']; name: string}> {
  const people = entry.kind === 'paper' ? entry.authors : entry.editors
  return [
    ...(entry.series ? [{kind: 'series' as const, name: entry.series}] : []),
    {kind: 'year' as const, name: yearOf(entry.date)},
    ...people.map((person) => ({kind: 'author' as const, name: person.name}))
  ]
}

/** A filter's slug, the name of its page's folder: the year as it is, a name made a slug. */
export function facetSlug(kind: Facet['kind'], name: string): string {
  return kind === 'year' ? name : nameSlug(name)
}

/**
 * What a card carries for the filters' script: per kind, the slugs of the filters it is found under,
 * space-separated (a slug has no space), the same slugs as the filters' pages.
 */
export function facetData(entry: Entry): Record<Facet['kind'], string> {
  const slugs = (kind: Facet['kind']) =>
    [
      ...new Set(
        facetNamesOf(entry)
          .filter((facet) => facet.kind === kind)
          .map((facet) => facetSlug(kind, facet.name))
      )
    ].join(' ')
  return {series: slugs('series'), year: slugs('year'), author: slugs('author')}
}
