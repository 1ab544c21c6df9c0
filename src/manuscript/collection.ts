import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Document as YamlDocument} from 'yaml'
import {z} from 'zod'
import {isValidIsoDate} from '../arabic/dates.js'
import {fail, hasErrors} from '../core/messages.js'
import {authorSchema} from './meta.js'
import {manuscriptAt, type Manuscript} from './read.js'
import {describeIssue, firstSentence, rangeOf} from './yaml-issues.js'

/** The file that makes a folder a collection. */
export const collectionFileName = 'collection.yaml'

/**
 * `collection.yaml`: a journal issue or an edited volume made of manuscripts. Each field's description is
 * the reference the README repeats.
 */
export const collectionSchema = z
  .object({
    title: z.string().min(1).describe('the collection’s title'),
    subtitle: z.string().min(1).optional().describe('a second line under the title'),
    shortTitle: z.string().min(1).optional().describe('the collection’s name in the running heads'),
    series: z.string().min(1).optional().describe('the kind, printed on the cover: مجلة، كتاب …'),
    volume: z.number().int().positive().optional().describe('the volume number'),
    number: z.number().int().positive().optional().describe('the issue number within the volume'),
    date: z
      .string()
      .refine(isValidIsoDate, {message: 'must be a calendar date written YYYY-MM-DD'})
      .describe('publication date, YYYY-MM-DD'),
    editors: z.array(authorSchema).default([]).describe('a list of names, or of {name, role}'),
    lang: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag such as ar or en')
      .default('ar')
      .describe('the language of the collection’s own pages'),
    digits: z
      .enum(['latin', 'arabic-indic'])
      .default('latin')
      .describe('digits of the collection’s pages, its contents and folios'),
    pageSize: z
      .enum(['A4', 'A5', 'B5', 'Letter'])
      .optional()
      .describe('the printed page size of every paper in it (default: the template’s)'),
    papers: z
      .array(z.string().min(1))
      .min(1)
      .describe('manuscript folders or .md files, relative to the yaml, in the order printed')
  })
  .strict()

export type CollectionInput = z.input<typeof collectionSchema>
/** A collection's own front matter: everything in its yaml but the list of papers. */
export type CollectionMeta = Omit<z.output<typeof collectionSchema>, 'papers'>

/** A collection found on disk, before its yaml is read. */
export interface CollectionSource {
  /** The name its outputs are called by: the folder holding `collection.yaml`. */
  slug: string
  /** `collection.yaml`. */
  path: string
  folder: string
}

export function collectionAt(yamlPath: string): CollectionSource {
  const absolute = path.resolve(yamlPath)
  const folder = path.dirname(absolute)
  return {slug: path.basename(folder), path: absolute, folder}
}

interface Point {
  line: number
  column: number
}

/** `collection.yaml` read and checked; nothing of its papers but where they are. */
export interface CollectionRead {
  /** The yaml, with every problem found as a message at its place. */
  file: VFile
  /** Undefined when the yaml has an error. */
  meta?: CollectionMeta | undefined
  /** The papers, in the order listed (those found). */
  papers: Manuscript[]
  /** Where each of `papers` is listed in the yaml. */
  places: Point[]
}

declare module 'vfile' {
  interface DataMap {
    /** On a collection's file: its papers' own files, with their messages (set by createCollection). */
    papers: VFile[]
  }
}

/**
 * Reads `collection.yaml`: every problem (invalid YAML, an unknown key, a wrong value, a paper missing or
 * listed twice) is an error on the file, placed at the key, value or list item at fault.
 */
export async function readCollection(source: CollectionSource, cwd = process.cwd()): Promise<CollectionRead> {
  const file = new VFile({path: path.relative(cwd, source.path) || source.path, cwd})
  const read: CollectionRead = {file, papers: [], places: []}
  try {
    file.value = await readFile(source.path, 'utf8')
  } catch (error) {
    fail(file, `Could not read ${collectionFileName}: ${(error as Error).message}`, {line: 1, column: 1}, 'collection')
    return read
  }
  const lineCounter = new LineCounter()
  const yaml = parseDocument(String(file.value), {lineCounter, prettyErrors: false, uniqueKeys: true})
  const placeOf = (offset: number): Point => {
    const {line, col} = lineCounter.linePos(offset)
    return {line, column: col}
  }
  for (const error of yaml.errors)
    fail(
      file,
      `${collectionFileName} is not valid YAML: ${firstSentence(error.message)}`,
      placeOf(error.pos[0]),
      'collection-yaml'
    )
  if (yaml.errors.length > 0) return read
  if (!isMap(yaml.contents)) {
    fail(file, `${collectionFileName} must be a list of \`key: value\` lines`, {line: 1, column: 1}, 'collection-shape')
    return read
  }
  const meta = checkSchema(yaml, file, placeOf)
  await findPapers(yaml, source.folder, read, placeOf)
  // In the order of the file, as the author reads it.
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
  if (!hasErrors(file)) read.meta = meta
  return read
}

