import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {VFile} from 'vfile'
import {resolveBuildOptions, type BuildInput, type BuildOptions} from '../config/options.js'
import {projectFolder} from '../config/project.js'
import {readManuscript, type Manuscript} from '../manuscript/read.js'
import {fail, hasErrors} from '../core/messages.js'
import {type Cache, type CacheRecord, readCache, writeCache} from './cache.js'
import {discoverPublications, type Publications} from './discover.js'
import {filesUnder, hashFiles, hashText} from './fingerprint.js'
import {outputPath, type Format} from '../config/formats.js'
import {inShard} from '../config/shard.js'
import {removeLeftovers} from './write.js'
import type {BrowserPool} from '../outputs/pdf/pool.js'
import type {Renderer, RendererSettings, RenderOptions, Written} from './render.js'
import type {CollectionSource} from '../manuscript/collection.js'
import {buildCollection, type CollectionPlan, planCollection} from './build-collection.js'
import {type Freshness, inputsOf, staleFormats} from './plan.js'

export {formats, type Format} from '../config/formats.js'
export {projectFolder} from '../config/project.js'
export type {BuildInput, BuildOptions} from '../config/options.js'

/** The code that is running (src/ under the tests, lib/ once compiled): a change to it rebuilds everything. */
const codeFolder = fileURLToPath(new URL('../', import.meta.url))

/**
 * Work kept between builds whatever the output folder (font subsets): where build tools keep theirs.
 * Deleting it costs a second or two on the next build, nothing more.
 */
export const cacheFolder = path.join(projectFolder, 'node_modules', '.cache', 'hammurabi-press')

/**
 * Browser tabs for so many documents at once: one for every two. A document spends about half its time
 * in the browser (load, layout, print) and half in Node (pipeline, post-processing, cover, e-book), so
 * two documents keep one tab busy; every tab is a renderer process of its own to start and warm.
 */
export function tabsFor(jobs: number): number {
  return Math.max(1, Math.ceil(jobs / 2))
}

/** What a build tells as it goes, and how it is stopped: not options, so not in the options schema. */
export interface BuildHooks {
  /**
   * A browser kept from one build to the next (`press watch`): this build's documents use its tabs, and
   * it is left running. Without it, a build starts its own browser, if it needs one, and closes it.
   */
  pool?: BrowserPool | undefined
  /**
   * The hashes of the template, fonts and code folders, kept from one build to the next by a caller that
   * watches those folders and clears it when they change (`press watch`): hashing them is a good part of
   * a single paper's rebuild.
   */
  folderHashes?: Map<string, Promise<string>> | undefined
  /** Stops the run: documents not started are left, the browser is closed. */
  signal?: AbortSignal | undefined
  /** Told of each step, for progress reports. */
  onEvent?: ((event: BuildEvent) => void) | undefined
}

/** What a run builds, each on its own: a manuscript, or a collection (`path`: its `collection.yaml`). */
export type Publication = Manuscript | CollectionSource
export type PublicationKind = 'manuscript' | 'collection'

export type BuildEvent =
  | {type: 'planned'; manuscripts: Manuscript[]; collections: CollectionSource[]}
  | {type: 'skipped'; result: ManuscriptResult}
  | {type: 'started'; manuscript: Publication; kind: PublicationKind}
  | {type: 'finished'; result: ManuscriptResult}

/** The result of building a publication (a manuscript or a collection, as `kind` says). */
export interface ManuscriptResult {
  manuscript: Publication
  kind: PublicationKind
  /** Its messages; a collection's file holds its papers' own files in `file.data.papers`. */
  file: VFile | undefined
  /** Paths written, relative to the working folder. */
  outputs: string[]
  ok: boolean
  /** Nothing was built: every output was up to date. */
  skipped: boolean
  pages?: number | undefined
  /** Bytes of each output written. */
  sizes: Partial<Record<Format, number>>
  milliseconds: number
}

export interface BuildResult {
  results: ManuscriptResult[]
  ok: boolean
  /** Whether a browser was started (an up-to-date build starts none). */
  browserStarted: boolean
  /** Publications found that belong to other shards (see `--shard`), not built by this run. */
  elsewhere: number
}

/**
 * Builds every manuscript named that is out of date, each on its own: one that fails gets its messages
 * and the others are still built. What is up to date (same inputs, same template, fonts, options and
 * code) is skipped without loading the pipeline or starting a browser.
 */
export async function build(input: BuildInput & BuildHooks = {}): Promise<BuildResult> {
  return buildWith(resolveBuildOptions(input), input)
}

