import { describe, expect, it } from 'vitest'
import type { Recommendation } from './gateway.ts'
import { klaviyoExternalId, recommendationEventBody, recommendationEventProperties } from './recommendation-event.ts'

const recommendation: Recommendation = {
  customer: { storeId: 'store-1', customerId: '9007199254740993', email: ' Ada@Example.COM ' },
  idempotencyKey: 'store-1:order-7:first',
  journeyStep: 'first',
  triggerProduct: { productId: 'p-1', title: 'Teapot', url: 'https://shop.example/teapot', price: '24.00' },
  products: [
    {
      productId: 'p-2',
      variantId: 'v-21',
      variantTitle: 'Green',
      title: 'Tea cups',
      url: 'https://shop.example/cups',
      imageUrl: 'https://cdn.example/cups.jpg',
      price: 12.5,
    },
  ],
  discountCode: 'THANKS10',
  value: '12.50',
  currency: 'eur',
}

describe('recommendationEventProperties', () => {
  it('carries the trigger, the recommended products, the discount code and the step for the template', () => {
    expect(recommendationEventProperties(recommendation)).toEqual({
      store_id: 'store-1',
      journey_step: 'first',
      trigger_product: {
        product_id: 'p-1',
        variant_id: null,
        variant_title: null,
        title: 'Teapot',
        url: 'https://shop.example/teapot',
        image_url: null,
        price: '24.00',
      },
      recommended_products: [
        {
          product_id: 'p-2',
          variant_id: 'v-21',
          variant_title: 'Green',
          title: 'Tea cups',
          url: 'https://shop.example/cups',
          image_url: 'https://cdn.example/cups.jpg',
          price: '12.5',
        },
      ],
      recommended_product_count: 1,
      layout: 'single',
      discount_code: 'THANKS10',
      currency: 'EUR',
      experiment_id: null,
      variant: null,
      subject: null,
      discount_percent: null,
    })
  })

  it('names the experiment variant with its subject line and offer, for the template to render', () => {
    const properties = recommendationEventProperties({
      ...recommendation,
      experiment: { id: 'offer-test', variant: 'ten-off' },
      subject: 'A little extra for your teapot',
      discountPercent: 10,
    })
    expect(properties).toMatchObject({
      experiment_id: 'offer-test',
      variant: 'ten-off',
      subject: 'A little extra for your teapot',
      discount_code: 'THANKS10',
      discount_percent: 10,
    })
  })

  it('lays several products out as a grid and one alone, unless the email says which', () => {
    const second = { ...recommendation.products[0]!, productId: 'saucer', title: 'Saucer' }
    expect(recommendationEventProperties({ ...recommendation, products: [...recommendation.products, second] }).layout).toBe('grid')
    expect(
      recommendationEventProperties({ ...recommendation, products: [...recommendation.products, second], layout: 'single' }).layout,
    ).toBe('single')
  })

  it('sends a null discount code when there is none, so templates can test it', () => {
    const { discountCode: _discountCode, ...withoutCode } = recommendation
    expect(recommendationEventProperties(withoutCode).discount_code).toBeNull()
  })

  it('rejects a recommendation without products', () => {
    expect(() => recommendationEventProperties({ ...recommendation, products: [] })).toThrow()
  })
})

describe('recommendationEventBody', () => {
  it('uses camelCase SDK keys for the idempotency key and the profile identifiers', () => {
    const attributes = recommendationEventBody(recommendation, 'Crosswise Recommendation').data.attributes
    expect(attributes.uniqueId).toBe('store-1:order-7:first')
    expect(attributes.value).toBe(12.5)
    expect(attributes.valueCurrency).toBe('EUR')
    expect(attributes.metric.data.attributes.name).toBe('Crosswise Recommendation')
    expect(attributes.profile.data.attributes).toEqual({
      email: 'ada@example.com',
      externalId: 'crosswise:store-1:9007199254740993',
    })
    expect(attributes).not.toHaveProperty('unique_id')
  })
})

describe('klaviyoExternalId', () => {
  it('namespaces the customer id by product and store', () => {
    expect(klaviyoExternalId({ storeId: 's', customerId: 'c' })).toBe('crosswise:s:c')
  })
})
