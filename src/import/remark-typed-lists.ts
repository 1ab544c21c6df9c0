import type {List, ListItem, Paragraph, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {dropLeadingCharacters, note} from './paragraph.js'
import {typedNumber, type TypedNumber} from './typed-numbers.js'

interface Item {
  paragraph: Paragraph
  number: TypedNumber
}

/**
 * Numbering typed by hand ("1-", "١)", "(2)", «•» at the start of consecutive paragraphs) as Markdown
 * lists: ordered when the numbers follow each other (from any start: a list interrupted by a paragraph
 * goes on), bulleted for bullets. Letters («أ-», «ب-») stay as typed, with a warning: the build's lists
 * have no abjad markers.
 */
export default function remarkTypedLists() {
  return function (tree: Root, file: VFile): undefined {
    const blocks: RootContent[] = []
    let run: Item[] = []
    let last = 0
    const flush = () => {
      if (run.length > 0) last = emit(run, blocks, last, file)
      run = []
    }
    for (const block of tree.children) {
      const number = block.type === 'paragraph' ? typedNumber(toString(block)) : undefined
      if (block.type === 'paragraph' && number && continues(run, number, last)) run.push({paragraph: block, number})
      else {
        flush()
        if (block.type === 'paragraph' && number && continues(run, number, last)) run.push({paragraph: block, number})
        else {
          if (block.type === 'heading') last = 0
          blocks.push(block)
        }
      }
    }
    flush()
    tree.children = blocks
  }
}

/** Whether an item goes on the run: the same kind of marker, and for numbers the next one. */
function continues(run: readonly Item[], number: TypedNumber, last: number): boolean {
  const previous = run.at(-1)?.number
  if (!previous)
    return (
      number.kind === 'bullet' ||
      number.kind === 'abjad' ||
      (number.kind === 'decimal' &&
        number.value.length === 1 &&
        (number.value[0] === 1 || number.value[0] === last + 1))
    )
  if (previous.kind !== number.kind) return false
  if (number.kind === 'decimal' && previous.kind === 'decimal')
    return number.value.length === 1 && number.value[0] === previous.value[0]! + 1
  if (number.kind === 'abjad' && previous.kind === 'abjad') return number.value === previous.value + 1
  return true
}

/** The run as a list (or as typed), and the last number of the numbered list it ends. */
function emit(run: readonly Item[], blocks: RootContent[], last: number, file: VFile): number {
  const first = run[0]!.number
  const alone = run.length === 1 && !(first.kind === 'decimal' && first.value[0] === last + 1 && last > 0)
  if (alone || first.kind === 'abjad') {
    if (first.kind === 'abjad' && run.length > 1)
      note(
        file,
        run[0]!.paragraph,
        `${run.length} paragraphs lettered «أ، ب، ج…» by hand: kept as typed, the build's lists have no abjad markers`,
        'import-list-abjad'
      )
    blocks.push(...run.map((item) => item.paragraph))
    return first.kind === 'decimal' ? first.value[0]! : 0
  }
  const ordered = first.kind === 'decimal'
  const start = ordered ? first.value[0]! : undefined
  const digits =
    first.kind === 'decimal' && first.digits === 'arabic-indic'
      ? ' (typed with Arabic-Indic digits: the build prints the numbers in the document’s digits)'
      : ''
  note(
    file,
    run[0]!.paragraph,
    `${run.length} paragraphs ${ordered ? 'numbered' : 'bulleted'} by hand, made a list${start !== undefined && start !== 1 ? ` going on from ${start}` : ''}${digits}`,
    'import-list'
  )
  const list: List = {type: 'list', ordered, spread: false, children: run.map(itemOf)}
  if (start !== undefined && start !== 1) list.start = start
  blocks.push(list)
  return ordered ? start! + run.length - 1 : 0
}

function itemOf(item: Item): ListItem {
  dropLeadingCharacters(item.paragraph.children, item.number.length)
  return {type: 'listItem', spread: false, children: [item.paragraph]}
}
