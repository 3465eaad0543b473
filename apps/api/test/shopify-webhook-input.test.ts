import { describe, expect, it } from 'vitest'
import { fixtureIds, shopifyFixture, shopifyHeaders } from './shopify-fixtures.ts'
import { shopifyWebhookStack, webhookSecret } from './shopify-webhook-stack.ts'

describe('POST /webhooks/shopify: bad input', () => {
  const stack = shopifyWebhookStack('api_shopify_input')
  const { shop, deliver, counts } = stack

  describe('bad input', () => {
    const order = (replacements: Record<string, string>) =>
      shopifyFixture('orders-create', { [fixtureIds.order]: '9223372036854775090', ...replacements })
    it.each([
      ['a missing field', 'orders/create', order({ '"currency": "EUR",': '' }), 'body.currency'],
      ['a wrong type', 'orders/create', order({ '"quantity": 2,': '"quantity": "two",' }), 'body.line_items[1].quantity'],
      [
        'a float as money',
        'refunds/create',
        shopifyFixture('refunds-create').replace('"amount": "14.90"', '"amount": "1e3"'),
        'body.transactions[0].amount',
      ],
      [
        'a bad date',
        'fulfillments/create',
        shopifyFixture('fulfillments-create').replace('"created_at": "2026-11-21T14:02:11+01:00"', '"created_at": "yesterday"'),
        'body.created_at',
      ],
    ])('rejects %s with 400 naming the field and records nothing', async (_case, topic, body, field) => {
      const before = await counts()
      const response = await deliver(topic, body)
      expect(response.statusCode).toBe(400)
      const problem = response.json() as { error: string; message: string; issues: Array<{ field: string }> }
      expect(problem.error).toBe('invalid_request')
      expect(problem.issues.map((issue) => issue.field)).toContain(field)
      expect(problem.message).toContain(field)
      expect(await counts()).toEqual(before)
    })

    it('rejects malformed JSON, a missing topic, an oversized body and a wrong content type', async () => {
      const before = await counts()
      const malformed = await deliver('orders/create', '{"id": 1, "line_items": [')
      expect([malformed.statusCode, malformed.json().error]).toEqual([400, 'invalid_json'])
      const body = order({})
      const noTopic = await stack.app.inject({
        method: 'POST',
        url: '/webhooks/shopify',
        headers: { ...shopifyHeaders(body, { topic: 'orders/create', shop, secret: webhookSecret }), 'x-shopify-topic': '' },
        body,
      })
      expect([noTopic.statusCode, noTopic.json().issues]).toEqual([
        400,
        [{ field: 'headers.x-shopify-topic', message: 'is missing or invalid' }],
      ])
      const huge = body.replace('"note": null', `"note": "${'x'.repeat(70 * 1024)}"`)
      const oversize = await deliver('orders/create', huge)
      expect([oversize.statusCode, oversize.json().error]).toEqual([413, 'payload_too_large'])
      const form = await deliver('orders/create', 'id=1', { contentType: 'application/x-www-form-urlencoded' })
      expect([form.statusCode, form.json().error]).toEqual([415, 'unsupported_media_type'])
      expect(await counts()).toEqual(before)
    })
  })
})
