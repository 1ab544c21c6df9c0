import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {loadBrand, stylesheetsFor, type Brand} from '../brand/brand.js'
import type {BuildOptions, SiteOptions} from '../config/options.js'
import {readCollection} from '../manuscript/collection.js'
import type {Manuscript} from '../manuscript/read.js'
import {buildWith, cacheFolder, type BuildHooks, type BuildResult} from '../run/build.js'
import {discoverPublications} from '../run/discover.js'
import {writeFolderAtomically} from '../run/write.js'
import {
  collectionEntry,
  facetsOf,
  newestFirst,
  paperEntry,
  placePapers,
  type Entry,
  type PaperEntry,
  type Placement
} from './catalogue.js'
import {atomFeed, sitemapXml} from './feeds.js'
import {filtersScript} from './filters/script.js'
import {assets, linkFrom, renderPage, siteLogo, type SiteContext, type SitePage} from './layout.js'
import {readListings} from './listing.js'
import {metadataElements, type Citation} from './metadata.js'
import {paperContents, type PaperContent} from './paper-content.js'
import {collectionPage, facetPage, listPage, paperImages, paperPage, searchPage} from './pages.js'
import {writeSearchIndex, type SearchRecord} from './search/index.js'
import {thumbnailOf} from './thumbnails.js'
import {siteWords} from './words-of.js'

export type SiteFiles = Map<string, Uint8Array | string>

export interface SiteResult {
  /** The build of every publication, as `press build` reports it. */
  build: BuildResult
  ok: boolean
  /** Problems outside a manuscript (a listing that does not parse), one line each. */
  problems: string[]
  /** Notes for the reader (the sitemap left out without a base URL). */
  notes: string[]
  folder: string
  pages: number
  papers: number
  /** Papers whose content was read from the site's cache rather than made by the pipeline. */
  reused: number
  collections: number
}

/**
 * `press site`: builds every publication (PDF, EPUB, web edition) into the build's folder, reusing its
 * cache, then writes the catalogue site of what was built into `options.out`, whole or not at all.
 */
export async function buildSite(options: SiteOptions, hooks: BuildHooks = {}): Promise<SiteResult> {
  // A template that cannot make a site is refused before anything is built.
  const brand = await loadBrand(options.template, options.fonts)
  siteWords(brand)
  const build = await buildWith(
    {...buildOptionsOf(options), paths: await withPapersOf(options.paths, options.cwd)},
    hooks
  )
  // Interrupted: the site in place stays as it was.
  if (hooks.signal?.aborted)
    return {
      build,
      ok: false,
      problems: [],
      notes: [],
      folder: options.out,
      pages: 0,
      papers: 0,
      reused: 0,
      collections: 0
    }
  // Collections come back as results too: their pages are made from their listings, below.
  const built = build.results.flatMap((result) =>
    result.ok && result.kind === 'manuscript' ? [result.manuscript as Manuscript] : []
  )
  const {contents, reused} = await paperContents(options.build, built, (manuscript) =>
    contentOf(manuscript, brand, options.cwd)
  )
  const folders = new Map(built.map((manuscript) => [manuscript.slug, manuscript.folder]))
  const papers = await Promise.all(
    contents.map((content) => paperEntry(content, folders.get(content.slug)!, options.build))
  )
  const {listings, problems} = await readListings(options.build)
  const collections = await Promise.all(listings.map((listing) => collectionEntry(listing, options.build)))
  await placePapers(papers, collections, options.build)
  const entries: Entry[] = [...papers, ...collections]
  await drawThumbnails(entries)
  const notes: string[] = []
  if (!options.baseUrl)
    notes.push('no --base-url: feed.xml and sitemap.xml are not written (both take absolute addresses only)')
  const {files, pages} = await siteFiles(entries, brand, options.baseUrl)
  const records = searchRecords(papers)
  await writeFolderAtomically(options.out, files, (folder) => writeSearchIndex(folder, records))
  return {
    build,
    ok: build.ok && problems.length === 0,
    problems: problems.map((problem) => `${problem.file}: ${problem.reason}`),
    notes,
    folder: options.out,
    pages,
    papers: papers.length,
    reused,
    collections: collections.length
  }
}

/**
 * The paths given and the papers of every collection among them, so that each paper a collection lists
 * has a page of its own for the collection's contents to link to (a paper found twice is built once).
 * Paths that cannot be read are left to the build, which reports them.
 */
async function withPapersOf(paths: string[], cwd: string): Promise<string[]> {
  const found = await discoverPublications(paths).catch(() => undefined)
  if (!found) return paths
  const reads = await Promise.all(found.collections.map((source) => readCollection(source, cwd)))
  return [...paths, ...reads.flatMap((read) => read.papers.map((paper) => paper.path))]
}

function buildOptionsOf(options: SiteOptions): BuildOptions {
  const {paths, template, fonts, jobs, timeout, sourceDateEpoch, cwd} = options
  return {
    paths,
    out: options.build,
    formats: ['pdf', 'epub', 'html'],
    template,
    fonts,
    bleed: 0,
    force: false,
    jobs,
    timeout,
    shard: undefined,
    sourceDateEpoch,
    cwd
  }
}

/** Loaded only when a paper is not in the site's cache: the pipeline is most of a warm run's time. */
async function contentOf(manuscript: Manuscript, brand: Brand, cwd: string): Promise<PaperContent | undefined> {
  return (await import('./content-of.js')).contentOf(manuscript, brand, cwd)
}

