import * as fold from '../../arabic/fold.js'
import * as page from './page.js'

/**
 * `assets/search.js`: the search page's functions (page.ts) and the fold of src/arabic/fold.ts as their
 * source text, the way the PDF's pagination goes to its tab (src/outputs/pdf/page-script.ts), so the
 * query typed is folded by the same definition that folded the index. Pagefind is imported relative to
 * this script (`<site>/assets/` → `<site>/pagefind/`), which holds whether the page loads it as a classic
 * script or a module. Letters outside ASCII are written as escapes: the file reads the same whatever
 * character set the server declares for it.
 */
export function searchScript(): string {
  const definitions = [...Object.entries(fold), ...Object.entries(page)].map(([name, value]) => definition(name, value))
  const start = `startSearch(() => import('../pagefind/pagefind.js'), foldArabic)`
  const run = `if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => ${start})\nelse ${start}`
  return asciiOnly(
    `// Hammurabi Press: the search of the site (built by press site).\n;(() => {\n${definitions.join('\n')}\n${run}\n})()\n`
  )
}

function definition(name: string, value: unknown): string {
  if (typeof value === 'function') return String(value)
  if (value instanceof RegExp) return `const ${name} = ${String(value)}`
  return `const ${name} = ${JSON.stringify(value)}`
}

/** Every UTF-16 unit above ASCII as a `\u` escape: the same character in a string, a regular expression or a comment. */
export function asciiOnly(source: string): string {
  return [...source]
    .flatMap((character) => (character.charCodeAt(0) < 0x80 ? [character] : escapes(character)))
    .join('')
}

function escapes(character: string): string[] {
  return Array.from(
    {length: character.length},
    (_, index) => `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`
  )
}
