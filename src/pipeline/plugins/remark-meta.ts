import type {Root, Yaml} from 'mdast'
import type {VFile} from 'vfile'
import {LineCounter, parseDocument, isMap, isScalar, type Document as YamlDocument, type Node as YamlNode} from 'yaml'
import type {z} from 'zod'
import {metaKeys, metaSchema} from '../../manuscript/meta.js'
import {fail, warn} from '../../core/messages.js'

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

/** The offset of the deepest node the path reaches. */
function rangeOf(yaml: YamlDocument, path: ReadonlyArray<PropertyKey>): number | undefined {
  for (let length = path.length; length > 0; length--) {
    const found = yaml.getIn(path.slice(0, length) as Array<string | number>, true) as YamlNode | undefined
    if (found && typeof found === 'object' && 'range' in found && found.range) return found.range[0]
  }
  return undefined
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const field =
    issue.path
      .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
      .join('')
      .replace(/^\./, '') || 'front matter'
  const value = issue.path.reduce<unknown>(
    (value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    data
  )
  if (issue.code === 'invalid_type' && value === undefined) return `Missing required field \`${field}\` in front matter`
  if (issue.code === 'invalid_type') return `\`${field}\` must be ${article(issue.expected)} (got ${describe(value)})`
  if (issue.code === 'invalid_union' && field.startsWith('authors'))
    return `\`${field}\` must be a name or {name, role}`
  if (issue.code === 'unrecognized_keys')
    return `\`${field}\` has unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `\`${key}\``).join(', ')}`
  if (issue.code === 'invalid_value')
    return `\`${field}\` must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')} (got ${describe(value)})`
  if (issue.code === 'too_small' && Array.isArray(value)) return `\`${field}\` must not be empty`
  if (issue.code === 'too_small') return `\`${field}\` must not be empty`
  return `\`${field}\` ${issue.message}${value === undefined ? '' : ` (got ${describe(value)})`}`
}

function article(type: string): string {
  if (type === 'array') return 'a list'
  if (type === 'object') return 'a mapping of keys to values'
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'nothing'
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} ${String(value)}`
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}
