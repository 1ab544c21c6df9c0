/**
 * The filters' script: these functions run in the reader's browser, shipped as their source text into
 * `assets/filters.js` (script.ts), which only the index loads. Each refers only to the others and to what
 * it is given. The index holds every card (pages.ts), so a filter's link shows its cards in place and puts
 * its page's address in the history: reloading that address loads the same cards from the filter's page,
 * and Back shows the cards before. Without the script, the links load the filters' pages.
 */

/** What a listing shows: a filter's key ('' for every publication), its heading and the page's title. */
export interface View {
  filter: string
  heading: string
  title: string
}

/** Whether a card is kept by a filter (`kind/slug`): its `data-<kind>` holds the slug among others. */
export function keeps(data: Record<string, string | undefined>, filter: string): boolean {
  if (filter === '') return true
  const slash = filter.indexOf('/')
  const values = (data[filter.slice(0, slash)] ?? '').split(' ')
  return values.includes(filter.slice(slash + 1))
}

/** A view kept in the history, if it is one (an entry made by a link to `#main` keeps none). */
export function viewOf(state: unknown): View | undefined {
  if (typeof state !== 'object' || state === null) return undefined
  const {filter, heading, title} = state as Record<string, unknown>
  return typeof filter === 'string' && typeof heading === 'string' && typeof title === 'string'
    ? {filter, heading, title}
    : undefined
}

/** Shows a view: its cards, heading, title and count, its filter's link marked as the current page. */
export function showView(document: Document, view: View): void {
  let shown = 0
  for (const card of document.querySelectorAll<HTMLElement>('.card-list .card')) {
    const kept = keeps(card.dataset, view.filter)
    if (card.parentElement) card.parentElement.hidden = !kept
    if (kept) shown += 1
  }
  const heading = document.querySelector('.listing h1')
  if (heading) heading.textContent = view.heading
  document.title = view.title
  const intro = document.querySelector<HTMLElement>('.listing-intro')
  if (intro) intro.hidden = view.filter !== ''
  const count = document.querySelector('.listing-number')
  if (count) count.textContent = String(shown)
  for (const link of document.querySelectorAll<HTMLElement>('.filters a[data-filter]')) {
    if (link.dataset.filter === view.filter) link.setAttribute('aria-current', 'page')
    else link.removeAttribute('aria-current')
  }
}

/**
 * The page's links and images made absolute: an address put in the history is another folder's, against
 * which the page's relative links would lead elsewhere. Links within the page (`#main`) stay as they are.
 */
export function anchorAddresses(document: Document): void {
  const attributes: Array<[string, string]> = [
    ['a[href]', 'href'],
    ['link[href]', 'href'],
    ['img[src]', 'src'],
    ['form[action]', 'action']
  ]
  for (const [selector, attribute] of attributes)
    for (const element of document.querySelectorAll(selector)) {
      const value = element.getAttribute(attribute) ?? ''
      if (!value.startsWith('#')) element.setAttribute(attribute, new URL(value, document.baseURI).href)
    }
}

/** The view of a filter's link, from what the link carries. */
export function linkView(link: HTMLElement): View {
  const {filter = '', heading = '', title = ''} = link.dataset
  return {filter, heading, title}
}

/** Whether a click asks for the link elsewhere (a new tab or window, a download): the browser's to follow. */
export function elsewhere(event: MouseEvent): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey
}

/** Starts the filters on a listing page: its links shown in place, Back and Forward followed. */
export function startFilters(window: Window): void {
  const {document, history} = window
  const listing = document.querySelector<HTMLElement>('.listing')
  const heading = document.querySelector('.listing h1')
  if (!listing || !heading) return
  anchorAddresses(document)
  const here: View = {filter: listing.dataset.filter ?? '', heading: heading.textContent ?? '', title: document.title}
  history.replaceState(here, '', window.location.href)
  document.querySelector('.filters')?.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-filter]')
    if (!link || elsewhere(event as MouseEvent)) return
    event.preventDefault()
    const view = linkView(link)
    showView(document, view)
    if (link.href !== window.location.href) history.pushState(view, '', link.href)
  })
  window.addEventListener('popstate', (event) => {
    const view = viewOf(event.state)
    if (view) showView(document, view)
  })
}
