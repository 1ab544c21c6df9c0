/** The site's full-text search (seam 5 of issue 12): the index, the page's script, the form and panel. */
export {searchForm, searchPanel} from './panel.js'
export type {SearchLabels, SearchRecord} from './types.js'
export {writeSearchIndex} from './write-index.js'
