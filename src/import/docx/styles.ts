import {element, elements, toggle, value, type XmlElement} from './xml.js'

/** What a paragraph or run takes from a style, after its `basedOn` chain. */
export interface StyleProperties {
  name?: string
  outlineLevel?: number
  bold?: boolean
  italic?: boolean
  size?: number
  align?: string
  numId?: string
  ilvl?: number
}

interface RawStyle extends StyleProperties {
  basedOn?: string
}

export type Styles = Map<string, StyleProperties>

/** Paragraph styles by id, each resolved through its `basedOn` chain (a loop in the chain is cut). */
export function readStyles(root: XmlElement | undefined): Styles {
  const raw = new Map<string, RawStyle>()
  for (const style of elements(root, 'w:style')) {
    const id = style.attributes['w:styleId']
    if (id !== undefined && (style.attributes['w:type'] ?? 'paragraph') === 'paragraph') raw.set(id, rawStyle(style))
  }
  const resolved: Styles = new Map()
  for (const id of raw.keys()) resolved.set(id, resolve(raw, id))
  return resolved
}

function rawStyle(style: XmlElement): RawStyle {
  const pPr = element(style, 'w:pPr')
  const numPr = element(pPr, 'w:numPr')
  const level = value(pPr, 'w:outlineLvl')
  const ilvl = value(numPr, 'w:ilvl')
  return {
    name: value(style, 'w:name'),
    basedOn: value(style, 'w:basedOn'),
    outlineLevel: level === undefined ? undefined : Number(level),
    ...runProperties(element(style, 'w:rPr')),
    align: value(pPr, 'w:jc'),
    numId: value(numPr, 'w:numId'),
    ilvl: ilvl === undefined ? undefined : Number(ilvl)
  }
}

/** Bold and italic as Word shows them in Arabic text too: the complex-script properties count. */
export function runProperties(rPr: XmlElement | undefined): Pick<StyleProperties, 'bold' | 'italic' | 'size'> {
  const size = value(rPr, 'w:sz') ?? value(rPr, 'w:szCs')
  return {
    bold: either(toggle(rPr, 'w:b'), toggle(rPr, 'w:bCs')),
    italic: either(toggle(rPr, 'w:i'), toggle(rPr, 'w:iCs')),
    size: size === undefined ? undefined : Number(size)
  }
}

function either(latin: boolean | undefined, complex: boolean | undefined): boolean | undefined {
  if (latin === undefined && complex === undefined) return undefined
  return latin === true || complex === true
}

function resolve(raw: Map<string, RawStyle>, id: string): StyleProperties {
  const chain: RawStyle[] = []
  const seen = new Set<string>()
  for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = raw.get(at)?.basedOn) {
    seen.add(at)
    const style = raw.get(at)
    if (style) chain.push(style)
  }
  const merged: StyleProperties = {name: raw.get(id)?.name}
  for (const style of chain.reverse()) {
    for (const key of ['outlineLevel', 'bold', 'italic', 'size', 'align', 'numId', 'ilvl'] as const) {
      if (style[key] !== undefined) (merged as Record<string, unknown>)[key] = style[key]
    }
  }
  return merged
}

/**
 * The heading level (0-based) a style gives: Word's built-in `heading N`, or any style (an Arabic or renamed
 * one) with an outline level. Level 9 is Word's "body text".
 */
export function headingLevel(
  style: StyleProperties | undefined,
  paragraphLevel: number | undefined
): number | undefined {
  const level = paragraphLevel ?? style?.outlineLevel ?? builtInLevel(style?.name)
  return level !== undefined && level >= 0 && level < 9 ? level : undefined
}

function builtInLevel(name: string | undefined): number | undefined {
  const match = /^heading ([1-9])$/i.exec(name?.trim() ?? '')
  return match ? Number(match[1]) - 1 : undefined
}
