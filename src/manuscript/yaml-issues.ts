import type {Document as YamlDocument, Node as YamlNode} from 'yaml'
import type {z} from 'zod'

/**
 * How a schema's complaint about a YAML file is put to its author: shared by the manuscript's front matter
 * and `collection.yaml`, so that both speak alike.
 */

/** The offset of the deepest node the path reaches. */
export function rangeOf(yaml: YamlDocument, path: ReadonlyArray<PropertyKey>): number | undefined {
  for (let length = path.length; length > 0; length--) {
    const found = yaml.getIn(path.slice(0, length) as Array<string | number>, true) as YamlNode | undefined
    if (found && typeof found === 'object' && 'range' in found && found.range) return found.range[0]
  }
  return undefined
}

/** `where`: what the fields belong to, as a missing one is reported (`in front matter`). */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown, where = 'front matter'): string {
  const field =
    issue.path
      .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
      .join('')
      .replace(/^\./, '') || where
  const value = issue.path.reduce<unknown>(
    (value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    data
  )
  if (issue.code === 'invalid_type' && value === undefined) return `Missing required field \`${field}\` in ${where}`
  if (issue.code === 'invalid_type') return `\`${field}\` must be ${article(issue.expected)} (got ${describe(value)})`
  if (issue.code === 'invalid_union' && (field.startsWith('authors') || field.startsWith('editors')))
    return `\`${field}\` must be a name or {name, role}`
  if (issue.code === 'unrecognized_keys')
    return `\`${field}\` has unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `\`${key}\``).join(', ')}`
  if (issue.code === 'invalid_value')
    return `\`${field}\` must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')} (got ${describe(value)})`
  if (issue.code === 'too_small') return `\`${field}\` must not be empty`
  return `\`${field}\` ${issue.message}${value === undefined ? '' : ` (got ${describe(value)})`}`
}

function article(type: string): string {
  if (type === 'array') return 'a list'
  if (type === 'object') return 'a mapping of keys to values'
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'nothing'
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} ${String(value)}`
}

/** A YAML parser's error without the place it appends (the message is given its own place). */
export function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}
