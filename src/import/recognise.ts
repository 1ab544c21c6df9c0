import {readFileSync} from 'node:fs'
import type {Root} from 'mdast'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {parse as parseYaml} from 'yaml'
import {foldArabic} from '../arabic/fold.js'
import {brandSchema, type BrandData} from '../brand/brand.js'
import {boilerplateTexts} from './boilerplate.js'
import type {CoreProperties} from './docx-info.js'
import {importedMeta, note, type ImportedMeta} from './paragraph.js'
import remarkDigitsKey from './remark-digits-key.js'
import remarkDropBoilerplate from './remark-drop-boilerplate.js'
import remarkTitlePages from './remark-title-pages.js'
import remarkTypedHeadings from './remark-typed-headings.js'
import remarkTypedLists from './remark-typed-lists.js'
import remarkWordContents from './remark-word-contents.js'
import {placeholderCreators} from './vocabulary.js'

export interface RecogniseOptions {
  /** The template's brand data, whose texts are the boilerplate to drop (default: the `hammurabi` template's). */
  brand?: BrandData | null | undefined
}

/**
 * Turn a Word paper laid out the centre's way into the project's manuscript conventions: the
 * boilerplate the template prints and Word's table of contents dropped, the title pages read into
 * front matter, headings and numbering, lists typed by hand. Every guess and drop is a message on `file`. A key not found is left
 * out of the front matter (with a warning), so that the build reports it rather than print an invention.
 */
export function recognise(
  tree: Root,
  file: VFile,
  core: CoreProperties,
  options?: Readonly<RecogniseOptions> | null
): {tree: Root; frontMatter: Record<string, unknown>} {
  const brand = options?.brand ?? defaultBrand()
  const processor = unified()
    .use(remarkDropBoilerplate, {texts: boilerplateTexts(brand)})
    .use(remarkWordContents)
    .use(remarkTitlePages, {labels: brand.labels})
    .use(remarkTypedHeadings)
    .use(remarkTypedLists)
    .use(remarkDigitsKey)
  const result = processor.runSync(tree, file) as Root
  const meta = importedMeta(file)
  fallBackOnProperties(meta, core, file)
  reportMissing(meta, file)
  return {tree: result, frontMatter: frontMatterOf(meta)}
}

/** The `hammurabi` template's brand data, beside src/ (or lib/ once compiled). */
export function defaultBrand(): BrandData {
  const file = new URL('../../templates/hammurabi/brand.yaml', import.meta.url)
  return brandSchema.parse(parseYaml(readFileSync(file, 'utf8')))
}

/** The document properties, only for what the pages did not give: they usually name the template's maker. */
function fallBackOnProperties(meta: ImportedMeta, core: CoreProperties, file: VFile): void {
  const title = core.title?.trim()
  if (!meta.title && title) {
    meta.title = title
    note(
      file,
      undefined,
      `The title «${title}», from the document properties (none on the title pages)`,
      'import-title'
    )
  }
  const keywords = keywordsOf(core.keywords ?? '')
  if (!meta.keywords && keywords.length > 0) {
    meta.keywords = keywords
    note(
      file,
      undefined,
      `${keywords.length} keywords, from the document properties (none on the title pages)`,
      'import-keywords'
    )
  }
  const creator = core.creator?.trim()
  if (meta.authors || !creator) return
  if (placeholderCreators.includes(foldArabic(creator))) {
    note(
      file,
      undefined,
      `The document properties name «${creator}» as author, a name Word or a template fills in: not used`,
      'import-author'
    )
    return
  }
  meta.authors = [{name: creator}]
  note(
    file,
    undefined,
    `The author «${creator}», from the document properties (none on the title pages)`,
    'import-author'
  )
}

/** Word's Tags (`cp:keywords`) field, separated by commas or semicolons, Arabic or Latin. */
function keywordsOf(text: string): string[] {
  return text
    .split(/[،,؛;]/u)
    .map((word) => word.trim())
    .filter(Boolean)
}

function reportMissing(meta: ImportedMeta, file: VFile): void {
  const missing: Array<[keyof ImportedMeta, string]> = [
    ['title', 'title'],
    ['authors', 'author'],
    ['date', 'date']
  ]
  for (const [key, what] of missing) {
    if (meta[key] === undefined)
      note(
        file,
        undefined,
        `No ${what} found: \`${key}\` is left out of the front matter, and the build will ask for it`,
        'import-missing'
      )
  }
}

/** The keys in the order the README's example writes them. */
function frontMatterOf(meta: ImportedMeta): Record<string, unknown> {
  const order: Array<keyof ImportedMeta> = [
    'title',
    'subtitle',
    'series',
    'authors',
    'date',
    'keywords',
    'numbering',
    'digits',
    'toc',
    'abstract'
  ]
  const frontMatter: Record<string, unknown> = {}
  for (const key of order) if (meta[key] !== undefined) frontMatter[key] = meta[key]
  return frontMatter
}
