/**
 * The search page's script: these functions run in the reader's browser, shipped as their source text into
 * `assets/search.js` (script.ts) with the fold of src/arabic/fold.ts. Each refers only to the others and
 * to what it is given, never to an import: the folding function comes in as `fold`, Pagefind as `load`.
 */

/** What the page needs of Pagefind's JavaScript API (`pagefind/pagefind.js`). */
export interface Pagefind {
  search(term: string): Promise<{results: Array<{data(): Promise<PagefindData>}>} | null>
}

export interface PagefindData {
  url: string
  raw_url?: string
  meta: Record<string, string | undefined>
  locations: number[]
}

/** A found publication, ready to show. */
export interface Found {
  href: string
  title: string
  lang: string
  authors: string[]
  excerpt: ExcerptPart[]
}

export interface ExcerptPart {
  text: string
  mark: boolean
}

/** Results loaded and shown at most: each costs the page a fetch of its record. */
export const shownResults = 20
/** Words in an excerpt. */
export const excerptLength = 30

/** The query in the page's address (`?q=`), as the GET form sends it. */
export function queryOf(href: string): string {
  return (new URL(href).searchParams.get('q') ?? '').trim()
}

/** The first word of the stretch of `length` words holding the most matches (the earliest of equals). */
export function excerptStart(locations: number[], total: number, length: number): number {
  const sorted = [...locations].sort((a, b) => a - b)
  let best = 0
  let bestCount = -1
  for (const location of sorted) {
    const start = Math.max(0, Math.min(location - Math.floor(length / 4), total - length))
    const count = sorted.filter((other) => other >= start && other < start + length).length
    if (count > bestCount) [best, bestCount] = [start, count]
  }
  return best
}

/** The excerpt around the matches, in the words as written, matches marked and cut ends shown by «…». */
export function excerptOf(words: string[], locations: number[], length: number): ExcerptPart[] {
  const start = excerptStart(locations, words.length, length)
  const end = Math.min(words.length, start + length)
  const matches = new Set(locations)
  const parts: ExcerptPart[] = start > 0 ? [{text: '… ', mark: false}] : []
  for (let index = start; index < end; index++) {
    parts.push({text: words[index]!, mark: matches.has(index)})
    if (index < end - 1) parts.push({text: ' ', mark: false})
  }
  if (end < words.length) parts.push({text: ' …', mark: false})
  return parts
}

/** A result's data as the page shows it; its link is relative to the search page, through the site root. */
export function foundOf(data: PagefindData, siteRoot: string): Found {
  const words = (data.meta.words ?? '').split(' ')
  return {
    href: siteRoot + (data.raw_url ?? data.url),
    title: data.meta.title ?? '',
    lang: data.meta.lang ?? '',
    authors: JSON.parse(data.meta.authors ?? '[]') as string[],
    excerpt: excerptOf(words, data.locations, excerptLength)
  }
}

/** One result: the title as a link, the excerpt, the authors; all as text, never parsed as markup. */
export function resultItem(found: Found): HTMLLIElement {
  const item = document.createElement('li')
  const link = Object.assign(document.createElement('a'), {href: found.href, textContent: found.title})
  const heading = document.createElement('h3')
  heading.append(link)
  const excerpt = Object.assign(document.createElement('p'), {className: 'search-excerpt'})
  for (const part of found.excerpt) {
    excerpt.append(part.mark ? Object.assign(document.createElement('mark'), {textContent: part.text}) : part.text)
  }
  const authors = Object.assign(document.createElement('p'), {className: 'search-authors'})
  authors.textContent = found.authors.join('، ')
  for (const element of [heading, excerpt, authors]) Object.assign(element, {lang: found.lang, dir: 'auto'})
  item.append(heading, excerpt, ...(found.authors.length > 0 ? [authors] : []))
  return item
}

/** The results in the panel's list, and their count (or that there is none) in its status line. */
export function showResults(panel: HTMLElement, found: Found[], total: number): void {
  const status = panel.querySelector<HTMLElement>('[data-search-status]')!
  const region = panel.querySelector<HTMLElement>('[data-search-results]')!
  const heading = region.querySelector('h2')!
  region.querySelector('ol')!.replaceChildren(...found.map(resultItem))
  region.hidden = total === 0
  const count = new Intl.NumberFormat(document.documentElement.lang || undefined).format(total)
  status.textContent = total === 0 ? (status.dataset.noResults ?? '') : `${heading.textContent}: ${count}`
  panel.dataset.searchState = 'done'
}

/** Searches the folded query and shows what is found; a failure to load the index shows the panel's note. */
export async function runSearch(
  panel: HTMLElement,
  load: () => Promise<Pagefind>,
  fold: (text: string) => string,
  query: string
): Promise<void> {
  panel.dataset.searchState = 'searching'
  try {
    const term = fold(query)
    if (term === '') return showResults(panel, [], 0)
    const pagefind = await load()
    const search = await pagefind.search(term)
    const results = search?.results ?? []
    const data = await Promise.all(results.slice(0, shownResults).map((result) => result.data()))
    showResults(
      panel,
      data.map((one) => foundOf(one, panel.dataset.siteRoot ?? '')),
      results.length
    )
  } catch {
    panel.querySelector<HTMLElement>('[data-search-note]')!.hidden = false
    panel.dataset.searchState = 'unavailable'
  }
}

/**
 * Runs the search of the page's `?q=` on load, and a new one on each submission without leaving the page
 * (the address updated, so that it can be kept or shared). Without JavaScript the form's GET does the same.
 */
export function startSearch(load: () => Promise<Pagefind>, fold: (text: string) => string): void {
  const panel = document.querySelector<HTMLElement>('[data-search-panel]')
  if (!panel) return
  const form = panel.querySelector('form')!
  const input = form.querySelector('input')!
  const search = (query: string) => (query === '' ? undefined : runSearch(panel, load, fold, query))
  // From the file system the browser refuses Pagefind its index: say so before the reader types.
  if (location.protocol === 'file:') panel.querySelector<HTMLElement>('[data-search-note]')!.hidden = false
  input.value = queryOf(location.href)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const url = new URL(location.href)
    url.searchParams.set('q', input.value.trim())
    history.replaceState(null, '', url)
    search(input.value.trim())
  })
  search(input.value)
}
