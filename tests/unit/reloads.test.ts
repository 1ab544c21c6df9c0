import {describe, expect, it} from 'vitest'
import {Reloads} from '../../src/preview/reloads.js'

describe('Reloads', () => {
  it('is settled at once when no page was told to reload', async () => {
    const reloads = new Reloads()
    let settled = false
    const waiting = reloads.settled(60_000).then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(true)
    await waiting
  })

  it('is settled once every page told has asked for its new version, not before', async () => {
    const reloads = new Reloads()
    reloads.told(2)
    let settled = false
    const waiting = reloads.settled(60_000).then(() => (settled = true))
    reloads.served()
    await Promise.resolve()
    expect(settled).toBe(false)
    reloads.served()
    await waiting
    expect(settled).toBe(true)
  })

  it('gives up the pages that do not come back once the limit is past, and does not wait for them again', async () => {
    const reloads = new Reloads()
    reloads.told(1)
    await reloads.settled(0)
    let settled = false
    const waiting = reloads.settled(60_000).then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(true)
    await waiting
  })
})