/** The yaml against the schema: one message per problem, at the key or value concerned. */
function checkSchema(yaml: YamlDocument, file: VFile, placeOf: (offset: number) => Point): CollectionMeta | undefined {
  const data: unknown = yaml.toJS()
  const result = collectionSchema.safeParse(data)
  if (result.success) {
    const {papers: _, ...meta} = result.data
    return meta
  }
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const offset = keyOffset(yaml, issue.path, key)
        fail(
          file,
          `Unknown key \`${key}\` in ${collectionFileName} (known keys: ${Object.keys(collectionSchema.shape).join(', ')})`,
          offset === undefined ? {line: 1, column: 1} : placeOf(offset),
          'collection-unknown-key'
        )
      }
      continue
    }
    const offset = rangeOf(yaml, issue.path)
    fail(
      file,
      describeIssue(issue, data, collectionFileName),
      offset === undefined ? {line: 1, column: 1} : placeOf(offset),
      'collection-schema'
    )
  }
  return undefined
}

/** Where a key of the mapping at `at` is written. */
function keyOffset(yaml: YamlDocument, at: ReadonlyArray<PropertyKey>, key: string): number | undefined {
  const map = at.length === 0 ? yaml.contents : yaml.getIn(at as Array<string | number>, true)
  if (!isMap(map)) return rangeOf(yaml, at)
  const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key)
  return pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined
}

/**
 * Each paper listed, found on disk: a folder holding `index.md` or a `.md` file, relative to the yaml.
 * Items that are no text are left to the schema's messages.
 */
async function findPapers(
  yaml: YamlDocument,
  folder: string,
  read: CollectionRead,
  placeOf: (offset: number) => Point
): Promise<void> {
  const list = yaml.get('papers', true)
  if (!isSeq(list)) return
  const seen = new Map<string, {written: string; place: Point}>()
  const slugs = new Map<string, {written: string; place: Point}>()
  for (const item of list.items) {
    if (!isScalar(item) || typeof item.value !== 'string' || item.value === '') continue
    const written = item.value
    const place = placeOf(item.range?.[0] ?? 0)
    const manuscript = await paperAt(path.resolve(folder, written))
    if (typeof manuscript === 'string') {
      fail(read.file, `Paper \`${written}\` ${manuscript}`, place, 'collection-paper-missing')
      continue
    }
    const first = seen.get(manuscript.path)
    if (first) {
      fail(
        read.file,
        `Paper \`${written}\` is listed twice: it is \`${first.written}\` (line ${first.place.line}); list each paper once`,
        place,
        'collection-paper-twice'
      )
      continue
    }
    const namesake = slugs.get(manuscript.slug)
    if (namesake)
      fail(
        read.file,
        `Papers \`${namesake.written}\` (line ${namesake.place.line}) and \`${written}\` are both called \`${manuscript.slug}\`: their offprints would overwrite each other; rename one`,
        place,
        'collection-paper-slug'
      )
    seen.set(manuscript.path, {written, place})
    slugs.set(manuscript.slug, {written, place})
    read.papers.push(manuscript)
    read.places.push(place)
  }
}

/** The manuscript at a path, or why there is none (the end of a sentence starting with the paper). */
async function paperAt(target: string): Promise<Manuscript | string> {
  const info = await stat(target).catch(() => undefined)
  if (!info) return 'not found: no such file or folder (papers are written relative to the collection.yaml)'
  if (info.isFile())
    return target.endsWith('.md') ? manuscriptAt(target) : 'is not a manuscript: a paper is a .md file or a folder'
  const index = path.join(target, 'index.md')
  if ((await stat(index).catch(() => undefined))?.isFile()) return manuscriptAt(index)
  return 'is not a manuscript: its folder holds no index.md'
}
