import type {Root, Yaml} from 'mdast'
import type {VFile} from 'vfile'
import {LineCounter, parseDocument, isMap, isScalar} from 'yaml'
import {metaKeys, metaSchema} from '../../manuscript/meta.js'
import {fail, warn} from '../../core/messages.js'
import {describeIssue, firstSentence, rangeOf} from '../../manuscript/yaml-issues.js'

/**
 * Reads the YAML front matter (left by remark-frontmatter), validates it against the schema and puts the
 * result in `file.data.meta`. Every problem is a message placed at the offending key or value.
 */
export default function remarkMeta() {
  return function (tree: Root, file: VFile): undefined {
    const node = tree.children.find((child): child is Yaml => child.type === 'yaml')
    if (!node) {
      fail(
        file,
        'Missing front matter: start the file with a `---` block giving at least title, authors and date',
        {line: 1, column: 1},
        'front-matter-missing'
      )
      return
    }

    // The YAML text starts on the line after the opening `---`.
    const firstLine = (node.position?.start.line ?? 1) + 1
    const lineCounter = new LineCounter()
    const yaml = parseDocument(node.value, {lineCounter, prettyErrors: false, uniqueKeys: true})
    const placeOf = (offset: number) => {
      const {line, col} = lineCounter.linePos(offset)
      return {line: firstLine + line - 1, column: col}
    }

    for (const error of yaml.errors) {
      fail(
        file,
        `Front matter is not valid YAML: ${firstSentence(error.message)}`,
        placeOf(error.pos[0]),
        'front-matter-yaml'
      )
    }
    if (yaml.errors.length > 0) return

    const data: unknown = yaml.toJS()
    if (!isMap(yaml.contents)) {
      fail(
        file,
        'Front matter must be a list of `key: value` lines',
        {line: firstLine, column: 1},
        'front-matter-shape'
      )
      return
    }

    for (const pair of yaml.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      if (!metaKeys.has(key)) {
        const offset = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0
        warn(
          file,
          `Unknown front matter key \`${key}\` (known keys: ${[...metaKeys].join(', ')})`,
          placeOf(offset),
          'front-matter-unknown-key'
        )
      }
    }

    const result = metaSchema.safeParse(data)
    if (!result.success) {
      for (const issue of result.error.issues) {
        const offset = rangeOf(yaml, issue.path)
        fail(
          file,
          describeIssue(issue, data),
          offset === undefined ? {line: firstLine - 1, column: 1} : placeOf(offset),
          'front-matter-schema'
        )
      }
      return
    }

    file.data.meta = result.data
  }
}
