import {stat, readFile} from 'node:fs/promises'
import path from 'node:path'
import type {Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {writeFolderAtomically} from '../run/write.js'
import {fail, hasErrors} from '../core/messages.js'
import {readDocx, type Docx} from './docx/read.js'
import {toManuscript} from './markdown.js'
import {recognise} from './recognise.js'
import {slugFor} from './slug.js'

export interface ImportOptions {
  /** The Word files to import. */
  files: string[]
  /** The folder manuscripts go into (default `manuscript`). */
  out?: string
  /** The manuscript's slug, instead of one made from the title (one file only). */
  slug?: string
  /** Replace a manuscript of the same slug. */
  force?: boolean
  quiet?: boolean
  json?: boolean
}

export interface ImportResult {
  /** The Word file, with every message about it. */
  file: VFile
  ok: boolean
  /** The folder written (`manuscript/<slug>`), when one was. */
  manuscript?: string
  counts?: Docx['counts']
  frontMatter?: Record<string, unknown>
}

/** A larger file is refused before it is read. */
const maximumFileBytes = 128 * 2 ** 20

/** Imports each file in turn; one that fails leaves the others alone. Prints nothing. */
export async function importFiles(options: Readonly<ImportOptions>): Promise<ImportResult[]> {
  const results: ImportResult[] = []
  for (const name of options.files) results.push(await importFile(name, options))
  return results
}

async function importFile(name: string, options: Readonly<ImportOptions>): Promise<ImportResult> {
  const file = new VFile({path: name})
  const bytes = await readInput(name, file)
  const docx = bytes && (await readDocx(bytes, file))
  if (!docx || hasErrors(file)) return {file, ok: false}
  const {tree, frontMatter} = recognise(docx.tree, file, docx.core)
  if (frontMatter.numbering === undefined && docx.headingNumbering)
    frontMatter.numbering = docx.headingNumbering === 'ordinalText' ? 'ordinal' : 'decimal'
  const slug = options.slug ?? slugFor(typeof frontMatter.title === 'string' ? frontMatter.title : undefined, name)
  if (!slug || slug !== path.basename(slug) || slug.startsWith('.')) {
    fail(file, `\`${slug}\` cannot be a slug: one folder name, not starting with a dot`, undefined, 'import-slug')
    return {file, ok: false}
  }
  const target = path.join(options.out ?? 'manuscript', slug)
  if (!options.force && (await exists(target))) {
    fail(
      file,
      `\`${target}\` exists already: choose another --slug, or --force to replace it`,
      undefined,
      'import-exists'
    )
    return {file, ok: false}
  }
  const files = new Map<string, Uint8Array | string>([['index.md', toManuscript(tree, frontMatter)], ...docx.media])
  try {
    await writeFolderAtomically(target, files)
  } catch (error) {
    fail(file, `\`${target}\` could not be written: ${(error as Error).message}`, undefined, 'import-write')
    return {file, ok: false}
  }
  return {file, ok: true, manuscript: target, counts: countsOf(tree), frontMatter}
}

/** What the manuscript holds once recognition has had its say (it makes headings and lists of typed text). */
function countsOf(tree: Root): Docx['counts'] {
  const counts: Docx['counts'] = {tables: 0, images: 0, notes: 0, lists: 0, headings: 0}
  visit(tree, (node, _, parent) => {
    if (node.type === 'heading') counts.headings++
    else if (node.type === 'footnoteDefinition') counts.notes++
    else if (node.type === 'image') counts.images++
    else if (node.type === 'table' || (node.type === 'html' && node.value.startsWith('<table>'))) counts.tables++
    else if (node.type === 'list' && parent?.type !== 'listItem') counts.lists++
  })
  return counts
}

async function readInput(name: string, file: VFile): Promise<Uint8Array | undefined> {
  try {
    const info = await stat(name)
    if (!info.isFile()) throw new Error('not a file')
    if (info.size > maximumFileBytes)
      throw new Error(
        `${Math.round(info.size / 2 ** 20)} MB, more than the ${maximumFileBytes / 2 ** 20} MB a Word file may have`
      )
    return await readFile(name)
  } catch (error) {
    fail(
      file,
      `Cannot read this file: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message}`,
      undefined,
      'import-read'
    )
    return undefined
  }
}

async function exists(target: string): Promise<boolean> {
  return stat(target).then(
    () => true,
    () => false
  )
}

export interface Streams {
  stdout: {write(text: string): unknown}
  stderr: {write(text: string): unknown}
}

/** `press import`: imports, prints what it did and every message, and returns the exit status. */
export async function runImport(options: Readonly<ImportOptions>, streams: Streams = process): Promise<number> {
  const results = await importFiles(options)
  const report = reporter(
    results.map((result) => result.file),
    {quiet: true, silent: options.quiet === true || options.json === true}
  )
  if (report) streams.stderr.write(`${report}\n`)
  if (options.json) streams.stdout.write(`${JSON.stringify(results.map(toJson), null, 2)}\n`)
  else if (!options.quiet) for (const result of results) if (result.ok) streams.stdout.write(`${summary(result)}\n`)
  return results.length > 0 && results.every((result) => result.ok) ? 0 : 1
}

function summary(result: ImportResult): string {
  const counts = result.counts!
  const parts = [
    [counts.headings, 'heading', 'headings'],
    [counts.notes, 'note', 'notes'],
    [counts.tables, 'table', 'tables'],
    [counts.images, 'image', 'images'],
    [counts.lists, 'list', 'lists']
  ].map(([count, one, many]) => `${count} ${count === 1 ? one : many}`)
  const keys = Object.keys(result.frontMatter ?? {})
  return `${result.file.path} → ${path.join(result.manuscript!, 'index.md')}: ${parts.join(', ')}; front matter: ${keys.join(', ') || '(none)'}`
}

function toJson(result: ImportResult) {
  return {
    file: result.file.path,
    ok: result.ok,
    manuscript: result.manuscript,
    counts: result.counts,
    frontMatter: result.frontMatter,
    messages: result.file.messages.map((message) => ({
      reason: message.reason,
      ruleId: message.ruleId,
      fatal: message.fatal === true
    }))
  }
}
