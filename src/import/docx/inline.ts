import type {PhrasingContent} from 'mdast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {report, type Context, type Part, type Where} from './context.js'
import {readDrawing, readVmlImage} from './images.js'
import {runProperties, type StyleProperties} from './styles.js'
import {cleanText} from './text.js'
import {element, elements, toggle, value, type XmlElement} from './xml.js'

interface Marks {
  bold: boolean
  italic: boolean
  strike: boolean
  vertical?: 'sup' | 'sub'
}

type Token = {text: string; marks: Marks} | {node: PhrasingContent}

/** What a paragraph's runs gave, besides its phrasing. */
export interface Runs {
  content: PhrasingContent[]
  /** Every run with visible text is bold. */
  bold: boolean
  size?: number
  /** A page break among the runs: the next paragraph starts a page. */
  pageBreak: boolean
  /** Paragraphs of text boxes anchored here. */
  textBoxes: XmlElement[]
  changes: {inserted: number; deleted: number; comments: number}
}

interface Field {
  instruction: string
  /** Between `begin` and `separate`: text read is the instruction's, not content. */
  inInstruction: boolean
  start: number
}

interface State {
  context: Context
  part: Part
  where: Where
  style: StyleProperties | undefined
  tokens: Token[]
  runs: Runs
  /** Open fields, innermost last: their instruction, and where their result starts among the tokens. */
  fields: Field[]
  textRuns: number
  boldRuns: number
}

export function readRuns(
  paragraph: XmlElement,
  context: Context,
  part: Part,
  where: Where,
  style: StyleProperties | undefined
): Runs {
  const runs: Runs = {
    content: [],
    bold: false,
    pageBreak: false,
    textBoxes: [],
    changes: {inserted: 0, deleted: 0, comments: 0}
  }
  const state: State = {context, part, where, style, tokens: [], runs, fields: [], textRuns: 0, boldRuns: 0}
  walk(paragraph.children, state)
  runs.content = phrasing(state.tokens)
  runs.bold = state.textRuns > 0 && state.boldRuns === state.textRuns
  return runs
}

function walk(nodes: XmlElement['children'], state: State): void {
  for (const node of nodes) {
    if (typeof node === 'string') continue
    switch (node.name) {
      case 'w:r':
        run(node, state)
        break
      case 'w:hyperlink':
        hyperlink(node, state)
        break
      case 'w:ins':
      case 'w:moveTo':
        state.runs.changes.inserted++
        walk(node.children, state)
        break
      case 'w:del':
      case 'w:moveFrom':
        state.runs.changes.deleted++
        break
      case 'w:commentRangeStart':
        state.runs.changes.comments++
        break
      case 'w:smartTag':
      case 'w:customXml':
      case 'w:fldSimple':
      case 'w:dir':
      case 'w:bdo':
        walk(node.children, state)
        break
      case 'w:sdt':
        walk(element(node, 'w:sdtContent')?.children ?? [], state)
        break
      default:
        break
    }
  }
}

function run(node: XmlElement, state: State): void {
  const rPr = element(node, 'w:rPr')
  const direct = runProperties(rPr)
  const vertical = value(rPr, 'w:vertAlign')
  const marks: Marks = {
    bold: direct.bold ?? false,
    italic: direct.italic ?? false,
    strike: toggle(rPr, 'w:strike') === true || toggle(rPr, 'w:dstrike') === true,
    vertical: vertical === 'superscript' ? 'sup' : vertical === 'subscript' ? 'sub' : undefined
  }
  const size = direct.size ?? state.style?.size
  if (size !== undefined) state.runs.size = Math.max(state.runs.size ?? 0, size)
  let text = ''
  const flush = () => {
    if (text) pushText(state, text, marks)
    text = ''
  }
  for (const child of elements(node)) {
    const piece = runChild(child, state)
    if (typeof piece === 'string') text += piece
    else if (piece) {
      flush()
      state.tokens.push({node: piece})
    }
  }
  flush()
}

/** A run's child as text, a node (a break, a note call, an image), or nothing. */
function runChild(child: XmlElement, state: State): string | PhrasingContent | undefined {
  switch (child.name) {
    case 'w:t':
      return state.fields.at(-1)?.inInstruction ? '' : textOfT(child)
    case 'w:instrText':
      if (state.fields.at(-1)?.inInstruction) state.fields.at(-1)!.instruction += textOfT(child)
      return undefined
    case 'w:sym':
      return symbol(child)
    case 'w:tab':
    case 'w:ptab':
      return ' '
    case 'w:noBreakHyphen':
      return '-'
    case 'w:cr':
      return {type: 'break'}
    case 'w:br':
      if (child.attributes['w:type'] === 'page' || child.attributes['w:type'] === 'column') {
        state.runs.pageBreak = true
        return undefined
      }
      return {type: 'break'}
    case 'w:fldChar':
      fieldCharacter(child.attributes['w:fldCharType'], state)
      return undefined
    case 'w:footnoteReference':
      return noteCall(child, 'footnote', state)
    case 'w:endnoteReference':
      return noteCall(child, 'endnote', state)
    case 'w:drawing':
      return readDrawing(child, state.context, state.part, state.where, state.runs.textBoxes)
    case 'w:pict':
    case 'w:object':
      return readVmlImage(child, state.context, state.part, state.where, state.runs.textBoxes)
    case 'mc:AlternateContent':
      return alternate(child, state)
    case 'w:commentReference':
      return undefined
    default:
      return undefined
  }
}

/**
 * Word's complex fields: `begin`, the instruction, `separate`, the result, `end`. The result is the text;
 * a `HYPERLINK` field's result becomes a link (older Word files write links this way).
 */
