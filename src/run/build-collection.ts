import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {VFile} from 'vfile'
import {type Format, outputPath} from '../config/formats.js'
import {hasErrors} from '../core/messages.js'
import {type CollectionRead, type CollectionSource, readCollection} from '../manuscript/collection.js'
import type {Collection} from '../model/types.js'
import {createCollection} from '../pipeline/create-collection.js'
import type {CacheRecord} from './cache.js'
import {exists, hashFiles, recordCollectionAssets} from './fingerprint.js'
import {type CollectionListing, collectionListing, withEpub} from './listing.js'
import {type Freshness, inputsOf, staleFormats} from './plan.js'
import type {Renderer, RenderOptions, Written} from './render.js'
import {writeAtomically} from './write.js'

/** The formats a collection is built in: a web edition of a collection is not made (its papers have theirs). */
export const collectionFormats: readonly Format[] = ['pdf', 'epub']

export interface CollectionPlan {
  source: CollectionSource
  read: CollectionRead
  /** The hash of the yaml and of every paper's text, taken before any is read for building. */
  text: string
  stale: Format[]
}

/**
 * What of a collection is out of date. Its outputs are fresh only if the yaml, every paper's text and
 * every paper's recorded assets are as recorded; a collection whose yaml has an error is always built
 * (so that its errors are reported).
 */
export async function planCollection(
  source: CollectionSource,
  wanted: readonly Format[],
  freshness: Freshness,
  cwd: string
): Promise<CollectionPlan> {
  const read = await readCollection(source, cwd)
  const text = await hashFiles([source.path, ...read.papers.map((paper) => paper.path)], source.folder)
  const formats = wanted.filter((format) => collectionFormats.includes(format))
  const folders = read.papers.map((paper) => paper.folder)
  const stale = hasErrors(read.file)
    ? formats
    : await staleFormats(freshness, source, formats, text, folders.length > 0 ? folders : undefined)
  return {source, read, text, stale}
}

export interface CollectionBuilt {
  file: VFile
  written: Written[]
  /** The listing, when written. */
  listing?: string | undefined
  pages?: number | undefined
  /** Cache records for the outputs written, by output path. */
  records: Record<string, CacheRecord>
}

/**
 * Makes the collection's documents, has the renderer print it, and writes its listing when the PDF was
 * printed (page numbers come from it). Nothing is written for a collection with an error.
 */
export async function buildCollection(
  plan: CollectionPlan,
  renderer: Renderer,
  options: RenderOptions & {cwd: string; shared: string}
): Promise<CollectionBuilt> {
  const {source, read, stale} = plan
  const built: CollectionBuilt = {file: read.file, written: [], records: {}}
  const collection = await createCollection(source, read, renderer.brand.data.labels, options.cwd)
  if (!collection) return built
  // The cache's record of the papers' images is the build's own, taken before the writers read them.
  const assets = await recordCollectionAssets(collection)
  const rendered = await renderer.renderCollection(collection, stale, options)
  built.written = rendered.written
  built.pages = rendered.pages
  const isMain = (written: Written) => written.path === path.join(options.out, outputPath(source.slug, written.format))
  // Offprints: written with the PDF, fresh with it.
  const withPdf = rendered.written.filter((written) => !isMain(written)).map((written) => written.path)
  if (stale.includes('pdf')) withPdf.push((built.listing = await writeListing(collection, rendered, options.out)))
  else if (stale.includes('epub')) built.listing = await addEpubToListing(source.slug, options.out)
  for (const {format} of rendered.written.filter(isMain)) {
    const outputs = format === 'pdf' ? withPdf.map((file) => path.relative(options.out, file)) : []
    built.records[outputPath(source.slug, format)] = {
      inputs: inputsOf(format, options.shared, plan.text, assets.hash),
      assets: assets.files,
      ...(outputs.length > 0 ? {outputs} : {})
    }
  }
  return built
}

async function writeListing(
  collection: Collection,
  rendered: Parameters<typeof collectionListing>[1],
  out: string
): Promise<string> {
  const epub = path.join(out, `${collection.slug}.epub`)
  const listing = collectionListing(collection, rendered, {
    out,
    pdf: `${collection.slug}.pdf`,
    epub: (await exists(epub)) ? epub : undefined
  })
  const target = path.join(out, `${collection.slug}.json`)
  await writeAtomically(target, `${JSON.stringify(listing, null, 2)}\n`)
  return target
}

/** The e-book, built alone, named in the listing an earlier PDF build wrote (if there is one). */
async function addEpubToListing(slug: string, out: string): Promise<string | undefined> {
  const target = path.join(out, `${slug}.json`)
  let listing: CollectionListing
  try {
    listing = JSON.parse(await readFile(target, 'utf8')) as CollectionListing
  } catch {
    return undefined
  }
  listing = withEpub(listing, outputPath(slug, 'epub'))
  await writeAtomically(target, `${JSON.stringify(listing, null, 2)}\n`)
  return target
}
