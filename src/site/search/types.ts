/** A publication as the search knows it: one record of the index, one result on the search page. */
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

/** The template's words for the search (`site.search` in brand.yaml). */
export interface SearchLabels {
  search: string
  placeholder: string
  noResults: string
  results: string
  /** Shown when the index cannot be loaded: the site opened from the file system, where fetch is refused. */
  unavailable?: string | undefined
}
