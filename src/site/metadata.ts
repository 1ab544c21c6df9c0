import type {Element} from 'hast'
import {h} from 'hastscript'

/**
 * What indexers and reference managers read of a paper, gathered once: Highwire Press tags (Google
 * Scholar), Dublin Core, Open Graph and schema.org are four spellings of it.
 */
export interface Citation {
  title: string
  subtitle?: string | undefined
  authors: string[]
  /** YYYY-MM-DD. */
  date: string
  /** A language tag, `ar`. */
  lang: string
  /** The country of the publisher, for Open Graph's locale (`IQ`). */
  region?: string | undefined
  publisher: string
  /** The paper's page, the PDF and the cover image: absolute with a base URL, else relative to the page. */
  pageUrl: string
  pdfUrl?: string | undefined
  imageUrl?: string | undefined
  abstract?: string | undefined
  keywords?: string[] | undefined
  /** The collection the paper appears in, and where. */
  journal?: CitationJournal | undefined
}

export interface CitationJournal {
  title: string
  volume?: number | undefined
  issue?: number | undefined
  firstPage?: number | undefined
  lastPage?: number | undefined
}

type Pair = [name: string, content: string]

/** Highwire Press `citation_*` tags, in the order Google Scholar's inclusion guidelines list them. */
export function highwireTags(citation: Citation): Pair[] {
  const {journal} = citation
  const pairs: Array<Pair | undefined> = [
    ['citation_title', fullTitle(citation)],
    ...citation.authors.map((name): Pair => ['citation_author', name]),
    ['citation_publication_date', citation.date.replaceAll('-', '/')],
    journal && ['citation_journal_title', journal.title],
    journal?.volume !== undefined ? ['citation_volume', String(journal.volume)] : undefined,
    journal?.issue !== undefined ? ['citation_issue', String(journal.issue)] : undefined,
    journal?.firstPage !== undefined ? ['citation_firstpage', String(journal.firstPage)] : undefined,
    journal?.lastPage !== undefined ? ['citation_lastpage', String(journal.lastPage)] : undefined,
    citation.pdfUrl ? ['citation_pdf_url', citation.pdfUrl] : undefined,
    ['citation_publisher', citation.publisher],
    ['citation_language', citation.lang],
    ...(citation.keywords ?? []).map((keyword): Pair => ['citation_keywords', keyword])
  ]
  return pairs.filter((pair): pair is Pair => pair !== undefined)
}

/** Dublin Core's elements, as `DC.*` meta names. */
export function dublinCore(citation: Citation): Pair[] {
  return [
    ['DC.title', fullTitle(citation)],
    ...citation.authors.map((name): Pair => ['DC.creator', name]),
    ['DC.date', citation.date],
    ['DC.language', citation.lang],
    ['DC.publisher', citation.publisher],
    ['DC.type', 'Text'],
    ...(citation.abstract ? [['DC.description', citation.abstract] as Pair] : [])
  ]
}

/** Open Graph's properties: an article, with its cover as the image. */
export function openGraph(citation: Citation): Pair[] {
  const pairs: Pair[] = [
    ['og:title', fullTitle(citation)],
    ['og:type', 'article'],
    ['og:url', citation.pageUrl],
    ['og:locale', ogLocale(citation.lang, citation.region)],
    ['og:site_name', citation.publisher],
    ['article:published_time', citation.date]
  ]
  if (citation.imageUrl) pairs.push(['og:image', citation.imageUrl])
  if (citation.abstract) pairs.push(['og:description', citation.abstract])
  for (const name of citation.authors) pairs.push(['article:author', name])
  return pairs
}

/** Open Graph writes a locale as language_TERRITORY: `ar` published in Iraq is `ar_IQ`. */
export function ogLocale(lang: string, region: string | undefined): string {
  const [language, territory] = lang.split('-')
  const country = territory && territory.length === 2 ? territory : region
  return country ? `${language!.toLowerCase()}_${country.toUpperCase()}` : language!.toLowerCase()
}

/** schema.org's `ScholarlyArticle`, for JSON-LD. */
export function scholarlyArticle(citation: Citation): Record<string, unknown> {
  const {journal} = citation
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: citation.title,
    name: fullTitle(citation),
    ...(citation.subtitle ? {alternativeHeadline: citation.subtitle} : {}),
    author: citation.authors.map((name) => ({'@type': 'Person', name})),
    datePublished: citation.date,
    inLanguage: citation.lang,
    publisher: {'@type': 'Organization', name: citation.publisher},
    url: citation.pageUrl,
    ...(citation.imageUrl ? {image: citation.imageUrl} : {}),
    ...(citation.abstract ? {abstract: citation.abstract} : {}),
    ...(citation.keywords?.length ? {keywords: citation.keywords.join(', ')} : {}),
    ...(citation.pdfUrl
      ? {encoding: {'@type': 'MediaObject', contentUrl: citation.pdfUrl, encodingFormat: 'application/pdf'}}
      : {}),
    ...(journal ? {isPartOf: publicationIssue(journal)} : {}),
    ...(journal?.firstPage !== undefined ? {pageStart: journal.firstPage} : {}),
    ...(journal?.lastPage !== undefined ? {pageEnd: journal.lastPage} : {})
  }
}

function publicationIssue(journal: CitationJournal): Record<string, unknown> {
  const periodical = {'@type': 'Periodical', name: journal.title}
  const volume =
    journal.volume === undefined
      ? periodical
      : {'@type': 'PublicationVolume', volumeNumber: journal.volume, isPartOf: periodical}
  return journal.issue === undefined
    ? volume
    : {'@type': 'PublicationIssue', issueNumber: journal.issue, isPartOf: volume}
}

/** The whole head's worth: meta elements, then the JSON-LD script. */
export function metadataElements(citation: Citation): Element[] {
  return [
    ...highwireTags(citation).map(([name, content]) => h('meta', {name, content})),
    ...dublinCore(citation).map(([name, content]) => h('meta', {name, content})),
    ...openGraph(citation).map(([property, content]) => h('meta', {property, content})),
    h('script', {type: 'application/ld+json'}, jsonForScript(scholarlyArticle(citation)))
  ]
}

/** JSON inside a script element: a `<` is escaped so that no text can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c')
}

function fullTitle(citation: Citation): string {
  return citation.subtitle ? `${citation.title}: ${citation.subtitle}` : citation.title
}
