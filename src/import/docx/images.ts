import path from 'node:path'
import type {Image} from 'mdast'
import {report, type Context, type Part, type Where} from './context.js'
import {cleanText} from './text.js'
import {descendant, element, type XmlElement} from './xml.js'

/** What the build shows (src/pipeline/plugins/rehype-local-images.ts); anything else is reported. */
const shown = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp'])
/** The build refuses larger images. */
const maximumImageBytes = 20 * 2 ** 20

/** A DrawingML drawing: a picture (with `descr` as its alternative text), or a text box whose paragraphs are kept. */
export function readDrawing(
  drawing: XmlElement,
  context: Context,
  part: Part,
  where: Where,
  textBoxes: XmlElement[]
): Image | undefined {
  const box = descendant(drawing, 'w:txbxContent')
  if (box) {
    textBoxes.push(box)
    return undefined
  }
  const blip = descendant(drawing, 'a:blip')
  if (!blip) return undefined
  const properties = descendant(drawing, 'wp:docPr')
  const alt = cleanText(properties?.attributes.descr ?? properties?.attributes.title ?? '').trim()
  return picture(blip.attributes['r:embed'], blip.attributes['r:link'], alt, context, part, where)
}

/** A VML picture (older files, LibreOffice): `v:imagedata`, or a `v:textbox`. */
export function readVmlImage(
  pict: XmlElement,
  context: Context,
  part: Part,
  where: Where,
  textBoxes: XmlElement[]
): Image | undefined {
  const box = descendant(pict, 'w:txbxContent')
  if (box) {
    textBoxes.push(box)
    return undefined
  }
  const data = descendant(pict, 'v:imagedata')
  if (!data) return undefined
  const shape = descendant(pict, 'v:shape') ?? element(pict, 'v:shape')
  const alt = cleanText(shape?.attributes.alt ?? data.attributes['o:title'] ?? '').trim()
  return picture(data.attributes['r:id'], undefined, alt, context, part, where)
}

function picture(
  embed: string | undefined,
  link: string | undefined,
  alt: string,
  context: Context,
  part: Part,
  where: Where
): Image | undefined {
  const relationship = embed === undefined ? undefined : part.relationships.get(embed)
  if (!relationship || relationship.external) {
    const linked = link === undefined ? relationship : part.relationships.get(link)
    report(
      context,
      where,
      `a linked image (\`${linked?.target ?? 'unknown'}\`) is not in the file and was left out: insert the picture itself`,
      'docx-image-linked'
    )
    return undefined
  }
  const name = mediaName(relationship.target, context, where)
  if (!name) return undefined
  context.counts.images++
  return {type: 'image', url: name, alt}
}

/**
 * The name an image is written under, chosen here (`media/image-3.png`), never taken from the archive:
 * the same picture used twice is written once.
 */
function mediaName(entry: string, context: Context, where: Where): string | undefined {
  const known = context.mediaNames.get(entry)
  if (known) return known
  const bytes = context.entries.get(entry)
  const extension = path.posix.extname(entry).toLowerCase()
  if (!bytes) {
    report(
      context,
      where,
      `an image the file refers to (\`${entry}\`) is missing from it and was left out`,
      'docx-image-missing'
    )
    return undefined
  }
  if (!shown.has(extension)) {
    report(
      context,
      where,
      `an image in ${extension.slice(1).toUpperCase() || 'an unknown'} format (\`${path.posix.basename(entry)}\`) was left out: no converter to PNG is available here; save it from Word as PNG and insert that`,
      'docx-image-format'
    )
    return undefined
  }
  if (bytes.byteLength > maximumImageBytes) {
    report(
      context,
      where,
      `an image of ${Math.round(bytes.byteLength / 2 ** 20)} MB was left out: the build refuses images over ${maximumImageBytes / 2 ** 20} MB`,
      'docx-image-size'
    )
    return undefined
  }
  const name = `media/image-${context.media.size + 1}${extension === '.jpeg' ? '.jpg' : extension}`
  context.media.set(name, bytes)
  context.mediaNames.set(entry, name)
  return name
}
