import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {z} from 'zod'

/**
 * The listing a collection's build writes for machines, `<out>/<slug>.json` (seam 3 of issue 12): the
 * site reads its collections, and its papers' volume, issue and pages, from it.
 */
const person = z.object({name: z.string().min(1), role: z.string().min(1).optional()})

export const listingSchema = z.object({
  slug: z.string().min(1),
  kind: z.literal('collection'),
  title: z.string().min(1),
  subtitle: z.string().min(1).optional(),
  series: z.string().min(1).optional(),
  volume: z.number().int().optional(),
  number: z.number().int().optional(),
  date: z.string().min(1),
  lang: z.string().min(1).default('ar'),
  editors: z.array(person).default([]),
  pages: z.number().int().optional(),
  pdf: z.string().min(1).optional(),
  epub: z.string().min(1).optional(),
  papers: z.array(
    z.object({
      slug: z.string().min(1),
      title: z.string().min(1),
      subtitle: z.string().min(1).optional(),
      authors: z.array(person).default([]),
      date: z.string().min(1).optional(),
      firstPage: z.number().int().optional(),
      lastPage: z.number().int().optional(),
      offprint: z.string().min(1).optional()
    })
  )
})

export type Listing = z.output<typeof listingSchema>
export type ListedPaper = Listing['papers'][number]

/**
 * The collections' listings in a build's output folder: every `*.json` there that is one (other JSON files
 * are not the site's business). A listing that does not parse is reported, not guessed at.
 */
export async function readListings(
  folder: string
): Promise<{listings: Listing[]; problems: Array<{file: string; reason: string}>}> {
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort()
  const listings: Listing[] = []
  const problems: Array<{file: string; reason: string}> = []
  for (const name of names) {
    const file = path.join(folder, name)
    let data: unknown
    try {
      data = JSON.parse(await readFile(file, 'utf8'))
    } catch (error) {
      problems.push({file, reason: `not JSON: ${error instanceof Error ? error.message : String(error)}`})
      continue
    }
    if ((data as {kind?: unknown} | null)?.kind !== 'collection') continue
    const parsed = listingSchema.safeParse(data)
    if (parsed.success) listings.push(parsed.data)
    else
      problems.push({
        file,
        reason: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
      })
  }
  return {listings, problems}
}
