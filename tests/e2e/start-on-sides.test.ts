import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {pageScript} from '../../src/outputs/pdf/page-script.js'
import {BrowserPool} from '../../src/outputs/pdf/pool.js'

/**
 * Parts that open on one side of the spread (`data-starts-on`), in a page of fixed pages and sheets: where
 * pagination puts blank pages, in a real Chromium.
 */
let pool: BrowserPool

beforeAll(() => {
  pool = new BrowserPool({tabs: 1})
})

afterAll(async () => {
  await pool?.close()
})

/** The body's pages after `startOnSides`, as letters: P a fixed page, S a sheet, B a blank page. */
async function sides(body: string): Promise<string> {
  return pool.inBrowser(async (page) => {
    await page.setContent(`<!doctype html><html dir="rtl"><body>${body}</body></html>`)
    return (await page.evaluate(
      pageScript(
        `(startOnSides(), [...document.querySelectorAll('.page, .sheet')].map((page) => page.matches('.blank-page') ? 'B' : page.matches('.sheet') ? 'S' : 'P').join(''))`
      )
    )) as string
  }, 60_000)
}

const paper = (sheets: number) =>
  `<article data-starts-on="recto"><main>${'<div class="sheet"></div>'.repeat(sheets)}</main></article>`
const fixed = '<section class="page"></section>'
const back = '<section class="page" data-starts-on="verso"></section>'

describe('startOnSides', () => {
  it('puts a blank page before a paper that would open on an even page', async () => {
    expect(await sides(fixed + paper(2))).toBe('PBSS')
  })

  it('puts none before a paper that opens on an odd page', async () => {
    expect(await sides(fixed + fixed + paper(1))).toBe('PPS')
  })

  it('counts the blank pages it adds for the parts after them', async () => {
    expect(await sides(fixed + paper(2) + paper(1) + paper(3))).toBe('PBSSSBSSS')
  })

  it('puts a blank page before a part on a verso that would open on an odd page', async () => {
    expect(await sides(fixed + paper(1) + back)).toBe('PBSP')
    expect(await sides(fixed + fixed + paper(2) + back)).toBe('PPSSBP')
  })
})
