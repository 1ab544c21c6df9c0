import type {Heading, Root, Text} from 'mdast'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {isValidId, trailingAttributeBlock, type AttributeBlock} from '../attributes.js'
import {warn} from '../../core/messages.js'

/**
 * Sections are `##` headings: the title comes from the front matter and is the only level-1 heading.
 * A `#` heading in the body is demoted to a section with a warning. A heading may end in an attribute
 * block as Pandoc, kramdown and VitePress write it: `{#id}` names its anchor, `{-}` or `{.unnumbered}`
 * takes it out of the numbering, `.class` adds a class; the block itself is never printed.
 */
export default function remarkSectionHeadings() {
  return function (tree: Root, file: VFile): undefined {
    visit(tree, 'heading', function (heading: Heading) {
      if (heading.depth === 1) {
        warn(
          file,
          'A level-1 heading in the body: the title comes from the front matter, so sections start at `##`; read as `##`',
          heading.position?.start,
          'heading-level'
        )
        heading.depth = 2
      }
      const last = heading.children.at(-1)
      if (last?.type !== 'text') return
      const block = trailingAttributeBlock(last.value)
      if (!block) return
      applyAttributes(heading, block, blockPlace(last, file), file)
      last.value = last.value.slice(0, block.start).trimEnd()
      if (last.value === '') heading.children.pop()
    })
  }
}

function applyAttributes(heading: Heading, block: AttributeBlock, place: Position | undefined, file: VFile) {
  const properties = ((heading.data ??= {}).hProperties ??= {})
  const classes = [...block.classes]
  if (block.unnumbered) classes.push('unnumbered')
  if (classes.length > 0) properties.className = classes
  const id = block.ids.at(-1)
  if (id !== undefined && isValidId(id)) properties.id = id
  else if (id !== undefined) {
    warn(
      file,
      `Heading id \`${id}\` is not a valid id (it must start with a letter and hold only letters, digits, \`-\`, \`_\` and \`.\`): an id made from the heading's text is used`,
      place,
      'heading-id'
    )
  }
  if (block.pairs.length > 0)
    warn(
      file,
      `Heading attribute${block.pairs.length > 1 ? 's' : ''} ${block.pairs.map((pair) => `\`${pair}\``).join(', ')} mean nothing in a publication: removed`,
      place,
      'heading-attribute'
    )
}

/** Where the block is in the source: the text's value may differ from it (escapes, entities), its end may not. */
function blockPlace(text: Text, file: VFile): Position | undefined {
  const position = text.position
  if (position?.start.offset === undefined || position.end.offset === undefined) return undefined
  const source = String(file.value).slice(position.start.offset, position.end.offset)
  const block = trailingAttributeBlock(source)
  if (!block) return undefined
  return {start: back(position.end, source.length - block.start), end: back(position.end, source.length - block.end)}
}

// The block is on the text's last line: moving back along it changes columns only.
function back(point: Point, characters: number): Point {
  return {line: point.line, column: point.column - characters, offset: (point.offset ?? 0) - characters}
}
