import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {collectionListing, withEpub} from '../../src/run/listing.js'
import {collectionOf, journalIssue} from '../helpers/collection.js'

const out = '/tmp/dist'
const printed = {
  pages: 40,
  papers: [
    {
      slug: 'russia-dprk-partnership',
      first: 5,
      last: 14,
      offprint: path.join(out, 'three/offprints/russia-dprk-partnership.pdf')
    },
    {slug: 'water-security-policy', first: 15, last: 27, offprint: 'three/offprints/water-security-policy.pdf'},
    {slug: 'translated-essay-deterrence', first: 29, last: 40}
  ]
}

describe('the listing of a collection', () => {
  it('gives the collection’s metadata and each paper’s, with its pages and offprint relative to the output folder', async () => {
    const collection = await collectionOf(journalIssue)
    const listing = collectionListing(collection, printed, {out, pdf: 'three.pdf', epub: path.join(out, 'three.epub')})
    // The yaml's title, subtitle, series, volume, number and date as written; editors each as a name and a role.
    const {editors: _, ...written} = journalIssue
    expect(listing).toEqual({
      slug: 'three',
      kind: 'collection',
      ...written,
      lang: 'ar',
      editors: [{name: 'علي حسين', role: 'رئيس التحرير'}, {name: 'سارة كاظم'}],
      pages: 40,
      pdf: 'three.pdf',
      epub: 'three.epub',
      papers: [
        {
          slug: 'russia-dprk-partnership',
          title: 'معاهدة الشراكة الاستراتيجية بين روسيا وكوريا الشمالية',
          subtitle: 'التأثيرات والانعكاسات على توازن القوى الإقليمي والدولي',
          authors: [{name: 'نور نبيه جميل', role: 'باحثة في مركز حمورابي للبحوث والدراسات الاستراتيجية'}],
          date: '2024-10-31',
          firstPage: 5,
          lastPage: 14,
          offprint: 'three/offprints/russia-dprk-partnership.pdf'
        },
        {
          slug: 'water-security-policy',
          title: 'الأمن المائي في حوض دجلة والفرات',
          subtitle: 'خيارات التفاوض العراقي مع دول المنبع حتى عام 2035',
          authors: [
            {name: 'حيدر عبد الكريم الساعدي', role: 'باحث في وحدة الدراسات الاقتصادية'},
            {name: 'زينب فاضل العبيدي', role: 'باحثة مساعدة'}
          ],
          date: '2025-02-17',
          firstPage: 15,
          lastPage: 27,
          offprint: 'three/offprints/water-security-policy.pdf'
        },
        {
          slug: 'translated-essay-deterrence',
          title: 'الردع في عصر التعددية القطبية: قراءة في التحولات',
          subtitle: 'مقالة مترجمة مع تعليقات المترجم',
          authors: [{name: 'مصطفى جواد الربيعي', role: 'مترجم وباحث في العلاقات الدولية'}],
          date: '2024-06-03',
          firstPage: 29,
          lastPage: 40
        }
      ]
    })
  })

  it('leaves out what is absent rather than writing null', async () => {
    const collection = await collectionOf({title: 'عدد', date: '2025-12-01'})
    const json = JSON.stringify(collectionListing(collection, {papers: printed.papers}, {out, pdf: 'three.pdf'}))
    const listing = JSON.parse(json) as Record<string, unknown>
    expect(Object.keys(listing)).toEqual(['slug', 'kind', 'title', 'date', 'lang', 'editors', 'pdf', 'papers'])
    expect(json).not.toContain('null')
  })

  it('refuses a collection whose printed pages lack a paper', async () => {
    const collection = await collectionOf(journalIssue)
    expect(() => collectionListing(collection, {papers: printed.papers.slice(1)}, {out, pdf: 'three.pdf'})).toThrow(
      'The printed collection has no pages for the paper `russia-dprk-partnership`'
    )
  })

  it('names an e-book built after the PDF as a listing written whole would, in the same order', async () => {
    const collection = await collectionOf(journalIssue)
    const whole = collectionListing(collection, printed, {out, pdf: 'three.pdf', epub: 'three.epub'})
    const earlier = collectionListing(collection, printed, {out, pdf: 'three.pdf'})
    expect(JSON.stringify(withEpub(earlier, 'three.epub'))).toBe(JSON.stringify(whole))
  })
})
