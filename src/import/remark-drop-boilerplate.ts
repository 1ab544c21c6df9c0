import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {foldedWords} from '../arabic/fold.js'
import {matchBoilerplate, type BoilerplateText} from './boilerplate.js'
import {note} from './paragraph.js'

export interface Options {
  /** The template's own texts (`boilerplateTexts(brand)`). */
  texts: readonly BoilerplateText[]
  /** How similar (0–1, Dice coefficient of folded words) a paragraph must be to be taken for one (default 0.9). */
  threshold?: number | null | undefined
}

/**
 * Drop the centre's boilerplate that the template prints (rights notice, disclaimer, description,
 * contacts, the centre's name on the cover), with a warning each: printed twice otherwise.
 */
export default function remarkDropBoilerplate(options: Readonly<Options>) {
  const texts = options.texts
  const threshold = options.threshold ?? 0.9

  return function (tree: Root, file: VFile): undefined {
    const words = tree.children.map((block) => (isText(block) ? foldedWords(toString(block)) : []))
    const kept: RootContent[] = []
    for (let index = 0; index < tree.children.length; index++) {
      const block = tree.children[index]!
      const match = isText(block) ? matchBoilerplate(words, index, texts, threshold) : undefined
      if (!match) {
        kept.push(block)
        continue
      }
      note(
        file,
        block,
        `${match.text.what}, which the template prints, dropped${match.blocks > 1 ? ` (with the ${match.blocks - 1} paragraph${match.blocks > 2 ? 's' : ''} after it)` : ''}`,
        'import-boilerplate'
      )
      index += match.blocks - 1
    }
    tree.children = kept
  }
}

function isText(block: RootContent): boolean {
  return block.type === 'paragraph' || block.type === 'heading'
}
