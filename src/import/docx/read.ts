import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {fail} from '../../core/messages.js'
import type {CoreProperties} from '../docx-info.js'
import {readBlocks} from './blocks.js'
import {placeCaptions} from './captions.js'
import {readRelationships, relationshipsOf, type Context, type Part} from './context.js'
import {readNumbering} from './numbering.js'
import {readStyles} from './styles.js'
import {cleanText} from './text.js'
import {element, elements, parseXml, textOf, type XmlElement} from './xml.js'
import {DocxError, defaultZipLimits, readZip, type ZipLimits} from './zip.js'

export interface Docx {
  tree: Root
  /** Images to write beside the manuscript, by their path under it (`media/image-1.png`). */
  media: Map<string, Uint8Array>
  core: CoreProperties
  counts: Context['counts']
  /** The format of the numbers Word puts before headings (`decimal`, `arabicAbjad` …), when it does. */
  headingNumbering?: string
}

const officeDocument = '/officeDocument'

/**
 * A .docx read into mdast. Problems are messages on `file`; a file that cannot be read at all gets an
 * error message and no result.
 */
export async function readDocx(
  bytes: Uint8Array,
  file: VFile,
  limits: Readonly<ZipLimits> = defaultZipLimits
): Promise<Docx | undefined> {
  try {
    return read(await readZip(bytes, limits), file)
  } catch (error) {
    if (!(error instanceof DocxError)) throw error
    fail(file, `Cannot import this file: ${error.message}`, undefined, error.ruleId)
    return undefined
  }
}

function read(entries: Map<string, Buffer>, file: VFile): Docx {
  const xml = (name: string | undefined): XmlElement | undefined => {
    const bytes = name === undefined ? undefined : entries.get(name)
    return bytes && name ? parseXml(decode(bytes), name) : undefined
  }
  const packageRelationships = readRelationships(xml('_rels/.rels'), '')
  const mainName = related(packageRelationships, officeDocument) ?? 'word/document.xml'
  const main = xml(mainName)
  const body = element(main, 'w:body')
  if (!body) throw new DocxError(`not a Word document: \`${mainName}\` with a body is missing`, 'docx-not-word')
  const part: Part = {name: mainName, relationships: readRelationships(xml(relationshipsOf(mainName)), mainName)}
  const notePart = (type: string): Part | undefined => {
    const name = related(part.relationships, `/${type}`)
    return name === undefined ? undefined : {name, relationships: readRelationships(xml(relationshipsOf(name)), name)}
  }
  const noteParts = {footnote: notePart('footnotes'), endnote: notePart('endnotes')}
  const context: Context = {
    file,
    entries,
    styles: readStyles(xml(related(part.relationships, '/styles'))),
    numbering: readNumbering(xml(related(part.relationships, '/numbering'))),
    notes: {
      footnote: notesOf(xml(noteParts.footnote?.name), 'w:footnote'),
      endnote: notesOf(xml(noteParts.endnote?.name), 'w:endnote')
    },
    noteParts,
    definitions: [],
    pendingNotes: [],
    media: new Map(),
    mediaNames: new Map(),
    paragraphs: 0,
    listCounters: new Map(),
    counts: {tables: 0, images: 0, notes: 0, lists: 0, headings: 0}
  }
  const blocks = placeCaptions(readBlocks(body, context, part))
  readNotes(context, part)
  const core = readCore(xml(related(packageRelationships, '/metadata/core-properties') ?? 'docProps/core.xml'))
  return {
    tree: {type: 'root', children: [...blocks, ...context.definitions]},
    media: context.media,
    core,
    counts: context.counts,
    headingNumbering: context.headingNumbering
  }
}

/**
 * The bodies of the notes called, read in call order (a note may call another). A note's paragraphs are
 * counted from 1 within it, so that a message names them as an author finds them.
 */
function readNotes(context: Context, fallback: Part): void {
  const bodyParagraphs = context.paragraphs
  for (let pending = context.pendingNotes.shift(); pending; pending = context.pendingNotes.shift()) {
    const definition = context.definitions.find((candidate) => candidate.identifier === pending!.label)!
    context.note = pending.label
    context.paragraphs = 0
    definition.children = placeCaptions(readBlocks(pending.body, context, context.noteParts[pending.kind] ?? fallback))
    context.counts.notes++
  }
  context.note = undefined
  context.paragraphs = bodyParagraphs
}

function notesOf(root: XmlElement | undefined, name: string): Map<string, XmlElement> {
  const notes = new Map<string, XmlElement>()
  for (const note of elements(root, name)) {
    const type = note.attributes['w:type']
    if (type === undefined || type === 'normal') notes.set(note.attributes['w:id'] ?? '', note)
  }
  return notes
}

function related(relationships: ReturnType<typeof readRelationships>, typeEnding: string): string | undefined {
  for (const [, relationship] of relationships)
    if (relationship.type?.endsWith(typeEnding) && !relationship.external) return relationship.target
  return undefined
}

function readCore(root: XmlElement | undefined): CoreProperties {
  const core: CoreProperties = {}
  const fields = {
    title: 'dc:title',
    subject: 'dc:subject',
    creator: 'dc:creator',
    description: 'dc:description',
    keywords: 'cp:keywords',
    created: 'dcterms:created',
    modified: 'dcterms:modified',
    language: 'dc:language'
  } as const
  for (const [key, name] of Object.entries(fields) as [keyof CoreProperties, string][]) {
    const text = cleanText(textOf(element(root, name))).trim()
    if (text) core[key] = text
  }
  return core
}

/** Word writes UTF-8; UTF-16 parts, which the format allows, start with their byte-order mark. */
function decode(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe
  return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8').decode(bytes)
}
