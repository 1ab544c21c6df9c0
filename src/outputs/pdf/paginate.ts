/**
 * Pagination, run inside the page before printing. Chromium has no `float: footnote`, no
 * `target-counter()` and no running elements, so the flowing parts of a publication (abstract, contents,
 * body) are laid out here into sheets, each exactly one page's text area: the text first, the notes of
 * the calls on that sheet at its foot. Paragraphs split between lines (never leaving one line alone),
 * lists between items, tables between rows with their header repeated; headings stay with what follows.
 * Then the contents page gets its page numbers, which are now known.
 *
 * These functions reach the page as their source text, all of this module's exports in one script (see
 * `page-script.ts`): each calls nothing but the others, so every function here is exported, none keeps
 * state outside its arguments, and only types are imported.
 */

export interface LayoutResult {
  /** Pages the document will print to. */
  pages: number
  /** Each heading with an id: the page it is on (1-based) and its distance from the page's top edge. */
  headings: Array<{level: number; text: string; page: number; top: number}>
  /** In a collection: each paper's first and last page (1-based), in order. */
  papers?: Array<{first: number; last: number}>
}

export interface LayoutOptions {
  /** The top margin of text pages, in CSS pixels: headings' positions are measured from the page edge. */
  marginTop: number
}

/** One page's text area: its text, then the notes called in it. */
export interface Sheet {
  element: HTMLElement
  body: HTMLElement
  notes: HTMLElement
  list: HTMLElement
}

/** A flow being laid out. */
export interface Flowing {
  flow: HTMLElement
  /** Every note of the publication, by id. */
  notes: ReadonlyMap<string, HTMLElement>
  /** The sheet being filled. */
  sheet: Sheet
  /** A note too long for its page: the rest of its text, carried to the foot of the next one. */
  carried: HTMLElement | undefined
}

interface TextPosition {
  node: Text
  offset: number
}

/** Lines of a paragraph, and rows of a table, kept at least on each side of a page break. */
export const minimumLines = 2

export function paginate(options: LayoutOptions): LayoutResult {
  const flows = [...document.querySelectorAll<HTMLElement>('[data-flow]')]
  const notes = takeNotes()
  for (const flow of flows) layOutFlow(flow, notes)
  startOnSides()
  // Every fixed page and every sheet is one page.
  const pages = [...document.querySelectorAll<HTMLElement>('.page, .sheet')]
  numberContents(pages)
  const papers = placePapers(pages)
  return {
    pages: pages.length,
    headings: placeHeadings(pages, options.marginTop),
    ...(papers.length > 0 ? {papers} : {})
  }
}

/** The notes, taken out of the list at the end of the text: each goes to the foot of its call's sheet. */
export function takeNotes(): Map<string, HTMLElement> {
  const notes = new Map<string, HTMLElement>()
  for (const note of document.querySelectorAll<HTMLElement>('.notes li.note')) notes.set(note.id, note)
  document.querySelector('.notes')?.remove()
  // A collection has a list of notes in each paper.
  for (const note of notes.values()) note.closest('.notes')?.remove()
  return notes
}

/**
 * A part that opens on one side of the spread (a collection's paper, on a recto: an odd page) gets a blank
 * page before it when it would open on the other. The blank page is counted and prints nothing.
 */
export function startOnSides(): void {
  let count = 0
  for (const page of document.querySelectorAll<HTMLElement>('.page, .sheet')) {
    const part = page.closest<HTMLElement>('[data-starts-on]')
    const opening = part && (part.matches('.page, .sheet') ? part : part.querySelector('.page, .sheet'))
    if (part && opening === page && (count % 2 === 0) !== (part.dataset.startsOn === 'recto')) {
      part.before(blankPage())
      count++
    }
    count++
  }
}

export function blankPage(): HTMLElement {
  const blank = document.createElement('div')
  blank.className = 'page blank-page'
  blank.setAttribute('aria-hidden', 'true')
  return blank
}

