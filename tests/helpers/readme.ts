import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Root, RootContent, Table} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {expect} from 'vitest'
import {projectFolder} from '../../src/config/project.js'

/**
 * The first table after `heading` in the README, without positions: to compare with `tableOf` what the
 * code would write there (an options table, the keys of a schema).
 */
export function readmeTable(heading: string): unknown {
  const tree = parse(readFileSync(path.join(projectFolder, 'README.md'), 'utf8'))
  const start = tree.children.findIndex(
    (node) =>
      node.type === 'heading' &&
      node.children.map((child) => ('value' in child ? child.value : '')).join('') === heading
  )
  expect(start, `a heading "${heading}"`).toBeGreaterThanOrEqual(0)
  return firstTable(tree.children.slice(start), `a table after "${heading}"`)
}

/** A Markdown table as a tree without positions: two tables compare by their content alone. */
export function tableOf(markdown: string): unknown {
  return firstTable(parse(markdown).children, 'a table')
}

function firstTable(nodes: RootContent[], what: string): unknown {
  const table = nodes.find((node): node is Table => node.type === 'table')
  expect(table, what).toBeDefined()
  return withoutPositions(table!)
}

function parse(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown)
}

function withoutPositions(node: RootContent): unknown {
  const {position: _position, ...rest} = node as RootContent & {children?: RootContent[]}
  return 'children' in rest && rest.children ? {...rest, children: rest.children.map(withoutPositions)} : rest
}
