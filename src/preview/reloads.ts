/**
 * The open pages told to reload and not yet back for their new version. The background build of the PDF
 * and EPUB waits for them (a little while at most): on two cores, the page a writer is looking at comes
 * first, and the server that answers it is the process that builds.
 */
export class Reloads {
  private expected = 0
  private readonly waiting: Array<() => void> = []

  /** `pages` open pages were told to reload. */
  told(pages: number): void {
    this.expected += pages
  }

  /** A page asked for its new version. */
  served(): void {
    if (this.expected === 0) return
    this.expected--
    if (this.expected === 0) this.wake()
  }

  /**
   * Resolves once every page told has asked for its new version, or after `limit` milliseconds (a page
   * closed meanwhile never comes back; the pages still expected are then given up).
   */
  async settled(limit: number): Promise<void> {
    if (this.expected === 0) return
    let timer: NodeJS.Timeout | undefined
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve)
      timer = setTimeout(() => {
        this.expected = 0
        this.wake()
      }, limit)
    })
    clearTimeout(timer)
  }

  private wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve()
  }
}