/** Each paper's pages in a collection, printed where its citation line asks for them. */
export function placePapers(pages: HTMLElement[]): Array<{first: number; last: number}> {
  return [...document.querySelectorAll<HTMLElement>('[data-paper]')].map((paper) => {
    const own = pages.filter((page) => paper.contains(page))
    const first = own.length > 0 ? pages.indexOf(own[0]!) + 1 : 0
    const last = own.length > 0 ? pages.indexOf(own.at(-1)!) + 1 : 0
    for (const range of paper.querySelectorAll('.paper-pages'))
      range.textContent = `${localize(String(first))}–${localize(String(last))}`
    return {first, last}
  })
}

export function layOutFlow(flow: HTMLElement, notes: ReadonlyMap<string, HTMLElement>): void {
  const queue = flowBlocks(flow)
  // A part with nothing in it (a manuscript of front matter only) prints no page.
  if (queue.length === 0) {
    flow.remove()
    return
  }
  const flowing: Flowing = {flow, notes, sheet: newSheet(flow, undefined, notes), carried: undefined}
  while (queue.length > 0) {
    const block = queue.shift()!
    flowing.sheet.body.append(block)
    if (fits(flowing)) continue
    placeOverflow(flowing, block, queue)
    if (queue.length === 0 && !flowing.carried) break
    turnSheet(flowing)
  }
  while (flowing.carried) {
    nextSheet(flowing)
    if (!fits(flowing)) carryLongNote(flowing)
  }
}

/**
 * The blocks of a flow, taken out of it. Text lying in the flow itself goes in a paragraph of its own:
 * left behind, it would sit above the sheets and push each of them across a page's edge.
 */
export function flowBlocks(flow: HTMLElement): HTMLElement[] {
  const blocks: HTMLElement[] = []
  for (const node of [...flow.childNodes]) {
    if (node instanceof Element) {
      blocks.push(node as HTMLElement)
    } else if (node instanceof Text && node.data.trim() !== '') {
      const paragraph = document.createElement('p')
      node.replaceWith(paragraph)
      paragraph.append(node)
      blocks.push(paragraph)
    }
  }
  for (const block of blocks) block.remove()
  return blocks
}

/**
 * A block that does not fit on its sheet: split, with its rest first on the next sheet; moved whole to the
 * next sheet; or, alone on the sheet and taller than it (a huge image or table), left clipped rather than
 * sent on from sheet to sheet (unless a long note, not the block, is what overflows).
 */
export function placeOverflow(flowing: Flowing, block: HTMLElement, queue: HTMLElement[]): void {
  const rest = split(flowing, block)
  if (rest) {
    queue.unshift(rest)
  } else if (flowing.sheet.body.children.length > 1) {
    block.remove()
    queue.unshift(block)
  } else if (!carryLongNote(flowing)) {
    block.classList.add('overflowing')
  }
}

/** Starts the next sheet, taking on the headings that ended the full one. */
export function turnSheet(flowing: Flowing): void {
  const full = flowing.sheet
  syncNotes(full, flowing.notes)
  nextSheet(flowing)
  keepHeadingsWithNext(full, flowing.sheet, flowing.notes)
}

/** Starts the next sheet, with the note carried from the last one at its foot. */
export function nextSheet(flowing: Flowing): void {
  flowing.sheet = newSheet(flowing.flow, flowing.carried, flowing.notes)
  flowing.carried = undefined
}

export function newSheet(
  flow: HTMLElement,
  carried: HTMLElement | undefined,
  notes: ReadonlyMap<string, HTMLElement>
): Sheet {
  const element = document.createElement('div')
  element.className = 'sheet'
  const body = document.createElement('div')
  body.className = 'sheet-body'
  const foot = document.createElement('div')
  foot.className = 'sheet-notes'
  foot.setAttribute('role', 'doc-endnotes')
  const list = document.createElement('ol')
  foot.append(list)
  element.append(body, foot)
  flow.append(element)
  const sheet = {element, body, notes: foot, list}
  if (carried) list.append(carried)
  syncNotes(sheet, notes)
  return sheet
}

