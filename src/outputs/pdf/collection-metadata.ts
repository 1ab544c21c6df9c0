import type {Brand} from '../../brand/brand.js'
import type {Collection} from '../../model/types.js'
import {citationOf, collectionLabels, editorsOf, issueLine} from '../../parts/collection.js'
import {localizeDigits} from '../../arabic/digits.js'
import type {LayoutResult} from './paginate.js'
import {describeDocument, printedTrees, type PdfDescription} from './postprocess.js'

/**
 * The collection's PDF: its title and editors, its series and issue as subject, every paper's text for the
 * text passes; bookmarks with each paper's title above its sections (the collection's own parts first, each
 * on its own), and page labels equal to the folios.
 */
export function describeCollection(collection: Collection, brand: Brand, layout: LayoutResult): PdfDescription {
  const {meta} = collection
  const opening = layout.papers?.[0]?.first ?? layout.pages + 1
  const keywords = [...new Set(collection.papers.flatMap((paper) => paper.meta.keywords ?? []))]
  const subject = [meta.series, issueLine(meta, collectionLabels(brand))].filter(Boolean).join('، ')
  return {
    title: meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title,
    author: editorsOf(collection)
      .map((editor) => editor.name)
      .join('، '),
    subject: subject ? localizeDigits(subject, meta.digits) : meta.subtitle,
    keywords: keywords.length > 0 ? keywords : undefined,
    lang: meta.lang,
    dir: collection.dir,
    printed: collection.papers.flatMap(printedTrees),
    // A paper's title (h1) heads its sections; the collection's own parts stand each at the top.
    bookmarks: layout.headings.map((heading) => ({...heading, level: heading.page < opening ? 1 : heading.level})),
    identity: collectionIdentity(collection),
    firstFolio: 1
  }
}

/**
 * A paper's offprint: the paper's own metadata, the collection's citation (with the pages) as its subject,
 * its bookmarks on its own pages, page labels from its first folio.
 */
export function describeOffprint(
  collection: Collection,
  index: number,
  brand: Brand,
  layout: LayoutResult
): PdfDescription {
  const document = collection.papers[index]!
  const {first, last} = layout.papers![index]!
  const labels = collectionLabels(brand)
  const pages = localizeDigits(`${first}–${last}`, collection.meta.digits)
  const own = layout.headings
    .filter((heading) => heading.page >= first && heading.page <= last)
    .map((heading) => ({...heading, page: heading.page - first + 1}))
  const description = describeDocument(document, {...layout, headings: own})
  return {
    ...description,
    subject: `${labels.offprint}: ${citationOf(collection, labels)} ${pages}`,
    identity: `${collectionIdentity(collection)}\n${index}\n${first}-${last}`,
    firstFolio: first
  }
}

function collectionIdentity(collection: Collection): string {
  return JSON.stringify([collection.meta, ...collection.papers.map((paper) => String(paper.file.value))])
}
