import type {Brand, BrandData} from '../brand/brand.js'

/** The site's words, from the template's `site:` block. */
export type SiteWords = NonNullable<BrandData['site']>

export class SiteTemplateError extends Error {}

/** The template's `site:` block; a template without one cannot make a site, and says so. */
export function siteWords(brand: Brand): SiteWords {
  if (!brand.data.site)
    throw new SiteTemplateError(
      `${brand.folder}/brand.yaml has no \`site:\` block: the words of the catalogue site (see templates/hammurabi)`
    )
  return brand.data.site
}