/** The sheet's notes are those called in its text, in order (a continued note first). */
export function syncNotes(sheet: Sheet, notes: ReadonlyMap<string, HTMLElement>): void {
  const wanted = calledNotes(sheet.body, notes)
  for (const child of [...sheet.list.children]) {
    if (!child.classList.contains('note-continued') && !wanted.includes(child as HTMLElement)) child.remove()
  }
  for (const note of wanted) sheet.list.append(note)
  sheet.notes.hidden = sheet.list.children.length === 0
}

/** The notes called in a stretch of text, each once, in the order of their first calls. */
export function calledNotes(text: HTMLElement, notes: ReadonlyMap<string, HTMLElement>): HTMLElement[] {
  const called: HTMLElement[] = []
  for (const call of text.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]')) {
    const note = notes.get(decodeURIComponent(call.getAttribute('href')!.slice(1)))
    if (note && !called.includes(note)) called.push(note)
  }
  return called
}

/** Whether the sheet being filled holds its text and the notes called in it. */
export function fits(flowing: Flowing): boolean {
  const {sheet} = flowing
  syncNotes(sheet, flowing.notes)
  const used = sheet.body.offsetHeight + (sheet.notes.hidden ? 0 : sheet.notes.offsetHeight)
  return used <= sheet.element.clientHeight + 0.5
}

export function isHeading(element: Element): boolean {
  return ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'].includes(element.tagName)
}

/** Blocks that split between lines of their text (when they hold no blocks). */
export function isTextBlock(element: Element): boolean {
  return (
    ['P', 'LI', 'DD', 'DT', 'BLOCKQUOTE', 'FIGCAPTION', 'PRE'].includes(element.tagName) && !hasBlockChildren(element)
  )
}

/** Blocks that split between their children. */
export function isContainer(element: Element): boolean {
  return ['OL', 'UL', 'BLOCKQUOTE', 'DIV', 'SECTION', 'LI', 'DL', 'ASIDE'].includes(element.tagName)
}

export function hasBlockChildren(element: Element): boolean {
  return [...element.children].some(
    (child) => getComputedStyle(child).display !== 'inline' && !['BR', 'SUP', 'SUB', 'IMG'].includes(child.tagName)
  )
}

/** Splits an overflowing block placed last on the sheet; returns the part for the next sheet. */
export function split(flowing: Flowing, element: HTMLElement): HTMLElement | undefined {
  const page = flowing.sheet.element.clientHeight
  // A heading stays whole, unless it is taller than half a page (then it is text like any other).
  if (isHeading(element)) return element.offsetHeight > page / 2 ? splitLines(flowing, element) : undefined
  // Lists break between items: an item goes whole to the next sheet, unless it opens this one already
  // or is taller than a page (it breaks somewhere all the same: here, rather than after a gap).
  if (element.tagName === 'LI' && !opensSheet(flowing.sheet, element) && element.offsetHeight <= page) return undefined
  if (element.tagName === 'FIGURE' || element.tagName === 'HR') return undefined
  // A short boxed note moves whole to the next page rather than leave its title behind.
  if (element.classList.contains('callout') && element.offsetHeight < page / 4) return undefined
  if (element.tagName === 'TABLE') return splitTable(flowing, element as HTMLTableElement)
  if (isTextBlock(element)) return splitLines(flowing, element)
  if (isContainer(element)) return splitContainer(flowing, element)
  return undefined
}

/**
 * Whether nothing but headings comes before `element` on the sheet: then moving it to the next sheet
 * gains no room, since the headings would go with it.
 */
export function opensSheet(sheet: Sheet, element: Element): boolean {
  for (let node: Element | null = element; node && node !== sheet.body; node = node.parentElement) {
    for (let before = node.previousElementSibling; before; before = before.previousElementSibling) {
      if (!isHeading(before)) return false
    }
  }
  return true
}

