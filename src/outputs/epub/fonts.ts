import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import subsetFont from 'subset-font'
import type {Brand} from '../../brand/brand.js'

/**
 * The Arabic blocks are kept whole: shaping joins, ligatures and marks through glyphs that no character
 * of the text names, so a font cut down to the characters used would shape differently in some reader.
 * Latin and the rest are cut to what the book uses.
 */
const arabicBlocks: Array<[number, number]> = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x08a0, 0x08ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff]
]

const always = '0123456789.,:;!?()[]«»"\'-–— \u00a0%/'

export interface EmbeddedFont {
  /** The file name inside the e-book. */
  filename: string
  /** Where the packager reads it from. */
  url: string
}

/** Subsets every font of the brand to the book's text, as WOFF2 files in `folder`. */
export async function subsetFonts(brand: Brand, text: string, folder: string): Promise<{fonts: EmbeddedFont[]; fileName: (file: string) => string}> {
  let characters = always + text
  for (const [first, last] of arabicBlocks) {
    for (let code = first; code <= last; code++) characters += String.fromCodePoint(code)
  }
  const unique = [...new Set(characters)].join('')
  const fileName = (file: string) => `${path.basename(file, path.extname(file))}.woff2`
  const fonts: EmbeddedFont[] = []
  for (const file of new Set(brand.data.fonts.map((font) => font.file))) {
    const subset = await subsetFont(await readFile(path.join(brand.fontsFolder, file)), unique, {targetFormat: 'woff2'})
    const target = path.join(folder, fileName(file))
    await writeFile(target, subset)
    fonts.push({filename: fileName(file), url: pathToFileURL(target).href})
  }
  return {fonts, fileName}
}
