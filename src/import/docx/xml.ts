import {ENTITY_ACTION, EntityDecoder, XML} from '@nodable/entities'
import {XMLParser} from 'fast-xml-parser'
import {DocxError} from './zip.js'

/** An element of a Word part: its qualified name (`w:p`), attributes, and children in document order. */
export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlNode[]
}

export type XmlNode = XmlElement | string

type Ordered = Record<string, unknown> & {':@'?: Record<string, string>}

/**
 * A Word part parsed by fast-xml-parser. Word never declares entities, so a DOCTYPE that does is refused:
 * nothing is fetched (external entities) or expanded (billion laughs). Only XML's own five names and
 * character references are decoded.
 */
export function parseXml(text: string, part: string): XmlElement {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: {enabled: true, maxEntityCount: 1},
    entityDecoder: new EntityDecoder({
      namedEntities: XML,
      numericAllowed: true,
      onInputEntity: () => ENTITY_ACTION.THROW
    })
  })
  let parsed: Ordered[]
  try {
    parsed = parser.parse(text) as Ordered[]
  } catch (error) {
    throw new DocxError(`\`${part}\` is not well-formed XML: ${(error as Error).message}`, 'docx-bad-xml')
  }
  const root = parsed
    .map(toNode)
    .find((node): node is XmlElement => typeof node !== 'string' && !node.name.startsWith('?'))
  if (!root) throw new DocxError(`\`${part}\` has no root element`, 'docx-bad-xml')
  return root
}

function toNode(item: Ordered): XmlNode {
  const name = Object.keys(item).find((key) => key !== ':@') ?? ''
  const value = item[name]
  if (name === '#text') return String(value)
  return {name, attributes: item[':@'] ?? {}, children: Array.isArray(value) ? (value as Ordered[]).map(toNode) : []}
}

export function elements(node: XmlElement | undefined, name?: string): XmlElement[] {
  if (!node) return []
  return node.children.filter(
    (child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name)
  )
}

export function element(node: XmlElement | undefined, name: string): XmlElement | undefined {
  return node?.children.find((child): child is XmlElement => typeof child !== 'string' && child.name === name)
}

/** The first descendant of that name, depth first. */
export function descendant(node: XmlElement | undefined, name: string): XmlElement | undefined {
  for (const child of elements(node)) {
    if (child.name === name) return child
    const found = descendant(child, name)
    if (found) return found
  }
  return undefined
}

export function textOf(node: XmlElement | undefined): string {
  if (!node) return ''
  return node.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('')
}

/** `w:val` of a child property (`<w:pStyle w:val="Heading1"/>`). */
export function value(node: XmlElement | undefined, name: string): string | undefined {
  return element(node, name)?.attributes['w:val']
}

/**
 * An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): undefined when absent, so style chains can tell
 * "not said" from "switched off".
 */
export function toggle(node: XmlElement | undefined, name: string): boolean | undefined {
  const found = element(node, name)
  if (!found) return undefined
  const given = found.attributes['w:val']
  return given === undefined || !['0', 'false', 'off', 'none'].includes(given)
}
