/**
 * Pagination, run inside the page before printing. Chromium has no `float: footnote`, no
 * `target-counter()` and no running elements, so the flowing parts of a publication (abstract, contents,
 * body) are laid out here into sheets, each exactly one page's text area: the text first, the notes of
 * the calls on that sheet at its foot. Paragraphs split between lines (never leaving one line alone),
 * lists between items, tables between rows with their header repeated; headings stay with what follows.
 * Then the contents page gets its page numbers, which are now known.
 *
 * The function is handed to `page.evaluate`, so it must stand alone: no imports, no outer variables.
 */

export interface LayoutResult {
  /** Pages the document will print to. */
  pages: number
  /** Each heading with an id: the page it is on (1-based) and its distance from the page's top edge. */
  headings: Array<{id: string; level: number; text: string; page: number; top: number}>
  /** For each note: the page of its call and the page(s) its text is on. */
  notes: Array<{id: string; callPage: number; notePages: number[]}>
}

export interface LayoutOptions {
  /** The top margin of text pages, in CSS pixels: headings' positions are measured from the page edge. */
  marginTop: number
}

export function paginate(options: LayoutOptions): LayoutResult {
  const minimumLines = 2
  const flows = [...document.querySelectorAll<HTMLElement>('[data-flow]')]
  const noteStore = new Map<string, HTMLElement>()
  for (const note of document.querySelectorAll<HTMLElement>('.notes li.note')) noteStore.set(note.id, note)
  document.querySelector('.notes')?.remove()

  interface Sheet {
    element: HTMLElement
    body: HTMLElement
    notes: HTMLElement
    list: HTMLElement
  }

  let sheet: Sheet
  // A note too long for its page: the rest of its text, carried to the foot of the next one.
  let carriedNote: HTMLElement | undefined

  function newSheet(flow: HTMLElement): Sheet {
    const element = document.createElement('div')
    element.className = 'sheet'
    const body = document.createElement('div')
    body.className = 'sheet-body'
    const notes = document.createElement('div')
    notes.className = 'sheet-notes'
    notes.setAttribute('role', 'doc-endnotes')
    const list = document.createElement('ol')
    notes.append(list)
    element.append(body, notes)
    flow.append(element)
    const created = {element, body, notes, list}
    if (carriedNote) {
      list.append(carriedNote)
      carriedNote = undefined
    }
    syncNotes(created)
    return created
  }

  /** The sheet's notes are those called in its text, in order (a continued note first). */
  function syncNotes(target: Sheet): void {
    const wanted: HTMLElement[] = []
    for (const call of target.body.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]')) {
      const id = decodeURIComponent(call.getAttribute('href')!.slice(1))
      const note = noteStore.get(id)
      if (note && !wanted.includes(note)) wanted.push(note)
    }
    const continued = [...target.list.children].filter((child) => child.classList.contains('note-continued')) as HTMLElement[]
    for (const child of [...target.list.children]) {
      if (!continued.includes(child as HTMLElement) && !wanted.includes(child as HTMLElement)) {
        child.remove()
      }
    }
    for (const note of wanted) target.list.append(note)
    target.notes.hidden = target.list.children.length === 0
  }

  function fits(target: Sheet = sheet): boolean {
    syncNotes(target)
    const available = target.element.clientHeight
    const used = target.body.offsetHeight + (target.notes.hidden ? 0 : target.notes.offsetHeight)
    return used <= available + 0.5
  }

  const textBlocks = new Set(['P', 'LI', 'DD', 'DT', 'BLOCKQUOTE', 'FIGCAPTION', 'PRE'])
  const containers = new Set(['OL', 'UL', 'BLOCKQUOTE', 'DIV', 'SECTION', 'LI', 'DL', 'ASIDE'])
  const headings = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6'])

  function hasBlockChildren(element: Element): boolean {
    return [...element.children].some((child) => getComputedStyle(child).display !== 'inline' && !['BR', 'SUP', 'SUB', 'IMG'].includes(child.tagName))
  }

  /**
   * The positions where each line of a text block begins (but the first): the start of the first word
   * whose box sits lower than the word before it. Words too long for a line and addresses, which the
   * pipeline marks (`.long-word`, `.url`), break between letters: there, any letter may begin a line.
   * In a code block a line begins after a line break, its indentation included.
   */
  function lineStarts(element: HTMLElement): Array<{node: Text; offset: number}> {
    const starts: Array<{node: Text; offset: number}> = []
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

  function shallowClone(element: HTMLElement): HTMLElement {
    const clone = element.cloneNode(false) as HTMLElement
    clone.removeAttribute('id')
    return clone
  }

  /** Splits a text block at a line start: the block keeps what comes before, the returned clone the rest. */
  function cut(element: HTMLElement, at: {node: Text; offset: number}): HTMLElement {
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

  function join(element: HTMLElement, rest: HTMLElement): void {
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
  function mergeHalves(first: ChildNode | null): void {
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
  function sameShallow(a: Element, b: Element): boolean {
    const attributes = (element: Element) => [...element.attributes].filter((attribute) => attribute.name !== 'id').map((attribute) => `${attribute.name}=${attribute.value}`).sort().join('\n')
    return a.tagName === b.tagName && attributes(a) === attributes(b)
  }

  function splitLines(element: HTMLElement): HTMLElement | undefined {
    const starts = lineStarts(element)
    const lines = starts.length + 1
    // The most lines that fit, keeping two lines at least on each side.
    for (let first = lines - minimumLines; first >= minimumLines; first--) {
      const rest = cut(element, starts[first - 1]!)
      if (fits()) return rest
      join(element, rest)
    }
    return undefined
  }

  /**
   * Moves children from the end of `from` to the start of `to` until the sheet fits, keeping `keep` at
   * least: by halving, since a long list or table would otherwise be measured once per child per page.
   */
  function moveTailUntilFits(from: Element, to: Element, keep: number): void {
    const children = () => [...from.children]
    if (fits() || children().length <= keep) return
    // The most children that can stay: between keep and all but one.
    let low = keep
    let high = children().length - 1
    const stayOnly = (count: number) => {
      const current = children()
      if (current.length > count) to.prepend(...current.slice(count))
      else if (current.length < count) from.append(...[...to.children].slice(0, count - current.length))
    }
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      stayOnly(middle)
      if (fits()) low = middle
      else high = middle - 1
    }
    stayOnly(low)
  }

  function splitContainer(element: HTMLElement): HTMLElement | undefined {
    const rest = shallowClone(element)
    moveTailUntilFits(element, rest, 1)
    if (!fits()) {
      const only = element.firstElementChild as HTMLElement | null
      const remainder = only ? split(only) : undefined
      if (!remainder) {
        element.append(...rest.children)
        return undefined
      }
      rest.prepend(remainder)
    } else if (rest.firstElementChild) {
      // Room is left: take the first line(s) of the next child back if they fit.
      const next = rest.firstElementChild as HTMLElement
      element.append(next)
      if (!fits()) {
        const remainder = split(next)
        if (remainder) rest.prepend(remainder)
        else rest.prepend(next)
      }
    }
    if (rest.children.length === 0) return undefined
    if (element.tagName === 'OL') {
      const start = Number((element as HTMLOListElement).start || 1)
      ;(rest as HTMLOListElement).start = start + element.querySelectorAll(':scope > li').length - (rest.firstElementChild?.classList.contains('split-end') ? 1 : 0)
    }
    if (element.tagName === 'LI' && rest.firstElementChild) rest.classList.add('split-end')
    return rest
  }

  function splitTable(table: HTMLTableElement): HTMLElement | undefined {
    const body = table.tBodies[0]
    // Two rows at least on each side, as with lines of a paragraph.
    if (!body || body.rows.length < 2 * minimumLines) return undefined
    const rest = shallowClone(table) as HTMLTableElement
    if (table.tHead) rest.append(table.tHead.cloneNode(true))
    const restBody = document.createElement('tbody')
    rest.append(restBody)
    // Leave room for two rows on the next page.
    restBody.append(...[...body.rows].slice(-minimumLines))
    moveTailUntilFits(body, restBody, minimumLines)
    if (!fits()) {
      body.append(...restBody.rows)
      return undefined
    }
    rest.classList.add('table-continued')
    return rest
  }

  /**
   * Whether nothing but headings comes before `element` on the sheet: then moving it to the next sheet
   * gains no room, since the headings would go with it.
   */
  function opensSheet(element: Element): boolean {
    for (let node: Element | null = element; node && node !== sheet.body; node = node.parentElement) {
      for (let before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (!headings.has(before.tagName)) return false
      }
    }
    return true
  }

  /** Splits an overflowing block placed last on the sheet; returns the part for the next sheet. */
  function split(element: HTMLElement): HTMLElement | undefined {
    // A heading stays whole, unless it is taller than a page (then it is text like any other).
    if (headings.has(element.tagName)) return element.offsetHeight > sheet.element.clientHeight / 2 ? splitLines(element) : undefined
    // Lists break between items: an item goes whole to the next sheet, unless it opens this one already
    // or is taller than a page (it breaks somewhere all the same: here, rather than after a gap).
    if (element.tagName === 'LI' && !opensSheet(element) && element.offsetHeight <= sheet.element.clientHeight) return undefined
    if (element.tagName === 'FIGURE' || element.tagName === 'HR') return undefined
    // A short boxed note moves whole to the next page rather than leave its title behind.
    if (element.classList.contains('callout') && element.offsetHeight < sheet.element.clientHeight / 4) return undefined
    if (element.tagName === 'TABLE') return splitTable(element as HTMLTableElement)
    if (textBlocks.has(element.tagName) && !hasBlockChildren(element)) return splitLines(element)
    if (containers.has(element.tagName)) return splitContainer(element)
    return undefined
  }

  /** A note whose text alone is taller than what is left of its page goes on at the foot of the next. */
  function carryLongNote(): boolean {
    const last = sheet.list.lastElementChild as HTMLElement | null
    const paragraph = last?.querySelector<HTMLElement>('.note-text > :last-child')
    if (!last || !paragraph) return false
    const starts = lineStarts(paragraph)
    for (let first = starts.length; first >= 1; first--) {
      const rest = cut(paragraph, starts[first - 1]!)
      if (sheet.body.offsetHeight + sheet.notes.offsetHeight <= sheet.element.clientHeight + 0.5) {
        const continuation = document.createElement('li')
        continuation.className = 'note note-continued'
        continuation.dataset.note = last.id
        const text = document.createElement('div')
        text.className = 'note-text'
        text.append(rest)
        continuation.append(text)
        carriedNote = continuation
        return true
      }
      join(paragraph, rest)
    }
    return false
  }

  /** The headings that end a sheet's text, however many, with nothing between them. */
  function trailingHeadings(target: Sheet): Element[] {
    const run: Element[] = []
    for (let child = target.body.lastElementChild; child && headings.has(child.tagName); child = child.previousElementSibling) run.unshift(child)
    return run
  }

  /**
   * The headings that end a sheet go to the next one, with what follows them. A sheet holding nothing but
   * headings keeps them all: what follows them cannot share a page with them (a figure taller than what is
   * left), and moving them on would leave one heading a page, run after run.
   */
  function keepHeadingsWithNext(from: Sheet, to: Sheet): void {
    const run = trailingHeadings(from)
    if (run.length === 0 || run.length === from.body.children.length) return
    to.body.prepend(...run)
    syncNotes(from)
    syncNotes(to)
  }

  for (const flow of flows) {
    const queue = [...flow.children] as HTMLElement[]
    // A part with nothing in it (a manuscript of front matter only) prints no page.
    if (queue.length === 0) {
      flow.remove()
      continue
    }
    for (const child of queue) child.remove()
    sheet = newSheet(flow)
    while (queue.length > 0) {
      const block = queue.shift()!
      sheet.body.append(block)
      if (fits()) continue
      const rest = split(block)
      if (rest) {
        queue.unshift(rest)
      } else if (sheet.body.children.length > 1) {
        block.remove()
        queue.unshift(block)
      } else if (!carryLongNote()) {
        // Taller than a page on its own (a huge image or table): let it be, clipped, rather than loop.
        block.classList.add('overflowing')
      }
      if (queue.length === 0 && !carriedNote) break
      const previous = sheet
      syncNotes(previous)
      sheet = newSheet(flow)
      keepHeadingsWithNext(previous, sheet)
    }
    while (carriedNote) {
      sheet = newSheet(flow)
      if (!fits()) carryLongNote()
    }
  }

  // Number the pages: every fixed page and every sheet is one.
  const boxes = [...document.querySelectorAll<HTMLElement>('.page, .sheet')]
  const pageOf = (element: Element): number => {
    const box = element.closest('.page, .sheet')
    return box ? boxes.indexOf(box as HTMLElement) + 1 : 0
  }
  for (const entry of document.querySelectorAll<HTMLElement>('[data-page-of]')) {
    const target = document.getElementById(entry.dataset.pageOf!)
    if (target) entry.textContent = String(pageOf(target))
  }
  for (const folio of document.querySelectorAll<HTMLElement>('.toc-page')) {
    const href = folio.closest('a')?.getAttribute('href')
    const target = href ? document.getElementById(decodeURIComponent(href.slice(1))) : null
    folio.textContent = target ? localize(String(pageOf(target))) : ''
  }

  function localize(digits: string): string {
    return document.body.classList.contains('digits-arabic-indic') ? digits.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d))) : digits
  }

  const result: LayoutResult = {pages: boxes.length, headings: [], notes: []}
  for (const heading of document.querySelectorAll<HTMLElement>('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]')) {
    const box = heading.closest('.page, .sheet')
    if (!box) continue
    // Sheets and the title and rights pages sit inside the page margins; the cover and back page do not.
    const margin = box.matches('.cover, .back-page') ? 0 : options.marginTop
    const top = heading.getBoundingClientRect().top - box.getBoundingClientRect().top + margin
    result.headings.push({id: heading.id, level: Number(heading.tagName[1]), text: heading.textContent ?? '', page: pageOf(heading), top})
  }
  for (const [id, note] of noteStore) {
    const call = document.querySelector(`a[data-footnote-ref][href="#${CSS.escape(id)}"], a[data-footnote-ref][href="#${encodeURIComponent(id)}"]`)
    const pages = [note, ...document.querySelectorAll(`.note-continued[data-note="${CSS.escape(id)}"]`)].map(pageOf)
    result.notes.push({id, callPage: call ? pageOf(call) : 0, notePages: pages})
  }
  return result
}