function fieldCharacter(type: string | undefined, state: State): void {
  if (type === 'begin') {
    state.fields.push({instruction: '', inInstruction: true, start: state.tokens.length})
    return
  }
  const field = state.fields.at(-1)
  if (!field) return
  if (type === 'separate') {
    field.inInstruction = false
    field.start = state.tokens.length
  } else if (type === 'end') {
    state.fields.pop()
    const url = hyperlinkTarget(field.instruction)
    if (url === undefined) return
    const children = phrasing(state.tokens.splice(field.start))
    if (children.length > 0) state.tokens.push({node: {type: 'link', url, children: children as never}})
  }
}

/** The address of a `HYPERLINK "url"` or `HYPERLINK \l "bookmark"` instruction. */
export function hyperlinkTarget(instruction: string): string | undefined {
  const words: string[] = instruction.trim().match(/"[^"]*"|\S+/g) ?? []
  if (words[0]?.toUpperCase() !== 'HYPERLINK') return undefined
  const unquote = (word: string) => word.replace(/^"|"$/g, '')
  const local = words.indexOf('\\l')
  if (local !== -1 && words[local + 1]) return `#${unquote(words[local + 1]!)}`
  const target = words.slice(1).find((word) => !word.startsWith('\\'))
  return target ? unquote(target) : undefined
}

/** `<w:sym w:font="Symbol" w:char="F0B7"/>`: a character from a symbol font, kept when it is Unicode. */
function symbol(node: XmlElement): string {
  const code = Number.parseInt(node.attributes['w:char'] ?? '', 16)
  // Symbol fonts map their glyphs to the private-use area F000–F0FF, which no other font shows.
  return Number.isNaN(code) || (code >= 0xf000 && code <= 0xf0ff) ? '' : String.fromCodePoint(code)
}

function textOfT(node: XmlElement): string {
  return node.children.map((child) => (typeof child === 'string' ? child : '')).join('')
}

/** Markup compatibility: the choice a Word 2010 reader takes (drawings, text boxes), else the fallback. */
function alternate(node: XmlElement, state: State): PhrasingContent | undefined {
  const chosen = element(node, 'mc:Choice') ?? element(node, 'mc:Fallback')
  for (const child of elements(chosen)) {
    const piece = runChild(child, state)
    if (piece && typeof piece !== 'string') return piece
  }
  return undefined
}

function pushText(state: State, raw: string, marks: Marks): void {
  const text = cleanText(raw)
  if (!text) return
  if (text.trim()) {
    state.textRuns++
    if (marks.bold || state.style?.bold) state.boldRuns++
  }
  state.tokens.push({text, marks})
}

function hyperlink(node: XmlElement, state: State): void {
  const id = node.attributes['r:id']
  const anchor = node.attributes['w:anchor']
  const target = id === undefined ? undefined : state.part.relationships.get(id)
  const url = target?.external ? target.target : anchor ? `#${anchor}` : undefined
  const outer = state.tokens
  state.tokens = []
  walk(node.children, state)
  const inner = state.tokens
  state.tokens = outer
  if (url === undefined) {
    outer.push(...inner)
    return
  }
  const children = phrasing(inner)
  if (children.length > 0) outer.push({node: {type: 'link', url, children: children as never}})
}

function noteCall(node: XmlElement, kind: 'footnote' | 'endnote', state: State): PhrasingContent | undefined {
  const {context} = state
  const id = node.attributes['w:id'] ?? ''
  const body = context.notes[kind].get(id)
  if (!body) {
    report(
      context,
      state.where,
      `a ${kind} call whose ${kind} is missing from the file (id ${id}) was dropped`,
      'docx-note-missing'
    )
    return undefined
  }
  if (node.attributes['w:customMarkFollows'] === '1' || node.attributes['w:customMarkFollows'] === 'true') {
    report(
      context,
      state.where,
      `a ${kind} with a custom mark becomes a numbered note (the mark typed after the call is kept as text)`,
      'docx-note-mark'
    )
  }
  const label = String(context.definitions.length + 1)
  context.definitions.push({type: 'footnoteDefinition', identifier: label, label, children: []})
  context.pendingNotes.push({label, kind, body})
  return {type: 'footnoteReference', identifier: label, label}
}

/** Adjacent text of the same marks joined, then wrapped: delete inside emphasis inside strong. */
export function phrasing(tokens: Token[]): PhrasingContent[] {
  const merged: Token[] = []
  for (const token of tokens) {
    const last = merged.at(-1)
    if (last && 'text' in last && 'text' in token && sameMarks(last.marks, token.marks)) last.text += token.text
    else merged.push('text' in token ? {text: token.text, marks: token.marks} : token)
  }
  return merged.flatMap((token) => ('text' in token ? marked(token.text, token.marks) : [token.node]))
}

function sameMarks(a: Marks, b: Marks): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.strike === b.strike && a.vertical === b.vertical
}

/** Spaces at the edges go outside the marks: `** word**` is no emphasis in Markdown. */
function marked(text: string, marks: Marks): PhrasingContent[] {
  const core = text.trim()
  if (!core || (!marks.bold && !marks.italic && !marks.strike && !marks.vertical)) return [{type: 'text', value: text}]
  const before = text.slice(0, text.length - text.trimStart().length)
  const after = text.slice(text.trimEnd().length)
  let node: PhrasingContent = marks.vertical
    ? {type: 'html', value: toHtml(h(marks.vertical, core))}
    : {type: 'text', value: core}
  if (marks.strike) node = {type: 'delete', children: [node]}
  if (marks.italic) node = {type: 'emphasis', children: [node]}
  if (marks.bold) node = {type: 'strong', children: [node]}
  return [
    ...(before ? [{type: 'text', value: before} as const] : []),
    node,
    ...(after ? [{type: 'text', value: after} as const] : [])
  ]
}
