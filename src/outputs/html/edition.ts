import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {localizeDigits} from '../../arabic/digits.js'
import {brandCss, stylesheetsFor, type Brand} from '../../brand/brand.js'
import type {Document} from '../../model/types.js'
import {composeParts} from '../../parts/pages.js'
import {htmlPage} from '../shared/page.js'
import {webPublication} from './landmarks.js'

/** Files of the web edition, by path relative to its folder. */
export type Files = Map<string, Uint8Array | string>

const policy = "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:"

/**
 * The web edition: `index.html` with its stylesheets, fonts and images beside it, so the folder can be
 * opened or served as it is.
 */
export async function htmlEdition(document: Document, brand: Brand): Promise<Files> {
  const files: Files = new Map()
  const stylesheets = stylesheetsFor(brand, 'screen')
  for (const stylesheet of stylesheets) {
    files.set(`styles/${path.basename(stylesheet)}`, await readFile(stylesheet))
  }
  for (const font of new Set(brand.data.fonts.map((font) => font.file))) {
    files.set(`fonts/${font}`, await readFile(path.join(brand.fontsFolder, font)))
  }
  const images = new Map(
    document.assets.map((asset, index) => [asset.src, `images/${index + 1}${path.extname(asset.path).toLowerCase()}`])
  )
  for (const asset of document.assets) files.set(images.get(asset.src)!, await readFile(asset.path))

  const html = htmlPage(
    document,
    webPublication(
      composeParts(document, brand),
      (number) => `${brand.data.labels.table} ${localizeDigits(String(number), document.meta.digits)}`
    ),
    {
      stylesheets: stylesheets.map((stylesheet) => `styles/${path.basename(stylesheet)}`),
      inlineCss: brandCss(brand, (file) => `fonts/${file}`),
      contentSecurityPolicy: policy,
      imageUrl: (src) => images.get(src) ?? src,
      medium: 'screen'
    }
  )
  files.set('index.html', html)
  return files
}
