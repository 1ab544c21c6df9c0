import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {CoreProperties} from './docx-info.js'

/**
 * The call site of recognition (front matter from the title pages, boilerplate, headings from bold lines,
 * typed ordinals): an identity stand-in until the recognition half of `press import` replaces this module.
 */
export function recognise(tree: Root, file: VFile, core: CoreProperties): {tree: Root; frontMatter: Record<string, unknown>} {
  void file
  const frontMatter: Record<string, unknown> = {}
  if (core.title) frontMatter.title = core.title
  return {tree, frontMatter}
}
