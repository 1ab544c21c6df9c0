import {createHash} from 'node:crypto'
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Brand} from '../../brand/brand.js'

/**
 * What every e-book keeps of every font: the Arabic blocks whole (shaping joins, ligatures and marks
 * through glyphs no character of the text names, so a font cut to the characters used would shape
 * differently in some reader), Latin letters with their accents, and punctuation. A book that uses a
 * character beyond these gets it too. Being the same for every book, a subset is made once and reused.
 */
const kept: Array<[number, number]> = [
  [0x0020, 0x007e],
  [0x00a0, 0x00ff],
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x08a0, 0x08ff],
  [0x2000, 0x206f],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff]
]

const isKept = (code: number) => kept.some(([first, last]) => code >= first && code <= last)

export interface EmbeddedFont {
  /** The file name inside the e-book. */
  filename: string
  /** Where the packager reads it from. */
  url: string
}

export interface SubsetOptions {
  /** A folder where subsets are kept between builds. */
  cacheFolder?: string | undefined
}

/** Subsets made in this process, by font content and characters: a batch subsets each font once. */
const madeHere = new Map<string, Promise<Uint8Array>>()

/** Each font file's digest, read once per brand: a batch does not read and hash the fonts for every book. */
const digests = new WeakMap<Brand, Map<string, Promise<string>>>()

function digestOf(brand: Brand, file: string): Promise<string> {
  let known = digests.get(brand)
  if (!known) digests.set(brand, (known = new Map()))
  let digest = known.get(file)
  if (!digest) {
    digest = readFile(path.join(brand.fontsFolder, file)).then((source) =>
      createHash('sha256').update(source).digest('hex')
    )
    known.set(file, digest)
  }
  return digest
}

/** Every font of the brand as a WOFF2 subset in `folder`, for the book whose text is given. */
export async function subsetFonts(
  brand: Brand,
  text: string,
  folder: string,
  options: SubsetOptions = {}
): Promise<{fonts: EmbeddedFont[]; fileName: (file: string) => string}> {
  let characters = ''
  for (const [first, last] of kept)
    for (let code = first; code <= last; code++) characters += String.fromCodePoint(code)
  const extra = [...new Set(text)]
    .filter((character) => !isKept(character.codePointAt(0)!) && /\S/.test(character))
    .sort()
    .join('')
  characters += extra

  const fileName = (file: string) => `${path.basename(file, path.extname(file))}.woff2`
  const fonts: EmbeddedFont[] = []
  for (const file of new Set(brand.data.fonts.map((font) => font.file))) {
    const key = createHash('sha256')
      .update(await digestOf(brand, file))
      .update('\0')
      .update(extra)
      .digest('hex')
      .slice(0, 24)
    let subset = madeHere.get(key)
    if (!subset) {
      subset = fromCacheOrMake(path.join(brand.fontsFolder, file), characters, key, options.cacheFolder)
      madeHere.set(key, subset)
    }
    const target = path.join(folder, fileName(file))
    await writeFile(target, await subset)
    fonts.push({filename: fileName(file), url: pathToFileURL(target).href})
  }
  return {fonts, fileName}
}

async function fromCacheOrMake(
  fontFile: string,
  characters: string,
  key: string,
  cacheFolder: string | undefined
): Promise<Uint8Array> {
  const cached = cacheFolder ? path.join(cacheFolder, `${key}.woff2`) : undefined
  const hit = cached ? await readFile(cached).catch(() => undefined) : undefined
  if (hit) return hit
  // HarfBuzz, a WebAssembly module, is compiled only when a subset is to be made: once per machine.
  const {default: subsetFont} = await import('subset-font')
  const made = await subsetFont(await readFile(fontFile), characters, {targetFormat: 'woff2'})
  if (cached) {
    // Whole or not at all: another build may be reading the cache at this moment.
    const partial = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.part`
    await mkdir(path.dirname(cached), {recursive: true})
    await writeFile(partial, made)
    await rename(partial, cached)
  }
  return made
}
