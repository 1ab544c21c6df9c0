import type {Element, Root} from 'hast'
import type {VFile} from 'vfile'
import {existsSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import {visit} from 'unist-util-visit'
import {fail, warn} from '../messages.js'

export interface Options {
  /** The manuscript's folder: images must be inside it. */
  folder: string
}

export interface Asset {
  /** The `src` as the manuscript wrote it (and as the document keeps it). */
  src: string
  /** The resolved file. */
  path: string
}

const imageTypes = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp'])

/**
 * Images come from the manuscript's own folder and nowhere else: a remote image would make rendering reach
 * the network, and a path leading out of the folder would read files the build has no business reading.
 * Each image found is listed in `file.data.assets` for the writers to copy or embed.
 */
export default function rehypeLocalImages(options: Readonly<Options>) {
  const folder = realpathSync(options.folder)

  return function (tree: Root, file: VFile): undefined {
    const assets: Asset[] = []
    visit(tree, 'element', function (element: Element) {
      if (element.tagName !== 'img') return
      const src = typeof element.properties.src === 'string' ? element.properties.src : ''
      const place = element.position?.start
      const drop = (reason: string, ruleId: string) => {
        fail(file, reason, place, ruleId)
        delete element.properties.src
      }

      if (typeof element.properties.alt !== 'string' || element.properties.alt.trim() === '') {
        warn(file, `Image \`${src}\` has no alternative text: describe it in the brackets, ![like this](${src || 'image.png'})`, place, 'image-alt')
      }
      if (src === '') return drop('Image without a source', 'image-source')
      if (/^[a-z][a-z\d+.-]*:/i.test(src) || src.startsWith('//')) {
        return drop(`Remote image \`${src}\`: save the file beside the manuscript and refer to it by its name, since builds never use the network`, 'image-remote')
      }

      const resolved = path.resolve(folder, decodeURIComponent(src.split(/[?#]/)[0]!))
      const outside = `Image \`${src}\` is outside the manuscript’s folder: keep images beside the manuscript`
      // Checked before existence, so that a build never tells whether a file outside the folder exists.
      if (!resolved.startsWith(folder + path.sep)) return drop(outside, 'image-outside')
      if (!existsSync(resolved)) return drop(`Image \`${src}\` not found beside the manuscript`, 'image-missing')
      // A link inside the folder may still point out of it.
      if (!realpathSync(resolved).startsWith(folder + path.sep)) return drop(outside, 'image-outside')
      const real = realpathSync(resolved)
      if (!statSync(real).isFile() || !imageTypes.has(path.extname(real).toLowerCase())) {
        return drop(`\`${src}\` is not an image (PNG, JPEG, GIF, SVG or WebP)`, 'image-type')
      }
      if (!assets.some((asset) => asset.src === src)) assets.push({src, path: real})
    })
    file.data.assets = assets
  }
}
