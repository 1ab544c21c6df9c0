import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {VFile} from 'vfile'
import {resolveBuildOptions, type BuildInput, type BuildOptions} from '../config/options.js'
import {projectFolder} from '../config/project.js'
import {readManuscript, type Manuscript} from '../manuscript/read.js'
import {fail, hasErrors} from '../core/messages.js'
import {readCache, writeCache} from './cache.js'
import {discoverManuscripts} from './discover.js'
import {exists, filesUnder, hashFiles, hashRecordedAssets, hashText} from './fingerprint.js'
import {outputPath, type Format} from '../config/formats.js'
import {inShard} from '../config/shard.js'
import {removeLeftovers} from './write.js'
import type {BrowserPool} from '../outputs/pdf/pool.js'
import type {Renderer, RendererSettings} from './render.js'

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

export type BuildEvent =
  | {type: 'planned'; manuscripts: Manuscript[]}
  | {type: 'skipped'; result: ManuscriptResult}
  | {type: 'started'; manuscript: Manuscript}
  | {type: 'finished'; result: ManuscriptResult}

export interface ManuscriptResult {
  manuscript: Manuscript
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
  /** Manuscripts found that belong to other shards (see `--shard`), not built by this run. */
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

/** `build` with its options already resolved (as the command line does, to report wrong values first). */
export async function buildWith(options: BuildOptions, hooks: BuildHooks = {}): Promise<BuildResult> {
  const {cwd, out, template, fonts, bleed, formats: wanted} = options
  const emit = hooks.onEvent ?? (() => undefined)
  const found = await discoverManuscripts(options.paths)
  const manuscripts = found.filter((manuscript) => inShard(manuscript.slug, options.shard))
  emit({type: 'planned', manuscripts})

  await removeLeftovers(out)
  const shared = await sharedFingerprint(
    template,
    fonts,
    {bleed, sourceDateEpoch: options.sourceDateEpoch ?? null},
    hooks.folderHashes
  )
  const cache = await readCache(out)
  let starting: Promise<{renderer: Renderer; pool: BrowserPool}> | undefined
  let renderer: Promise<Renderer> | undefined
  const results: ManuscriptResult[] = new Array(manuscripts.length)

  // What is out of date, first: the browser is started only if something is, with no more tabs than needed.
  const plans = await Promise.all(
    manuscripts.map(async (manuscript) => {
      const text = await hashText(manuscript)
      const stale: Format[] = []
      for (const format of wanted) {
        const key = outputPath(manuscript.slug, format)
        const record = cache[key]
        const assets = record && (await hashRecordedAssets(manuscript.folder, record.assets))
        const fresh =
          record !== undefined && assets !== undefined && record.inputs === inputsOf(format, shared, text, assets)
        if (options.force || !fresh || !(await exists(path.join(out, key)))) stale.push(format)
      }
      return {manuscript, text, stale}
    })
  )
  const staleCount = plans.filter((plan) => plan.stale.length > 0).length
  const jobs = Math.max(1, Math.min(options.jobs, staleCount))
  if (staleCount > 0) {
    starting = startRenderer(template, fonts, wanted, hooks.pool ?? tabsFor(jobs), {timeout: options.timeout * 1000})
    renderer = starting.then((started) => started.renderer)
    // Awaited by the first document; until then a failure is not unhandled.
    renderer.catch(() => undefined)
  }

  const buildOne = async (index: number) => {
    const {manuscript, text, stale} = plans[index]!
    const start = performance.now()
    if (stale.length === 0) {
      const result: ManuscriptResult = {
        manuscript,
        file: undefined,
        outputs: [],
        ok: true,
        skipped: true,
        sizes: {},
        milliseconds: 0
      }
      results[index] = result
      emit({type: 'skipped', result})
      return
    }

    emit({type: 'started', manuscript})
    const file = await readManuscript(manuscript, cwd)
    const result: ManuscriptResult = {
      manuscript,
      file,
      outputs: [],
      ok: false,
      skipped: false,
      sizes: {},
      milliseconds: 0
    }
    try {
      if (!renderer) throw new Error('No renderer was started')
      const rendered = await (await renderer).render(manuscript, file, stale, {
        out,
        sourceDateEpoch: options.sourceDateEpoch,
        bleed,
        cacheFolder
      })
      for (const written of rendered?.written ?? []) {
        result.outputs.push(path.relative(cwd, written.path))
        result.sizes[written.format] = written.bytes
        const {hash, files} = rendered!.assets
        cache[outputPath(manuscript.slug, written.format)] = {
          inputs: inputsOf(written.format, shared, text, hash),
          assets: files
        }
      }
      result.pages = rendered?.pages
    } catch (error) {
      fail(file, `Could not build: ${error instanceof Error ? error.message : String(error)}`, undefined, 'build')
    }
    result.ok = !hasErrors(file)
    result.milliseconds = performance.now() - start
    results[index] = result
    emit({type: 'finished', result})
  }

  let browserStarted = false
  try {
    let next = 0
    await Promise.all(
      Array.from({length: jobs}, async () => {
        while (next < manuscripts.length && !hooks.signal?.aborted) await buildOne(next++)
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
  const ok = finished.length === manuscripts.length && finished.every((result) => result.ok)
  return {results: finished, ok, browserStarted, elsewhere: found.length - manuscripts.length}
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

/** What one output is made of: what every output shares, the manuscript's text and the assets it showed. */
function inputsOf(format: Format, shared: string, text: string, assets: string): string {
  return `${format}:${createHash('sha256').update(shared).update(text).update(assets).digest('hex')}`
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
