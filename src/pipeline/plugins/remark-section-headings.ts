import type {Heading, Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {warn} from '../messages.js'

/** Pandoc's markers for a heading that takes no section number: `{-}` or `{.unnumbered}`. */
const unnumberedMarker = /\s*\{(?:-|\.unnumbered)\}\s*$/

/**
 * Sections are `##` headings: the title comes from the front matter and is the only level-1 heading.
 * A `#` heading in the body is demoted to a section with a warning; `{-}` marks a heading unnumbered.
 */
export default function remarkSectionHeadings() {
  return function (tree: Root, file: VFile): undefined {
    visit(tree, 'heading', function (heading: Heading) {
      if (heading.depth === 1) {
        warn(file, 'A level-1 heading in the body: the title comes from the front matter, so sections start at `##`; read as `##`', heading.position?.start, 'heading-level')
        heading.depth = 2
      }
      const last = heading.children.at(-1)
      if (last?.type === 'text' && unnumberedMarker.test(last.value)) {
        ;(last as Text).value = last.value.replace(unnumberedMarker, '')
        const data = (heading.data ??= {})
        const properties = (data.hProperties ??= {})
        properties.className = ['unnumbered']
      }
    })
  }
}
