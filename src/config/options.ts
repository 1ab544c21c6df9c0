import path from 'node:path'
import {z} from 'zod'
import {formats} from './formats.js'
import {parseShard} from './shard.js'
import {fontsFolder, projectFolder} from './project.js'

/**
 * Every option of every command, its default and its description, in one place: the command line, the
 * API, `--help` and the README's tables all read them from here.
 */

/** What people are told of a field: in the README, in `--help` and when its value is wrong. */
export interface FieldMeta {
  /** Where it is given: an argument or option of the command line, the environment, or the API only. */
  kind: 'argument' | 'option' | 'environment' | 'api'
  /** Its name there: `PATH`, `--out`, `SOURCE_DATE_EPOCH`, `cwd`. */
  name: string
  /** The value's placeholder on the command line (`DIR`, `N`); none for a switch. */
  value?: string
  /** What a valid value is: a wrong one is reported as "NAME takes EXPECTS (got `VALUE`)". */
  expects: string
  /** The default as the README shows it (Markdown), when not the value itself: `` `dist/` `` for `dist`. */
  shown?: string
}

export const fieldMeta = z.registry<FieldMeta>()

export class OptionsError extends Error {
  override name = 'OptionsError'
}

function field<T extends z.ZodType>(schema: T, description: string, meta: FieldMeta): T {
  const described = schema.describe(description)
  fieldMeta.add(described as z.ZodType, meta)
  return described
}

/** A number as the API gives it, or as text from the command line. */
function numeric<T extends z.ZodType<number, number>>(schema: T) {
  return z.union([z.number(), z.string().trim().min(1).transform(Number)]).pipe(schema)
}

const wholeNumber = (low: number, high: number) => numeric(z.number().int().min(low).max(high))
const aSwitch = (name: string, description: string) =>
  field(z.boolean().default(false), description, {kind: 'option', name, expects: 'no value'})

const cwd = field(
  z
    .string()
    .min(1)
    .default(() => process.cwd()),
  'the folder relative paths are read from',
  {kind: 'api', name: 'cwd', expects: 'a folder'}
)

const paths = field(
  z.array(z.string().min(1)).readonly().default(['manuscript']),
  'a manuscript folder (`<slug>/index.md`), a `.md` file, a collection (a folder holding `collection.yaml`), or a folder of these',
  {kind: 'argument', name: 'PATH', expects: 'files or folders', shown: '`manuscript/`'}
)

const out = (description: string) =>
  field(z.string().trim().min(1).default('dist'), description, {
    kind: 'option',
    name: '--out',
    value: 'DIR',
    expects: 'a folder',
    shown: '`dist/`'
  })

const template = field(
  z.string().trim().min(1).default('hammurabi'),
  'a folder under `templates/`, or the path of a template folder',
  {kind: 'option', name: '--template', value: 'NAME', expects: 'a template name or folder'}
)

const formatList = field(
  z
    .union([
      z.string().transform((list) =>
        list
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean)
      ),
      z.array(z.string()).readonly()
    ])
    .pipe(
      z
        .array(z.enum(formats))
        .min(1)
        .transform((list) => [...new Set(list)])
    )
    .default(['pdf', 'epub']),
  'any of `pdf`, `epub`, `html`',
  {kind: 'option', name: '--format', value: 'LIST', expects: `any of ${formats.join(', ')}, comma-separated`}
)

const bleed = field(
  numeric(z.number().min(0).max(20)).default(0),
  'press-ready PDF: MM millimetres of bleed, crop marks, TrimBox and BleedBox on every page',
  {kind: 'option', name: '--bleed', value: 'MM', expects: 'a number of millimetres from 0 to 20'}
)

const jobs = field(
  wholeNumber(1, 16).default(2),
  'documents built at once, one browser tab for every two (2 measured fastest on 2 cores)',
  {kind: 'option', name: '--jobs', value: 'N', expects: 'a whole number from 1 to 16'}
)

const timeout = field(
  numeric(z.number().positive().max(3600)).default(60),
  'seconds a document may take in the browser before it is retried once',
  {kind: 'option', name: '--timeout', value: 'S', expects: 'a number of seconds above 0, at most 3600'}
)

const shard = field(
  z
    .union([z.string().transform(parseShard), z.object({index: z.number(), count: z.number()})])
    .pipe(
      z
        .object({index: z.number().int().min(1), count: z.number().int().min(1)})
        .refine((given) => given.index <= given.count)
    )
    .optional(),
  "build only share K of N; a manuscript's share follows from its slug alone, so it keeps it as the catalogue grows",
  {kind: 'option', name: '--shard', value: 'K/N', expects: 'K/N, two whole numbers with 1 ≤ K ≤ N', shown: 'all'}
)

