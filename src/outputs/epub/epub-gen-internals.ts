import type {Chapter, EPub, Options} from 'epub-gen-memory'
import type {ZipEntry} from './zip.js'

/**
 * Everything the e-book writer takes from epub-gen-memory beyond its public options, in one place: the
 * fields of an `EPub` it sets or reads, and what the library writes into a chapter, as version 1.1.2 has
 * them (pinned to that exact version in package.json). tests/unit/epub-gen-internals.test.ts runs the
 * real library through each of them, so that an upgrade that moves one fails there, by name.
 */
interface Internals {
  /** Written into toc.ncx as the book's identifier; random unless set before `render()`. */
  uuid: string
  /** Filled while the chapters are normalized (in the constructor): one per image they show. */
  images: Array<{id: string; url: string; extension: string | null}>
  /** The chapters, their `content` already rewritten by the library (image sources, escaped text). */
  content: Array<{content: string}>
  /** The JSZip archive that `render()` fills. */
  zip: {files: Record<string, {dir: boolean; async(type: 'uint8array'): Promise<Uint8Array>}>}
}

/**
 * Options with values that only our templates read (templates.ts): the library hands all its options,
 * known or not, to the templates it renders.
 */
export function withTemplateData(options: Options, data: Readonly<Record<string, string>>): Options {
  return {...options, ...data}
}

/** A chapter with the id the package's manifest and spine give it: the library keeps a chapter's own `id`. */
export function withManifestId(chapter: Chapter, id: string): Chapter {
  return {...chapter, id} as Chapter
}

/**
 * A chapter carrying values for the chapter template (a file's own `lang` and `dir`): the library renders
 * each chapter's template with the chapter's own fields, which override its options of the same name.
 */
export function withChapterData(chapter: Chapter, data: Readonly<Record<string, string>>): Chapter {
  return {...chapter, ...data} as Chapter
}

/** Where the library puts an image, as it writes it into the chapters that show it. */
export function imagePath(image: {id: string; extension: string | null}): string {
  return `images/${image.id}.${image.extension}`
}

/** The `alt` the library writes where a chapter's image has an empty one. */
export const placeholderAlt = 'image-placeholder'

/** The fields, after a check that they are there: a library that changed fails here, not in a strange book. */
function internalsOf(epub: EPub): Internals {
  const fields = epub as unknown as Partial<Record<keyof Internals, unknown>>
  const zip = fields.zip as {files?: unknown} | undefined
  const missing = [
    typeof fields.uuid === 'string' ? undefined : '`uuid` (a string)',
    Array.isArray(fields.images) ? undefined : '`images` (an array)',
    Array.isArray(fields.content) &&
    fields.content.every((chapter) => typeof (chapter as {content?: unknown}).content === 'string')
      ? undefined
      : '`content` (an array of chapters with a string `content`)',
    zip && typeof zip.files === 'object' && zip.files !== null ? undefined : '`zip.files` (an object)'
  ].filter(Boolean)
  if (missing.length > 0)
    throw new Error(
      `epub-gen-memory no longer has ${missing.join(', ')} on an EPub: src/outputs/epub/epub-gen-internals.ts relies on it`
    )
  return epub as unknown as Internals
}

/**
 * The library names images with random UUIDs, writes a placeholder where alt text is empty, and
 * serializes every non-ASCII character as a character reference (five times the bytes, and Arabic no
 * one can read in the source): all three undone, and the book's identifier set. Called before `render()`.
 */
export function makeReproducible(epub: EPub, identifier: string): void {
  const internals = internalsOf(epub)
  internals.uuid = identifier
  internals.images.forEach((image, index) => {
    const renamed = {...image, id: `image-${index + 1}`}
    for (const chapter of internals.content)
      chapter.content = chapter.content.replaceAll(imagePath(image), imagePath(renamed))
    image.id = renamed.id
  })
  for (const chapter of internals.content) {
    chapter.content = chapter.content
      .replaceAll(`alt="${placeholderAlt}"`, 'alt=""')
      .replace(/&#x([0-9a-f]+);/gi, (reference, hex: string) => {
        const character = String.fromCodePoint(Number.parseInt(hex, 16))
        return '<>&"\''.includes(character) || Number.parseInt(hex, 16) < 0x20 ? reference : character
      })
  }
}

/** The files the library assembled, once `render()` is done: the archive is written by our own zip. */
export async function renderedEntries(epub: EPub): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = []
  for (const [name, entry] of Object.entries(internalsOf(epub).zip.files)) {
    if (!entry.dir) entries.push({name, data: await entry.async('uint8array')})
  }
  return entries
}
