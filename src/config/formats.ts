export type Format = 'pdf' | 'epub' | 'html'
export const formats: readonly Format[] = ['pdf', 'epub', 'html']

/** Where each format's output goes, relative to the output folder. */
export function outputPath(slug: string, format: Format): string {
  return format === 'html' ? `${slug}/index.html` : `${slug}.${format}`
}
