import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {facetsOf, newestFirst, type Entry} from '../../src/site/catalogue.js'
import {readListings} from '../../src/site/listing.js'
import {linkFrom} from '../../src/site/layout.js'
import {
  dublinCore,
  highwireTags,
  jsonForScript,
  ogLocale,
  openGraph,
  scholarlyArticle,
  type Citation
} from '../../src/site/metadata.js'
import {pageRange} from '../../src/site/pages.js'
import {formatSize, nameSlug, openingWords} from '../../src/site/words.js'

const citation: Citation = {
  title: 'الأمن المائي',
  subtitle: 'خيارات التفاوض',
  authors: ['حيدر الساعدي', 'Yasmin Al-Hashimi'],
  date: '2025-02-17',
  lang: 'ar',
  region: 'IQ',
  publisher: 'مركز حمورابي',
  pageUrl: 'https://example.org/papers/water/index.html',
  pdfUrl: 'https://example.org/downloads/water.pdf',
  imageUrl: 'https://example.org/thumbnails/papers/water.jpg',
  abstract: 'تعالج هذه الورقة',
  keywords: ['الماء', 'دجلة']
}
const inJournal: Citation = {
  ...citation,
  journal: {title: 'قضايا الأمن الإقليمي', volume: 3, issue: 12, firstPage: 15, lastPage: 23}
}

describe('Highwire Press tags', () => {
  it('gives title, one author each, the date with slashes, PDF, publisher, language and keywords', () => {
    expect(highwireTags(citation)).toEqual([
      ['citation_title', 'الأمن المائي: خيارات التفاوض'],
      ['citation_author', 'حيدر الساعدي'],
      ['citation_author', 'Yasmin Al-Hashimi'],
      ['citation_publication_date', '2025/02/17'],
      ['citation_pdf_url', 'https://example.org/downloads/water.pdf'],
      ['citation_publisher', 'مركز حمورابي'],
      ['citation_language', 'ar'],
      ['citation_keywords', 'الماء'],
      ['citation_keywords', 'دجلة']
    ])
  })

  it('gives the journal, volume, issue and pages of a paper in a collection', () => {
    const tags = highwireTags(inJournal).filter(([name]) =>
      [
        'citation_journal_title',
        'citation_volume',
        'citation_issue',
        'citation_firstpage',
        'citation_lastpage'
      ].includes(name)
    )
    expect(tags).toEqual([
      ['citation_journal_title', 'قضايا الأمن الإقليمي'],
      ['citation_volume', '3'],
      ['citation_issue', '12'],
      ['citation_firstpage', '15'],
      ['citation_lastpage', '23']
    ])
  })

  it('leaves out the PDF of a paper without one', () => {
    expect(highwireTags({...citation, pdfUrl: undefined}).map(([name]) => name)).not.toContain('citation_pdf_url')
  })
})

describe('Dublin Core and Open Graph', () => {
  it('gives DC.creator per author and the date as written', () => {
    expect(dublinCore(citation).filter(([name]) => ['DC.creator', 'DC.date', 'DC.language'].includes(name))).toEqual([
      ['DC.creator', 'حيدر الساعدي'],
      ['DC.creator', 'Yasmin Al-Hashimi'],
      ['DC.date', '2025-02-17'],
      ['DC.language', 'ar']
    ])
  })

  it('gives an article with the cover as image and the Iraqi Arabic locale', () => {
    const properties = Object.fromEntries(openGraph(citation))
    expect([properties['og:type'], properties['og:image'], properties['og:locale']]).toEqual([
      'article',
      'https://example.org/thumbnails/papers/water.jpg',
      'ar_IQ'
    ])
  })

  it.each([
    ['ar', 'IQ', 'ar_IQ'],
    ['en', 'IQ', 'en_IQ'],
    ['en-GB', 'IQ', 'en_GB'],
    ['ar', undefined, 'ar']
  ])('writes the locale of %s published in %s as %s', (lang, region, locale) => {
    expect(ogLocale(lang, region)).toBe(locale)
  })
})

describe('schema.org', () => {
  it('describes a paper in a collection as a ScholarlyArticle in an issue of a volume', () => {
    expect(scholarlyArticle(inJournal)).toMatchObject({
      '@type': 'ScholarlyArticle',
      headline: 'الأمن المائي',
      author: [
        {'@type': 'Person', name: 'حيدر الساعدي'},
        {'@type': 'Person', name: 'Yasmin Al-Hashimi'}
      ],
      datePublished: '2025-02-17',
      isPartOf: {
        '@type': 'PublicationIssue',
        issueNumber: 12,
        isPartOf: {'@type': 'PublicationVolume', volumeNumber: 3, isPartOf: {name: 'قضايا الأمن الإقليمي'}}
      },
      pageStart: 15,
      pageEnd: 23
    })
  })

  it('escapes every < in JSON written into a script', () => {
    expect(jsonForScript({title: '</script><b>'})).toBe('{"title":"\\u003c/script>\\u003cb>"}')
    expect(JSON.parse(jsonForScript({title: '</script>'}))).toEqual({title: '</script>'})
  })
})