const sourceDateEpoch = field(
  numeric(z.number().int().min(0)).optional(),
  "the date written into every output, in seconds since 1970 (reproducible builds); default: each manuscript's date",
  {kind: 'environment', name: 'SOURCE_DATE_EPOCH', expects: 'a whole number of seconds since 1970'}
)

export const buildSchema = z.object({
  paths,
  out: out('where outputs go'),
  formats: formatList,
  template,
  bleed,
  force: aSwitch('--force', 'rebuild even what is up to date'),
  jobs,
  timeout,
  shard,
  sourceDateEpoch,
  cwd
})

/** `press build`: the build's options and how its results are shown. */
export const buildCommandSchema = buildSchema.extend({
  quiet: aSwitch('--quiet', 'print errors only'),
  json: aSwitch('--json', 'print the results as JSON, for programs')
})

export const watchSchema = z.object({
  paths,
  port: field(wholeNumber(0, 65535).default(4000), 'the port (0: any free one)', {
    kind: 'option',
    name: '--port',
    value: 'N',
    expects: 'a whole number from 0 to 65535'
  }),
  host: field(
    z.string().trim().min(1).default('127.0.0.1'),
    'the address to listen on; `0.0.0.0` shows the preview to the whole network',
    {kind: 'option', name: '--host', value: 'HOST', expects: 'a host name or IP address'}
  ),
  out: out('where the background builds write'),
  template,
  timeout,
  debounce: field(
    wholeNumber(0, 60_000).default(0),
    'milliseconds after a save before the PDF and EPUB are rebuilt (saves are already gathered for 60 ms, and builds run one at a time)',
    {kind: 'api', name: 'debounce', expects: 'milliseconds'}
  ),
  background: field(z.boolean().default(true), 'rebuild the PDF and EPUB in the background after each save', {
    kind: 'api',
    name: 'background',
    expects: 'true or false'
  }),
  cwd
})

/** `press import`: Word files into manuscripts. */
export const importSchema = z.object({
  files: field(z.array(z.string().min(1)).min(1).readonly(), 'the Word files (`.docx`) to import', {
    kind: 'argument',
    name: 'FILE.docx',
    expects: 'one Word file or more'
  }),
  out: field(
    z.string().trim().min(1).default('manuscript'),
    'where manuscripts go: `DIR/<slug>/index.md`, images in `media/` beside it',
    {
      kind: 'option',
      name: '--out',
      value: 'DIR',
      expects: 'a folder',
      shown: '`manuscript/`'
    }
  ),
  slug: field(z.string().trim().min(1).optional(), "the manuscript's folder name, for one file only", {
    kind: 'option',
    name: '--slug',
    value: 'SLUG',
    expects: 'a folder name',
    shown: 'from the title'
  }),
  force: aSwitch('--force', 'replace a manuscript of the same slug'),
  quiet: aSwitch('--quiet', 'print errors only'),
  json: aSwitch('--json', 'print the results as JSON, for programs'),
  cwd
})

/** `press site`: the catalogue site of every publication, built first into the build's output folder. */
export const siteSchema = z.object({
  paths,
  out: field(z.string().trim().min(1).default('dist/site'), 'where the site goes', {
    kind: 'option',
    name: '--out',
    value: 'DIR',
    expects: 'a folder',
    shown: '`dist/site/`'
  }),
  build: field(
    z.string().trim().min(1).default('dist'),
    'where the publications are built first: the output folder (and cache) of `press build`',
    {kind: 'option', name: '--build-out', value: 'DIR', expects: 'a folder', shown: '`dist/`'}
  ),
  baseUrl: field(
    z
      .string()
      .trim()
      .refine(isWebAddress)
      .transform((url) => (url.endsWith('/') ? url : `${url}/`))
      .optional(),
    'the absolute address the site is published under, for the sitemap and the feed (links stay relative)',
    {kind: 'option', name: '--base-url', value: 'URL', expects: 'an absolute http(s) address', shown: 'none'}
  ),
  template,
  jobs,
  timeout,
  sourceDateEpoch,
  quiet: aSwitch('--quiet', 'print errors only'),
  cwd
})

function isWebAddress(value: string): boolean {
  return URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol)
}

export type BuildInput = z.input<typeof buildSchema>
export type BuildCommandInput = z.input<typeof buildCommandSchema>
export type WatchInput = z.input<typeof watchSchema>
export type ImportInput = z.input<typeof importSchema>
export type SiteInput = z.input<typeof siteSchema>

