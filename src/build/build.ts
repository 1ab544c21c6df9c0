import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Browser} from 'puppeteer'
import type {VFile} from 'vfile'
import {loadBrand, type Brand} from '../brand/brand.js'
import type {Document} from '../document/model.js'
import {readManuscript, type Manuscript} from '../manuscript/read.js'
import {createDocument} from '../pipeline/document.js'
import {fail, hasErrors} from '../pipeline/messages.js'
import {renderCover} from '../outputs/epub/cover.js'
import {writeEpub} from '../outputs/epub/epub.js'
import {htmlEdition} from '../outputs/html/edition.js'
import {launchBrowser} from '../outputs/pdf/browser.js'
import {geometryOf} from '../outputs/pdf/geometry.js'
import {postprocessPdf} from '../outputs/pdf/postprocess.js'
import {printHtml, printPdf} from '../outputs/pdf/print.js'
import {discoverManuscripts} from './discover.js'
import {writeAtomically, writeFolderAtomically} from './write.js'

export type Format = 'pdf' | 'epub' | 'html'
export const formats: readonly Format[] = ['pdf', 'epub', 'html']

/** The project's own folder: templates/ and fonts/ are found beside src/ (or lib/ once compiled). */
export const projectFolder = fileURLToPath(new URL('../../', import.meta.url))

export interface BuildOptions {
  /** Manuscript files or folders; default: the `manuscript/` folder. */
  paths?: string[]
  /** Where outputs go; default `dist/`. */
  out?: string
  formats?: readonly Format[]
  /** The template folder's name under `templates/`. */
  template?: string
  cwd?: string
  /** Millimetres of bleed around each printed page, with crop marks (0: none). */
  bleed?: number | undefined
  /** Seconds since 1970 used for every date written into outputs (reproducible builds). */
  sourceDateEpoch?: number | undefined
}

export interface ManuscriptResult {
  manuscript: Manuscript
  file: VFile
  /** Paths written, relative to the working folder. */
  outputs: string[]
  ok: boolean
}

export interface BuildResult {
  results: ManuscriptResult[]
  ok: boolean
}

/**
 * Builds every manuscript named, each on its own: one that fails gets its messages and the others are
 * still built. One browser serves the whole run.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd()
  const out = path.resolve(cwd, options.out ?? 'dist')
  const wanted = options.formats ?? ['pdf', 'epub']
  const manuscripts = await discoverManuscripts((options.paths?.length ? options.paths : ['manuscript']).map((given) => path.resolve(cwd, given)))
  const brand = await loadBrand(path.join(projectFolder, 'templates', options.template ?? 'hammurabi'), path.join(projectFolder, 'fonts'))

  let browser: Browser | undefined
  const results: ManuscriptResult[] = []
  try {
    for (const manuscript of manuscripts) {
      const file = await readManuscript(manuscript, cwd)
      const outputs: string[] = []
      try {
        const document = await createDocument(manuscript, file, brand.data.labels)
        if (document) {
          const date = outputDate(document, options.sourceDateEpoch)
          for (const format of wanted) {
            // The PDF is printed by the browser, and the e-book's cover drawn by it.
            browser ??= await launchBrowser()
            const target = await writeFormat(format, document, brand, {out, date, browser, bleed: options.bleed ?? 0})
            outputs.push(path.relative(cwd, target))
          }
        }
      } catch (error) {
        fail(file, `Could not build: ${error instanceof Error ? error.message : String(error)}`, undefined, 'build')
      }
      results.push({manuscript, file, outputs, ok: !hasErrors(file)})
    }
  } finally {
    await browser?.close()
  }
  return {results, ok: results.every((result) => result.ok)}
}

interface WriteContext {
  out: string
  date: Date
  browser: Browser | undefined
  bleed: number
}

async function writeFormat(format: Format, document: Document, brand: Brand, context: WriteContext): Promise<string> {
  const {out, date, browser} = context
  if (format === 'html') {
    const target = path.join(out, document.slug)
    await writeFolderAtomically(target, await htmlEdition(document, brand))
    return path.join(target, 'index.html')
  }
  if (format === 'epub') {
    const target = path.join(out, `${document.slug}.epub`)
    const cover = await renderCover(browser!, document, brand)
    await writeAtomically(target, await writeEpub(document, brand, {date, cover}))
    return target
  }
  const target = path.join(out, `${document.slug}.pdf`)
  const geometry = geometryOf(document, brand, context.bleed)
  const printed = await printPdf(browser!, printHtml(document, brand, geometry), geometry)
  await writeAtomically(target, await postprocessPdf(printed.pdf, document, {date, creator: 'Hammurabi Press', geometry, layout: printed.layout}))
  return target
}

/** `SOURCE_DATE_EPOCH` when given, else the manuscript's own date: never the time of the build. */
export function outputDate(document: Document, sourceDateEpoch: number | undefined): Date {
  if (sourceDateEpoch !== undefined && Number.isFinite(sourceDateEpoch)) return new Date(sourceDateEpoch * 1000)
  return new Date(`${document.meta.date}T00:00:00Z`)
}
