import type {BrandData} from '../brand/brand.js'
import {foldedWords} from '../arabic/fold.js'

/** A text the template prints by itself, so that a manuscript must not repeat it. */
export interface BoilerplateText {
  /** What it is, for messages: 'the rights notice', 'the centre’s description'… */
  what: string
  words: string[]
}

/**
 * The template's own words, read from its brand data: the centre's names, rights notice, disclaimer,
 * description and contacts (each alone, and with its label as a back page may print it).
 */
export function boilerplateTexts(brand: BrandData): BoilerplateText[] {
  const texts: Array<[string, string]> = [
    ['the centre’s name', brand.name.ar],
    ['the centre’s name', brand.name.en],
    ['the centre’s short name', brand.name.short],
    ['the rights notice', brand.rights.notice],
    ['the disclaimer', brand.rights.disclaimer],
    ['the rights notice and disclaimer', `${brand.rights.notice} ${brand.rights.disclaimer}`],
    ['the centre’s description', brand.description]
  ]
  for (const contact of brand.contacts) {
    texts.push(
      [`the centre’s contact (${contact.label})`, contact.text],
      [`the centre’s contact (${contact.label})`, `${contact.label} ${contact.text}`]
    )
  }
  return texts.map(([what, text]) => ({what, words: foldedWords(text)})).filter((text) => text.words.length > 0)
}

/**
 * Similarity of two texts as the Sørensen–Dice coefficient of their folded words: 1 for the same words,
 * 0 for none in common. Words rather than letters, so that a paper's sentence that names the centre
 * («باحثة في مركز حمورابي …») stays well below its name alone.
 */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  const counts = new Map<string, number>()
  for (const word of b) counts.set(word, (counts.get(word) ?? 0) + 1)
  let common = 0
  for (const word of a) {
    const left = counts.get(word) ?? 0
    if (left > 0) {
      common++
      counts.set(word, left - 1)
    }
  }
  return (2 * common) / (a.length + b.length)
}

/** The share of `part`'s words that `whole` has. */
export function containment(part: readonly string[], whole: readonly string[]): number {
  const words = new Set(whole)
  return part.length === 0 ? 0 : part.filter((word) => words.has(word)).length / part.length
}

export interface BoilerplateMatch {
  /** How many consecutive blocks, from the one asked about, the text spans. */
  blocks: number
  text: BoilerplateText
  score: number
}

/**
 * Whether the blocks from `start` on are one of the template's texts: the block alone, or else the
 * text split over up to `maximumBlocks` paragraphs (Word users break a notice into lines), the longest
 * run whose words are at least `threshold` similar to a text, each of its blocks belonging to that text.
 */
export function matchBoilerplate(
  blocks: ReadonlyArray<readonly string[]>,
  start: number,
  texts: readonly BoilerplateText[],
  threshold: number,
  maximumBlocks = 3
): BoilerplateMatch | undefined {
  // A block that is a text by itself is reported as that text, not as the start of a longer one.
  const counts = [
    1,
    ...Array.from(
      {length: Math.min(maximumBlocks, blocks.length - start) - 1},
      (_, index) => Math.min(maximumBlocks, blocks.length - start) - index
    )
  ]
  for (const count of counts) {
    const run = blocks.slice(start, start + count)
    const words = run.flat()
    let best: BoilerplateMatch | undefined
    for (const text of texts) {
      const score = similarity(words, text.words)
      if (score < threshold || (best && best.score >= score)) continue
      if (run.every((block) => block.length > 0 && containment(block, text.words) >= threshold))
        best = {blocks: count, text, score}
    }
    if (best) return best
  }
  return undefined
}