/** Folders, made absolute against `cwd`, and the template found by name. */
interface Located {
  paths: string[]
  out: string
  template: string
  fonts: string
}

export type BuildOptions = Omit<z.output<typeof buildSchema>, keyof Located> & Located
export type BuildCommandOptions = Omit<z.output<typeof buildCommandSchema>, keyof Located> & Located
export type WatchOptions = Omit<z.output<typeof watchSchema>, keyof Located> & Located
/** The Word files and the output folder made absolute against `cwd`. */
export type ImportOptions = Omit<z.output<typeof importSchema>, 'files'> & {files: string[]}
export type Shard = NonNullable<BuildOptions['shard']>
/** The site's folder and the build's, made absolute against `cwd`. */
export type SiteOptions = Omit<z.output<typeof siteSchema>, keyof Located | 'build'> & Located & {build: string}

export function resolveBuildOptions(input: BuildInput): BuildOptions {
  const options = parse(buildSchema, input)
  return {...options, ...locate(options)}
}

export function resolveBuildCommand(input: BuildCommandInput): BuildCommandOptions {
  const options = parse(buildCommandSchema, input)
  return {...options, ...locate(options)}
}

export function resolveWatchOptions(input: WatchInput): WatchOptions {
  const options = parse(watchSchema, input)
  return {...options, ...locate(options)}
}

export function resolveImportOptions(input: ImportInput): ImportOptions {
  const options = parse(importSchema, input)
  if (options.slug !== undefined && options.files.length > 1)
    throw new OptionsError('--slug names one manuscript: import one file with it')
  return {
    ...options,
    files: options.files.map((file) => path.resolve(options.cwd, file)),
    out: path.resolve(options.cwd, options.out)
  }
}

export function resolveSiteOptions(input: SiteInput): SiteOptions {
  const options = parse(siteSchema, input)
  return {...options, ...locate(options), build: path.resolve(options.cwd, options.build)}
}

function locate(options: {cwd: string; paths: readonly string[]; out: string; template: string}): Located {
  const {cwd} = options
  return {
    paths: options.paths.map((given) => path.resolve(cwd, given)),
    out: path.resolve(cwd, options.out),
    template: templateFolder(options.template, cwd),
    fonts: fontsFolder
  }
}

/** A template named by its folder under `templates/`, or given as a path (it holds a slash). */
function templateFolder(name: string, cwd: string): string {
  if (name.includes('/') || name.includes(path.sep)) return path.resolve(cwd, name)
  return path.join(projectFolder, 'templates', name)
}

/** Parses `input`, or throws one line per wrong value, naming the option and what it takes. */
function parse<T extends z.ZodObject>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const given = (input ?? {}) as Record<string, unknown>
  const reasons = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '')
    const meta = schema.shape[key] && fieldMeta.get(schema.shape[key])
    if (!meta) return `${key || 'options'}: ${issue.message}`
    if (given[key] === undefined) return `${meta.name} is required: it takes ${meta.expects}`
    return `${meta.name} takes ${meta.expects} (got ${shown(given[key])})`
  })
  throw new OptionsError([...new Set(reasons)].join('\n'))
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `\`${value}\``
  if (Array.isArray(value)) return `\`${value.join(',')}\``
  return `\`${JSON.stringify(value)}\``
}

/** An argument or option of a command, as `--help` and the README's tables show it. */
export interface CommandField {
  key: string
  meta: FieldMeta
  description: string
  /** Whether it must be given: it has no default. */
  required: boolean
  /** The default, in Markdown. */
  default: string
}

/** The arguments and options of a command, in the order they are documented. */
export function commandFields(schema: z.ZodObject): CommandField[] {
  return Object.entries(schema.shape).flatMap(([key, value]) => {
    const meta = fieldMeta.get(value)
    if (!meta || (meta.kind !== 'argument' && meta.kind !== 'option')) return []
    const fallback = value.safeParse(undefined)
    const shown = meta.shown ?? (fallback.success ? defaultText(fallback.data) : 'required')
    return [{key, meta, description: value.description ?? '', required: !fallback.success, default: shown}]
  })
}

function defaultText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off'
  return `\`${Array.isArray(value) ? value.join(',') : String(value)}\``
}

/** The README's table of a command's arguments and options. */
export function optionsTable(schema: z.ZodObject): string {
  const rows = commandFields(schema).map(
    ({meta, description, default: value}) =>
      `| \`${meta.value ? `${meta.name} ${meta.value}` : meta.name}\` | ${description} | ${value} |`
  )
  return ['| option | meaning | default |', '| --- | --- | --- |', ...rows].join('\n') + '\n'
}
