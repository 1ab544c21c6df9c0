import type {BlockContent, PhrasingContent, Table, TableCell} from 'mdast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {readBlocks} from './blocks.js'
import type {Context, Part} from './context.js'
import {element, elements, value, type XmlElement} from './xml.js'

interface Cell {
  blocks: BlockContent[]
  columns: number
  rows: number
  /** Covered by the cell above (`w:vMerge` continuing it). */
  covered: boolean
}

/**
 * A Word table: a GFM table when Markdown can hold it, else an HTML table whose cells hold Markdown
 * (merged cells, or cells with lists, tables or headings in them).
 */
export function readTable(table: XmlElement, context: Context, part: Part): BlockContent[] {
  const rows = elements(table, 'w:tr').map((row) => elements(row, 'w:tc').map((cell) => readCell(cell, context, part)))
  if (rows.length === 0) return []
  context.counts.tables++
  mergeRows(rows)
  const simple = rows.every((row) =>
    row.every(
      (cell) =>
        cell.columns === 1 &&
        cell.rows === 1 &&
        !cell.covered &&
        cell.blocks.every((block) => block.type === 'paragraph')
    )
  )
  return simple ? [gfmTable(rows)] : htmlTable(rows)
}

function readCell(cell: XmlElement, context: Context, part: Part): Cell {
  const tcPr = element(cell, 'w:tcPr')
  const merge = element(tcPr, 'w:vMerge')
  return {
    blocks: readBlocks(cell, context, part),
    columns: Number(value(tcPr, 'w:gridSpan') ?? 1),
    rows: 1,
    covered: merge !== undefined && (merge.attributes['w:val'] ?? 'continue') === 'continue'
  }
}

/** A cell that starts a vertical merge spans the rows whose cell at the same grid column continues it. */
function mergeRows(rows: Cell[][]): void {
  const columnOf = (row: Cell[], index: number) => row.slice(0, index).reduce((sum, cell) => sum + cell.columns, 0)
  rows.forEach((row, rowIndex) => {
    row.forEach((cell, index) => {
      if (cell.covered) return
      const column = columnOf(row, index)
      for (let below = rowIndex + 1; below < rows.length; below++) {
        const next = rows[below]!.find((_, at) => columnOf(rows[below]!, at) === column)
        if (!next?.covered) break
        cell.rows++
      }
    })
  })
}

function gfmTable(rows: Cell[][]): Table {
  const width = Math.max(...rows.map((row) => row.length))
  return {
    type: 'table',
    align: Array.from({length: width}, (_, index) =>
      rows.slice(1).every((row) => firstAlign(row[index]) === 'center') && rows.length > 1 ? 'center' : null
    ),
    children: rows.map((row) => ({
      type: 'tableRow',
      children: Array.from(
        {length: width},
        (_, index): TableCell => ({type: 'tableCell', children: cellPhrasing(row[index])})
      )
    }))
  }
}

/**
 * Only centring carries over: Word's start and end are logical, GFM's left and right physical, and the
 * build aligns a cell to its text's start anyway.
 */
function firstAlign(cell: Cell | undefined): string | undefined {
  return cell?.blocks[0]?.data?.docx?.align
}

/** A cell's paragraphs on one Markdown line, separated by `<br>`. */
function cellPhrasing(cell: Cell | undefined): PhrasingContent[] {
  const paragraphs = (cell?.blocks ?? []).flatMap((block) => (block.type === 'paragraph' ? [block.children] : []))
  return paragraphs.flatMap((children, index) =>
    index === 0 ? children : [{type: 'html', value: '<br>'} as const, ...children]
  )
}

/**
 * HTML blocks around Markdown blocks: a blank line after `<td>` lets the cell's content be read as
 * Markdown again, notes and emphasis included.
 */
function htmlTable(rows: Cell[][]): BlockContent[] {
  const blocks: BlockContent[] = [{type: 'html', value: '<table>'}]
  rows.forEach((row, index) => {
    blocks.push({type: 'html', value: '<tr>'})
    for (const cell of row) {
      if (cell.covered) continue
      const name = index === 0 ? 'th' : 'td'
      blocks.push({type: 'html', value: openTag(name, cell)}, ...cell.blocks, {type: 'html', value: `</${name}>`})
    }
    blocks.push({type: 'html', value: '</tr>'})
  })
  blocks.push({type: 'html', value: '</table>'})
  return joinHtml(blocks)
}

/** Tags in a row written as one HTML block, so the table stays readable in the Markdown. */
function joinHtml(blocks: BlockContent[]): BlockContent[] {
  const joined: BlockContent[] = []
  for (const block of blocks) {
    const last = joined.at(-1)
    if (last?.type === 'html' && block.type === 'html')
      joined[joined.length - 1] = {type: 'html', value: `${last.value}\n${block.value}`}
    else joined.push(block)
  }
  return joined
}

function openTag(name: string, cell: Cell): string {
  const properties = {
    colSpan: cell.columns > 1 ? cell.columns : undefined,
    rowSpan: cell.rows > 1 ? cell.rows : undefined
  }
  const html = toHtml(h(name, properties))
  return html.slice(0, html.length - `</${name}>`.length)
}
