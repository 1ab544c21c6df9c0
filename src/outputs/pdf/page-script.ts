import type {Page} from 'puppeteer'
import * as pagination from './paginate.js'
import type {LayoutOptions, LayoutResult} from './paginate.js'

/**
 * The pagination's functions as one script for the page, ending with `expression` (which may call any of
 * them) and giving its value. They go as their source text, the way `page.evaluate` sends a function, but
 * all together: so each may call the others and stay small, and a test may call any one of them alone.
 * Page scripts being off does not stop it: it runs through the DevTools protocol.
 */
export function pageScript(expression: string): string {
  const definitions = Object.entries(pagination).map(([name, value]) =>
    typeof value === 'function' ? String(value) : `const ${name} = ${JSON.stringify(value)}`
  )
  // Inside a function, so that nothing is left behind in the tab, which prints the next publication.
  return `(() => {\n${definitions.join('\n')}\nreturn ${expression}\n})()`
}

/** Lays out the publication loaded in the tab into pages (see `paginate.ts`). */
export async function paginate(page: Page, options: LayoutOptions): Promise<LayoutResult> {
  return (await page.evaluate(pageScript(`paginate(${JSON.stringify(options)})`))) as LayoutResult
}