async function drawThumbnails(entries: Entry[]): Promise<void> {
  for (const entry of entries) {
    if (!entry.pdf) continue
    const drawn = await thumbnailOf(entry.pdf.source, cacheFolder)
    entry.thumbnail = {href: `thumbnails/${entry.kind}s/${entry.slug}.jpg`, ...drawn}
  }
}

/** Every file of the site, by path relative to its root, and how many pages there are. */
export async function siteFiles(
  entries: Entry[],
  brand: Brand,
  baseUrl: string | undefined
): Promise<{files: SiteFiles; pages: number}> {
  const words = siteWords(brand)
  const context: SiteContext = {
    brand,
    words,
    lang: 'ar',
    dir: 'rtl',
    feed: baseUrl !== undefined,
    logo: siteLogo(brand.logo)
  }
  const files: SiteFiles = new Map()
  await addAssets(files, brand)
  const sorted = newestFirst(entries)
  const facets = facetsOf(sorted)
  const papers = sorted.filter((entry): entry is PaperEntry => entry.kind === 'paper')
  const pages: SitePage[] = [listPage('index.html', words.title, sorted, facets, context, {intro: words.description})]
  pages.push(...facets.map((facet) => facetPage(facet, facets, context)))
  for (const paper of papers) {
    const images = paperImages(paper)
    for (const image of images.values()) files.set(image.file, await readFile(image.source))
    const head = metadataElements(citationOf(paper, brand, baseUrl))
    pages.push(paperPage(paper, head, (src) => linkFrom(paper.page, images.get(src)?.file ?? src), context))
  }
  const bySlug = new Map(papers.map((paper) => [paper.slug, paper]))
  for (const entry of sorted) {
    if (entry.kind !== 'collection') continue
    const offprints = new Map<string, Placement>()
    for (const paper of papers)
      for (const placement of paper.placements) if (placement.collection === entry) offprints.set(paper.slug, placement)
    pages.push(collectionPage(entry, bySlug, offprints, context))
  }
  pages.push(searchPage(context))
  for (const page of pages) files.set(page.file, renderPage(page, context))
  await addDownloads(files, sorted)
  const site = {
    title: words.title,
    description: words.description,
    publisher: brand.data.name.ar,
    lang: context.lang,
    baseUrl
  }
  if (baseUrl) {
    files.set(assets.feed, atomFeed({...site, baseUrl}, sorted))
    files.set(
      'sitemap.xml',
      await sitemapXml(
        baseUrl,
        pages.map((page) => ({file: page.file}))
      )
    )
  }
  return {files, pages: pages.length}
}

/** The template's stylesheets (its base and its site.css) and the brand's fonts. */
async function addAssets(files: SiteFiles, brand: Brand): Promise<void> {
  const [base] = stylesheetsFor(brand, 'screen')
  files.set(assets.base, await readFile(base!))
  files.set(assets.site, await readFile(path.join(brand.folder, 'site.css')))
  files.set(assets.filters, filtersScript())
  for (const font of new Set(brand.data.fonts.map((font) => font.file)))
    files.set(`${assets.fonts}/${font}`, await readFile(path.join(brand.fontsFolder, font)))
}

/** The PDFs, EPUBs, offprints and thumbnails, copied into the site. */
async function addDownloads(files: SiteFiles, entries: readonly Entry[]): Promise<void> {
  for (const entry of entries) {
    for (const download of [entry.pdf, entry.epub])
      if (download) files.set(download.href, await readFile(download.source))
    if (entry.thumbnail) files.set(entry.thumbnail.href, entry.thumbnail.jpeg)
    if (entry.kind === 'paper')
      for (const {offprint} of entry.placements) if (offprint) files.set(offprint.href, await readFile(offprint.source))
  }
}

/** A paper's citation: its metadata, and its collection's when it is printed in one. */
export function citationOf(paper: PaperEntry, brand: Brand, baseUrl: string | undefined): Citation {
  const url = (target: string) => (baseUrl ? new URL(target, baseUrl).href : linkFrom(paper.page, target))
  const placement = paper.placements[0]
  const {meta} = paper.content
  return {
    title: meta.title,
    subtitle: meta.subtitle,
    authors: paper.authors.map((author) => author.name),
    date: meta.date,
    lang: meta.lang,
    region: brand.data.site?.region,
    publisher: brand.data.name.ar,
    pageUrl: url(paper.page),
    pdfUrl: paper.pdf && url(paper.pdf.href),
    imageUrl: paper.thumbnail && url(paper.thumbnail.href),
    abstract: paper.abstract || undefined,
    keywords: meta.keywords,
    journal: placement && {
      title: placement.collection.title,
      volume: placement.collection.listing.volume,
      issue: placement.collection.listing.number,
      firstPage: placement.paper.firstPage,
      lastPage: placement.paper.lastPage
    }
  }
}

/** What the search indexes: each paper's page, with its full text. */
export function searchRecords(papers: readonly PaperEntry[]): SearchRecord[] {
  return papers.map((paper) => ({
    url: paper.page,
    title: paper.subtitle ? `${paper.title}: ${paper.subtitle}` : paper.title,
    text: paper.content.fullText,
    lang: paper.content.meta.lang,
    authors: paper.authors.map((author) => author.name),
    date: paper.date
  }))
}
