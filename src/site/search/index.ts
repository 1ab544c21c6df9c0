// PLACEHOLDER (helper "site"): a minimal stand-in with the signatures of seam 5 (ISSUE12.md), so the site
// builds before the merge. Helper "search" owns src/site/search/**: the merger takes theirs, not this file.
import type {Element} from 'hast'
import {h} from 'hastscript'

export interface SearchRecord {
  /** Relative to the site root, e.g. `papers/x/index.html`. */
  url: string
  title: string
  /** The full text, plain. */
  text: string
  lang: string
  authors: string[]
  date: string
}

export interface SearchLabels {
  search: string
  placeholder: string
  noResults: string
  results: string
}

/** Writes the static index under `<site>/pagefind/` and the search script `<site>/assets/search.js`. */
export async function writeSearchIndex(_siteFolder: string, _records: SearchRecord[]): Promise<void> {}

/** The search form + results region to put on the site's search page. */
export function searchPanel(labels: SearchLabels): Element {
  return h('div.search-panel', [
    h('form', {role: 'search', action: '', method: 'get'}, [
      h('label', {htmlFor: 'search-query'}, labels.search),
      h('input#search-query', {type: 'search', name: 'q', placeholder: labels.placeholder}),
      h('button', {type: 'submit'}, labels.search)
    ]),
    h('div.search-results', {role: 'region', ariaLabel: labels.results, ariaLive: 'polite'})
  ])
}

/** A compact form for the header, sent to the search page. */
export function searchForm(labels: SearchLabels, searchPageHref: string): Element {
  return h('form.search-form', {role: 'search', action: searchPageHref, method: 'get'}, [
    h('label.visually-hidden', {htmlFor: 'site-search'}, labels.search),
    h('input#site-search', {type: 'search', name: 'q', placeholder: labels.placeholder}),
    h('button', {type: 'submit'}, labels.search)
  ])
}
