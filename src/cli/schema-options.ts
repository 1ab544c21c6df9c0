import {Option, type Command} from 'commander'
import type {z} from 'zod'
import {commandFields, type CommandField} from '../config/options.js'

/** The raw values of a command line, keyed as the options schema names them, left for it to check. */
export type RawOptions = Record<string, unknown>

/**
 * Declares a schema's arguments and options on a command, with the schema's descriptions and defaults as
 * their help, and returns how to read the parsed values back. Values stay as typed (strings): the
 * schema alone checks them and fills in the defaults, so commander is given none.
 */
export function declareOptions(command: Command, schema: z.ZodObject): (parsed: Command) => RawOptions {
  const keys = new Map<string, string>()
  let argument: string | undefined
  for (const field of commandFields(schema)) {
    if (field.meta.kind === 'argument') {
      command.argument(field.required ? `<${field.meta.name}...>` : `[${field.meta.name}...]`, help(field))
      argument = field.key
      continue
    }
    const option = new Option(
      field.meta.value ? `${field.meta.name} <${field.meta.value}>` : field.meta.name,
      help(field)
    )
    command.addOption(option)
    keys.set(option.attributeName(), field.key)
  }
  return (parsed) => {
    const values = parsed.opts()
    const raw: RawOptions = {}
    for (const [name, key] of keys) if (values[name] !== undefined) raw[key] = values[name]
    const [given] = parsed.processedArgs as [string[] | undefined]
    // None given: the schema's default.
    if (argument && given?.length) raw[argument] = given
    return raw
  }
}

function help(field: CommandField): string {
  return field.required ? plain(field.description) : `${plain(field.description)} (default: ${plain(field.default)})`
}

/** Markdown's code marks, which a terminal shows as they are. */
function plain(markdown: string): string {
  return markdown.replaceAll('`', '')
}
