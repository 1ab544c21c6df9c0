import type {Root} from 'hast'
import type {Direction} from '../../arabic/direction.js'
import {applyDirection} from '../../arabic/direction-tree.js'
import type {Digits} from '../../arabic/digits.js'

export interface Options {
  /** The publication's direction (default: `'rtl'`). */
  direction?: Direction | null | undefined
  /**
   * The digits the text will be printed with (default: `'latin'`). Arabic-Indic numbers are right-to-left
   * numbers: their signs stay where the Arabic text puts them, so they are not isolated.
   */
  digits?: Digits | null | undefined
}

const emptyOptions: Readonly<Options> = {}

/**
 * Directions of mixed text, decided once in the document's tree for every output: blocks whose letters
 * are all of the other direction get their own `dir`; left-to-right phrases and signed numbers inside
 * right-to-left text are isolated whole (see `applyDirection`).
 *
 * Run before `rehype-digits`: the phrases it marks `dir="ltr"` keep their Latin digits (`COVID-19`).
 */
export default function rehypeDirection(options?: Readonly<Options> | null) {
  const settings = options || emptyOptions
  const direction = settings.direction || 'rtl'
  const numbers = (settings.digits || 'latin') === 'latin'

  return function (tree: Root): undefined {
    applyDirection(tree, direction, {numbers})
  }
}
