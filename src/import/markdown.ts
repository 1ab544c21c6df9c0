import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {stringify} from 'yaml'

/**
 * The manuscript's text: the front matter as YAML, the tree through remark-stringify with GFM (tables,
 * notes, strike-through). `*` marks emphasis because `_` does not work inside an Arabic word.
 */
export function toManuscript(tree: Root, frontMatter: Record<string, unknown>): string {
  const yaml = stringify(frontMatter, {lineWidth: 0}).trimEnd()
  const root: Root = {...tree, children: [{type: 'yaml', value: yaml}, ...tree.children]}
  return unified()
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkStringify, {
      bullet: '-',
      emphasis: '*',
      strong: '*',
      rule: '-',
      fences: true,
      listItemIndent: 'one',
      incrementListMarker: true
    })
    .stringify(root)
}
