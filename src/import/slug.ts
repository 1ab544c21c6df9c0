import path from 'node:path'
import GithubSlugger from 'github-slugger'

/** A stand-in until the recognition half replaces it: the Word file's base name, made a slug. */
export function slugFor(title: string | undefined, fileName: string): string {
  void title
  const slug = new GithubSlugger().slug(path.basename(fileName, path.extname(fileName)))
  return slug || 'paper'
}
