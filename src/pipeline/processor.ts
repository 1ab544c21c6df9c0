import type {Element, ElementContent, Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import {toString} from 'hast-util-to-string'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {SKIP, visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import type {Heading, Note} from '../model/types.js'
import {directionOf, type Meta} from '../manuscript/meta.js'
import rehypeBreakUrls from './plugins/rehype-break-urls.js'
import rehypeCalloutTitles from './plugins/rehype-callout-titles.js'
import rehypeCheckLinks from './plugins/rehype-check-links.js'
import rehypeCode from './plugins/rehype-code.js'
import rehypeDigits from './plugins/rehype-digits.js'
import rehypeDirection from './plugins/rehype-direction.js'
import rehypeFigures from './plugins/rehype-figures.js'
import rehypeHeadingIds from './plugins/rehype-heading-ids.js'
import rehypeLocalImages from './plugins/rehype-local-images.js'
import rehypeLongWords from './plugins/rehype-long-words.js'
import rehypeNumberSections from './plugins/rehype-number-sections.js'
import rehypeReportUnsafe from './plugins/rehype-report-unsafe.js'
import rehypeUniqueIds from './plugins/rehype-unique-ids.js'
import remarkChecks from './plugins/remark-checks.js'
import remarkContainers from './plugins/remark-containers.js'
import remarkDialectLeftovers from './plugins/remark-dialect-leftovers.js'
import remarkMeta from './plugins/remark-meta.js'
import remarkSectionHeadings from './plugins/remark-section-headings.js'
import {hasErrors} from '../core/messages.js'
import {sanitizeSchema} from './sanitize-schema.js'

export interface Labels {
  /** The heading of the notes, for screen readers. */
  notes: string
  /** The label of a note's link back to its call. */
  noteBack: string
  /** The words before figure and table numbers. */
  figure?: string
  table?: string
  /** The titles of boxed notes written without one (`:::tip`), by kind: note, tip, warning. */
  callouts?: Partial<Record<string, string>>
}

/**
 * Markdown to mdast: the syntax the centre's manuscripts may use, and the front matter read and checked.
 * Built once; running it is per file.
 */
const markdown = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkContainers)
  .use(remarkSectionHeadings)
  .use(remarkDialectLeftovers)
  .use(remarkChecks)

export async function parseManuscript(file: VFile): Promise<MdastRoot> {
  const tree = markdown.parse(file)
  await unified().use(remarkMeta).run(tree, file)
  // A manuscript whose front matter fails is reported for that alone: the rest would only add noise.
  if (hasErrors(file)) return tree
  return (await markdown.run(tree, file)) as MdastRoot
}

/** A fragment of Markdown with no front matter (the abstract): the same syntax, the same hast plugins. */
export async function parseFragment(file: VFile): Promise<MdastRoot> {
  return (await markdown.run(markdown.parse(file), file)) as MdastRoot
}

/** The ids of the parts the writers add around the text (src/parts/pages.ts): no author's id may take them. */
const partIds = ['title', 'text', 'abstract-heading', 'contents-heading', 'notes-heading']

export interface HastOptions {
  meta: Meta
  folder: string
  labels: Labels
  /** Prefix for generated ids, so that fragments rendered beside the body never collide with it. */
  idPrefix?: string
  /** Ids elsewhere in the publication that links of this tree may lead to. */
  otherIds?: ReadonlySet<string>
}

/**
 * mdast to the document's hast, the one model every writer reads: raw HTML parsed and sanitized, images
 * checked, headings given ids and numbers, directions of mixed text decided, digits localized.
 */
export async function toHast(tree: MdastRoot, file: VFile, options: HastOptions): Promise<HastRoot> {
  const {meta, labels} = options
  const processor = unified()
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: options.idPrefix ?? '',
      footnoteLabel: labels.notes,
      footnoteBackLabel: labels.noteBack,
      footnoteBackContent: '↩'
    })
    .use(rehypeRaw)
    .use(rehypeReportUnsafe)
    // Before sanitizing: a remote or missing image is an error to report, not something to drop silently.
    .use(rehypeLocalImages, {folder: options.folder})
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeUniqueIds, {reserved: partIds})
    .use(rehypeCalloutTitles, {labels: labels.callouts})
    .use(rehypeFigures, {figureLabel: labels.figure, tableLabel: labels.table})
    .use(rehypeHeadingIds, {prefix: options.idPrefix ?? '', reserved: partIds})
    .use(rehypeCheckLinks, {baseUrl: meta.baseUrl, otherIds: options.otherIds})
    .use(rehypeNumberSections, {numbering: meta.numbering})
    // Before the direction model: code and addresses carry their own `dir`, which it takes as left-to-right pieces.
    .use(rehypeCode)
    .use(rehypeBreakUrls)
    .use(rehypeLongWords)
    .use(rehypeDirection, {direction: directionOf(meta.lang), digits: meta.digits})
    .use(rehypeDigits, {digits: meta.digits})
  return processor.run(tree, file) as Promise<HastRoot>
}

