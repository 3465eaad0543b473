import { describe, expect, it } from 'vitest'
import { catalogCreateJobs } from './catalog.ts'

const product = (i: number) => ({ externalId: `p-${i}`, title: `Product ${i}`, url: `https://shop.example/p/${i}`, price: '9.90' })

describe('catalogCreateJobs', () => {
  it('splits products into jobs of at most 100 items', () => {
    const jobs = catalogCreateJobs(Array.from({ length: 250 }, (_, i) => product(i)))
    expect(jobs.map((job) => job.data.attributes.items.data.length)).toEqual([100, 100, 50])
  })

  it('maps a product to a custom catalog item with camelCase SDK keys', () => {
    const [job] = catalogCreateJobs([{ ...product(1), imageUrl: 'https://cdn.example/1.jpg' }])
    expect(job?.data.attributes.items.data[0]?.attributes).toEqual({
      externalId: 'p-1',
      integrationType: '$custom',
      catalogType: '$default',
      title: 'Product 1',
      description: '',
      url: 'https://shop.example/p/1',
      price: 9.9,
      published: true,
      imageFullUrl: 'https://cdn.example/1.jpg',
    })
  })

  it('makes no job for no products', () => {
    expect(catalogCreateJobs([])).toEqual([])
  })
})