describe('the site’s words', () => {
  const units = {bytes: 'بايت', kilobytes: 'كيلوبايت', megabytes: 'ميغابايت'}

  it.each([
    [512, '512 بايت'],
    [1024, '1 كيلوبايت'],
    [234_567, '229 كيلوبايت'],
    [1_468_006, '1.4 ميغابايت'],
    [15 * 1024 * 1024, '15 ميغابايت']
  ])('writes %i bytes as %s', (bytes, text) => {
    expect(formatSize(bytes, units)).toBe(text)
  })

  it('keeps the opening words of an abstract, with an ellipsis when it goes on', () => {
    expect(openingWords('واحد  اثنان\nثلاثة أربعة', 3)).toBe('واحد اثنان ثلاثة …')
    expect(openingWords('واحد اثنان', 3)).toBe('واحد اثنان')
  })

  it.each([
    ['نور نبيه جميل', 'نور-نبيه-جميل'],
    ['Yasmin Tariq Al-Hashimi', 'yasmin-tariq-al-hashimi'],
    ['ورقة تحليلية', 'ورقة-تحليلية'],
    ['؟!', '_']
  ])('makes the folder of %s %s', (name, slug) => {
    expect(nameSlug(name)).toBe(slug)
  })

  it.each([
    [5, 18, '5–18'],
    [7, 7, '7'],
    [7, undefined, '7'],
    [undefined, 9, undefined]
  ])('writes pages %s to %s as %s', (first, last, range) => {
    expect(pageRange(first, last)).toBe(range)
  })

  it('links pages of the site to each other relatively', () => {
    expect(linkFrom('papers/x/index.html', 'downloads/x.pdf')).toBe('../../downloads/x.pdf')
    expect(linkFrom('index.html', 'papers/x/index.html')).toBe('papers/x/index.html')
    expect(linkFrom('papers/x/index.html', 'papers/x/index.html')).toBe('index.html')
  })
})

describe('the catalogue', () => {
  const entry = (slug: string, date: string, series: string, authors: string[]): Entry =>
    ({
      kind: 'paper',
      slug,
      title: slug,
      series,
      date,
      lang: 'ar',
      page: `papers/${slug}/index.html`,
      authors: authors.map((name) => ({name})),
      abstract: '',
      placements: []
    }) as unknown as Entry
  const entries = [
    entry('a', '2024-10-31', 'ورقة تحليلية', ['نور']),
    entry('b', '2025-02-17', 'ورقة سياسات', ['حيدر', 'زينب']),
    entry('c', '2025-11-03', 'ورقة تحليلية', ['نور'])
  ]

  it('puts the newest first', () => {
    expect(newestFirst(entries).map((item) => item.slug)).toEqual(['c', 'b', 'a'])
  })

  it('makes a filter per series, year and author, each with its entries newest first', () => {
    expect(facetsOf(entries).map((facet) => [facet.page, facet.entries.map((item) => item.slug).join('')])).toEqual([
      ['series/ورقة-تحليلية/index.html', 'ca'],
      ['series/ورقة-سياسات/index.html', 'b'],
      ['year/2025/index.html', 'cb'],
      ['year/2024/index.html', 'a'],
      ['author/حيدر/index.html', 'b'],
      ['author/زينب/index.html', 'b'],
      ['author/نور/index.html', 'ca']
    ])
  })
})

describe('collection listings', () => {
  it('reads the listings of a build folder, leaves other JSON alone and reports a wrong one', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'press-listings-'))
    const good = {slug: 'j', kind: 'collection', title: 'ع', date: '2025-12-01', papers: [{slug: 'p', title: 'و'}]}
    writeFileSync(path.join(folder, 'j.json'), JSON.stringify(good))
    writeFileSync(path.join(folder, 'other.json'), '{"name": "not a listing"}')
    writeFileSync(path.join(folder, 'wrong.json'), JSON.stringify({...good, papers: 'none'}))
    const {listings, problems} = await readListings(folder)
    expect(listings.map((listing) => [listing.slug, listing.lang, listing.editors])).toEqual([['j', 'ar', []]])
    expect(problems.map((problem) => [path.basename(problem.file), problem.reason])).toEqual([
      ['wrong.json', 'papers: Invalid input: expected array, received string']
    ])
  })
})