/** Headings h2–h6 of a body, in order. */
export function collectHeadings(tree: HastRoot): Heading[] {
  const headings: Heading[] = []
  visit(tree, 'element', function (element: Element) {
    const depth = /^h([2-6])$/.exec(element.tagName)?.[1]
    if (!depth) return
    // The number as printed (digits localized, with its separator: «أولاً:», «١.»).
    const number = element.children.find(
      (child): child is Element => child.type === 'element' && hasClass(child, 'section-number')
    )
    const text = toString({
      type: 'root',
      children: element.children.filter((child) => child !== number)
    })
    headings.push({
      depth: Number(depth),
      id: String(element.properties.id ?? ''),
      text: text.trim(),
      number: number ? toString(number).trim() : undefined
    })
    return SKIP
  })
  return headings
}

/**
 * Takes the GFM footnotes section out of the body: each writer places notes its own way (at the end of
 * the printed text, beside their calls in the e-book).
 */
export function extractNotes(tree: HastRoot): Note[] {
  const notes: Note[] = []
  const calls = new Map<string, string>()
  visit(tree, 'element', function (element: Element) {
    if (element.tagName === 'a' && element.properties.dataFootnoteRef !== undefined) {
      calls.set(String(element.properties.href ?? '').replace(/^#/, ''), String(element.properties.id ?? ''))
      // It pointed at the notes' heading, which leaves with them; each writer labels notes its own way.
      delete element.properties.ariaDescribedBy
    }
  })

  visit(tree, 'element', function (element: Element, index, parent) {
    if (!(element.tagName === 'section' && element.properties.dataFootnotes !== undefined)) return
    const list = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'ol')
    for (const item of list?.children ?? []) {
      if (item.type !== 'element' || item.tagName !== 'li') continue
      const id = String(item.properties.id ?? '')
      notes.push({id, callId: calls.get(id) ?? '', number: notes.length + 1, content: withoutBackLinks(item.children)})
    }
    if (parent && index !== undefined) parent.children.splice(index, 1)
    return [SKIP, index]
  })
  return notes
}

function withoutBackLinks(children: ElementContent[]): ElementContent[] {
  const result: ElementContent[] = []
  for (const child of children) {
    if (child.type === 'element') {
      if (child.tagName === 'a' && child.properties.dataFootnoteBackref !== undefined) continue
      result.push({...child, children: withoutBackLinks(child.children)})
    } else if (child.type === 'text' && result.length === 0 && child.value.trim() === '') {
    } else {
      result.push(child)
    }
  }
  while (result.at(-1)?.type === 'text' && (result.at(-1) as {value: string}).value.trim() === '') result.pop()
  // The back link leaves a trailing space behind it.
  const last = result.at(-1)
  if (last?.type === 'element' && last.tagName === 'p') {
    const tail = last.children.at(-1)
    if (tail?.type === 'text') tail.value = tail.value.trimEnd()
  }
  return result
}

export function hasClass(element: Element, name: string): boolean {
  const value = element.properties.className
  return Array.isArray(value) ? value.includes(name) : value === name
}
