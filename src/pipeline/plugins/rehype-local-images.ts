import type {Element, Root} from 'hast'
import type {VFile} from 'vfile'
import {closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import {visit} from 'unist-util-visit'
import type {Asset} from '../../model/types.js'
import {fail, warn} from '../../core/messages.js'

export interface Options {
  /** The manuscript's folder: images must be inside it. */
  folder: string
}

const imageTypes = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp'])
const maximumImageBytes = 20 * 2 ** 20

/** The file's first bytes must say what its name says; an SVG must not carry script or reach outside. */
function imageProblem(file: string): string | undefined {
  const extension = path.extname(file).toLowerCase()
  const head = Buffer.alloc(16)
  const descriptor = openSync(file, 'r')
  try {
    readSync(descriptor, head, 0, 16, 0)
  } finally {
    closeSync(descriptor)
  }
  const signatures: Record<string, (bytes: Buffer) => boolean> = {
    '.png': (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    '.jpg': (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
    '.jpeg': (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
    '.gif': (bytes) => bytes.subarray(0, 4).toString('latin1') === 'GIF8',
    '.webp': (bytes) =>
      bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  }
  if (extension === '.svg') {
    const text = readFileSync(file, 'utf8')
    if (!/<svg[\s>]/i.test(text)) return 'is not an SVG image'
    if (/<script[\s>]|\son[a-z]+\s*=|<foreignObject[\s>]/i.test(text))
      return 'contains script or embedded HTML: export it again without'
    if (
      /(?:href|src)\s*=\s*["']\s*(?:https?:|\/\/|file:|javascript:)/i.test(text) ||
      /url\(\s*["']?\s*(?:https?:|\/\/)/i.test(text)
    )
      return 'refers to files elsewhere: embed what it needs'
    return undefined
  }
  return signatures[extension]?.(head) === false
    ? `is not a ${extension.slice(1).toUpperCase()} image (the file's content says otherwise)`
    : undefined
}

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
        warn(
          file,
          `Image \`${src}\` has no alternative text: describe it in the brackets, ![like this](${src || 'image.png'})`,
          place,
          'image-alt'
        )
      }
      if (src === '') return drop('Image without a source', 'image-source')
      if (/^[a-z][a-z\d+.-]*:/i.test(src) || src.startsWith('//')) {
        return drop(
          `Remote image \`${src}\`: save the file beside the manuscript and refer to it by its name, since builds never use the network`,
          'image-remote'
        )
      }

      const resolved = path.resolve(folder, decodeURIComponent(src.split(/[?#]/)[0]!))
      const outside = `Image \`${src}\` is outside the manuscript’s folder: keep images beside the manuscript`
      // Checked before existence, so that a build never tells whether a file outside the folder exists.
      if (!resolved.startsWith(folder + path.sep)) return drop(outside, 'image-outside')
      if (!existsSync(resolved)) return drop(`Image \`${src}\` not found beside the manuscript`, 'image-missing')
      // A link inside the folder may still point out of it.
      if (!realpathSync(resolved).startsWith(folder + path.sep)) return drop(outside, 'image-outside')
      const real = realpathSync(resolved)
      const info = statSync(real)
      if (!info.isFile() || !imageTypes.has(path.extname(real).toLowerCase())) {
        return drop(`\`${src}\` is not an image (PNG, JPEG, GIF, SVG or WebP)`, 'image-type')
      }
      if (info.size > maximumImageBytes) {
        return drop(
          `Image \`${src}\` is ${(info.size / 2 ** 20).toFixed(0)} MB: images over ${maximumImageBytes / 2 ** 20} MB are refused (a full-page figure needs about 2 MB)`,
          'image-size'
        )
      }
      const problem = imageProblem(real)
      if (problem) return drop(`Image \`${src}\` ${problem}`, 'image-type')
      if (!assets.some((asset) => asset.src === src)) assets.push({src, path: real})
    })
    file.data.assets = assets
  }
}
