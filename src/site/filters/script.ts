import {asciiOnly} from '../search/script.js'
import * as page from './page.js'

/**
 * `assets/filters.js`: the filters' functions (page.ts) as their source text, the way the search page's
 * script is made (../search/script.ts), so a test may call each alone. Inside a function, so that the
 * page's globals are left as they were; letters outside ASCII as escapes, whatever the server declares.
 */
export function filtersScript(): string {
  const definitions = Object.values(page).filter((value) => typeof value === 'function')
  const start = 'startFilters(window)'
  const run = `if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => ${start})\nelse ${start}`
  return asciiOnly(
    `// Hammurabi Press: the filters of the site (built by press site).\n;(() => {\n${definitions.map(String).join('\n')}\n${run}\n})()\n`
  )
}
