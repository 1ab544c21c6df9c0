import type {Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {importedMeta, infoOf, note} from './paragraph.js'

/**
 * Word's own table of contents (its «TOC Heading» and the «toc 1» … «toc 9» entries, page numbers
 * and all, as Word and Pandoc write them) is dropped: the build makes the contents page from the
 * headings. That the paper had one says its author wants one: `toc: true`.
 */
export default function remarkWordContents() {
  return function (tree: Root, file: VFile): undefined {
    const contents = tree.children.filter(isContents)
    if (contents.length === 0) return
    tree.children = tree.children.filter((block) => !isContents(block))
    importedMeta(file).toc = true
    note(
      file,
      contents[0],
      `Word's table of contents (${contents.length} paragraph${contents.length > 1 ? 's' : ''}) dropped: \`toc: true\`, the build makes the contents page`,
      'import-toc'
    )
  }
}

/** A paragraph or heading in one of Word's contents styles. */
export function isContents(block: RootContent): boolean {
  if (block.type !== 'paragraph' && block.type !== 'heading') return false
  const style = infoOf(block)?.style?.toLowerCase()
  if (style === undefined) return false
  if (style === 'toc heading' || style === 'tocheading') return true
  const [name, level, ...rest] = style.split(' ')
  return name === 'toc' && rest.length === 0 && level !== undefined && /^[1-9]$/.test(level)
}