/** A publication to build, and what of it is out of date. */
type Plan =
  | {kind: 'manuscript'; publication: Manuscript; text: string; stale: Format[]}
  | {kind: 'collection'; publication: CollectionSource; collection: CollectionPlan; stale: Format[]}

/** What building one publication gave: its outputs, and the cache records for them. */
interface Built {
  written: Written[]
  listing?: string | undefined
  pages?: number | undefined
  records: Record<string, CacheRecord>
}

/** `build` with its options already resolved (as the command line does, to report wrong values first). */
export async function buildWith(options: BuildOptions, hooks: BuildHooks = {}): Promise<BuildResult> {
  const {cwd, out, template, fonts, bleed, formats: wanted} = options
  const emit = hooks.onEvent ?? (() => undefined)
  const found = await discoverPublications(options.paths)
  const manuscripts = found.manuscripts.filter((manuscript) => inShard(manuscript.slug, options.shard))
  const collections = found.collections.filter((collection) => inShard(collection.slug, options.shard))
  emit({type: 'planned', manuscripts, collections})

  await removeLeftovers(out)
  const shared = await sharedFingerprint(
    template,
    fonts,
    {bleed, sourceDateEpoch: options.sourceDateEpoch ?? null},
    hooks.folderHashes
  )
  const cache = await readCache(out)
  const freshness = {cache, shared, out, force: options.force}
  let starting: Promise<{renderer: Renderer; pool: BrowserPool}> | undefined
  let renderer: Promise<Renderer> | undefined

  // What is out of date, first: the browser is started only if something is, with no more tabs than needed.
  const plans = await planAll({manuscripts, collections}, wanted, freshness, cwd)
  const results: ManuscriptResult[] = new Array(plans.length)
  const staleCount = plans.filter((plan) => plan.stale.length > 0).length
  const jobs = Math.max(1, Math.min(options.jobs, staleCount))
  if (staleCount > 0) {
    starting = startRenderer(template, fonts, wanted, hooks.pool ?? tabsFor(jobs), {timeout: options.timeout * 1000})
    renderer = starting.then((started) => started.renderer)
    // Awaited by the first document; until then a failure is not unhandled.
    renderer.catch(() => undefined)
  }
  const renderOptions: RenderOptions = {out, sourceDateEpoch: options.sourceDateEpoch, bleed, cacheFolder}

  const run: Run = {cwd, out, shared, cache, renderer, renderOptions, emit}
  const buildOne = async (index: number) => {
    results[index] = await buildPublication(plans[index]!, run)
  }

  let browserStarted = false
  try {
    let next = 0
    await Promise.all(
      Array.from({length: jobs}, async () => {
        while (next < plans.length && !hooks.signal?.aborted) await buildOne(next++)
      })
    )
  } finally {
    const pool = starting
      ? (
          await starting.then(
            (started) => started,
            () => undefined
          )
        )?.pool
      : undefined
    // Asked before closing: an HTML-only build loads the pipeline but starts no browser.
    browserStarted = pool?.browserStarted ?? false
    if (pool !== hooks.pool) await pool?.close()
    if (renderer) await writeCache(out, cache)
  }
  const finished = results.filter(Boolean)
  const ok = finished.length === plans.length && finished.every((result) => result.ok)
  const elsewhere = found.manuscripts.length + found.collections.length - plans.length
  return {results: finished, ok, browserStarted, elsewhere}
}

/** Collections first: the longest jobs, started early, leave no long tail. */
async function planAll(
  found: Publications,
  wanted: readonly Format[],
  freshness: Freshness,
  cwd: string
): Promise<Plan[]> {
  return Promise.all([
    ...found.collections.map(async (source): Promise<Plan> => {
      const collection = await planCollection(source, wanted, freshness, cwd)
      return {kind: 'collection', publication: source, collection, stale: collection.stale}
    }),
    ...found.manuscripts.map(async (manuscript): Promise<Plan> => {
      const text = await hashText(manuscript)
      const stale = await staleFormats(freshness, manuscript, wanted, text)
      return {kind: 'manuscript', publication: manuscript, text, stale}
    })
  ])
}

/** What every publication of a run is built with. */
interface Run {
  cwd: string
  out: string
  shared: string
  /** The cache's records, updated as outputs are written. */
  cache: Cache
  renderer: Promise<Renderer> | undefined
  renderOptions: RenderOptions
  emit: (event: BuildEvent) => void
}

