import {z} from 'zod'
import {isValidIsoDate} from '../arabic/dates.js'
import {authorSchema} from './meta.js'

/** The file that makes a folder a collection. */
export const collectionFileName = 'collection.yaml'

/**
 * `collection.yaml`: a journal issue or an edited volume made of manuscripts. Each field's description is
 * the reference the README repeats.
 */
export const collectionSchema = z
  .object({
    title: z.string().min(1).describe('the collection’s title'),
    subtitle: z.string().min(1).optional().describe('a second line under the title'),
    shortTitle: z.string().min(1).optional().describe('the collection’s name in the running heads'),
    series: z.string().min(1).optional().describe('the kind, printed on the cover: مجلة، كتاب …'),
    volume: z.number().int().positive().optional().describe('the volume number'),
    number: z.number().int().positive().optional().describe('the issue number within the volume'),
    date: z
      .string()
      .refine(isValidIsoDate, {message: 'must be a calendar date written YYYY-MM-DD'})
      .describe('publication date, YYYY-MM-DD'),
    editors: z.array(authorSchema).default([]).describe('a list of names, or of {name, role}'),
    lang: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag such as ar or en')
      .default('ar')
      .describe('the language of the collection’s own pages'),
    digits: z
      .enum(['latin', 'arabic-indic'])
      .default('latin')
      .describe('digits of the collection’s pages, its contents and folios'),
    pageSize: z
      .enum(['A4', 'A5', 'B5', 'Letter'])
      .optional()
      .describe('the printed page size of every paper in it (default: the template’s)'),
    papers: z
      .array(z.string().min(1))
      .min(1)
      .describe('manuscript folders or .md files, relative to the yaml, in the order printed')
  })
  .strict()

export type CollectionInput = z.input<typeof collectionSchema>
/** A collection's own front matter: everything in its yaml but the list of papers. */
export type CollectionMeta = Omit<z.output<typeof collectionSchema>, 'papers'>