/** Splits a text block after the most lines that fit, keeping two lines at least on each side. */
export function splitLines(flowing: Flowing, element: HTMLElement): HTMLElement | undefined {
  const starts = lineStarts(element)
  const lines = starts.length + 1
  for (let first = lines - minimumLines; first >= minimumLines; first--) {
    const rest = cut(element, starts[first - 1]!)
    if (fits(flowing)) return rest
    join(element, rest)
  }
  return undefined
}

/**
 * The positions where each line of a text block begins (but the first): the start of the first word
 * whose box sits lower than the word before it. Words too long for a line and addresses, which the
 * pipeline marks (`.long-word`, `.url`), break between letters: there, any letter may begin a line.
 * In a code block a line begins after a line break, its indentation included.
 */
export function lineStarts(element: HTMLElement): TextPosition[] {
  const starts: TextPosition[] = []
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
  const range = document.createRange()
  let lineBottom = Number.NEGATIVE_INFINITY
  let previousWasSpace = true
  let previousWasBreak = false
  const verbatim = element.tagName === 'PRE'
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.data
    const unspaced = node.parentElement?.closest('.long-word, .url') != null
    for (let offset = 0; offset < text.length; offset++) {
      const space = /\s/.test(text[offset]!)
      if ((!space && (previousWasSpace || unspaced)) || (verbatim && previousWasBreak)) {
        range.setStart(node, offset)
        range.setEnd(node, offset + 1)
        const box = range.getBoundingClientRect()
        if (box.height > 0) {
          if (lineBottom !== Number.NEGATIVE_INFINITY && box.top >= lineBottom - 1) {
            starts.push({node, offset})
            lineBottom = box.bottom
          } else {
            lineBottom = Math.max(lineBottom, box.bottom)
          }
        }
      }
      previousWasSpace = space
      previousWasBreak = text[offset] === '\n'
    }
  }
  return starts
}

export function shallowClone(element: HTMLElement): HTMLElement {
  const clone = element.cloneNode(false) as HTMLElement
  clone.removeAttribute('id')
  return clone
}

/** Splits a text block at a line start: the block keeps what comes before, the returned clone the rest. */
export function cut(element: HTMLElement, at: TextPosition): HTMLElement {
  const range = document.createRange()
  range.setStart(at.node, at.offset)
  range.setEndAfter(element.lastChild!)
  const rest = shallowClone(element)
  rest.append(range.extractContents())
  // An inline element cut in two keeps its id on the first half only.
  for (const copy of rest.querySelectorAll('[id]')) {
    if (document.getElementById(copy.id)) copy.removeAttribute('id')
  }
  element.classList.add('split-start')
  rest.classList.add('split-end')
  return rest
}

/** Undoes `cut`. */
export function join(element: HTMLElement, rest: HTMLElement): void {
  const boundary = element.lastChild
  element.append(...rest.childNodes)
  mergeHalves(boundary)
  element.classList.remove('split-start')
  element.normalize()
}

/**
 * An inline element cut in two is made one again: left as two, two `dir` isolates on one line would be
 * ordered right to left in Arabic text, the second half of a Latin phrase or word before the first.
 */
export function mergeHalves(first: ChildNode | null): void {
  let left = first
  while (left instanceof Element && left.nextSibling instanceof Element && sameShallow(left, left.nextSibling)) {
    const right = left.nextSibling
    const inner = left.lastChild
    left.append(...right.childNodes)
    right.remove()
    left = inner
  }
}

/** The same element apart from its id, which `cut` leaves on the first half only. */
export function sameShallow(a: Element, b: Element): boolean {
  const attributes = (element: Element) =>
    [...element.attributes]
      .filter((attribute) => attribute.name !== 'id')
      .map((attribute) => `${attribute.name}=${attribute.value}`)
      .sort()
      .join('\n')
  return a.tagName === b.tagName && attributes(a) === attributes(b)
}

