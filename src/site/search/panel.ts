import type {Element} from 'hast'
import {h} from 'hastscript'
import type {SearchLabels} from './types.js'

/**
 * The search page's form, status and results, filled by `assets/search.js` (see page.ts, which finds each
 * part by its data attribute). The page is `<site>/search/index.html`, so the site's root is `../`. The
 * form is a plain GET of `?q=` to the page itself: without JavaScript it is still a link to the search.
 */
export function searchPanel(labels: SearchLabels): Element {
  return h('section.search-panel', {dir: 'rtl', dataSearchPanel: '', dataSiteRoot: '../'}, [
    h('form.search-form', {role: 'search', method: 'get', ariaLabel: labels.placeholder}, [
      h('label', {for: 'search-query'}, labels.search),
      h('input#search-query', {type: 'search', name: 'q', placeholder: labels.placeholder, dir: 'auto'}),
      h('button', {type: 'submit'}, labels.search)
    ]),
    h('p.search-note', {hidden: true, dataSearchNote: ''}, labels.unavailable ?? ''),
    h('p.search-status', {role: 'status', ariaLive: 'polite', dataSearchStatus: '', dataNoResults: labels.noResults}),
    h('section.search-results', {ariaLabelledBy: 'search-results-heading', hidden: true, dataSearchResults: ''}, [
      h('h2#search-results-heading', labels.results),
      h('ol.search-result-list')
    ])
  ])
}

/** The compact form for the site's header: a GET of `?q=` to the search page, named apart from the panel's. */
export function searchForm(labels: SearchLabels, searchPageHref: string): Element {
  return h(
    'form.search-form.search-form-compact',
    {role: 'search', method: 'get', action: searchPageHref, ariaLabel: labels.search, dir: 'rtl'},
    [
      h('input', {type: 'search', name: 'q', placeholder: labels.placeholder, ariaLabel: labels.search, dir: 'auto'}),
      h('button', {type: 'submit'}, labels.search)
    ]
  )
}
