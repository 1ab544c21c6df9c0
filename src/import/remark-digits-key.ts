import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {importedMeta, note} from './paragraph.js'

export interface Options {
  /** The share of a text's digits that must be Arabic-Indic (or Persian) for `digits: arabic-indic` (default 0.8). */
  share?: number | null | undefined
  /** Fewer digits than this say nothing (default 5). */
  minimum?: number | null | undefined
}

const emptyOptions: Readonly<Options> = {}

/**
 * `digits: arabic-indic` for a paper typed with Arabic-Indic digits: the text keeps the digits as typed
 * either way, but the build prints the list numbers, section numbers, page numbers and date in the
 * digits the front matter names.
 */
export default function remarkDigitsKey(options?: Readonly<Options> | null) {
  const settings = options ?? emptyOptions
  const share = settings.share ?? 0.8
  const minimum = settings.minimum ?? 5

  return function (tree: Root, file: VFile): undefined {
    const text = toString(tree)
    const eastern = text.match(/[\u0660-\u0669\u06F0-\u06F9]/gu)?.length ?? 0
    const all = eastern + (text.match(/[0-9]/g)?.length ?? 0)
    if (all < minimum || eastern / all < share) return
    importedMeta(file).digits = 'arabic-indic'
    note(
      file,
      undefined,
      `\`digits: arabic-indic\`: ${eastern} of the text's ${all} digits are Arabic-Indic`,
      'import-digits'
    )
  }
}