/**
 * Splits a list, a quotation or a box between its children: the most that fit stay, and the next child
 * follows them in part if it splits; a first child too tall for the sheet splits in its turn.
 */
export function splitContainer(flowing: Flowing, element: HTMLElement): HTMLElement | undefined {
  const rest = shallowClone(element)
  moveTailUntilFits(flowing, element, rest, 1)
  if (!fits(flowing)) {
    const only = element.firstElementChild as HTMLElement | null
    const remainder = only ? split(flowing, only) : undefined
    if (!remainder) {
      element.append(...rest.children)
      return undefined
    }
    rest.prepend(remainder)
  } else {
    takeBackFirstLines(flowing, element, rest)
  }
  if (rest.children.length === 0) return undefined
  if (element.tagName === 'OL') continueNumbering(element as HTMLOListElement, rest as HTMLOListElement)
  if (element.tagName === 'LI' && rest.firstElementChild) rest.classList.add('split-end')
  return rest
}

/** Room is left on the sheet: the first child of the rest comes back, whole if it fits, else its first lines. */
export function takeBackFirstLines(flowing: Flowing, element: HTMLElement, rest: HTMLElement): void {
  const next = rest.firstElementChild as HTMLElement | null
  if (!next) return
  element.append(next)
  if (fits(flowing)) return
  const remainder = split(flowing, next)
  if (remainder) rest.prepend(remainder)
  else rest.prepend(next)
}

/** The rest of an ordered list starts at the number after its first part's, or at the same when an item was split. */
export function continueNumbering(list: HTMLOListElement, rest: HTMLOListElement): void {
  const start = Number(list.start || 1)
  rest.start =
    start +
    list.querySelectorAll(':scope > li').length -
    (rest.firstElementChild?.classList.contains('split-end') ? 1 : 0)
}

/** Splits a table between rows, two rows at least on each side, the rest under a copy of the header. */
export function splitTable(flowing: Flowing, table: HTMLTableElement): HTMLElement | undefined {
  const body = table.tBodies[0]
  if (!body || body.rows.length < 2 * minimumLines) return undefined
  const rest = shallowClone(table) as HTMLTableElement
  if (table.tHead) rest.append(table.tHead.cloneNode(true))
  const restBody = document.createElement('tbody')
  rest.append(restBody)
  // Leave room for two rows on the next page.
  restBody.append(...[...body.rows].slice(-minimumLines))
  moveTailUntilFits(flowing, body, restBody, minimumLines)
  if (!fits(flowing)) {
    body.append(...restBody.rows)
    return undefined
  }
  rest.classList.add('table-continued')
  return rest
}

/**
 * Moves children from the end of `from` to the start of `to` until the sheet fits, keeping `keep` at
 * least: by halving, since a long list or table would otherwise be measured once per child per page.
 */
export function moveTailUntilFits(flowing: Flowing, from: Element, to: Element, keep: number): void {
  if (fits(flowing) || from.children.length <= keep) return
  // The most children that can stay: between keep and all but one.
  let low = keep
  let high = from.children.length - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    keepChildren(from, to, middle)
    if (fits(flowing)) low = middle
    else high = middle - 1
  }
  keepChildren(from, to, low)
}

/** Moves children between the end of `from` and the start of `to` until `from` has `count`. */
export function keepChildren(from: Element, to: Element, count: number): void {
  const current = [...from.children]
  if (current.length > count) to.prepend(...current.slice(count))
  else if (current.length < count) from.append(...[...to.children].slice(0, count - current.length))
}

/**
 * A note whose text alone is taller than what is left of its page goes on at the foot of the next: the
 * last note on the sheet that can give lines, with the notes of all the text on the sheet in place (a
 * split just undone may have left the list short of them, and the foot would then overflow the page).
 */
