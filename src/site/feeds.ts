import {Feed} from 'feed'
import {SitemapStream, streamToPromise} from 'sitemap'
import type {Entry} from './catalogue.js'

/** What the feed and the sitemap say of the site. */
export interface FeedSite {
  title: string
  description: string
  publisher: string
  lang: string
  /** The site's absolute address, ending in `/`. */
  baseUrl: string
}

/**
 * The site's Atom feed, newest first, every link absolute: a feed is read away from the site, and feed
 * readers resolve relative links unevenly (the `feed` library refuses them). Entry ids are the pages'
 * addresses; the feed's `updated` is its newest publication's date, so the same site gives the same bytes.
 */
export function atomFeed(site: FeedSite, entries: readonly Entry[]): string {
  const url = (relative: string) => new URL(relative, site.baseUrl).href
  const updated =
    entries
      .map((entry) => entry.date)
      .sort()
      .at(-1) ?? '1970-01-01'
  const feed = new Feed({
    id: site.baseUrl,
    title: site.title,
    description: site.description,
    language: site.lang,
    link: url('index.html'),
    feedLinks: {atom: url('feed.xml')},
    updated: new Date(`${updated}T00:00:00Z`),
    generator: 'Hammurabi Press',
    copyright: site.publisher
  })
  for (const entry of entries) {
    const people = entry.kind === 'paper' ? entry.authors : entry.editors
    feed.addItem({
      title: entry.subtitle ? `${entry.title}: ${entry.subtitle}` : entry.title,
      id: url(entry.page),
      link: url(entry.page),
      date: new Date(`${entry.date}T00:00:00Z`),
      published: new Date(`${entry.date}T00:00:00Z`),
      author: people.map((person) => ({name: person.name})),
      ...(entry.kind === 'paper' && entry.abstract ? {description: escapeHtml(entry.abstract)} : {}),
      ...(entry.pdf ? {enclosure: {url: url(entry.pdf.href), type: 'application/pdf', length: entry.pdf.bytes}} : {})
    })
  }
  return feed.atom1() + '\n'
}

/** The sitemap: every page of the site, at its absolute address (a sitemap takes nothing else). */
export async function sitemapXml(
  baseUrl: string,
  pages: ReadonlyArray<{file: string; date?: string | undefined}>
): Promise<string> {
  const stream = new SitemapStream({hostname: baseUrl, xmlns: {news: false, video: false, image: false, xhtml: false}})
  const done = streamToPromise(stream)
  for (const page of pages)
    stream.write({url: new URL(page.file, baseUrl).href, ...(page.date ? {lastmod: page.date} : {})})
  stream.end()
  return `${(await done).toString('utf8')}\n`
}

/** The feed takes summaries as HTML: the abstract's text, escaped. */
function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}
