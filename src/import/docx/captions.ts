import type {BlockContent, Image, Paragraph, PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'

const tableLabel = /^\s*(?:ال)?جدول\s*(?:رقم\s*)?[(]?[0-9٠-٩]+[)]?\s*[:：.\-–—]\s*/
const figureLabel = /^\s*(?:ال)?(?:شكل|صورة|رسم بياني|خريطة)\s*(?:رقم\s*)?[(]?[0-9٠-٩]+[)]?\s*[:：.\-–—]\s*/

/**
 * Captions as the build wants them: the build numbers tables and figures itself, so the typed label
 * («جدول 1:») goes. A table's caption paragraph (before or after it) becomes `: …` right after it; a
 * figure's becomes the image's text, which the build prints as its caption.
 */
export function placeCaptions(blocks: BlockContent[]): BlockContent[] {
  const out = [...blocks]
  for (let index = 0; index < out.length; index++) {
    const block = out[index]!
    if (isTableStart(block)) index = tableCaption(out, index)
    else if (imageOf(block)) index = figureCaption(out, index)
  }
  return out
}

function isTableStart(block: BlockContent): boolean {
  return block.type === 'table' || (block.type === 'html' && block.value.startsWith('<table>'))
}

function tableEnd(blocks: BlockContent[], start: number): number {
  if (blocks[start]!.type === 'table') return start
  const end = blocks.findIndex(
    (block, index) => index > start && block.type === 'html' && block.value.endsWith('</table>')
  )
  return end === -1 ? start : end
}

function tableCaption(blocks: BlockContent[], start: number): number {
  const end = tableEnd(blocks, start)
  const after = labelled(blocks[end + 1], tableLabel)
  const before = after ? undefined : labelled(blocks[start - 1], tableLabel)
  const caption = after ?? before
  if (!caption) return end
  const paragraph: Paragraph = {...caption, children: [{type: 'text', value: ': '}, ...caption.children]}
  if (after) {
    blocks[end + 1] = paragraph
    return end + 1
  }
  blocks.splice(start - 1, 1)
  blocks.splice(end, 0, paragraph)
  return end
}

function figureCaption(blocks: BlockContent[], index: number): number {
  const image = imageOf(blocks[index]!)!
  const after = labelled(blocks[index + 1], figureLabel)
  const before = after ? undefined : labelled(blocks[index - 1], figureLabel)
  const caption = after ?? before
  if (!caption) return index
  image.alt = toString(caption).trim()
  if (after) blocks.splice(index + 1, 1)
  else blocks.splice(index - 1, 1)
  return after ? index : index - 1
}

function imageOf(block: BlockContent): Image | undefined {
  if (block.type !== 'paragraph' || block.children.length !== 1) return undefined
  const only = block.children[0]!
  return only.type === 'image' ? only : undefined
}

/** A paragraph starting with the label, with the label taken off. */
function labelled(block: BlockContent | undefined, label: RegExp): Paragraph | undefined {
  if (block?.type !== 'paragraph') return undefined
  const first = block.children[0]
  if (first?.type !== 'text' || !label.test(first.value)) return undefined
  const rest = first.value.replace(label, '')
  const children: PhrasingContent[] = rest
    ? [{...first, value: rest}, ...block.children.slice(1)]
    : block.children.slice(1)
  return children.length > 0 ? {...block, children} : undefined
}
