import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parse as parseYaml} from 'yaml'
import {z} from 'zod'

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #RRGGBB')

const contactSchema = z.object({
  kind: z.enum(['web', 'phone', 'email', 'telegram', 'instagram', 'address']),
  label: z.string().min(1),
  text: z.string().min(1),
  href: z.string().min(1).optional()
})

const fontSchema = z.object({
  family: z.string().min(1),
  file: z.string().regex(/^[\w.-]+\.(ttf|otf|woff2?)$/, 'must be a font file name in the fonts folder'),
  weight: z.number().int().min(100).max(900).default(400),
  style: z.enum(['normal', 'italic']).default('normal')
})

/** What the centre's template folder says about the centre: checked so a typo fails loudly, not in print. */
export const brandSchema = z.object({
  name: z.object({ar: z.string().min(1), en: z.string().min(1), short: z.string().min(1)}),
  founded: z.object({date: z.string(), city: z.string()}).optional(),
  headquarters: z.string().optional(),
  description: z.string().min(1),
  rights: z.object({notice: z.string().min(1), disclaimer: z.string().min(1)}),
  contacts: z.array(contactSchema),
  labels: z.object({
    abstract: z.string(),
    contents: z.string(),
    notes: z.string(),
    keywords: z.string(),
    author: z.string(),
    authors: z.string(),
    noteBack: z.string(),
    figure: z.string(),
    table: z.string(),
    cover: z.string(),
    bodymatter: z.string(),
    callouts: z.object({note: z.string(), tip: z.string(), warning: z.string()}).optional(),
    accessibilitySummary: z.string()
  }),
  /** What a collection (a journal issue, an edited volume) prints around its papers. */
  collection: z
    .object({
      labels: z.object({
        editors: z.string().min(1),
        volume: z.string().min(1),
        number: z.string().min(1),
        pages: z.string().min(1),
        offprint: z.string().min(1)
      }),
      /** Heading levels of each paper listed under its title in the collection's contents: 1 lists titles only. */
      contentsDepth: z.number().int().min(1).max(3).default(2)
    })
    .optional(),
  /** The catalogue site's words (`press site`); optional, so a template without a site still loads. */
  site: z
    .object({
      title: z.string().min(1),
      description: z.string().min(1),
      /** The publisher's country (ISO 3166 code), for Open Graph's locale: `ar` in `IQ` is `ar_IQ`. */
      region: z.string().length(2).optional(),
      labels: z.object({
        skip: z.string().min(1),
        home: z.string().min(1),
        publications: z.string().min(1),
        filters: z.string().min(1),
        series: z.string().min(1),
        year: z.string().min(1),
        author: z.string().min(1),
        collections: z.string().min(1),
        downloads: z.string().min(1),
        read: z.string().min(1),
        published: z.string().min(1),
        in: z.string().min(1),
        contents: z.string().min(1),
        feed: z.string().min(1),
        offprint: z.string().min(1),
        count: z.string().min(1)
      }),
      /** Units of file sizes, smallest first. */
      units: z.object({bytes: z.string().min(1), kilobytes: z.string().min(1), megabytes: z.string().min(1)}),
      /** The search page's words (helper "search" reads them). */
      search: z.object({
        search: z.string().min(1),
        placeholder: z.string().min(1),
        noResults: z.string().min(1),
        results: z.string().min(1),
        unavailable: z.string().min(1).optional()
      })
    })
    .optional(),
  placement: z
    .object({
      keywordsWithoutAbstract: z.enum(['rights-page', 'title-page']).default('rights-page')
    })
    .prefault({}),
  colors: z.record(z.string().regex(/^[a-z][a-z-]*$/), colour),
  page: z.object({
    size: z.enum(['A4', 'A5', 'B5', 'Letter']),
    margins: z.object({
      top: z.number().min(5),
      bottom: z.number().min(5),
      inner: z.number().min(5),
      outer: z.number().min(5)
    })
  }),
  typography: z.object({
    body: z.array(z.string()).min(1),
    display: z.array(z.string()).min(1),
    // Code; Arabic inside it falls back to the body face (the stylesheets add that). Without it, the
    // reader's monospace.
    mono: z.array(z.string()).min(1).optional()
  }),
  fonts: z.array(fontSchema).min(1),
  stylesheets: z.object({
    print: z.array(z.string()).min(1),
    screen: z.array(z.string()).min(1),
    epub: z.array(z.string()).min(1)
  })
})

export type BrandData = z.output<typeof brandSchema>
export type Contact = BrandData['contacts'][number]
export type FontFace = BrandData['fonts'][number]
export type Medium = keyof BrandData['stylesheets']

export interface Brand {
  /** The template folder. */
  folder: string
  /** The project's fonts folder. */
  fontsFolder: string
  data: BrandData
  /** SVG sources, inlined so that the stylesheets can colour them. */
  logo: string
  icons: Partial<Record<Contact['kind'], string>>
}

export class BrandError extends Error {}

export async function loadBrand(folder: string, fontsFolder: string): Promise<Brand> {
  const file = path.join(folder, 'brand.yaml')
  const result = brandSchema.safeParse(parseYaml(await readFile(file, 'utf8')))
  if (!result.success) {
    const issue = result.error.issues[0]!
    throw new BrandError(`${file}: \`${issue.path.join('.')}\` ${issue.message}`)
  }
  const data = result.data
  const logo = await readFile(path.join(folder, 'logo.svg'), 'utf8')
  const icons: Brand['icons'] = {}
  for (const contact of data.contacts) {
    icons[contact.kind] = await readFile(path.join(folder, 'icons', `${contact.kind}.svg`), 'utf8')
  }
  return {folder, fontsFolder, data, logo, icons}
}

/**
 * The brand's data as CSS: colours and families as custom properties, and `@font-face` rules pointing at
 * the font files through `fontUrl` (each output has its own way to reach them).
 */
export function brandCss(brand: Brand, fontUrl: (file: string) => string): string {
  const {colors, typography, fonts} = brand.data
  // A role's faces, then the brand's others: a glyph the first lack (≈, say, in the Naskh and the Serif)
  // is drawn by a face of the brand, never by whatever fonts the machine happens to have.
  const brandFamilies = [...new Set(fonts.map((font) => font.family))]
  const families = (names: string[]) =>
    [...new Set([...names, ...brandFamilies])].map((name) => JSON.stringify(name)).join(', ')
  const faces = fonts.map((font) =>
    [
      '@font-face {',
      `  font-family: ${JSON.stringify(font.family)};`,
      `  src: url(${JSON.stringify(fontUrl(font.file))});`,
      `  font-weight: ${font.weight};`,
      `  font-style: ${font.style};`,
      '  font-display: block;',
      '}'
    ].join('\n')
  )
  const properties = [
    ...Object.entries(colors).map(([name, value]) => `  --color-${name}: ${value};`),
    `  --font-body: ${families(typography.body)};`,
    `  --font-display: ${families(typography.display)};`,
    `  --font-mono: ${typography.mono ? families(typography.mono) : 'monospace'};`
  ]
  return [...faces, `:root {\n${properties.join('\n')}\n}`].join('\n') + '\n'
}

export function stylesheetsFor(brand: Brand, medium: Medium): string[] {
  return brand.data.stylesheets[medium].map((name) => path.join(brand.folder, name))
}