/** Builds what is out of date of one publication; its failure is its own (a message on its file). */
async function buildPublication(plan: Plan, run: Run): Promise<ManuscriptResult> {
  const start = performance.now()
  const {publication, kind} = plan
  const result: ManuscriptResult = {
    manuscript: publication,
    kind,
    file: undefined,
    outputs: [],
    ok: true,
    skipped: plan.stale.length === 0,
    sizes: {},
    milliseconds: 0
  }
  if (result.skipped) {
    run.emit({type: 'skipped', result})
    return result
  }
  run.emit({type: 'started', manuscript: publication, kind})
  const file = plan.kind === 'collection' ? plan.collection.read.file : await readManuscript(plan.publication, run.cwd)
  result.file = file
  try {
    if (!run.renderer) throw new Error('No renderer was started')
    const {cwd, out, shared, renderOptions} = run
    const built =
      plan.kind === 'collection'
        ? await buildCollection(plan.collection, await run.renderer, {...renderOptions, cwd, shared})
        : await renderManuscript(plan, file, await run.renderer, renderOptions, shared)
    for (const written of built.written) {
      result.outputs.push(path.relative(cwd, written.path))
      if (written.path === path.join(out, outputPath(publication.slug, written.format)))
        result.sizes[written.format] = written.bytes
    }
    if (built.listing) result.outputs.push(path.relative(cwd, built.listing))
    Object.assign(run.cache, built.records)
    result.pages = built.pages
  } catch (error) {
    fail(file, `Could not build: ${error instanceof Error ? error.message : String(error)}`, undefined, 'build')
  }
  result.ok = !hasErrors(file)
  result.milliseconds = performance.now() - start
  run.emit({type: 'finished', result})
  return result
}

/** One manuscript's formats, rendered; the messages go on `file`. */
async function renderManuscript(
  plan: {publication: Manuscript; text: string; stale: Format[]},
  file: VFile,
  renderer: Renderer,
  options: RenderOptions,
  shared: string
): Promise<Built> {
  const rendered = await renderer.render(plan.publication, file, plan.stale, options)
  const records: Record<string, CacheRecord> = {}
  for (const {format} of rendered?.written ?? []) {
    records[outputPath(plan.publication.slug, format)] = {
      inputs: inputsOf(format, shared, plan.text, rendered!.assets.hash),
      assets: rendered!.assets.files
    }
  }
  return {written: rendered?.written ?? [], pages: rendered?.pages, records}
}

/**
 * The pipeline and the browser, loaded when the first document is to be built. The browser is launched
 * first and its tabs readied while the pipeline loads: Chromium starts in its own processes meanwhile.
 * `pool`: a browser kept between builds, or how many tabs this build's own may open.
 */
async function startRenderer(
  template: string,
  fonts: string,
  wanted: readonly Format[],
  pool: BrowserPool | number,
  settings: RendererSettings
): Promise<{renderer: Renderer; pool: BrowserPool}> {
  const needsBrowser = wanted.includes('pdf') || wanted.includes('epub')
  const browsers =
    typeof pool === 'number' ? new (await import('../outputs/pdf/pool.js')).BrowserPool({tabs: pool}) : pool
  // Not awaited until a document needs it; a failed launch is reported there.
  if (needsBrowser) browsers.start().catch(() => undefined)
  try {
    const {Renderer} = await import('./render.js')
    return {renderer: await Renderer.create(template, fonts, browsers, settings), pool: browsers}
  } catch (error) {
    // A template that does not load: the browser started for it is not left running.
    if (browsers !== pool) await browsers.close()
    throw error
  }
}

/** What every output shares: the template, the fonts, the options and the code that builds. */
async function sharedFingerprint(
  template: string,
  fonts: string,
  settings: Record<string, unknown>,
  known = new Map<string, Promise<string>>()
): Promise<string> {
  const pkg = await readFile(path.join(projectFolder, 'package.json'), 'utf8').catch(() => '')
  const hash = createHash('sha256')
  for (const folder of [template, fonts, codeFolder]) {
    let folderHash = known.get(folder)
    if (!folderHash) {
      folderHash = filesUnder(folder).then((files) => hashFiles(files, folder))
      known.set(folder, folderHash)
      // A folder that could not be read is read again next time.
      folderHash.catch(() => known.delete(folder))
    }
    hash.update(await folderHash)
  }
  hash.update(
    JSON.stringify({version: JSON.parse(pkg || '{}').version, template: path.basename(template), ...settings})
  )
  return hash.digest('hex')
}
