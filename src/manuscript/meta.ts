import {z} from 'zod'
import {isValidIsoDate} from '../arabic/dates.js'

/**
 * The front matter of a manuscript. Each field's description is the reference the README repeats.
 */
export const authorSchema = z.union([
  z.string().min(1),
  z
    .object({
      name: z.string().min(1).describe('the author’s name as printed'),
      role: z.string().min(1).optional().describe('the author’s position, printed under the name')
    })
    .strict()
])

export const metaSchema = z.object({
  title: z.string().min(1).describe('the paper’s title'),
  subtitle: z.string().min(1).optional().describe('a second line under the title'),
  shortTitle: z.string().min(1).optional().describe('the title in the running heads, when the title is long'),
  pageSize: z
    .enum(['A4', 'A5', 'B5', 'Letter'])
    .optional()
    .describe('the printed page size (default: the template’s, A4)'),
  authors: z.array(authorSchema).min(1).describe('a list of names, or of {name, role}'),
  date: z
    .string()
    .refine(isValidIsoDate, {message: 'must be a calendar date written YYYY-MM-DD'})
    .describe('publication date, YYYY-MM-DD, printed with Iraqi month names'),
  series: z.string().min(1).optional().describe('the kind of publication: ورقة تحليلية، تقدير موقف، دراسة …'),
  abstract: z.string().min(1).optional().describe('a summary in Markdown, printed on its own page'),
  keywords: z.array(z.string().min(1)).optional().describe('subject keywords, for the PDF and EPUB metadata'),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag such as ar or en')
    .default('ar')
    .describe('the language of the text; the direction follows it'),
  toc: z.boolean().optional().describe('a contents page; automatic (from four sections up) when absent'),
  numbering: z
    .enum(['ordinal', 'decimal', 'none'])
    .default('none')
    .describe('section numbers: أولاً، ثانياً … (ordinal), 1. 1.1 (decimal) or none'),
  digits: z
    .enum(['latin', 'arabic-indic'])
    .default('latin')
    .describe('digits of the body text, counters, page numbers and dates'),
  baseUrl: z
    .string()
    .refine(isAbsoluteUrl, {message: 'must be an absolute http(s) address, such as https://example.org/docs/'})
    .optional()
    .describe(
      'the address the manuscript is published under: relative links resolve against it instead of being unlinked'
    )
})

/** Front matter as the author wrote it. */
export type MetaInput = z.input<typeof metaSchema>
/** Front matter with every default filled in. */
export type Meta = z.output<typeof metaSchema>

export interface Author {
  name: string
  role?: string | undefined
}

export const metaKeys: ReadonlySet<string> = new Set(Object.keys(metaSchema.shape))

export function authorsOf(meta: Meta): Author[] {
  return meta.authors.map((author) => (typeof author === 'string' ? {name: author} : author))
}

const rightToLeftLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi'])

export function directionOf(lang: string): 'rtl' | 'ltr' {
  return rightToLeftLanguages.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr'
}

function isAbsoluteUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const {protocol} = new URL(value)
  return protocol === 'http:' || protocol === 'https:'
}
