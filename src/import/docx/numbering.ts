import {element, elements, value, type XmlElement} from './xml.js'

export interface Level {
  /** Word's `w:numFmt`: `decimal`, `arabicAbjad`, `arabicAlpha`, `bullet`, `none` … */
  format: string
  start: number
}

export interface Numbering {
  /** Levels of each numbering instance (`w:num`), with its overrides applied. */
  levels: Map<string, Map<number, Level>>
  /** A level whose start an instance overrides: the list restarts there. */
  restarts: Map<string, Set<number>>
  /** The abstract definition behind each instance: instances sharing one continue each other's count. */
  abstract: Map<string, string>
}

export function readNumbering(root: XmlElement | undefined): Numbering {
  const abstracts = new Map<string, Map<number, Level>>()
  for (const definition of elements(root, 'w:abstractNum')) {
    abstracts.set(definition.attributes['w:abstractNumId'] ?? '', levelsOf(definition))
  }
  const numbering: Numbering = {levels: new Map(), restarts: new Map(), abstract: new Map()}
  for (const instance of elements(root, 'w:num')) {
    const id = instance.attributes['w:numId'] ?? ''
    const abstractId = value(instance, 'w:abstractNumId') ?? ''
    const levels = new Map(abstracts.get(abstractId))
    const restarts = new Set<number>()
    for (const override of elements(instance, 'w:lvlOverride')) {
      const ilvl = Number(override.attributes['w:ilvl'] ?? 0)
      const start = value(override, 'w:startOverride')
      const redefined = element(override, 'w:lvl')
      const base = redefined ? levelOf(redefined) : (levels.get(ilvl) ?? {format: 'decimal', start: 1})
      if (start !== undefined || redefined) restarts.add(ilvl)
      levels.set(ilvl, start === undefined ? base : {...base, start: Number(start)})
    }
    numbering.levels.set(id, levels)
    numbering.restarts.set(id, restarts)
    numbering.abstract.set(id, abstractId)
  }
  return numbering
}

function levelsOf(definition: XmlElement): Map<number, Level> {
  const levels = new Map<number, Level>()
  for (const level of elements(definition, 'w:lvl')) levels.set(Number(level.attributes['w:ilvl'] ?? 0), levelOf(level))
  return levels
}

function levelOf(level: XmlElement): Level {
  return {format: value(level, 'w:numFmt') ?? 'decimal', start: Number(value(level, 'w:start') ?? 1)}
}

export function isOrdered(level: Level | undefined): boolean {
  return level !== undefined && level.format !== 'bullet' && level.format !== 'none'
}

/** Formats Markdown cannot show: the list is numbered with digits, and the author told. */
export const letterFormats = new Set([
  'arabicAbjad',
  'arabicAlpha',
  'lowerLetter',
  'upperLetter',
  'lowerRoman',
  'upperRoman',
  'hebrew1',
  'hebrew2'
])
