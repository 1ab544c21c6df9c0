import path from 'node:path'
import type {Author} from '../manuscript/meta.js'
import type {Collection} from '../model/types.js'

/** Where each paper is in the printed collection, as its renderer reports it. */
export interface PrintedPages {
  pages?: number | undefined
  papers: ReadonlyArray<{slug: string; first: number; last: number; offprint?: string | undefined}>
}

export interface ListedPaper {
  slug: string
  title: string
  subtitle?: string
  authors: Author[]
  date: string
  firstPage: number
  lastPage: number
  offprint?: string
}

/** `<out>/<slug>.json`: a collection and its papers for machines (indexers, the catalogue site). */
export interface CollectionListing {
  slug: string
  kind: 'collection'
  title: string
  subtitle?: string
  series?: string
  volume?: number
  number?: number
  date: string
  lang: string
  editors: Author[]
  pages?: number
  pdf: string
  epub?: string
  papers: ListedPaper[]
}

/** The listing's files, relative to the output folder (`out`, against which absolute paths are made relative). */
export interface ListedFiles {
  out: string
  pdf: string
  epub?: string | undefined
}

/**
 * The listing of a collection as printed: its metadata, and each paper's with the pages it occupies.
 * Paths are relative to the output folder, written with `/`; absent fields are left out, never null.
 */
export function collectionListing(
  collection: Collection,
  printed: PrintedPages,
  files: ListedFiles
): CollectionListing {
  const {meta} = collection
  return defined<CollectionListing>({
    slug: collection.slug,
    kind: 'collection',
    title: meta.title,
    subtitle: meta.subtitle,
    series: meta.series,
    volume: meta.volume,
    number: meta.number,
    date: meta.date,
    lang: meta.lang,
    editors: people(meta.editors),
    pages: printed.pages,
    pdf: outputName(files.out, files.pdf),
    epub: files.epub === undefined ? undefined : outputName(files.out, files.epub),
    papers: collection.papers.map((paper) => {
      const pages = printed.papers.find((entry) => entry.slug === paper.slug)
      if (!pages) throw new Error(`The printed collection has no pages for the paper \`${paper.slug}\``)
      return defined<ListedPaper>({
        slug: paper.slug,
        title: paper.meta.title,
        subtitle: paper.meta.subtitle,
        authors: people(paper.meta.authors),
        date: paper.meta.date,
        firstPage: pages.first,
        lastPage: pages.last,
        offprint: pages.offprint === undefined ? undefined : outputName(files.out, pages.offprint)
      })
    })
  })
}

/**
 * A listing written with an earlier PDF, naming the e-book built since (page numbers unchanged: the PDF
 * was up to date); its fields in the same order as a listing written whole.
 */
export function withEpub(listing: CollectionListing, epub: string): CollectionListing {
  const {epub: _, papers, ...head} = listing
  return {...head, epub, papers}
}

function people(list: ReadonlyArray<string | {name: string; role?: string | undefined}>): Author[] {
  return list.map((person) => (typeof person === 'string' ? {name: person} : defined<Author>({...person})))
}

function outputName(out: string, file: string): string {
  const relative = path.isAbsolute(file) ? path.relative(out, file) : file
  return relative.split(path.sep).join('/')
}

/** The object without its undefined fields: JSON for machines carries no empty keys. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T
}