export function carryLongNote(flowing: Flowing): boolean {
  syncNotes(flowing.sheet, flowing.notes)
  for (const note of [...flowing.sheet.list.children].reverse() as HTMLElement[]) {
    const rest = cutNote(flowing.sheet, note)
    if (rest) {
      flowing.carried = noteContinued(note, rest)
      return true
    }
  }
  return false
}

/** Cuts the last paragraph of a note after the most lines the sheet can hold; returns the rest. */
export function cutNote(sheet: Sheet, note: HTMLElement): HTMLElement | undefined {
  const paragraph = note.querySelector<HTMLElement>('.note-text > :last-child')
  if (!paragraph) return undefined
  const starts = lineStarts(paragraph)
  for (let first = starts.length; first >= 1; first--) {
    const rest = cut(paragraph, starts[first - 1]!)
    if (sheet.body.offsetHeight + sheet.notes.offsetHeight <= sheet.element.clientHeight + 0.5) return rest
    join(paragraph, rest)
  }
  return undefined
}

/** The rest of a note's text, as the first note of the next sheet. */
export function noteContinued(note: HTMLElement, rest: HTMLElement): HTMLElement {
  const continuation = document.createElement('li')
  continuation.className = 'note note-continued'
  // The rest of a rest continues the same note.
  continuation.dataset.note = note.dataset.note ?? note.id
  const text = document.createElement('div')
  text.className = 'note-text'
  text.append(rest)
  continuation.append(text)
  return continuation
}

/**
 * The headings that end a sheet go to the next one, with what follows them. A sheet holding nothing but
 * headings keeps them all: what follows them cannot share a page with them (a figure taller than what is
 * left), and moving them on would leave one heading a page, run after run.
 */
export function keepHeadingsWithNext(from: Sheet, to: Sheet, notes: ReadonlyMap<string, HTMLElement>): void {
  const run = trailingHeadings(from)
  if (run.length === 0 || run.length === from.body.children.length) return
  to.body.prepend(...run)
  syncNotes(from, notes)
  syncNotes(to, notes)
}

/** The headings that end a sheet's text, however many, with nothing between them. */
export function trailingHeadings(sheet: Sheet): Element[] {
  const run: Element[] = []
  for (let child = sheet.body.lastElementChild; child && isHeading(child); child = child.previousElementSibling)
    run.unshift(child)
  return run
}

/** The contents page's numbers: the page each entry's heading is on, in the document's digits. */
export function numberContents(pages: HTMLElement[]): void {
  for (const folio of document.querySelectorAll<HTMLElement>('.toc-page')) {
    const href = folio.closest('a')?.getAttribute('href')
    const target = href ? document.getElementById(decodeURIComponent(href.slice(1))) : null
    folio.textContent = target ? localize(String(pageOf(pages, target))) : ''
  }
}

/** The 1-based page an element is on, or 0 when it is on none. */
export function pageOf(pages: HTMLElement[], element: Element): number {
  const box = element.closest('.page, .sheet')
  return box ? pages.indexOf(box as HTMLElement) + 1 : 0
}

export function localize(digits: string): string {
  return document.body.classList.contains('digits-arabic-indic')
    ? digits.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)))
    : digits
}

/** Each heading with an id, where it fell: for the bookmarks. */
export function placeHeadings(pages: HTMLElement[], marginTop: number): LayoutResult['headings'] {
  const placed: LayoutResult['headings'] = []
  for (const heading of document.querySelectorAll<HTMLElement>('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]')) {
    const box = heading.closest('.page, .sheet')
    if (!box) continue
    // Sheets and the title and rights pages sit inside the page margins; the cover and back page do not.
    const margin = box.matches('.cover, .back-page') ? 0 : marginTop
    const top = heading.getBoundingClientRect().top - box.getBoundingClientRect().top + margin
    placed.push({level: Number(heading.tagName[1]), text: heading.textContent ?? '', page: pageOf(pages, heading), top})
  }
  return placed
}
